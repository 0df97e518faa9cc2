using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>Runs scenario files (the contract's format) against a policy set in one line.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs every scenario of the files and folders given (folders: all <c>*.json</c> files, recursively, in ordinal
    /// order), collecting every problem of every path and file.
    /// </summary>
    /// <param name="policies">The policy set to decide with.</param>
    /// <param name="paths">Scenario files or folders.</param>
    /// <param name="results">One result per scenario, in file order, when every path and file was read without problems.</param>
    /// <param name="problems">Every problem of every path and file (empty on success).</param>
    /// <returns>Whether every file was read and its scenarios run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/>, <paramref name="paths"/> or a path is <see langword="null"/>.</exception>
    public static bool TryRun(PolicySet policies, IEnumerable<string> paths, [NotNullWhen(true)] out IReadOnlyList<ScenarioResult>? results, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(policies);
        Guard.Against.Null(paths);
        InputFiles.TryExpand(paths, out var files, out var expandProblems);
        var found = new List<Problem>(expandProblems);
        List<ScenarioResult> all = [.. files.SelectMany(f => ScenarioFile.Read(f, found)).Select(s => Run(policies, s))];
        problems = found;
        results = found.Count == 0 ? all : null;
        return results is not null;
    }

    /// <summary>Runs every scenario of the files and folders given, for callers that treat a bad file as a bug.</summary>
    /// <param name="policies">The policy set to decide with.</param>
    /// <param name="paths">Scenario files or folders.</param>
    /// <returns>One result per scenario, in file order.</returns>
    /// <exception cref="InvalidRequestException">A path cannot be read or a scenario file is invalid (every problem of every file is listed).</exception>
    public static IReadOnlyList<ScenarioResult> Run(PolicySet policies, params string[] paths) =>
        TryRun(policies, paths, out var results, out var problems) ? results : throw new InvalidRequestException(problems);

    /// <summary>
    /// Runs every scenario of the files and folders given as a stream: each file is read one scenario at a time
    /// (<see cref="ScenarioFile.Read"/>) and each result is returned as soon as it is known, so memory does not grow
    /// with the number of scenarios.
    /// </summary>
    /// <param name="policies">The policy set to decide with.</param>
    /// <param name="paths">Scenario files or folders.</param>
    /// <returns>One result per scenario, in file order, as the enumeration goes on.</returns>
    /// <exception cref="InvalidRequestException">
    /// A path cannot be found (at once), or, from the enumeration, a file cannot be read or a scenario is invalid.
    /// </exception>
    public static IEnumerable<ScenarioResult> RunEach(PolicySet policies, params string[] paths)
    {
        Guard.Against.Null(policies);
        Guard.Against.Null(paths);
        return ScenarioFiles(paths).SelectMany(f => ScenarioFile.Read(f)).Select(s => Run(policies, s));
    }

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
