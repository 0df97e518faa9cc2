using NodaTime;
using PolicyModel.Analysis;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Analysis;

/// <summary>
/// Issue 7: small documents with a known gap, a known conflict, known unreachable rules and a known change; the
/// analysis must find exactly those.
/// </summary>
public sealed class PolicyAnalyzerTests
{
    // Respondents, requesters, purposes, assistance kinds, authorities, circumstance lists, subject-fact lists, locations.
    private const long RequestsPerDate = 4L * 11 * 6 * 16 * 8 * 16 * 128 * 6;

    private static readonly LocalDate Day = new(2021, 8, 2);

    [Fact]
    public void A_known_gap_is_found_exactly_as_one_readable_group()
    {
        // Everything is decided except a criminal investigation asking for transport of a detainee.
        var set = Compile(Us(), State(
            Rule("st-most", "permit", when: [Test("assistance", "noneOf", "transport-detainee")]),
            Rule("st-not-criminal", "permit", when: [Test("purpose", "noneOf", "criminal-investigation")])));

        var gaps = new PolicyAnalyzer(set).Gaps("st", Day);

        var group = gaps.Groups.Should().ContainSingle().Subject;
        group.Describe().Should().Be("purpose criminal-investigation; assistance transport-detainee");
        group.Purposes.Should().Equal(Purpose.CriminalInvestigation);
        group.Assistance.Should().Equal(AssistanceKind.TransportDetainee);
        group.IsAny(RequestField.Requester).Should().BeTrue();
        group.Text(RequestField.Requester).Should().Be("any");
        group.RequestCount.Should().Be(RequestsPerDate / 6 / 16);
        gaps.RequestCount.Should().Be(group.RequestCount);
        set.Decide(Request("st").ForPurpose(Purpose.CriminalInvestigation).AskingFor(AssistanceKind.TransportDetainee).Build()).Outcome
            .Should().Be(Outcome.Discretionary);
    }

    [Fact]
    public void A_gap_over_a_range_carries_the_periods_in_which_it_is_open()
    {
        var set = Compile(Us(), State(
            Rule("st-most", "permit", when: [Test("assistance", "noneOf", "transport-detainee")]),
            Rule("st-ban", "prohibit", when: [When("assistance", "transport-detainee")], from: "2020-01-01")));
        var analyzer = new PolicyAnalyzer(set);

        var all = analyzer.Gaps("st", DateRange.All);
        var group = all.Groups.Should().ContainSingle().Subject;
        group.Describe().Should().Be("assistance transport-detainee");
        group.Periods.Should().Equal(new EffectivePeriod(null, new LocalDate(2020, 1, 1)));

        analyzer.Gaps("st", new LocalDate(2021, 1, 1)).Groups.Should().BeEmpty();
        analyzer.Gaps("st", new DateRange(new LocalDate(2019, 6, 1), new LocalDate(2020, 6, 1))).Groups.Should().ContainSingle()
            .Which.Periods.Should().Equal(new EffectivePeriod(new LocalDate(2019, 6, 1), new LocalDate(2020, 1, 1)));
    }

    [Fact]
    public void A_known_conflict_is_found_and_neither_exceptions_nor_disagreements_across_layers_are_reported()
    {
        var set = Compile(
            Us(),
            State(
                Rule("st-ban", "prohibit", when: [When("assistance", "transfer-custody")]),
                Rule("st-court", "permit", when: [When("assistance", "transfer-custody"), When("authority", "court-order")]),
                Rule("st-consent", "permit", when: [When("assistance", "transfer-custody"), When("authority", "written-consent")], excepts: ["st-ban"])),
            County(),
            City(Rule("ci-warrant", "permit", when: [When("assistance", "transfer-custody"), When("authority", "judicial-criminal-warrant")])));

        var conflicts = new PolicyAnalyzer(set).Conflicts("ci", Day);

        var conflict = conflicts.Should().ContainSingle().Subject;
        (conflict.Prohibiting.Value, conflict.Other.Value, conflict.Layer).Should().Be(("st-ban", "st-court", Layer.State));
        conflict.Groups.Should().ContainSingle().Which.Describe().Should().Be("assistance transfer-custody; authority court-order");
        set.Decide(Request("ci").AskingFor(AssistanceKind.TransferCustody).Presenting(Authority.JudicialCriminalWarrant).Build()).Conflicts
            .Should().NotBeEmpty("the engine reports the state-city disagreement, which analysis leaves to precedence");
    }

