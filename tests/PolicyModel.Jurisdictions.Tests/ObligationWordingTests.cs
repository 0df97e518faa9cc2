using PolicyModel.Jurisdictions;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>An obligation's clause in the explanation fits the rule that imposed it: inform-subject names the detainer only for a detainer rule.</summary>
public sealed class ObligationWordingTests
{
    [Fact]
    public void Inform_subject_speaks_of_the_detainer_for_the_Texas_detainer_rule()
    {
        var decision = BuiltInPolicies.Load().Decide(AssistanceRequest.In("us-tx").ReceivedAt("2024-03-01T10:00:00-06:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.HoldPastRelease)
            .Presenting(Authority.ImmigrationDetainer).Build());

        decision.Obligations.Should().Contain(Obligation.InformSubject);
        decision.Explanation.Should().ContainEquivalentOf("tell the person about the detainer");
    }

    [Fact]
    public void Inform_subject_speaks_of_the_request_for_a_rule_about_something_else()
    {
        var document = PolicyDocument.Parse("""
            { "format": "policymodel/1",
              "jurisdiction": { "id": "us-il-fairview", "name": "Fairview (fictional)", "parent": "us-il", "timeZone": "America/Chicago", "level": "city" },
              "sources": [ { "id": "code", "kind": "ordinance", "title": "Fairview Code (fictional)", "citation": "Fairview Code", "enacted": "2020-01-01" } ],
              "rules": [ { "id": "fv-notice", "source": "code", "section": "2-1", "period": { "from": "2020-01-01" }, "binds": ["police"],
                           "when": [ { "assistance": ["share-release-information"] } ], "effect": "none", "obligations": ["inform-subject"],
                           "explains": "requires telling the person when their release information is asked for" } ] }
            """, "fairview.json");
        var decision = BuiltInPolicies.LoadWith([document]).Decide(AssistanceRequest.In("us-il-fairview").ReceivedAt("2024-03-01T10:00:00-06:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.ShareReleaseInformation).Build());

        decision.Obligations.Should().Contain(Obligation.InformSubject);
        decision.Explanation.Should().ContainEquivalentOf("tell the person about the request").And.NotContain("detainer");
    }
}
