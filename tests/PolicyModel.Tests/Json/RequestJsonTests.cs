using System.Text;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Json;

/// <summary>Contract "Request": strict reading of requests, with code, JSON path, line and message for every fault.</summary>
public sealed class RequestJsonTests
{
    private const string Valid = """
        {
          "id": "chi-2025-01-21-0001",
          "jurisdiction": "us-il-chicago",
          "respondent": "police",
          "receivedAt": "2025-01-21T06:40:00-06:00",
          "requester": "ice-ero",
          "purpose": "civil-immigration-enforcement",
          "assistance": "stop-or-arrest",
          "authority": "administrative-warrant",
          "circumstances": [],
          "subjectFacts": []
        }
        """;

    private static Problem SingleProblem(string json, string name = "request.json")
    {
        var act = () => RequestJson.Parse(json, name);
        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Document.Should().Be(name);
        return problem;
    }

    [Fact]
    public void Contract_request_example_parses()
    {
        var request = RequestJson.Parse(Valid);

        request.Id.Should().Be("chi-2025-01-21-0001");
        request.Jurisdiction.Value.Should().Be("us-il-chicago");
        request.ReceivedAt.Should().Be(Instant("2025-01-21T06:40:00-06:00"));
        request.Requester.Should().Be(Requester.IceEro);
        request.Purpose.Should().Be(Purpose.CivilImmigrationEnforcement);
        request.Assistance.Should().Be(AssistanceKind.StopOrArrest);
        request.Authority.Should().Be(Authority.AdministrativeWarrant);
    }

    [Fact]
    public void Contract_request_defaults_respondent_police_authority_none_empty_lists()
    {
        var request = RequestJson.Parse("""
            { "jurisdiction": "us", "receivedAt": "2021-08-02T04:30:00Z", "requester": "court", "purpose": "unknown", "assistance": "enter-287g-agreement" }
            """);

        request.Id.Should().BeNull();
        request.Respondent.Should().Be(Respondent.Police);
        request.Authority.Should().Be(Authority.None);
        request.Circumstances.Should().BeEmpty();
        request.SubjectFacts.Should().BeEmpty();
        request.Assistance.Should().Be(AssistanceKind.Enter287gAgreement);
    }

    [Fact]
    public void Contract_request_serialises_every_field_and_reads_back_equal()
    {
        var request = Request("us-il-cook", "2021-08-02T03:00:00Z").WithId("r-1").AddressedTo(Respondent.Jail)
            .WithCircumstances(Circumstance.MedicalEmergency, Circumstance.CrimeInProgress).WithSubjectFacts(SubjectFact.InCustody).Build();

        var json = RequestJson.Serialize(request);

        json.Should().Be("""{"id":"r-1","jurisdiction":"us-il-cook","respondent":"jail","receivedAt":"2021-08-02T03:00:00Z","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"none","circumstances":["crime-in-progress","medical-emergency"],"subjectFacts":["in-custody"]}""");
        RequestJson.Parse(json).Should().BeEquivalentTo(request);
    }

