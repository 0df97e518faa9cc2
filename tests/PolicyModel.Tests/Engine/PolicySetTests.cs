using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>
/// The policy set as a whole (policy-format "Top level" and "Terms"; semantics.md section 1): terms reused from enclosing
/// jurisdictions, user extension documents, request validation at decision time, and the explained trace.
/// </summary>
public sealed class PolicySetTests
{
    private static readonly System.Text.Json.Nodes.JsonObject FederalWithTerms = Define("us", "federal", zone: "UTC",
        terms: Terms(
            ("immigration-agency", When("requester", "ice-ero", "ice-hsi", "cbp", "other-dhs")),
            ("civil-document", When("authority", "administrative-warrant", "immigration-detainer", "ncic-immigration-hit", "alien-enemies-designation"))));

    [Fact]
    public void Format_terms_a_city_rule_reuses_a_term_defined_by_an_ancestor_document()
    {
        var set = Compile(
            FederalWithTerms,
            Define("st", "state", "us", terms: Terms(("civil-request", AllOf(Term("civil-document"), Not(When("purpose", "criminal-investigation")))))),
            County(),
            City(
                Rule("ci-agency", "none", when: [Term("immigration-agency")], obligations: ["supervisor-to-scene"]),
                Rule("ci-civil", "prohibit", when: [Term("civil-request")])));

        var civil = set.Decide(Request("ci").Presenting(Authority.AdministrativeWarrant).Build());
        civil.Rules().Should().Equal("ci-civil", "ci-agency");

        var criminal = set.Decide(Request("ci").From(Requester.FederalCriminalAgency).ForPurpose(Purpose.CriminalInvestigation).Presenting(Authority.AdministrativeWarrant).Build());
        criminal.Rules().Should().BeEmpty();
    }

    [Fact]
    public void Format_terms_the_referring_documents_own_definition_is_found_first()
    {
        var set = Compile(
            FederalWithTerms,
            Define("st", "state", "us",
                terms: Terms(("immigration-agency", When("requester", "cbp"))),
                rules: [Rule("st-agency", "none", when: [Term("immigration-agency")])]));

        set.Decide(Request("st").From(Requester.Cbp).Build()).Rules().Should().Equal("st-agency");
        set.Decide(Request("st").From(Requester.IceEro).Build()).Rules().Should().BeEmpty();
    }

    [Fact]
    public void Format_terms_a_term_of_an_ancestor_is_resolved_in_the_ancestors_own_document()
    {
        // The federal `agency-civil` uses the federal `immigration-agency`, not the state's narrower one.
        var set = Compile(
            Define("us", "federal", zone: "UTC", terms: Terms(
                ("immigration-agency", When("requester", "ice-ero", "cbp")),
                ("agency-civil", AllOf(Term("immigration-agency"), When("purpose", "civil-immigration-enforcement"))))),
            Define("st", "state", "us",
                terms: Terms(("immigration-agency", When("requester", "cbp"))),
                rules: [Rule("st-rule", "prohibit", when: [Term("agency-civil")])]));

        set.Decide(Request("st").From(Requester.IceEro).Build()).Rules().Should().Equal("st-rule");
    }

    [Fact]
    public void Format_top_level_a_user_extension_document_adds_rules_to_a_defined_jurisdiction()
    {
        var builtIn = new[]
        {
            FederalWithTerms,
            Define("st", "state", "us", rules: [Rule("st-ban", "prohibit", when: [When("assistance", "stop-or-arrest")])]),
            County(),
            City(),
        };
        var extension = Extend("ci", "Springfield Ordinance", rules:
        [
            Rule("user-record", "none", binds: ["police"], when: [Term("immigration-agency")], obligations: ["record-request"], section: "12-3"),
            Rule("user-no-perimeter", "prohibit", binds: ["police"], when: [When("assistance", "perimeter-or-crowd-control"), Term("immigration-agency")], section: "12-4"),
        ]);

        var withoutUser = Compile(builtIn);
        var set = withoutUser.With([Parse(extension)]);

        withoutUser.Decide(Request("ci").AskingFor(AssistanceKind.PerimeterOrCrowdControl).Build()).Outcome.Should().Be(Outcome.Discretionary);
        var decision = set.Decide(Request("ci").AskingFor(AssistanceKind.PerimeterOrCrowdControl).Build());
        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("user-no-perimeter", "user-record");
        decision.Citations.Should().Equal("Springfield Ordinance 12-4", "Springfield Ordinance 12-3");
        decision.Obligations.Should().Equal(Obligation.RecordRequest);
        set.FindRule("user-record")!.Layer.Should().Be(Layer.City, "a rule's layer defaults to the jurisdiction's level");
        set.FindRule("user-record")!.Jurisdiction.Value.Should().Be("ci");

        // The built-in rules are still there beside the user's.
        set.Decide(Request("ci").Build()).Rules().Should().Equal("st-ban", "user-record");
    }

