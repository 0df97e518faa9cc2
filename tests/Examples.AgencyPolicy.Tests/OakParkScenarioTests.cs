using PolicyModel;
using PolicyModel.Testing;

namespace Examples.AgencyPolicy.Tests;

/// <summary>The scenario files under scenarios/ (docs/scenario-format.md, copied to the test output).</summary>
public sealed class OakParkScenarioTests
{
    /// <summary>One theory case per scenario, shown by file and scenario name.</summary>
    public static TheoryData<ScenarioCase> Scenarios() => ScenarioData.From("scenarios");

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_decides_as_expected(ScenarioCase scenario) =>
        scenario.RunWith(OakPark.Policies).ShouldPass();

    [Fact]
    public void Every_scenario_passes_in_one_line() =>
        ScenarioRunner.Run(OakPark.Policies, Path.Combine(AppContext.BaseDirectory, "scenarios")).ShouldAllPass();
}