    [Fact]
    public void Contract_request_unknown_value_PM1006()
    {
        var problem = SingleProblem(Valid.Replace("\"ice-ero\"", "\"ice_ero\"", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.UnknownValue).And.Be("PM1006");
        problem.Path.Should().Be("$.requester");
        problem.Line.Should().Be(6);
        problem.Message.Should().Contain("`ice_ero` is not a valid `requester` value").And.Contain("`private-contractor`").And.Contain("(did you mean `ice-ero`?)");
    }

    [Fact]
    public void Contract_request_unknown_value_in_a_list_names_the_element()
    {
        var problem = SingleProblem(Valid.Replace("\"circumstances\": []", "\"circumstances\": [\"riot\"]", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.UnknownValue);
        problem.Path.Should().Be("$.circumstances[0]");
        problem.Line.Should().Be(10);
        problem.Message.Should().Contain("`riot` is not a valid `circumstances` value");
    }

    [Fact]
    public void Contract_request_missing_field_PM1007()
    {
        var problem = SingleProblem(Valid.Replace("\"assistance\": \"stop-or-arrest\",", string.Empty, StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.MissingField).And.Be("PM1007");
        problem.Path.Should().Be("$");
        problem.Line.Should().Be(1);
        problem.Message.Should().Be("missing required property `assistance` in a request");
    }

    [Theory]
    [InlineData("2021-08-02T04:30:00", "`2021-08-02T04:30:00` has no offset")]
    [InlineData("2021-08-02", "`2021-08-02` is not an ISO 8601 date-time with an offset")]
    [InlineData("02/08/2021 04:30 +01:00", "is not an ISO 8601 date-time with an offset")]
    public void Contract_request_receivedAt_without_offset_PM1015(string receivedAt, string message)
    {
        var problem = SingleProblem(Valid.Replace("2025-01-21T06:40:00-06:00", receivedAt, StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.InvalidDateTime).And.Be("PM1015");
        problem.Path.Should().Be("$.receivedAt");
        problem.Line.Should().Be(5);
        problem.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("2021-08-02T04:30:00Z")]
    [InlineData("2021-08-02T04:30Z")]
    [InlineData("2021-08-02T04:30:00.125+05:30")]
    public void Contract_request_receivedAt_accepts_iso_8601_with_an_offset(string receivedAt) =>
        RequestJson.Parse(Valid.Replace("2025-01-21T06:40:00-06:00", receivedAt, StringComparison.Ordinal)).ReceivedAt.Should().Be(Instant(receivedAt.Replace("04:30Z", "04:30:00Z", StringComparison.Ordinal)));

    [Fact]
    public void Contract_request_malformed_json_PM1001()
    {
        var problem = SingleProblem(Valid.Replace("\"purpose\": \"civil-immigration-enforcement\",", "\"purpose\": civil,", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.MalformedJson).And.Be("PM1001");
        problem.Path.Should().Be("$");
        problem.Line.Should().Be(7);
        problem.Message.Should().StartWith("not valid JSON at line ");
    }

    [Fact]
    public void Contract_request_an_immigration_status_property_is_rejected_as_unknown_PM1004()
    {
        var problem = SingleProblem(Valid.Replace("\"subjectFacts\": []", "\"subjectFacts\": [], \"immigrationStatus\": \"undocumented\"", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.UnknownProperty).And.Be("PM1004");
        problem.Path.Should().Be("$.immigrationStatus");
        problem.Line.Should().Be(11);
        problem.Message.Should().Be("unknown property `immigrationStatus` in a request");
    }

    [Fact]
    public void Contract_request_unknown_property_suggests_the_nearest_name()
    {
        var problem = SingleProblem(Valid.Replace("\"subjectFacts\"", "\"subjectFact\"", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.UnknownProperty);
        problem.Path.Should().Be("$.subjectFact");
        problem.Message.Should().Be("unknown property `subjectFact` in a request (did you mean `subjectFacts`?)");
    }

    [Fact]
    public void Contract_limits_request_id_over_128_characters_PM1014()
    {
        var problem = SingleProblem(Valid.Replace("chi-2025-01-21-0001", new string('x', 129), StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.LimitExceeded).And.Be("PM1014");
        problem.Path.Should().Be("$.id");
        problem.Line.Should().Be(2);
        problem.Message.Should().Be("the request id is longer than 128 characters");

        RequestJson.Parse(Valid.Replace("chi-2025-01-21-0001", new string('x', 128), StringComparison.Ordinal)).Id.Should().HaveLength(128);
    }

    [Fact]
    public void Contract_limits_duplicate_property_PM1011()
    {
        var problem = SingleProblem(Valid.Replace("\"respondent\": \"police\",", "\"respondent\": \"police\", \"respondent\": \"jail\",", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.DuplicateProperty).And.Be("PM1011");
        problem.Path.Should().Be("$.respondent");
        problem.Line.Should().Be(4);
        problem.Message.Should().Be("the property `respondent` appears twice in one object");
    }

    [Fact]
    public void Contract_limits_nesting_deeper_than_the_request_shape_PM1003()
    {
        var problem = SingleProblem(Valid.Replace("\"circumstances\": []", "\"circumstances\": [[[\"crime-in-progress\"]]]", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.TooDeep).And.Be("PM1003");
        problem.Path.Should().Be("$.circumstances[0][0]");
        problem.Line.Should().Be(10);
    }

    [Fact]
    public void Contract_request_wrong_type_PM1005()
    {
        var problem = SingleProblem(Valid.Replace("\"subjectFacts\": []", "\"subjectFacts\": \"in-custody\"", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.WrongType).And.Be("PM1005");
        problem.Path.Should().Be("$.subjectFacts");
        problem.Message.Should().Be("expected an array (a list of `subjectFacts` values), found the string `in-custody`");
    }

    [Fact]
    public void Contract_request_every_problem_of_every_request_in_a_file_is_reported()
    {
        var json = """
            [
              { "jurisdiction": "us", "receivedAt": "2021-08-02T04:30:00Z", "requester": "court", "purpose": "unknown", "assistance": "use-of-facilities" },
              { "jurisdiction": "us", "receivedAt": "2021-08-02T04:30:00", "requester": "judge", "purpose": "unknown" },
              { "jurisdiction": "us", "receivedAt": "2021-08-02T04:30:00Z", "requester": "court", "purpose": "unknown", "assistance": "use-of-facilities", "status": "x" }
            ]
            """;

        var act = () => RequestJson.ReadAll(Encoding.UTF8.GetBytes(json), "batch.json", out _);

        act.Should().Throw<InvalidRequestException>().Which.Problems.Select(p => (p.Code, p.Path, p.Line)).Should().BeEquivalentTo(
        [
            ("PM1015", "$[1].receivedAt", (int?)3),
            ("PM1006", "$[1].requester", (int?)3),
            ("PM1007", "$[1]", (int?)3),
            ("PM1004", "$[2].status", (int?)4),
        ]);
    }

    [Fact]
    public void Contract_request_a_file_holds_one_request_or_an_array_of_them()
    {
        var one = RequestJson.ReadAll(Encoding.UTF8.GetBytes(Valid), "one.json", out var oneWasArray);
        one.Should().ContainSingle();
        oneWasArray.Should().BeFalse();

        var many = RequestJson.ReadAll(Encoding.UTF8.GetBytes($"[{Valid},{Valid.Replace("chi-2025-01-21-0001", "second", StringComparison.Ordinal)}]"), "many.json", out var manyWasArray);
        many.Select(r => r.Id).Should().Equal("chi-2025-01-21-0001", "second");
        manyWasArray.Should().BeTrue();

        var act = () => RequestJson.Parse($"[{Valid}]");
        act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Which.Code.Should().Be(ProblemCodes.WrongType);
    }

    [Fact]
    public void Contract_request_unknown_jurisdiction_is_rejected_when_deciding_PM3001()
    {
        var request = RequestJson.Parse(Valid);
        var set = Compile(Us(), State());

        var act = () => set.Decide(request);

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("PM3001");
        problem.Path.Should().Be("$.jurisdiction");
        problem.Message.Should().Contain("`us-il-chicago` is not a jurisdiction of this policy set");
    }

    [Fact]
    public void Contract_request_a_jurisdiction_that_is_not_an_id_is_rejected_PM1012()
    {
        var problem = SingleProblem(Valid.Replace("us-il-chicago", "US IL", StringComparison.Ordinal));

        problem.Code.Should().Be(ProblemCodes.InvalidId);
        problem.Path.Should().Be("$.jurisdiction");
        problem.Line.Should().Be(3);
    }
}
