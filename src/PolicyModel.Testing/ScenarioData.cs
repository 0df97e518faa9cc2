using Xunit;

namespace PolicyModel.Testing;

/// <summary>Turns scenario files and folders into xunit theory data, one case per scenario.</summary>
public static class ScenarioData
{
    /// <summary>Theory data for <c>[MemberData]</c>: one <see cref="ScenarioCase"/> per scenario.</summary>
    /// <param name="paths">Scenario files or folders (relative paths resolve against the test assembly's folder).</param>
    /// <returns>The theory data.</returns>
    public static TheoryData<ScenarioCase> From(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var data = new TheoryData<ScenarioCase>();
        var resolved = paths.Select(p => Path.IsPathRooted(p) ? p : Path.Combine(AppContext.BaseDirectory, p)).ToArray();
        foreach (var file in ScenarioRunner.ScenarioFiles(resolved))
        {
            var scenarios = ScenarioFile.Load(file);
            for (var i = 0; i < scenarios.Count; i++)
            {
                data.Add(new ScenarioCase(file, i, scenarios[i].Name));
            }
        }

        return data;
    }
}
