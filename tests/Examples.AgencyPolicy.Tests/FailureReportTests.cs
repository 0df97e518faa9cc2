using PolicyModel;
using PolicyModel.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Examples.AgencyPolicy.Tests;

/// <summary>What a failing assertion prints: the expectation, the request, the decision, its explanation and citations.</summary>
public sealed class FailureReportTests(ITestOutputHelper output)
{
    [Fact]
    public void A_wrong_decision_assertion_reports_the_decision_the_explanation_and_the_citations()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt("2025-06-10T09:00:00-05:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.PerimeterOrCrowdControl).Build());

        var act = () => decision.Should().BeGranted("the village wants to help with traffic");

        var message = act.Should().Throw<XunitException>().Which.Message;
        output.WriteLine(message);
        message.Should()
            .Contain("Expected the decision to be granted because the village wants to help with traffic, but it is denied.")
            // A decision carries no copy of its request (a value is what it says), so the report shows the decision.
            .And.Contain("outcome denied on 2025-06-10 (us > us-il > us-il-oak-park)")
            .And.Contain("deciding rules: op-13-2-3-a-support")
            .And.Contain("explanation: " + decision.Explanation)
            .And.Contain("Oak Park Village Code 13-2-3(a)")
            .And.Contain("5 ILCS 805/15(h)");
    }

    [Fact]
    public void A_failing_scenario_reports_what_differs_and_the_decision()
    {
        const string json = """
            {
              "scenarios": [
                {
                  "name": "Deliberately wrong: ICE asks Oak Park police for a traffic perimeter",
                  "request": { "jurisdiction": "us-il-oak-park", "receivedAt": "2025-06-10T09:00:00-05:00",
                               "requester": "ice-ero", "purpose": "civil-immigration-enforcement",
                               "assistance": "perimeter-or-crowd-control" },
                  "expect": { "outcome": "granted", "citations": ["13-2-9"], "withoutObligations": ["supervisor-to-scene"] }
                }
              ]
            }
            """;
        var scenario = ScenarioFile.Parse(json, "wrong.json").Single();

        var result = ScenarioRunner.Run(OakPark.Policies, scenario);

        result.Passed.Should().BeFalse();
        result.Failures.Should().HaveCount(3);
        var message = FluentActions.Invoking(result.ShouldPass).Should().Throw<XunitException>().Which.Message;
        output.WriteLine(message);
        message.Should()
            .Contain("FAIL Deliberately wrong")
            .And.Contain("expected outcome `granted`, got `denied`")
            .And.Contain("expected a citation containing `13-2-9`")
            .And.Contain("expected no obligation `supervisor-to-scene`")
            .And.Contain("explanation: " + result.Decision!.Explanation);
    }
}
