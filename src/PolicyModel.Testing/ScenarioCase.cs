using Xunit;
using Xunit.Abstractions;

namespace PolicyModel.Testing;

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
