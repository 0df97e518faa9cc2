using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md sections 8 and 10: outcome by precedence, then circumstances.</summary>
public sealed class PrecedenceTests
{
    // One rule per effect, each switched on by its own subject fact, so a test chooses which rules match.
    private static readonly PolicySet Set = Compile(
        Us(),
        State(
            Rule("st-prohibit", "prohibit", when: [Test("subjectFacts", "anyOf", "gang-database")]),
            Rule("st-refer", "refer", when: [Test("subjectFacts", "anyOf", "pending-felony-charge")]),
            Rule("st-require", "require", when: [Test("subjectFacts", "anyOf", "felony-conviction")]),
            Rule("st-permit", "permit", when: [Test("subjectFacts", "anyOf", "outstanding-criminal-warrant")]),
            Rule("st-none", "none", when: [Test("subjectFacts", "anyOf", "in-custody")]),
            Rule("st-police-action", "police-action", when: [Is("circumstances", "non-empty")])));

    private const SubjectFact P = SubjectFact.GangDatabase;
    private const SubjectFact F = SubjectFact.PendingFelonyCharge;
    private const SubjectFact Q = SubjectFact.FelonyConviction;
    private const SubjectFact G = SubjectFact.OutstandingCriminalWarrant;
    private const SubjectFact N = SubjectFact.InCustody;

    private static Decision Decide(SubjectFact[] facts, params Circumstance[] circumstances) =>
        Set.Decide(Request("st").WithSubjectFacts(facts).WithCircumstances(circumstances).Build());

    [Theory]
    [InlineData(new[] { P, F, Q, G }, Outcome.Denied)]
    [InlineData(new[] { F, Q, G }, Outcome.Refer)]
    [InlineData(new[] { Q, G }, Outcome.Required)]
    [InlineData(new[] { G }, Outcome.Granted)]
    [InlineData(new[] { N }, Outcome.Discretionary)]
    [InlineData(new SubjectFact[0], Outcome.Discretionary)]
    public void Section_4_4_precedence_prohibit_then_refer_then_require_then_permit_else_discretionary(SubjectFact[] facts, Outcome expected) =>
        Decide(facts).Outcome.Should().Be(expected);

    [Fact]
    public void Section_4_4_prohibit_wins_over_permit() => Decide([P, G]).Outcome.Should().Be(Outcome.Denied);

    [Fact]
    public void Section_4_4_prohibit_wins_over_require() => Decide([P, Q]).Outcome.Should().Be(Outcome.Denied);

    [Fact]
    public void Section_4_4_a_prohibition_settles_what_a_refer_leaves_open()
    {
        var decision = Decide([P, F]);

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("st-prohibit", "st-refer");
    }

    [Fact]
    public void Section_4_4_refer_wins_over_require_and_permit() => Decide([F, Q, G]).Outcome.Should().Be(Outcome.Refer);

    [Fact]
    public void Section_4_4_require_wins_over_permit() => Decide([Q, G]).Outcome.Should().Be(Outcome.Required);

    [Fact]
    public void Section_4_3_a_none_rule_gives_citations_and_no_outcome()
    {
        var decision = Decide([N]);

        decision.Outcome.Should().Be(Outcome.Discretionary);
        decision.Rules().Should().Equal("st-none");
        decision.Citations.Should().Equal("ST st-none");
    }

    [Theory]
    [InlineData(new[] { P }, Outcome.PoliceAction)]
    [InlineData(new[] { F }, Outcome.PoliceAction)]
    [InlineData(new[] { N }, Outcome.PoliceAction)]
    [InlineData(new SubjectFact[0], Outcome.PoliceAction)]
    [InlineData(new[] { Q }, Outcome.Required)]
    [InlineData(new[] { G }, Outcome.Granted)]
    public void Section_4_6_step_7_denied_refer_and_discretionary_become_police_action_granted_and_required_stand(SubjectFact[] facts, Outcome expected) =>
        Decide(facts, Circumstance.MedicalEmergency).Outcome.Should().Be(expected);

    [Fact]
    public void Section_4_6_step_7_without_a_counting_police_action_rule_circumstances_change_nothing()
    {
        var set = Compile(Us(), State(Rule("st-prohibit", "prohibit")));

        set.Decide(Request("st").WithCircumstances(Circumstance.CrimeInProgress).Build()).Outcome.Should().Be(Outcome.Denied);
    }

    [Fact]
    public void Section_4_7_police_action_keeps_the_underlying_prohibition_in_the_decision_and_explanation()
    {
        var decision = Decide([P], Circumstance.CrimeInProgress);

        decision.Outcome.Should().Be(Outcome.PoliceAction);
        decision.Rules().Should().Equal("st-police-action", "st-prohibit");
        decision.Citations.Should().Equal("ST st-police-action", "ST st-prohibit");
        decision.Explanation.Should().StartWith("Police action: act on the crime-in-progress")
            .And.Contain("do not assist the stop-or-arrest itself")
            .And.Contain("ST st-prohibit");
    }

    [Fact]
    public void Section_4_6_step_7_a_required_hold_stays_required_during_a_medical_emergency()
    {
        var decision = Decide([Q], Circumstance.MedicalEmergency);

        decision.Outcome.Should().Be(Outcome.Required);
        decision.Rules().First().Should().Be("st-require");
        decision.Rules().Should().Contain("st-police-action");
    }
}