    [Fact]
    public void Format_top_level_an_extension_document_may_except_a_rule_of_the_jurisdiction_it_extends()
    {
        var set = Compile(
            Us(),
            State(Rule("st-ban", "prohibit")),
            Extend("st", "User Policy", rules: [Rule("user-exception", "permit", when: [When("authority", "court-order")], excepts: ["st-ban"])]));

        set.Decide(Request("st").Presenting(Authority.CourtOrder).Build()).Rules().Should().Equal("user-exception");
        set.Decide(Request("st").Build()).Rules().Should().Equal("st-ban");
    }

    [Fact]
    public void Section_4_6_step_1_defaults_respondent_police_authority_none_and_empty_lists()
    {
        var set = Compile(Us(), State(Rule("st-defaults", "none", binds: ["police"],
            when: [When("authority", "none"), Is("circumstances", "empty"), Is("subjectFacts", "empty")])));
        var request = new AssistanceRequest
        {
            Jurisdiction = "st",
            ReceivedAt = Instant("2025-01-21T12:00:00-06:00"),
            Requester = Requester.IceEro,
            Purpose = Purpose.CivilImmigrationEnforcement,
            Assistance = AssistanceKind.StopOrArrest,
        };

        set.Decide(request).Rules().Should().Equal("st-defaults");
    }

    [Fact]
    public void Decide_rejects_a_jurisdiction_the_set_does_not_have_with_PM3001()
    {
        var set = Compile(Us(), State());

        var act = () => set.Decide(Request("us-il-chicago").Build());

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.UnknownRequestJurisdiction).And.Be("PM3001");
        problem.Path.Should().Be("$.jurisdiction");
        problem.Message.Should().Contain("`us-il-chicago` is not a jurisdiction of this policy set").And.Contain("`us`").And.Contain("`st`");
        set.TryDecide(Request("nowhere").Build(), out var decision, out var tryProblem).Should().BeFalse();
        decision.Should().BeNull();
        tryProblem!.Code.Should().Be("PM3001");
    }

    [Fact]
    public void Decide_rejects_a_request_id_over_128_characters()
    {
        var set = Compile(Us());

        set.Decide(Request("us").WithId(new string('a', 128)).Build()).RequestId.Should().HaveLength(128);
        var act = () => set.Decide(Request("us").WithId(new string('a', 129)).Build());

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.LimitExceeded);
        problem.Path.Should().Be("$.id");
        problem.Message.Should().Contain("longer than 128 characters");
    }

    [Fact]
    public void Decide_rejects_a_value_outside_its_vocabulary_built_in_code()
    {
        var set = Compile(Us());

        var act = () => set.Decide(Request("us").AskingFor((AssistanceKind)99).Build());

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.UnknownValue);
        problem.Path.Should().Be("$.assistance");
    }

    [Fact]
    public void Explain_traces_every_rule_of_the_chain_with_why_it_did_or_did_not_count()
    {
        var set = Compile(
            Us(Rule("us-other-respondent", "prohibit", binds: ["jail"])),
            Define("st", "state", "us",
                rules:
                [
                    Rule("st-old", "prohibit", to: "2000-01-01"),
                    Rule("st-unmatched", "prohibit", when: [When("assistance", "stop-or-arrest"), When("authority", "court-order")]),
                    Rule("st-ban", "prohibit", when: [When("assistance", "stop-or-arrest")]),
                    Rule("st-excepted", "refer"),
                    Rule("st-exception", "none", excepts: ["st-excepted"]),
                ],
                preemption: [Floor()]),
            County(),
            City(Rule("ci-allow", "permit")));

        var trace = set.Explain(Request("ci", "2021-08-02T03:00:00Z").Build());

        trace.LocalDate.ToString("uuuu-MM-dd", null).Should().Be("2021-08-01");
        trace.TimeZone.Should().Be("America/Chicago");
        trace.Notes.Should().Contain(n => n.Contains("2021-08-01 in America/Chicago", StringComparison.Ordinal));
        var status = trace.Rules.ToDictionary(r => r.Rule.Value);
        status["us-other-respondent"].Status.Should().Be(RuleStatus.NotBinding);
        status["st-old"].Status.Should().Be(RuleStatus.NotInForce);
        status["st-unmatched"].Status.Should().Be(RuleStatus.NotMatched);
        status["st-unmatched"].Detail.Should().Be("condition 2 did not hold: authority is not court-order");
        status["st-ban"].Status.Should().Be(RuleStatus.Counts);
        status["st-excepted"].Status.Should().Be(RuleStatus.Excepted);
        status["st-excepted"].Detail.Should().Be("excepted by st-exception");
        status["ci-allow"].Status.Should().Be(RuleStatus.Preempted);
        status["ci-allow"].Detail.Should().Be("preempted by ST st-ban");
        trace.Decision.Should().Be(set.Decide(Request("ci", "2021-08-02T03:00:00Z").Build()));
    }
}
