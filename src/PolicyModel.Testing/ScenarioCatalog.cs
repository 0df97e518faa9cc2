using Ardalis.GuardClauses;
namespace PolicyModel.Testing;

/// <summary>
/// Where one scenario is: its file, its index in the file and its name. Test-framework adapters
/// (<c>PolicyModel.Testing.Xunit</c>, <c>PolicyModel.Testing.XunitV3</c>) turn each into a test case of its own.
/// </summary>
/// <param name="File">The scenario file (a full path).</param>
/// <param name="Index">The scenario's index in its file.</param>
/// <param name="Name">The scenario's name.</param>
public sealed record ScenarioLocation(string File, int Index, string Name)
{
    /// <summary>Reads the scenario from its file.</summary>
    /// <returns>The scenario.</returns>
    /// <exception cref="InvalidRequestException">The file is no longer a valid scenario file.</exception>
    public Scenario Load() => ScenarioFile.Load(File)[Index];

    /// <summary>The display name: <c>file.json: scenario name</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => $"{Path.GetFileName(File)}: {Name}";
}

/// <summary>Lists the scenarios of scenario files and folders, for test-framework adapters.</summary>
public static class ScenarioCatalog
{
    /// <summary>
    /// Every scenario of the given files and folders (a folder's <c>*.json</c>, recursively, in ordinal order).
    /// Relative paths resolve against the test assembly's folder (<see cref="AppContext.BaseDirectory"/>), where
    /// <c>CopyToOutputDirectory</c> puts scenario files.
    /// </summary>
    /// <param name="paths">Scenario files or folders.</param>
    /// <returns>The scenarios, file by file, in file order.</returns>
    /// <exception cref="InvalidRequestException">A file is not a valid scenario file; every problem is listed.</exception>
    public static IReadOnlyList<ScenarioLocation> Find(params string[] paths)
    {
        Guard.Against.Null(paths);
        var resolved = paths.Select(p => Path.IsPathRooted(p) ? p : Path.Combine(AppContext.BaseDirectory, p)).ToArray();
        var found = new List<ScenarioLocation>();
        foreach (var file in ScenarioRunner.ScenarioFiles(resolved))
        {
            var scenarios = ScenarioFile.Load(file);
            for (var i = 0; i < scenarios.Count; i++)
            {
                found.Add(new ScenarioLocation(file, i, scenarios[i].Name));
            }
        }

        return found;
    }
}
