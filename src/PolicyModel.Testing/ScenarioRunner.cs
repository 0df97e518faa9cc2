using Xunit;
using Xunit.Abstractions;

namespace PolicyModel.Testing;

/// <summary>The result of one scenario: its decision and every way the decision differs from the expectation.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Decision">The decision, or <see langword="null"/> when the request could not be decided.</param>
/// <param name="Failures">What differs (empty when it passes).</param>
public sealed record ScenarioResult(Scenario Scenario, Decision? Decision, IReadOnlyList<string> Failures)
{
    /// <summary>Whether the decision met every expectation.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>A report: the scenario, the failures, the request and the decision.</summary>
    /// <returns>Multi-line text.</returns>
    public override string ToString() =>
        $"{(Passed ? "PASS" : "FAIL")} {Scenario.Name} ({Scenario.Source}){(Passed ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, Failures.Select(f => "  " + f)))}"
        + (Decision is null || Passed ? string.Empty : Environment.NewLine + DecisionReport.Describe(Decision));
}

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

/// <summary>
/// One scenario as an xunit theory case: serialisable (file and index), shown by its name, so each scenario is a
/// test case of its own in test explorers and reports.
/// </summary>
public sealed class ScenarioCase : IXunitSerializable
{
    private Scenario? scenario;

    /// <summary>For the xunit serialiser only.</summary>
    [Obsolete("For the xunit serialiser only.")]
    public ScenarioCase()
    {
        File = string.Empty;
        Name = string.Empty;
    }

    /// <summary>Creates a case.</summary>
    /// <param name="file">The scenario file.</param>
    /// <param name="index">The scenario's index in the file.</param>
    /// <param name="name">The scenario's name.</param>
    public ScenarioCase(string file, int index, string name)
    {
        File = file;
        Index = index;
        Name = name;
    }

    /// <summary>The scenario file.</summary>
    public string File { get; private set; }

    /// <summary>The scenario's index in its file.</summary>
    public int Index { get; private set; }

    /// <summary>The scenario's name.</summary>
    public string Name { get; private set; }

    /// <summary>The scenario (read from the file on first use).</summary>
    public Scenario Scenario => scenario ??= ScenarioFile.Load(File)[Index];

    /// <summary>Decides the scenario's request and returns its result.</summary>
    /// <param name="policies">The policy set.</param>
    /// <returns>The result.</returns>
    public ScenarioResult RunWith(PolicySet policies) => ScenarioRunner.Run(policies, Scenario);

    /// <inheritdoc/>
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        File = info.GetValue<string>(nameof(File));
        Index = info.GetValue<int>(nameof(Index));
        Name = info.GetValue<string>(nameof(Name));
    }

    /// <inheritdoc/>
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Index), Index);
        info.AddValue(nameof(Name), Name);
    }

    /// <summary>The case's display name: <c>file: scenario name</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => $"{Path.GetFileName(File)}: {Name}";
}

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
