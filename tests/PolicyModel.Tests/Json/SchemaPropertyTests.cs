namespace PolicyModel.Tests.Json;

/// <summary>
/// Every reader takes an optional top-level <c>$schema</c> string (the JSON Schema a file follows, for editors) and
/// ignores it; anything else there is a wrong type, and unknown properties stay problems.
/// </summary>
public sealed class SchemaPropertyTests
{
    private const string Document = """
        {
          "$schema": SCHEMA,
          "format": "policymodel/1",
          "jurisdiction": { "id": "zz", "name": "Test land", "timeZone": "UTC", "level": "state" }
        }
        """;

    private const string Request = """
        {
          "$schema": SCHEMA,
          "jurisdiction": "us-il-chicago",
          "receivedAt": "2025-01-21T06:40:00-06:00",
          "requester": "ice-ero",
          "purpose": "civil-immigration-enforcement",
          "assistance": "stop-or-arrest"
        }
        """;

    private static string With(string text, string schema) => text.Replace("SCHEMA", schema, StringComparison.Ordinal);

    private static string ScenarioFileText(string schema) =>
        $$"""{ "$schema": {{schema}}, "scenarios": [ { "name": "n", "request": {{With(Request, "\"request.schema.json\"")}}, "expect": { "outcome": "denied" } } ] }""";

    [Theory]
    [InlineData("\"../../schemas/policy-document.schema.json\"")]
    [InlineData("\"urn:policymodel:schema:policy-document:1\"")]
    public void A_document_with_a_schema_string_reads_as_the_same_document_without_it(string schema)
    {
        var with = PolicyDocument.Parse(With(Document, schema), "with.json");
        var without = PolicyDocument.Parse(With(Document, "1").Replace("\"$schema\": 1,", "", StringComparison.Ordinal), "without.json");

        PolicyDocumentJson.Serialize(with).Should().Be(PolicyDocumentJson.Serialize(without), "the reference is not part of the document's content");
    }

    [Theory]
    [InlineData("1", "the number `1`")]
    [InlineData("null", "null")]
    [InlineData("{ \"$ref\": \"x\" }", "an object")]
    public void A_document_schema_that_is_not_a_string_is_a_wrong_type(string schema, string found)
    {
        var problem = (PolicyDocument.TryParse(With(Document, schema), "doc.json", out _, out var problems) ? [] : problems).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.WrongType);
        problem.Path.Should().Be("$['$schema']");
        problem.Line.Should().Be(2);
        problem.Message.Should().Contain("JSON Schema").And.Contain(found);
    }

    [Fact]
    public void A_request_object_may_name_its_schema_and_decides_alike()
    {
        var with = RequestJson.Parse(With(Request, "\"request.schema.json\""));
        var without = RequestJson.Parse(With(Request, "0").Replace("\"$schema\": 0,", "", StringComparison.Ordinal));

        with.Should().Be(without);
        RequestJson.Serialize(with).Should().NotContain("$schema", "the reference is not written back");
    }

    [Fact]
    public void Each_request_of_an_array_may_name_its_schema()
    {
        var text = "[" + With(Request, "\"request.schema.json\"") + "," + With(Request, "\"urn:policymodel:schema:request:1\"") + "]";

        var requests = RequestJson.ReadAll(System.Text.Encoding.UTF8.GetBytes(text), "requests.json", out var wasArray);

        wasArray.Should().BeTrue();
        requests.Should().HaveCount(2);
    }

    [Fact]
    public void A_request_schema_that_is_not_a_string_is_a_wrong_type_and_the_request_is_not_read()
    {
        var act = () => RequestJson.Parse(With(Request, "[\"request.schema.json\"]"), "request.json");

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.WrongType);
        problem.Path.Should().Be("$['$schema']");
    }

    [Fact]
    public void A_misspelled_schema_property_is_still_an_unknown_property()
    {
        var act = () => RequestJson.Parse(With(Request, "\"x\"").Replace("\"$schema\"", "\"schema\"", StringComparison.Ordinal), "request.json");

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.UnknownProperty);
        problem.Message.Should().Contain("did you mean `$schema`?");
    }

    [Fact]
    public void A_scenario_file_may_name_its_schema_and_so_may_its_requests()
    {
        var scenarios = ScenarioFile.Parse(ScenarioFileText("\"scenario-file.schema.json\""), "s.json");

        scenarios.Should().ContainSingle().Which.Request.Jurisdiction.Value.Should().Be("us-il-chicago");
    }

    [Fact]
    public void A_scenario_file_schema_that_is_not_a_string_is_a_wrong_type()
    {
        var act = () => ScenarioFile.Parse(ScenarioFileText("true"), "s.json");

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.WrongType);
        problem.Path.Should().Be("$['$schema']");
    }
}
