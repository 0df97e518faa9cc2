using NodaTime;
using PolicyModel.Analysis;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Analysis;

/// <summary>
/// The grouped reports account for every concrete request exactly: random requests on random dates are in a gap group
/// exactly when the engine decides them <c>discretionary</c>, and in a diff group exactly when their decisions differ.
/// </summary>
public sealed class AnalysisConsistencyTests
{
    // Periods, a presumption, exceptions, circumstances, list-field tests and obligations.
    private static readonly PolicySet Rich = Compile(
        Us(Rule("us-emergency", "police-action", when: [Is("circumstances", "non-empty")])),
        Define("st", "state", "us", rules:
        [
            Rule("st-civil", "prohibit", from: "2018-01-01", obligations: ["release-when-eligible"],
                when: [When("assistance", "stop-or-arrest", "hold-past-release"), AnyOf(When("purpose", "civil-immigration-enforcement"), When("authority", "administrative-warrant"))]),
            Rule("st-crime", "permit", when: [When("purpose", "criminal-investigation"), When("assistance", "on-scene-support", "stop-or-arrest")]),
            Rule("st-carve", "none", when: [Test("subjectFacts", "anyOf", "felony-conviction", "gang-database")], excepts: ["st-civil"]),
            Rule("st-report", "none", when: [When("requester", "ice-ero", "cbp")], obligations: ["record-request"], from: "2020-01-01"),
            Rule("st-status", "refer", when: [When("assistance", "share-immigration-status"), Test("subjectFacts", "allOf", "foreign-national-arrested", "proof-of-lawful-status")], to: "2022-01-01"),
        ],
        presumptions: [Presumption("st-presume", "civil-immigration-enforcement", when: [When("requester", "ice-ero")], from: "2019-01-01")]));

    private static readonly PolicySet RichChanged = Compile(
        Us(Rule("us-emergency", "police-action", when: [Is("circumstances", "non-empty")])),
        Define("st", "state", "us", rules:
        [
            Rule("st-civil", "prohibit", from: "2018-06-01", obligations: ["release-when-eligible"],
                when: [When("assistance", "stop-or-arrest", "hold-past-release", "transfer-custody"), AnyOf(When("purpose", "civil-immigration-enforcement"), When("authority", "administrative-warrant", "immigration-detainer"))]),
            Rule("st-crime", "permit", when: [When("purpose", "criminal-investigation", "criminal-immigration-enforcement"), When("assistance", "on-scene-support", "stop-or-arrest")]),
            Rule("st-carve", "none", when: [Test("subjectFacts", "anyOf", "felony-conviction")], excepts: ["st-civil"]),
            Rule("st-report", "none", when: [When("requester", "ice-ero", "cbp", "ice-hsi")], obligations: ["record-request"], from: "2020-01-01"),
        ]));

    [Fact]
    public void Gap_groups_hold_exactly_the_discretionary_requests()
    {
        var gaps = new PolicyAnalyzer(Rich).Gaps("st", DateRange.All);
        var random = new Random(7);

        for (var i = 0; i < 3000; i++)
        {
            var (request, date) = RandomRequest(random, "st");
            var inGap = gaps.Groups.Any(g => g.Contains(request) && InPeriods(g.Periods, date));

            inGap.Should().Be(Rich.Decide(request).Outcome == Outcome.Discretionary, "request {0} on {1}", DecisionReport.Describe(Rich.Decide(request), request), date);
        }
    }

    [Fact]
    public void Diff_groups_hold_exactly_the_requests_whose_decision_differs_between_two_dates()
    {
        var before = new LocalDate(2019, 12, 31);
        var after = new LocalDate(2020, 1, 1);
        var diff = new PolicyAnalyzer(Rich).Diff("st", before, after);
        var random = new Random(11);

        diff.Changes.Should().NotBeEmpty();
        for (var i = 0; i < 3000; i++)
        {
            var (request, _) = RandomRequest(random, "st");
            var a = Rich.Decide(request with { ReceivedAt = Noon(before) });
            var b = Rich.Decide(request with { ReceivedAt = Noon(after) });
            var change = diff.Changes.SingleOrDefault(c => c.Groups.Any(g => g.Contains(request)));

            if (Differs(a, b))
            {
                change.Should().NotBeNull();
                (change!.Before, change.After).Should().Be((a.Outcome, b.Outcome));
                change.CitationsAdded.Should().BeEquivalentTo(b.Citations.Except(a.Citations));
            }
            else
            {
                change.Should().BeNull();
            }
        }
    }

    [Fact]
    public void Diff_groups_hold_exactly_the_requests_whose_decision_differs_between_two_versions()
    {
        var diff = PolicyAnalyzer.Diff(Rich, RichChanged, "st");
        var random = new Random(13);

        for (var i = 0; i < 3000; i++)
        {
            var (request, date) = RandomRequest(random, "st");
            var a = Rich.Decide(request);
            var b = RichChanged.Decide(request);
            var change = diff.Changes.SingleOrDefault(c => c.Groups.Any(g => g.Contains(request) && InPeriods(g.Periods, date)));

            if (Differs(a, b))
            {
                change.Should().NotBeNull("{0} became {1}", DecisionReport.Describe(a), DecisionReport.Describe(b));
                (change!.Before, change.After).Should().Be((a.Outcome, b.Outcome));
            }
            else
            {
                change.Should().BeNull();
            }
        }
    }

    [Fact]
    public void Groups_of_one_finding_are_disjoint_and_their_counts_add_up()
    {
        var diff = PolicyAnalyzer.Diff(Rich, RichChanged, "st", new LocalDate(2021, 1, 1));

        foreach (var change in diff.Changes)
        {
            change.RequestCount.Should().Be(change.Groups.Sum(g => g.RequestCount));
        }

        diff.RequestCount.Should().Be(diff.Changes.Sum(c => c.RequestCount));
        diff.Outcomes.Sum(o => o.RequestCount).Should().Be(diff.Changes.Where(c => c.OutcomeChanged).Sum(c => c.RequestCount));
    }

    private static bool Differs(Decision a, Decision b) =>
        a.Outcome != b.Outcome || !a.Citations.ToHashSet().SetEquals(b.Citations) || !a.Obligations.SequenceEqual(b.Obligations)
        || !a.Preempted.ToHashSet().SetEquals(b.Preempted);

    private static bool InPeriods(IReadOnlyList<EffectivePeriod> periods, LocalDate date) => periods.Any(p => p.Contains(date));

    private static OffsetDateTime Noon(LocalDate date) => date.At(new LocalTime(12, 0)).WithOffset(Offset.FromHours(-6));

    private static (AssistanceRequest Request, LocalDate Date) RandomRequest(Random random, string jurisdiction)
    {
        var date = new LocalDate(2016, 1, 1).PlusDays(random.Next(0, 365 * 9));
        var request = new AssistanceRequest
        {
            Jurisdiction = jurisdiction,
            ReceivedAt = Noon(date),
            Respondent = Pick<Respondent>(random),
            Requester = Pick<Requester>(random),
            Purpose = Pick<Purpose>(random),
            Assistance = Pick<AssistanceKind>(random),
            Authority = Pick<Authority>(random),
            Circumstances = random.Next(3) == 0 ? EnumSet<Circumstance>.FromMask((ulong)random.Next(16)) : default,
            SubjectFacts = EnumSet<SubjectFact>.FromMask((ulong)random.Next(128)),
        };
        return (request, date);
    }

    private static T Pick<T>(Random random)
        where T : struct, Enum => ContractNames<T>.All[random.Next(ContractNames<T>.All.Count)];
}
