using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>Runs scenario files (the contract's format) against a policy set in one line.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs every scenario of the files and folders given (folders: all <c>*.json</c> files, recursively, in ordinal
    /// order), once every file has been read without problems.
    /// </summary>
    /// <param name="policies">The policy set to decide with.</param>
    /// <param name="paths">Scenario files or folders.</param>
    /// <param name="results">One result per scenario, in file order, when every file was read.</param>
    /// <param name="problems">Every problem of every path and file (empty on success).</param>
    /// <returns>Whether every file was read and its scenarios run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/>, <paramref name="paths"/> or a path is <see langword="null"/>.</exception>
    public static bool TryRun(PolicySet policies, IEnumerable<string> paths, [NotNullWhen(true)] out IReadOnlyList<ScenarioResult>? results, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(policies);
        Guard.Against.Null(paths);
        InputFiles.TryExpand(paths, out var files, out var expandProblems);
        var found = new List<Problem>(expandProblems);
        var scenarios = new List<Scenario>();
        foreach (var file in files)
        {
            if (ScenarioFile.TryLoad(file, out var loaded, out var fileProblems))
            {
                scenarios.AddRange(loaded);
            }

            found.AddRange(fileProblems);
        }

        problems = found;
        results = found.Count == 0 ? [.. scenarios.Select(s => Run(policies, s))] : null;
        return results is not null;
    }

    /// <summary>Runs every scenario of the files and folders given, for callers that treat a bad file as a bug.</summary>
    /// <param name="policies">The policy set to decide with.</param>
    /// <param name="paths">Scenario files or folders.</param>
    /// <returns>One result per scenario, in file order.</returns>
    /// <exception cref="InvalidRequestException">A path cannot be read or a scenario file is invalid; every problem is listed.</exception>
    public static IReadOnlyList<ScenarioResult> Run(PolicySet policies, params string[] paths) =>
        TryRun(policies, paths, out var results, out var problems) ? results : throw new InvalidRequestException(problems);

    /// <summary>Runs one scenario.</summary>
    /// <param name="policies">The policy set.</param>
    /// <param name="scenario">The scenario.</param>
    /// <returns>Its result.</returns>
    public static ScenarioResult Run(PolicySet policies, Scenario scenario)
    {
        Guard.Against.Null(policies);
        Guard.Against.Null(scenario);
        return policies.TryDecide(scenario.Request, out var decision, out var problem)
            ? new ScenarioResult(scenario, decision, scenario.Check(decision!))
            : new ScenarioResult(scenario, null, [$"the request is invalid: {problem}"]);
    }

    /// <summary>The scenario files named by files and folders, found by <see cref="InputFiles.TryExpand"/>.</summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The files, folders expanded in ordinal order.</returns>
    /// <exception cref="InvalidRequestException">A path does not exist, is a dangling link or a special file, or a folder cannot be read; every problem is listed.</exception>
    public static IReadOnlyList<string> ScenarioFiles(params string[] paths)
    {
        Guard.Against.Null(paths);
        return InputFiles.TryExpand(paths, out var files, out var problems) ? files : throw new InvalidRequestException(problems);
    }
}
