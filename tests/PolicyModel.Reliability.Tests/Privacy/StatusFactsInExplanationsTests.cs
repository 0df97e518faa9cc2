using NodaTime;
using PolicyModel.Reliability.Tests.Concurrency;

namespace PolicyModel.Reliability.Tests.Privacy;

/// <summary>
/// Explanations used to restate the person's status facts ("subject facts proof-of-lawful-status and
/// foreign-national-arrested"), writing into every decision record what the modelled laws forbid keeping. They now
/// name the rule and its legal effect instead.
/// </summary>
public sealed class StatusFactsInExplanationsTests
{
    [Fact]
    public void No_explanation_restates_a_subject_fact_of_the_request()
    {
        var requests = ConcurrencyStressTests.Requests(seed: 1919, 20_000)
            .Select(r => r with { SubjectFacts = EnumSet<SubjectFact>.AllValues })
            .ToArray();

        foreach (var request in requests)
        {
            // What the law's own text says (a rule's `explains` phrase may describe the facts it turns on) is not the person's facts.
            var explanation = TestInputs.BuiltIns.Rules.Select(r => r.Explains).OfType<string>()
                .Aggregate(TestInputs.BuiltIns.Decide(request).Explanation, (text, phrase) => text.Replace(phrase, "…", StringComparison.Ordinal));
            explanation.Should().NotContain("subject facts");
            foreach (var fact in ContractNames<SubjectFact>.Names)
            {
                // As a word of its own: `in-custody` is also part of the assistance `access-to-person-in-custody`.
                explanation.Should().NotMatchRegex($"(?<![a-z-]){fact}(?![a-z-])", $"the explanation of {RequestJson.Serialize(request)} must not name the status fact");
            }
        }
    }

    [Fact]
    public void A_rule_that_turns_on_a_status_fact_is_named_with_its_legal_effect()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt(new LocalDateTime(2024, 6, 1, 10, 0).WithOffset(Offset.FromHours(-5)))
            .From(Requester.FederalCriminalAgency)
            .ForPurpose(Purpose.CriminalInvestigation)
            .AskingFor(AssistanceKind.InquireImmigrationStatus)
            .WithSubjectFacts(SubjectFact.ForeignNationalArrested, SubjectFact.ProofOfLawfulStatus)
            .Build();

        var decision = TestInputs.BuiltIns.Decide(request);

        decision.Explanation.Should().NotContain("foreign-national-arrested").And.NotContain("proof-of-lawful-status");
        decision.Explanation.Should().Contain("2-173-030(a) (consular notification) exception applies");
    }
}
