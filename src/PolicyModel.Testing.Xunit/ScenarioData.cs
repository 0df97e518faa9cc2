using Ardalis.GuardClauses;
// Compiled into both adapters: PolicyModel.Testing.Xunit (xunit v2) and, with XUNIT_V3 defined,
// PolicyModel.Testing.XunitV3 (xunit v3). Only the namespace of the serialisation interfaces differs.
using Xunit;
#if XUNIT_V3
using Xunit.Sdk;
#else
using Xunit.Abstractions;
#endif

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
    public Scenario Scenario => scenario ??= new ScenarioLocation(File, Index, Name).Load();

    /// <summary>Decides the scenario's request and returns its result.</summary>
    /// <param name="policies">The policy set.</param>
    /// <returns>The result.</returns>
    public ScenarioResult RunWith(PolicySet policies) => ScenarioRunner.Run(policies, Scenario);

    /// <inheritdoc/>
    public void Deserialize(IXunitSerializationInfo info)
    {
        Guard.Against.Null(info);
        File = info.GetValue<string>(nameof(File)) ?? string.Empty;
        Index = info.GetValue<int>(nameof(Index));
        Name = info.GetValue<string>(nameof(Name)) ?? string.Empty;
    }

    /// <inheritdoc/>
    public void Serialize(IXunitSerializationInfo info)
    {
        Guard.Against.Null(info);
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Index), Index);
        info.AddValue(nameof(Name), Name);
    }

    /// <summary>The case's display name: <c>file: scenario name</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => new ScenarioLocation(File, Index, Name).ToString();
}

/// <summary>Turns scenario files and folders into xunit theory data, one case per scenario.</summary>
public static class ScenarioData
{
    /// <summary>Theory data for <c>[MemberData]</c>: one <see cref="ScenarioCase"/> per scenario.</summary>
    /// <param name="paths">Scenario files or folders (relative paths resolve against the test assembly's folder).</param>
    /// <returns>The theory data.</returns>
    /// <exception cref="InvalidRequestException">A file is not a valid scenario file; every problem is listed.</exception>
    public static TheoryData<ScenarioCase> From(params string[] paths)
    {
        var data = new TheoryData<ScenarioCase>();
        foreach (var location in ScenarioCatalog.Find(paths))
        {
            data.Add(new ScenarioCase(location.File, location.Index, location.Name));
        }

        return data;
    }
}
