using PolicyModel;
using PolicyModel.Jurisdictions;
using PolicyModel.Testing;

namespace MyAgency.Tests;

public class ChicagoPolicyTests
{
    private static readonly PolicySet Policies = BuiltInPolicies.Load();

    [Fact]
    public void Civil_perimeter_support_is_denied_with_its_reasons()
    {
        Decision decision = Policies.Decide(AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.PerimeterOrCrowdControl)
            .Build());

        decision.Should().BeDenied()
            .And.Cite("Chicago Municipal Code 2-173-020(a)(6)")
            .And.Cite("5 ILCS 805/15(h)")
            .And.Impose(Obligation.SupervisorToScene);
    }

    // Scenario files (the files `policymodel test` runs), copied to the test output.
    [Fact]
    public void Every_scenario_passes() =>
        ScenarioRunner.Run(Policies, Path.Combine(AppContext.BaseDirectory, "scenarios")).ShouldAllPass();
}
