using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>
/// The compiler's problems (docs/errors.md PM2xxx): documents that parse one by one but do not make a policy set
/// together. Each problem names the document, the JSON path (with line where the item has one) and the fault.
/// </summary>
public sealed class PolicyCompilerProblemTests
{
    /// <summary>
    /// A document laid out one rule per line: the terms are on line 5, rule <c>i</c> on line <c>7 + i</c>.
    /// </summary>
    private static PolicyDocument Doc(string jurisdiction, string terms = "", params string[] rules)
    {
        var json = $$"""
            {
              "format": "policymodel/1",
              "jurisdiction": {{jurisdiction}},
              "sources": [ { "id": "code", "kind": "statute", "title": "Code", "citation": "Code" } ],
              "terms": { {{terms}} },
              "rules": [
                {{string.Join(",\n    ", rules)}}
              ]
            }
            """;
        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("jurisdiction").GetProperty("id").GetString();
        PolicyDocument.TryParse(json, id + ".json", out var document, out var problems);
        problems.Should().BeEmpty();
        return document!;
    }

    private static string J(string id, string level, string? parent = null) =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", {{(parent is null ? "" : $"\"parent\": \"{parent}\", ")}}"timeZone": "America/Chicago", "level": "{{level}}" }""";

    private static string R(string id, string effect = "prohibit", string extra = "") =>
        $$"""{ "id": "{{id}}", "source": "code", "section": "{{id}}", "binds": ["police"], "effect": "{{effect}}"{{(extra.Length > 0 ? ", " + extra : "")}} }""";

    private static readonly PolicyDocument UsDoc = Doc(J("us", "federal"));

    private static IReadOnlyList<Problem> Compile(params PolicyDocument[] documents)
    {
        PolicySet.TryCompile(documents, out var set, out var problems).Should().BeFalse();
        set.Should().BeNull();
        problems.Should().NotBeEmpty();
        var act = () => PolicySet.Compile(documents);
        act.Should().Throw<PolicyLoadException>().Which.Problems.Should().BeEquivalentTo(problems);
        return problems;
    }

    [Fact]
    public void PM2001_unknown_parent()
    {
        var problem = Compile(UsDoc, Doc(J("st", "state", "usa"))).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.UnknownParent).And.Be("PM2001");
        problem.Document.Should().Be("st.json");
        problem.Path.Should().Be("$.jurisdiction.parent");
        problem.Message.Should().Be("the parent jurisdiction `usa` is not defined by any document of the set (did you mean `us`?)");
    }

    [Fact]
    public void PM2002_cycle_of_parents_is_reported_for_each_member()
    {
        var problems = Compile(Doc(J("aa", "state", "bb")), Doc(J("bb", "state", "aa")));

        problems.Should().HaveCount(2).And.OnlyContain(p => p.Code == ProblemCodes.ParentCycle && p.Code == "PM2002" && p.Path == "$.jurisdiction.parent");
        problems.Select(p => p.Document).Should().BeEquivalentTo(["aa.json", "bb.json"]);
        problems.Single(p => p.Document == "aa.json").Message.Should().Be("the parents of `aa` form a cycle: `aa` -> `bb` -> `aa`");
    }

    [Fact]
    public void PM2003_exception_naming_a_missing_rule()
    {
        var problem = Compile(UsDoc, Doc(J("st", "state", "us"), "", R("st-ban"), R("st-allow", "permit", """ "excepts": ["st-bann"] """)))
            .Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.UnknownExceptedRule).And.Be("PM2003");
        problem.Document.Should().Be("st.json");
        problem.Path.Should().Be("$.rules[1].excepts[0]");
        problem.Line.Should().Be(8);
        problem.Message.Should().Be("`st-allow` is an exception to `st-bann`, but no rule of the set has that id (did you mean `st-ban`?)");
    }

    [Fact]
    public void PM2004_preemption_naming_a_missing_rule()
    {
        var problem = Compile(UsDoc, Doc(J("st", "state", "us"), "", R("st-void", "permit", """ "preempts": ["ci-limit"] """)))
            .Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.UnknownPreemptedRule).And.Be("PM2004");
        problem.Path.Should().Be("$.rules[0].preempts[0]");
        problem.Line.Should().Be(7);
        problem.Message.Should().Contain("`st-void` preempts `ci-limit`, but no rule of the set has that id");
    }

    [Fact]
    public void PM2005_a_rule_that_is_an_exception_to_itself()
    {
        var problem = Compile(UsDoc, Doc(J("st", "state", "us"), "", R("st-self", "permit", """ "excepts": ["st-self"] """)))
            .Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.ExceptionCycle).And.Be("PM2005");
        problem.Path.Should().Be("$.rules[0].excepts");
        problem.Line.Should().Be(7);
        problem.Message.Should().Be("`st-self` is an exception to itself");
    }

    [Fact]
    public void PM2005_rules_that_are_exceptions_to_themselves_through_a_loop()
    {
        var problem = Compile(UsDoc, Doc(J("st", "state", "us"), "",
                R("st-a", "permit", """ "excepts": ["st-b"] """),
                R("st-b", "prohibit", """ "excepts": ["st-c"] """),
                R("st-c", "none", """ "excepts": ["st-a"] """)))
            .Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.ExceptionCycle);
        problem.Path.Should().Be("$.rules[0].excepts");
        problem.Line.Should().Be(7);
        problem.Message.Should().Be("`st-a` is an exception to itself through a loop: `st-a` excepts `st-b` excepts `st-c` excepts `st-a`");
    }

    [Fact]
    public void PM2006_unknown_term()
    {
        var problem = Compile(UsDoc, Doc(J("st", "state", "us"), "", R("st-ban", "prohibit", """ "when": [ { "term": "civil-reqest" } ] """)))
            .Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.UnknownTerm).And.Be("PM2006");
        problem.Path.Should().Be("$.rules[0].when[0]");
        problem.Line.Should().Be(7);
        problem.Message.Should().Be("the term `civil-reqest` is not defined in this document or the documents of its enclosing jurisdictions");
    }

    [Fact]
    public void PM2006_a_term_of_a_child_jurisdiction_is_not_visible_to_its_parent()
    {
        var problems = Compile(
            Doc(J("us", "federal"), "", R("us-rule", "none", """ "when": [ { "term": "local-term" } ] """)),
            Doc(J("st", "state", "us"), """ "local-term": { "requester": ["cbp"] } """));

        problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "PM2006", Document = "us.json", Path = "$.rules[0].when[0]", Line = 7 });
    }

    [Fact]
    public void PM2007_term_defined_in_terms_of_itself_directly_and_through_another()
    {
        var direct = Compile(UsDoc, Doc(J("st", "state", "us"),
            """ "loop": { "not": { "term": "loop" } } """,
            R("st-ban", "prohibit", """ "when": [ { "term": "loop" } ] """)));

        direct.Should().ContainSingle("each faulty term is reported once").Which.Code.Should().Be(ProblemCodes.TermCycle).And.Be("PM2007");
        direct[0].Path.Should().Be("$.terms.loop.not");
        direct[0].Line.Should().Be(5);
        direct[0].Message.Should().Be("the term `loop` is defined in terms of itself");

        var indirect = Compile(UsDoc, Doc(J("st", "state", "us"),
            """ "ping": { "term": "pong" }, "pong": { "anyOf": [ { "term": "ping" } ] } """,
            R("st-ban", "prohibit", """ "when": [ { "term": "ping" } ] """)));

        indirect.Should().ContainSingle().Which.Code.Should().Be(ProblemCodes.TermCycle);
        indirect[0].Path.Should().Be("$.terms.pong.anyOf[0]");
        indirect[0].Message.Should().Be("the term `ping` is defined in terms of itself");
    }

    [Fact]
    public void PM2007_a_term_cycle_is_reported_even_when_no_rule_uses_the_term()
    {
        var problems = Compile(UsDoc, Doc(J("st", "state", "us"), """ "loop": { "not": { "term": "loop" } } """));

        problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "PM2007", Path = "$.terms.loop.not", Line = 5 });
    }

    [Fact]
    public void PM2006_an_unknown_term_inside_an_unused_term_is_reported()
    {
        var problems = Compile(UsDoc, Doc(J("st", "state", "us"), """ "civil": { "term": "agency" } """));

        problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "PM2006", Path = "$.terms.civil", Line = 5 });
    }

    [Fact]
    public void PM2006_a_faulty_ancestor_term_used_by_several_documents_is_reported_once_at_its_definition()
    {
        var problems = Compile(
            Doc(J("us", "federal"), """ "agency": { "term": "agnecy-list" } """),
            Doc(J("st", "state", "us"), "", R("st-rule", "none", """ "when": [ { "term": "agency" } ] """)),
            Doc(J("ci", "city", "st"), "", R("ci-rule", "none", """ "when": [ { "term": "agency" } ] """)));

        problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "PM2006", Document = "us.json", Path = "$.terms.agency", Line = 5 });
    }

    [Fact]
    public void PM2008_duplicate_jurisdiction()
    {
        var st = Doc(J("st", "state", "us"));
        var again = PolicyDocument.Parse(
            """{ "format": "policymodel/1", "jurisdiction": { "id": "st", "name": "Again", "parent": "us", "timeZone": "UTC", "level": "state" } }""",
            "again.json");

        var problem = Compile(UsDoc, st, again).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.DuplicateJurisdiction).And.Be("PM2008");
        problem.Document.Should().Be("again.json");
        problem.Path.Should().Be("$.jurisdiction.id");
        problem.Message.Should().Be("the jurisdiction `st` is already defined by `st.json`; give `id` alone to add rules to it");
    }

    [Fact]
    public void PM2009_an_extension_of_a_jurisdiction_no_document_defines()
    {
        var problem = Compile(UsDoc, Doc("""{ "id": "st" }""", "", R("user-rule"))).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.UnknownJurisdiction).And.Be("PM2009");
        problem.Path.Should().Be("$.jurisdiction.id");
        problem.Message.Should().Contain("adds rules to `st`, which no document of the set defines");
    }

    [Fact]
    public void PM2010_a_local_rule_cannot_except_a_state_rule()
    {
        var problem = Compile(UsDoc, Doc(J("st", "state", "us"), "", R("st-ban")), Doc(J("ci", "city", "st"), "", R("ci-allow", "permit", """ "excepts": ["st-ban"] """)))
            .Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.ExceptsOuterRule).And.Be("PM2010");
        problem.Document.Should().Be("ci.json");
        problem.Path.Should().Be("$.rules[0].excepts[0]");
        problem.Line.Should().Be(7);
        problem.Message.Should().Contain("`ci-allow` (ci) cannot be an exception to `st-ban` of `st`");
    }

    [Fact]
    public void A_rule_with_an_unknown_term_still_has_its_exceptions_checked()
    {
        var problems = Compile(UsDoc, Doc(J("st", "state", "us"), "",
            R("st-a", "prohibit", """ "when": [ { "term": "no-such-term" } ], "excepts": ["st-missing"] """)));

        problems.Select(p => p.Code).Should().BeEquivalentTo([ProblemCodes.UnknownTerm, ProblemCodes.UnknownExceptedRule]);
    }

    [Fact]
    public void PM2010_section_4_1_item_6_a_department_directive_cannot_except_its_city_ordinance()
    {
        var problem = Compile(UsDoc, Doc(J("ci", "city", "us"), "",
                R("ci-ban"),
                R("dept-allow", "permit", """ "layer": "department", "excepts": ["ci-ban"] """)))
            .Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.ExceptsOuterRule);
        problem.Path.Should().Be("$.rules[1].excepts[0]");
        problem.Message.Should().Contain("`dept-allow` (layer `department`) cannot be an exception to `ci-ban` of the controlling layer `city`");
    }

    [Fact]
    public void Section_4_5_a_city_rule_may_except_another_rule_of_its_own_layer_and_pack()
    {
        PolicySet.TryCompile([UsDoc, Doc(J("ci", "city", "us"), "", R("ci-ban"), R("ci-allow", "permit", """ "excepts": ["ci-ban"] """))], out var set, out var problems);

        problems.Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Fact]
    public void PM2011_PM2012_PM2013_PM2014_duplicate_rule_id_unknown_source_too_general_layer_outward_preemption()
    {
        var problems = Compile(
            Doc(J("us", "federal"), "", R("us-rule")),
            Doc(J("st", "state", "us"), "",
                R("us-rule", "none"),
                """{ "id": "st-a", "source": "statute", "section": "1", "binds": ["police"], "effect": "none" }""",
                R("st-b", "none", """ "layer": "federal" """),
                R("st-c", "permit", """ "preempts": ["us-rule"] """)));

        problems.Select(p => (p.Code, p.Path, p.Line)).Should().BeEquivalentTo(
        [
            ("PM2011", "$.rules[0].id", (int?)7),
            ("PM2012", "$.rules[1].source", (int?)8),
            ("PM2013", "$.rules[2].layer", (int?)9),
            ("PM2014", "$.rules[3].preempts[0]", (int?)10),
        ]);
        problems.Single(p => p.Code == "PM2011").Message.Should().Be("the id `us-rule` is already used by a rule or presumption in `us.json`");
        problems.Single(p => p.Code == "PM2012").Message.Should().Contain("the source `statute` is not defined");
        problems.Single(p => p.Code == "PM2013").Message.Should().Contain("the layer `federal` is less specific than the jurisdiction's level `state`");
    }

    [Fact]
    public void Every_problem_of_every_document_is_reported_together()
    {
        var problems = Compile(
            UsDoc,
            Doc(J("st", "state", "us"), "",
                R("st-a", "permit", """ "excepts": ["st-missing"] """),
                R("st-b", "none", """ "when": [ { "term": "nothing" } ] """),
                R("st-c", "none", """ "preempts": ["st-nowhere"] """)),
            Doc(J("co", "county", "st"), "", R("co-self", "permit", """ "excepts": ["co-self"] """)));

        problems.Select(p => (p.Code, p.Document, p.Path)).Should().BeEquivalentTo(
        [
            ("PM2003", "st.json", "$.rules[0].excepts[0]"),
            ("PM2006", "st.json", "$.rules[1].when[0]"),
            ("PM2004", "st.json", "$.rules[2].preempts[0]"),
            ("PM2005", "co.json", "$.rules[0].excepts"),
        ]);
        var exception = new PolicyLoadException(problems);
        exception.Message.Should().Contain("policy documents are invalid").And.Contain("PM2003").And.Contain("PM2005");
    }

    [Fact]
    public void PolicySet_Parse_reports_every_problem_of_every_document_before_compiling()
    {
        var act = () => PolicySet.Parse(
        [
            ("a.json", """{ "format": "policymodel/1" }"""),
            ("b.json", """{ "format": "policymodel/1", "jurisdiction": { "id": "b", "name": "B", "timeZone": "UTC", "level": "federal" }, "rules": 1 }"""),
        ]);

        act.Should().Throw<PolicyLoadException>().Which.Problems.Select(p => (p.Code, p.Document, p.Path)).Should().Equal(
            ("PM1007", "a.json", "$"),
            ("PM1005", "b.json", "$.rules"));
    }

    [Fact]
    public void A_valid_set_compiles_and_exposes_its_jurisdictions_and_rules()
    {
        var set = TestPolicies.Compile(Us(Rule("us-a", "none")), State(Rule("st-a", "prohibit")));

        set.Jurisdictions.Select(j => j.Id.Value).Should().BeEquivalentTo(["us", "st"]);
        set.Rules.Select(r => r.Id.Value).Should().Equal("us-a", "st-a");
        set.TryGetJurisdiction("st", out var st).Should().BeTrue();
        st!.TimeZone.Id.Should().Be("America/Chicago");
        st.Level.Should().Be(Layer.State);
        set.FindRule("st-a")!.Provision.CitationOn(new NodaTime.LocalDate(2025, 1, 1)).Should().Be("ST st-a");
    }
}
