using PolicyModel.Jurisdictions;
using PolicyModel.Testing;

namespace PolicyModel.Testing.XunitV3.Tests;

/// <summary>The xunit v3 adapter: one serialisable theory case per scenario, decided with the assertions.</summary>
public sealed class XunitV3AdapterTests
{
    private static readonly PolicySet Policies = BuiltInPolicies.Load();

    public static TheoryData<ScenarioCase> Scenarios() => ScenarioData.From("scenarios");

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Each_reference_scenario_is_a_v3_theory_case_that_passes(ScenarioCase scenario) =>
        scenario.RunWith(Policies).ShouldPass();

    [Fact]
    public void The_theory_data_has_one_case_per_scenario_in_file_order()
    {
        var locations = ScenarioCatalog.Find("scenarios");
        var cases = Scenarios().Select(row => row.Data).ToList();

        locations.Should().NotBeEmpty();
        cases.Select(c => c.ToString()).Should().Equal(locations.Select(l => l.ToString()));
        cases[0].ToString().Should().Be($"{Path.GetFileName(locations[0].File)}: {locations[0].Name}");
    }

    [Fact]
    public void A_case_survives_xunit_v3_serialisation()
    {
        var original = Scenarios().Select(row => row.Data).Last();

        var text = Xunit.Sdk.SerializationHelper.Instance.Serialize(original);
        var copy = Xunit.Sdk.SerializationHelper.Instance.Deserialize(text).Should().BeOfType<ScenarioCase>().Subject;

        copy.File.Should().Be(original.File);
        copy.Index.Should().Be(original.Index);
        copy.Name.Should().Be(original.Name);
        copy.Scenario.Name.Should().Be(original.Name);
    }
}