    [Fact]
    public void Known_unreachable_rules_are_found_exactly_with_their_reasons()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us", preemption: [Floor()], rules:
            [
                Rule("st-never", "prohibit", when: [When("assistance", "transfer-custody"), Test("assistance", "noneOf", "transfer-custody")]),
                Rule("st-hold", "prohibit", when: [When("assistance", "hold-past-release")]),
                Rule("st-hold-refer", "refer", when: [When("assistance", "hold-past-release")]),
                Rule("st-arrest", "prohibit", when: [When("assistance", "stop-or-arrest"), When("authority", "court-order")]),
                Rule("st-arrest-ok", "permit", when: [When("assistance", "stop-or-arrest")], excepts: ["st-arrest"]),
                Rule("st-transfer", "prohibit", when: [When("assistance", "transport-detainee")]),
            ]),
            County(),
            City(Rule("ci-transport-ok", "permit", when: [When("assistance", "transport-detainee")])));
        var analyzer = new PolicyAnalyzer(set);

        var unreachable = analyzer.UnreachableRules("ci");

        unreachable.Select(u => (u.Rule.Value, u.Reason, string.Join("|", u.By))).Should().BeEquivalentTo(new[]
        {
            ("st-never", UnreachableReason.NeverMatches, string.Empty),
            ("st-hold-refer", UnreachableReason.Shadowed, "st-hold"),
            ("st-arrest", UnreachableReason.AlwaysExcepted, "st-arrest-ok"),
            ("ci-transport-ok", UnreachableReason.AlwaysPreempted, "ST st-transfer"),
        });
        unreachable.Single(u => u.Rule.Value == "st-arrest").Explain().Should().Be("always excepted by st-arrest-ok");
        unreachable.Should().OnlyContain(u => u.Periods.SequenceEqual(new[] { EffectivePeriod.Always }));

        var preemption = analyzer.Preemptions("ci", Day).Should().ContainSingle().Subject;
        (preemption.Rule.Value, preemption.PreemptedBy).Should().Be(("ci-transport-ok", "ST st-transfer"));
        preemption.Outcomes.Should().Equal(Outcome.Denied);
        preemption.Groups.Should().ContainSingle().Which.Describe().Should().Be("assistance transport-detainee");
    }

    [Fact]
    public void A_rule_unreachable_in_its_own_period_is_reported_with_that_period_only()
    {
        var set = Compile(Us(), State(
            Rule("st-old", "prohibit", when: [When("assistance", "transfer-custody")], to: "2020-01-01"),
            Rule("st-later", "prohibit", when: [When("assistance", "transfer-custody"), When("authority", "court-order")], from: "2020-01-01",
                excepts: []),
            Rule("st-later-ok", "permit", when: [When("assistance", "transfer-custody")], from: "2020-01-01", excepts: ["st-later"])));

        var unreachable = new PolicyAnalyzer(set).UnreachableRules("st");

        var rule = unreachable.Should().ContainSingle().Subject;
        rule.Rule.Value.Should().Be("st-later");
        rule.Reason.Should().Be(UnreachableReason.AlwaysExcepted);
        rule.Periods.Should().Equal(new EffectivePeriod(new LocalDate(2020, 1, 1), null));
        new PolicyAnalyzer(set).UnreachableRules("st", new DateRange(null, new LocalDate(2019, 12, 31))).Should().BeEmpty("st-later is not in force then");
    }

    [Fact]
    public void A_known_change_between_two_dates_is_found_exactly()
    {
        var set = Compile(Us(), State(Rule("st-ban", "prohibit", when: [When("assistance", "transfer-custody")], from: "2021-08-02")));
        var analyzer = new PolicyAnalyzer(set);

        var diff = analyzer.Diff("st", new LocalDate(2021, 8, 1), new LocalDate(2021, 8, 2));

        var change = diff.Changes.Should().ContainSingle().Subject;
        (change.Before, change.After).Should().Be((Outcome.Discretionary, Outcome.Denied));
        change.CitationsAdded.Should().Equal("ST st-ban");
        change.CitationsRemoved.Should().BeEmpty();
        change.Groups.Should().ContainSingle().Which.Describe().Should().Be("assistance transfer-custody");
        change.Describe().Should().Be("discretionary -> denied; +ST st-ban");
        diff.RequestCount.Should().Be(RequestsPerDate / 16);
        diff.Outcomes.Should().ContainSingle().Which.Before.Should().Be(Outcome.Discretionary);
        diff.Items.Should().ContainSingle().Which.Describe().Should().Be("+ST st-ban");

        var back = analyzer.Diff("st", new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 1)).Changes.Should().ContainSingle().Subject;
        (back.Before, back.After, back.CitationsRemoved.Single()).Should().Be((Outcome.Denied, Outcome.Discretionary, "ST st-ban"));
        analyzer.Diff("st", new LocalDate(2021, 8, 2), new LocalDate(2030, 1, 1)).Changes.Should().BeEmpty();
    }

    [Fact]
    public void A_known_change_between_two_versions_of_the_documents_is_found_on_the_common_refinement_of_their_classes()
    {
        var before = Compile(Us(), State(Rule("st-ban", "prohibit", when: [When("assistance", "transfer-custody")])));
        var after = Compile(Us(), State(
            Rule("st-ban", "prohibit", when: [When("assistance", "transfer-custody", "transport-detainee")]),
            Rule("st-new", "prohibit", when: [When("assistance", "database-access")], from: "2022-01-01")));

        var onDay = PolicyAnalyzer.Diff(before, after, "st", Day);
        var change = onDay.Changes.Should().ContainSingle().Subject;
        (change.Before, change.After).Should().Be((Outcome.Discretionary, Outcome.Denied));
        change.Groups.Should().ContainSingle().Which.Describe().Should().Be("assistance transport-detainee");

        var history = PolicyAnalyzer.Diff(before, after, "st");
        history.Changes.Select(c => (c.Describe(), c.Groups.Single().Describe(), RequestGroup.PeriodsText(c.Groups.Single().Periods)))
            .Should().BeEquivalentTo(new[]
            {
                ("discretionary -> denied; +ST st-ban", "assistance transport-detainee", ".."),
                ("discretionary -> denied; +ST st-new", "assistance database-access", "2022-01-01.."),
            });
    }

    [Fact]
    public void A_diff_needs_the_jurisdiction_in_both_versions()
    {
        var before = Compile(Us());
        var after = Compile(Us(), State());

        var act = () => PolicyAnalyzer.Diff(before, after, "st", Day);

        act.Should().Throw<ArgumentException>().WithMessage("*old policies have no jurisdiction `st`*");
    }

    [Fact]
    public void Coverage_lists_the_rules_scenarios_exercise_and_those_none_does()
    {
        var set = Compile(Us(), State(
            Rule("st-ban", "prohibit", when: [When("assistance", "transfer-custody")]),
            Rule("st-report", "none", when: [When("requester", "ice-ero")], obligations: ["record-request"]),
            Rule("st-untested", "prohibit", when: [When("assistance", "database-access")])));
        var scenarios = new[]
        {
            new Scenario("transfer", Request("st").AskingFor(AssistanceKind.TransferCustody).Build(), new ScenarioExpectation(Outcome.Denied, null, null, null), "test $[0]"),
            new Scenario("nowhere", Request("us").Build() with { Jurisdiction = "xx" }, new ScenarioExpectation(Outcome.Denied, null, null, null), "test $[1]"),
        };

        var coverage = new PolicyAnalyzer(set).Coverage(scenarios);

        coverage.ScenarioCount.Should().Be(1);
        coverage.Invalid.Should().ContainSingle().Which.Should().Contain("nowhere");
        coverage.Rules.Single(r => r.Rule.Value == "st-ban").Scenarios.Should().Equal("transfer");
        coverage.Rules.Single(r => r.Rule.Value == "st-report").Exercised.Should().BeTrue();
        coverage.Unexercised.Select(r => r.Rule.Value).Should().Equal("st-untested");
        coverage.Ratio.Should().BeApproximately(2.0 / 3, 1e-9);
    }

    [Fact]
    public void Analyze_reports_every_finding_of_a_jurisdiction_and_analyze_all_every_jurisdiction()
    {
        var set = Compile(Us(), State(
            Rule("st-ban", "prohibit", when: [When("assistance", "transfer-custody")]),
            Rule("st-allow", "permit", when: [When("assistance", "transfer-custody"), When("authority", "court-order")])));
        var analyzer = new PolicyAnalyzer(set);

        var report = analyzer.Analyze("st");

        report.Periods.Should().Equal(EffectivePeriod.Always);
        report.RequestsPerDate.Should().Be(RequestsPerDate);
        report.Conflicts.Should().ContainSingle();
        report.Unreachable.Should().ContainSingle().Which.Reason.Should().Be(UnreachableReason.Shadowed, "st-allow only ever counts beside st-ban");
        report.Gaps.Groups.Should().ContainSingle().Which.Describe().Should().Be("assistance any except transfer-custody");
        analyzer.AnalyzeAll().Select(r => r.Jurisdiction.Value).Should().Equal("us", "st");
    }

    [Fact]
    public void An_empty_range_or_an_unknown_jurisdiction_is_rejected()
    {
        var analyzer = new PolicyAnalyzer(Compile(Us()));

        ((Action)(() => analyzer.Gaps("us", new DateRange(new LocalDate(2021, 1, 2), new LocalDate(2021, 1, 1))))).Should().Throw<ArgumentException>();
        ((Action)(() => analyzer.Gaps("nowhere", Day))).Should().Throw<KeyNotFoundException>().WithMessage("*`nowhere`*");
    }
}
