using System.Text.Json.Nodes;
using System.Text;

namespace PolicyModel.Tests.Documents;

/// <summary>
/// Policy-format "JSON rules" and the document reader's problems (docs/errors.md PM1xxx): every bad input gives its
/// code, JSON path, line and a message naming what was expected, and every problem of a document is reported.
/// </summary>
public sealed class DocumentProblemTests
{
    private static IReadOnlyList<Problem> Problems(string json, string name = "st.json")
    {
        PolicyDocument.TryParse(json, name, out var document, out var problems).Should().BeFalse();
        document.Should().BeNull();
        problems.Should().NotBeEmpty();
        problems.Should().OnlyContain(p => p.Document == name);
        FluentActions.Invoking(() => PolicyDocument.Parse(json, name)).Should().Throw<PolicyLoadException>().Which.Problems.Should().Equal(problems);
        return problems;
    }

    private static Problem Single(string json) => Problems(json).Should().ContainSingle().Subject;

    /// <summary>A valid document with one rule whose properties the tests replace (line 7 holds the rule's id).</summary>
    private static string WithRule(string ruleBody) => $$"""
        {
          "format": "policymodel/1",
          "jurisdiction": { "id": "st", "name": "State", "timeZone": "America/Chicago", "level": "state" },
          "sources": [ { "id": "code", "kind": "statute", "title": "State Code", "citation": "St. Code" } ],
          "rules": [
            {
              "id": "st-ban",
              "source": "code",
              "section": "1",
              {{ruleBody}}
            }
          ]
        }
        """;

    private static IReadOnlyList<Problem> ProblemsOf(byte[] utf8, string name) =>
        PolicyDocument.TryParse(utf8, name, out _, out var problems) ? [] : problems;

    [Fact]
    public void A_valid_document_parses_without_problems()
    {
        var json = WithRule("""
            "binds": ["police"],
              "effect": "prohibit"
            """);

        PolicyDocument.TryParse(json, "st.json", out var document, out var problems).Should().BeTrue();
        problems.Should().BeEmpty();
        document!.Rules.Should().ContainSingle().Which.Id.Value.Should().Be("st-ban");
        PolicyDocument.Parse(json, "st.json").Rules.Should().Equal(document.Rules);
    }

    [Fact]
    public void PM1001_malformed_json_names_the_line()
    {
        var problem = Single("""
            {
              "format": "policymodel/1",
              "jurisdiction": { "id": "st" },
            }
            """);

        problem.Code.Should().Be(ProblemCodes.MalformedJson).And.Be("PM1001");
        problem.Path.Should().Be("$");
        problem.Line.Should().Be(4);
        problem.Message.Should().Be("not valid JSON at line 4, column 1: a comma after the last property of an object; remove the comma before `}`");
    }

    [Theory]
    [InlineData("", "the document is empty")]
    [InlineData("   ", "the document is empty")]
    [InlineData("{} {}", "more text after the end of the JSON value (found `{`)")]
    [InlineData("{ \"format\": 'policymodel/1' }", "a text in single quotes; JSON needs double quotes")]
    [InlineData("{ \"format\": \"policymodel/1\" // a comment\n}", "a comment; JSON has no comments")]
    [InlineData("{ \"format\": \"policymodel/1\" \"jurisdiction\": {} }", "a comma is missing before `\"`")]
    [InlineData("{ \"format\" \"policymodel/1\" }", "a colon is missing after the property name")]
    [InlineData("{ format: \"policymodel/1\" }", "a property name must be in double quotes (found `f`)")]
    [InlineData("{ \"format\": \"policymodel/1 }", "a text is not closed")]
    [InlineData("{ \"format\": [\"a\", }", "expected a value")]
    [InlineData("{ \"format\": {", "the document ends before every `{` and `[` is closed")]
    public void PM1001_empty_trailing_text_single_quotes_and_comments_are_malformed(string json, string message)
    {
        var problem = Single(json);

        problem.Code.Should().Be(ProblemCodes.MalformedJson);
        problem.Path.Should().Be("$");
        problem.Line.Should().Be(1);
        problem.Message.Should().StartWith("not valid JSON at line 1, column ").And.Contain(message)
            .And.NotContain("reader options", "the JSON reader's own wording is never shown");
    }

