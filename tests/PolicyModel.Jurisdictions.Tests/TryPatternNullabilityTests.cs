using PolicyModel.Jurisdictions;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>
/// The Try… methods carry [NotNullWhen] / [MemberNotNullWhen], so callers need no <c>!</c>: this file compiles with
/// nullable warnings as errors only because of them (CS8602 otherwise), and the values are really there.
/// </summary>
public sealed class TryPatternNullabilityTests
{
    private static readonly PolicySet Policies = BuiltInPolicies.Load();

    [Fact]
    public void TryDecide_gives_a_decision_on_true_and_a_problem_on_false_without_null_forgiving()
    {
        var request = AssistanceRequest.In("us-il-chicago").ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.PerimeterOrCrowdControl).Build();

        Policies.TryDecide(request, out var decision, out _).Should().BeTrue();
        if (Policies.TryDecide(request, out decision, out _))
        {
            decision.Outcome.Should().Be(Outcome.Denied);
        }

        if (!Policies.TryDecide(request with { Jurisdiction = "us-zz" }, out _, out var problem))
        {
            problem.Code.Should().Be("PM3001");
        }
        else
        {
            Assert.Fail("an unknown jurisdiction must not be decided");
        }
    }

    [Fact]
    public void TryGetJurisdiction_and_TryParse_need_no_null_forgiving()
    {
        if (Policies.TryGetJurisdiction("us-il-chicago", out var chicago))
        {
            chicago.Id.Value.Should().Be("us-il-chicago");
        }
        else
        {
            Assert.Fail("Chicago is built in");
        }

        if (!PolicyDocument.TryParse(PolicyDocumentJson.Serialize(BuiltInPolicies.Documents()[0]), "copy.json", out var parsed, out var problems))
        {
            Assert.Fail(string.Join("; ", problems));
            return;
        }

        parsed.Name.Should().Be("copy.json");
    }
}
