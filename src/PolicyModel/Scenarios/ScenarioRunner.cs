namespace PolicyModel;

/// <summary>Runs scenario files (the contract's format) against a policy set in one line.</summary>
public static class ScenarioRunner
{
    /// <summary>Runs every scenario of the files and folders given (folders: all <c>*.json</c> files, recursively, in ordinal order).</summary>
    /// <param name="policies">The policy set to decide with.</param>
    /// <param name="paths">Scenario files or folders.</param>
    /// <returns>One result per scenario, in file order.</returns>
    /// <exception cref="InvalidRequestException">A scenario file is invalid.</exception>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static IReadOnlyList<ScenarioResult> Run(PolicySet policies, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(paths);
        return [.. ScenarioFiles(paths).SelectMany(ScenarioFile.Load).Select(s => Run(policies, s))];
    }

    /// <summary>Runs one scenario.</summary>
    /// <param name="policies">The policy set.</param>
    /// <param name="scenario">The scenario.</param>
    /// <returns>Its result.</returns>
    public static ScenarioResult Run(PolicySet policies, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(scenario);
        return policies.TryDecide(scenario.Request, out var decision, out var problem)
            ? new ScenarioResult(scenario, decision, scenario.Check(decision!))
            : new ScenarioResult(scenario, null, [$"the request is invalid: {problem}"]);
    }

    /// <summary>The scenario files named by files and folders.</summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The files, folders expanded in ordinal order.</returns>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static IReadOnlyList<string> ScenarioFiles(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"no scenario file or folder `{path}`", path);
            }
        }

        return files;
    }
}