    [Fact]
    public void PM1001_invalid_utf8_is_malformed()
    {
        byte[] bytes = [.. "{ \"format\": \""u8, 0xFF, 0xFE, .. "\" }"u8];

        PolicyDocument.TryParse(bytes, "st.json", out _, out var problems);

        var problem = problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.MalformedJson);
        problem.Line.Should().Be(1);
    }

    [Theory]
    [InlineData("r1\n")]
    [InlineData("r1 ")]
    [InlineData("R1")]
    [InlineData("r--1")]
    [InlineData("-r1")]
    public void PM1012_an_id_must_be_lowercase_groups_joined_by_single_hyphens_with_nothing_after(string id)
    {
        var json = new JsonObject
        {
            ["format"] = "policymodel/1",
            ["jurisdiction"] = new JsonObject { ["id"] = "us", ["name"] = "US", ["timeZone"] = "UTC", ["level"] = "federal" },
            ["sources"] = new JsonArray(new JsonObject { ["id"] = "code", ["kind"] = "statute", ["title"] = "Code", ["citation"] = "C" }),
            ["rules"] = new JsonArray(new JsonObject { ["id"] = id, ["source"] = "code", ["section"] = "1", ["binds"] = new JsonArray("police"), ["effect"] = "none" }),
        }.ToJsonString();

        var problem = Problems(json, "ids.json").Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.InvalidId);
        problem.Path.Should().Be("$.rules[0].id");
    }

    [Fact]
    public void PM1002_oversized_document_is_rejected_before_it_is_read()
    {
        var json = "{\"format\":\"policymodel/1\"" + new string(' ', DocumentLimits.MaxDocumentBytes) + "}";

        var problem = Single(json);

        problem.Code.Should().Be(ProblemCodes.TooLarge).And.Be("PM1002");
        problem.Path.Should().Be("$");
        problem.Message.Should().Contain("larger than 4 MiB");

        var bytes = ProblemsOf(Encoding.UTF8.GetBytes(json), "st.json").Should().ContainSingle().Subject;
        bytes.Code.Should().Be(ProblemCodes.TooLarge);
    }

    [Fact]
    public void PM1003_too_deeply_nested_input_names_the_path_where_the_limit_is_passed()
    {
        // Root (1), rules (2), rule (3), when (4), condition (5): the 28th nested `not` is the 33rd level.
        var deep = new StringBuilder("{\"assistance\":[\"stop-or-arrest\"]}");
        for (var i = 0; i < 40; i++)
        {
            deep.Insert(0, "{\"not\":").Append('}');
        }

        var problem = Single(WithRule($"\"binds\": [\"police\"], \"effect\": \"prohibit\", \"when\": [{deep}]"));

        problem.Code.Should().Be(ProblemCodes.TooDeep).And.Be("PM1003");
        problem.Path.Should().Be("$.rules[0].when[0]" + string.Concat(Enumerable.Repeat(".not", 28)));
        problem.Line.Should().Be(10);
        problem.Message.Should().Contain("nesting deeper than 32 levels");
    }

    [Fact]
    public void PM1004_unknown_property_suggests_the_nearest_name()
    {
        var problems = Problems(WithRule("""
            "binds": ["police"],
                  "efect": "prohibit"
            """));

        var unknown = problems.Should().ContainSingle(p => p.Code == ProblemCodes.UnknownProperty).Subject;
        unknown.Code.Should().Be("PM1004");
        unknown.Path.Should().Be("$.rules[0].efect");
        unknown.Line.Should().Be(11);
        unknown.Message.Should().Be("unknown property `efect` in a rule (did you mean `effect`?)");
    }

    [Fact]
    public void PM1004_unknown_top_level_and_jurisdiction_properties()
    {
        var problems = Problems("""
            {
              "format": "policymodel/1",
              "jurisdiction": { "id": "st", "name": "State", "timezone": "America/Chicago", "level": "state" },
              "rule": []
            }
            """);

        problems.Should().ContainEquivalentOf(new { Code = "PM1004", Path = "$.jurisdiction.timezone", Line = 3 });
        problems.Single(p => p.Path == "$.jurisdiction.timezone").Message.Should().Contain("(did you mean `timeZone`?)");
        problems.Should().ContainEquivalentOf(new { Code = "PM1004", Path = "$.rule", Line = 4 });
        problems.Single(p => p.Path == "$.rule").Message.Should().Be("unknown property `rule` in a policy document (did you mean `rules`?)");
        problems.Should().ContainEquivalentOf(new { Code = "PM1007", Path = "$.jurisdiction", Line = 3 }, "the misspelt timeZone leaves it missing");
    }

    [Fact]
    public void PM1004_an_unrelated_unknown_property_gets_no_suggestion()
    {
        var problem = Problems(WithRule("""
            "binds": ["police"], "effect": "prohibit", "priority": 3
            """)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.UnknownProperty);
        problem.Path.Should().Be("$.rules[0].priority");
        problem.Message.Should().Be("unknown property `priority` in a rule");
    }

    [Fact]
    public void PM1005_wrong_type_names_what_was_expected_and_what_was_found()
    {
        var problem = Single(WithRule("""
            "binds": "police",
                  "effect": "prohibit"
            """));

        problem.Code.Should().Be(ProblemCodes.WrongType).And.Be("PM1005");
        problem.Path.Should().Be("$.rules[0].binds");
        problem.Line.Should().Be(10);
        problem.Message.Should().Be("expected an array (a list of `respondent` values), found the string `police`");
    }

    [Theory]
    [InlineData("\"binds\": [\"police\"], \"effect\": null", "$.rules[0].effect", "found `null`")]
    [InlineData("\"binds\": [\"police\"], \"effect\": 1", "$.rules[0].effect", "found the number `1`")]
    [InlineData("\"binds\": [\"police\"], \"effect\": \"none\", \"when\": {}", "$.rules[0].when", "expected an array (a list of conditions that must all hold), found an object")]
    [InlineData("\"binds\": [\"police\"], \"effect\": \"none\", \"period\": []", "$.rules[0].period", "expected an object (a period), found an array")]
    [InlineData("\"binds\": [\"police\"], \"effect\": \"none\", \"when\": [ { \"requester\": \"ice-ero\" } ]", "$.rules[0].when[0].requester", "found the string `ice-ero`")]
    public void PM1005_wrong_types_elsewhere_in_a_rule(string body, string path, string message)
    {
        var problem = Single(WithRule(body));

        problem.Code.Should().Be(ProblemCodes.WrongType);
        problem.Path.Should().Be(path);
        problem.Line.Should().Be(10);
        problem.Message.Should().Contain(message);
    }

    [Fact]
    public void PM1006_unknown_vocabulary_value_lists_the_vocabulary_and_suggests()
    {
        var problem = Single(WithRule("""
            "binds": ["police"],
                  "effect": "prohibits"
            """));

        problem.Code.Should().Be(ProblemCodes.UnknownValue).And.Be("PM1006");
        problem.Path.Should().Be("$.rules[0].effect");
        problem.Line.Should().Be(11);
        problem.Message.Should().Be("`prohibits` is not a valid `effect` value; expected one of `prohibit`, `require`, `permit`, `refer`, `police-action`, `none` (did you mean `prohibit`?)");
    }

    [Fact]
    public void PM1006_unknown_values_in_conditions_and_lists_name_the_element()
    {
        var problems = Problems(WithRule("""
            "binds": ["police", "sherif"],
                  "effect": "prohibit",
                  "when": [ { "requester": ["ice-ero", "ice"] }, { "circumstances": "some" } ]
            """));

        problems.Select(p => (p.Code, p.Path, p.Line)).Should().BeEquivalentTo(
        [
            ("PM1006", "$.rules[0].binds[1]", (int?)10),
            ("PM1006", "$.rules[0].when[0].requester[1]", (int?)12),
            ("PM1006", "$.rules[0].when[1].circumstances", (int?)12),
        ]);
        problems[0].Message.Should().Contain("`sherif` is not a valid `respondent` value").And.Contain("(did you mean `sheriff`?)");
        problems[1].Message.Should().Contain("`ice` is not a valid `requester` value").And.Contain("`ice-ero`");
        problems[2].Message.Should().Contain("`some` is not a `circumstances` test; expected `non-empty`, `empty`");
    }

    [Fact]
    public void PM1007_missing_required_field_is_reported_at_the_object()
    {
        var problem = Single(WithRule("""
            "effect": "prohibit"
            """));

        problem.Code.Should().Be(ProblemCodes.MissingField).And.Be("PM1007");
        problem.Path.Should().Be("$.rules[0]");
        problem.Line.Should().Be(6);
        problem.Message.Should().Be("missing required property `binds` in a rule");
    }

    [Fact]
    public void PM1007_missing_format_and_jurisdiction_and_defining_fields()
    {
        var problems = Problems("""
            {
              "sources": []
            }
            """);
        problems.Select(p => (p.Code, p.Path, p.Message)).Should().Equal(
            ("PM1007", "$", "missing required property `format` in a policy document"),
            ("PM1007", "$", "missing required property `jurisdiction` in a policy document"));

        var partial = Problems("""
            {
              "format": "policymodel/1",
              "jurisdiction": { "id": "st", "name": "State", "level": "state" }
            }
            """).Should().ContainSingle().Subject;
        partial.Code.Should().Be(ProblemCodes.MissingField);
        partial.Path.Should().Be("$.jurisdiction");
        partial.Line.Should().Be(3);
        partial.Message.Should().Contain("missing required property `timeZone` in a jurisdiction definition").And.Contain("`id` alone");
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("2021-8-2")]
    [InlineData("2021-08-02T00:00:00Z")]
    [InlineData("yesterday")]
    public void PM1008_a_date_that_is_not_a_date(string text)
    {
        var problem = Single(WithRule($$"""
            "binds": ["police"], "effect": "prohibit",
                  "period": { "from": "{{text}}" }
            """));

        problem.Code.Should().Be(ProblemCodes.InvalidDate).And.Be("PM1008");
        problem.Path.Should().Be("$.rules[0].period.from");
        problem.Line.Should().Be(11);
        problem.Message.Should().Be($"`{text}` is not a date; expected `YYYY-MM-DD`, for example `2021-08-02`");
    }

    [Theory]
    [InlineData("2021-08-02", "2021-08-02")]
    [InlineData("2022-01-01", "2021-08-02")]
    public void PM1009_empty_or_inverted_period(string from, string to)
    {
        var problem = Single(WithRule($$"""
            "binds": ["police"], "effect": "prohibit",
                  "period": { "from": "{{from}}", "to": "{{to}}" }
            """));

        problem.Code.Should().Be(ProblemCodes.EmptyPeriod).And.Be("PM1009");
        problem.Path.Should().Be("$.rules[0].period");
        problem.Line.Should().Be(11);
        problem.Message.Should().Contain($"the period is empty: `to` ({to}) must be after `from` ({from})").And.Contain("closed-open");
    }

    [Fact]
    public void PM1010_duplicate_ids_within_one_document()
    {
        var problems = Problems("""
            {
              "format": "policymodel/1",
              "jurisdiction": { "id": "st", "name": "State", "timeZone": "America/Chicago", "level": "state" },
              "sources": [
                { "id": "code", "kind": "statute", "title": "State Code", "citation": "St. Code" },
                { "id": "code", "kind": "statute", "title": "Other Code", "citation": "O. Code" }
              ],
              "presumptions": [ { "id": "st-ban", "binds": ["police"], "presume": { "purpose": "criminal-investigation" } } ],
              "rules": [
                { "id": "st-ban", "source": "code", "section": "1", "binds": ["police"], "effect": "prohibit" },
                { "id": "st-ban", "source": "code", "section": "2", "binds": ["police"], "effect": "permit" }
              ]
            }
            """);

        problems.Should().OnlyContain(p => p.Code == ProblemCodes.DuplicateId && p.Code == "PM1010");
        problems.Select(p => (p.Path, p.Line)).Should().BeEquivalentTo([("$.sources[1]", (int?)6), ("$.rules[1]", (int?)11), ("$.presumptions[0]", (int?)8)]);
        problems.Single(p => p.Path == "$.sources[1]").Message.Should().Be("the source id `code` is used twice in this document");
        problems.Single(p => p.Path == "$.rules[1]").Message.Should().Be("the rule or presumption id `st-ban` is used twice in this document");
    }

    [Fact]
    public void PM1011_duplicate_property_names_the_second_occurrence()
    {
        var problem = Single(WithRule("""
            "binds": ["police"],
                  "effect": "prohibit",
                  "effect": "permit"
            """));

        problem.Code.Should().Be(ProblemCodes.DuplicateProperty).And.Be("PM1011");
        problem.Path.Should().Be("$.rules[0].effect");
        problem.Line.Should().Be(12);
        problem.Message.Should().Be("the property `effect` appears twice in one object");
    }

    [Fact]
    public void PM1013_unknown_time_zone()
    {
        var problem = Single("""
            {
              "format": "policymodel/1",
              "jurisdiction": { "id": "st", "name": "State", "level": "state",
                                "timeZone": "America/Chicgo" }
            }
            """);

        problem.Code.Should().Be(ProblemCodes.UnknownTimeZone).And.Be("PM1013");
        problem.Path.Should().Be("$.jurisdiction.timeZone");
        problem.Line.Should().Be(4);
        problem.Message.Should().Contain("`America/Chicgo` is not a tzdb time-zone id");
    }

    [Fact]
    public void PM1012_PM1014_PM1016_PM1017_invalid_id_long_string_misused_value_unsupported_format()
    {
        var longText = new string('x', DocumentLimits.MaxStringLength + 1);
        var problems = Problems($$"""
            {
              "format": "policymodel/2",
              "jurisdiction": { "id": "State_IL", "name": "State", "timeZone": "America/Chicago", "level": "state" },
              "sources": [ { "id": "code", "kind": "statute", "title": "State Code", "citation": "St. Code" } ],
              "rules": [
                { "id": "st-a", "source": "code", "section": "1", "binds": [], "effect": "none", "when": [ { "anyOf": [] } ] },
                { "id": "st-b", "source": "code", "section": "1", "binds": ["police"], "effect": "none", "when": [ { "requester": ["cbp"], "purpose": ["unknown"] } ] }
              ],
              "terms": { "long": { "term": "{{longText}}" } }
            }
            """);

        problems.Select(p => (p.Code, p.Path, p.Line)).Should().BeEquivalentTo(
        [
            ("PM1014", "$.terms.long.term", (int?)9),
        ], "the limit stops the reader: a string over the limit is reported alone");

        problems = Problems("""
            {
              "format": "policymodel/2",
              "jurisdiction": { "id": "State_IL", "name": "State", "timeZone": "America/Chicago", "level": "state" },
              "sources": [ { "id": "code", "kind": "statute", "title": "State Code", "citation": "St. Code" } ],
              "rules": [
                { "id": "st-a", "source": "code", "section": "1", "binds": [], "effect": "none", "when": [ { "anyOf": [] } ] },
                { "id": "st-b", "source": "code", "section": "1", "binds": ["police"], "effect": "none", "when": [ { "requester": ["cbp"], "purpose": ["unknown"] } ] }
              ]
            }
            """);
        problems.Select(p => (p.Code, p.Path, p.Line)).Should().BeEquivalentTo(
        [
            ("PM1017", "$.format", (int?)2),
            ("PM1012", "$.jurisdiction.id", (int?)3),
            ("PM1016", "$.rules[0].binds", (int?)6),
            ("PM1016", "$.rules[0].when[0].anyOf", (int?)6),
            ("PM1016", "$.rules[1].when[0]", (int?)7),
        ]);
        problems.Single(p => p.Code == "PM1017").Message.Should().Be("unsupported format `policymodel/2`; expected `policymodel/1`");
        problems.Single(p => p.Code == "PM1012").Message.Should().Contain("`State_IL` is not a valid jurisdiction id");
        problems.Single(p => p.Path == "$.rules[1].when[0]").Message.Should().Contain("exactly one operator, found 2");
    }

    [Fact]
    public void Several_problems_in_one_document_are_all_reported()
    {
        var problems = Problems("""
            {
              "format": "policymodel/1",
              "jurisdiction": { "id": "st", "name": "State", "timeZone": "Mars/Olympus", "level": "state" },
              "sources": [ { "id": "code", "kind": "act", "title": "State Code", "citation": "St. Code" } ],
              "rules": [
                { "id": "st-a", "source": "code", "section": "1", "binds": ["police"], "effect": "forbid" },
                { "id": "st-b", "source": "code", "section": "2", "binds": "police", "effect": "none", "priority": 1 },
                { "id": "st-c", "source": "code", "section": "3", "effect": "none", "period": { "from": "2021-13-01" } },
                { "id": "st-d", "source": "code", "section": "4", "binds": ["jail"], "effect": "none", "period": { "from": "2022-01-01", "to": "2021-01-01" } },
                { "id": "st-d", "source": "code", "section": "5", "binds": ["jail"], "effect": "none" }
              ]
            }
            """);

        problems.Select(p => (p.Code, p.Path, p.Line)).Should().BeEquivalentTo(
        [
            ("PM1013", "$.jurisdiction.timeZone", (int?)3),
            ("PM1006", "$.sources[0].kind", (int?)4),
            ("PM1006", "$.rules[0].effect", (int?)6),
            ("PM1004", "$.rules[1].priority", (int?)7),
            ("PM1005", "$.rules[1].binds", (int?)7),
            ("PM1007", "$.rules[2]", (int?)8),
            ("PM1008", "$.rules[2].period.from", (int?)8),
            ("PM1009", "$.rules[3].period", (int?)9),
            ("PM1010", "$.rules[4]", (int?)10),
        ], "a duplicate id is reported even when the first rule with that id has problems of its own");
    }

    [Fact]
    public void Problems_print_as_document_line_column_code_path_message()
    {
        var problem = Single(WithRule("""
            "binds": "police", "effect": "prohibit"
            """));

        problem.ToString().Should().Be("st.json(10,16): error PM1005: $.rules[0].binds: expected an array (a list of `respondent` values), found the string `police`");
    }
}
