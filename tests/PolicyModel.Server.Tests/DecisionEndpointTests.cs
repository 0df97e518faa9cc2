using System.Net;
using System.Text.Json;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary>The decision endpoints on a real server: the contract's JSON in and out, the digest on every response, errors as problem details.</summary>
public sealed class DecisionEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Chicago = TestRequests.ChicagoCivilArrest;

    private RunningServer Server => fixture.Running;

    [Fact]
    public async Task One_request_gets_one_decision_stamped_with_the_served_digest()
    {
        using var response = await Server.PostJsonAsync("/v1/decisions", Chicago);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var set = BuiltInPolicies.Load();
        response.Headers.GetValues("Policy-Digest").Should().Equal(set.Digest);
        var decision = DecisionJson.Parse(await response.Content.ReadAsStringAsync());
        var expected = set.Decide(RequestJson.Parse(Chicago));
        decision.Should().Be(set.Stamped(expected));
        decision.Outcome.Should().Be(Outcome.Denied);
    }

    [Fact]
    public async Task An_array_gets_an_array_in_the_same_order()
    {
        var other = Chicago.Replace("stop-or-arrest", "perimeter-or-crowd-control", StringComparison.Ordinal).Replace("chi-2025-01-21-0001", "second", StringComparison.Ordinal);
        using var response = await Server.PostJsonAsync("/v1/decisions", $"[{Chicago}, {other}]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        json.RootElement.EnumerateArray().Select(d => d.GetProperty("requestId").GetString()).Should().Equal("chi-2025-01-21-0001", "second");
    }

    [Fact]
    public async Task Invalid_request_gets_400_problem_details_listing_every_problem_with_code_and_path()
    {
        const string bad = """
            [ { "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00", "requester": "ice",
                "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest", "immigrationStatus": "undocumented" },
              { "jurisdiction": "us-zz", "receivedAt": "2025-01-21T06:40:00Z", "requester": "ice-ero",
                "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest" } ]
            """;
        using var response = await Server.PostJsonAsync("/v1/decisions", bad);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("status").GetInt32().Should().Be(400);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("path").GetString())).ToList();
        errors.Should().Contain([
            (ProblemCodes.InvalidDateTime, "$[0].receivedAt"),
            (ProblemCodes.UnknownValue, "$[0].requester"),
            (ProblemCodes.UnknownProperty, "$[0].immigrationStatus"),
        ]);
        text.Should().NotContain("undocumented", "the value of a property a request may not have is never echoed");
    }

    [Fact]
    public async Task Unknown_jurisdiction_is_a_400_with_the_same_code_as_the_command_line()
    {
        var request = Chicago.Replace("us-il-chicago", "us-zz", StringComparison.Ordinal);
        using var response = await Server.PostJsonAsync("/v1/decisions", request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("code").GetString().Should().Be(ProblemCodes.UnknownRequestJurisdiction);
        error.GetProperty("path").GetString().Should().Be("$.jurisdiction");
    }

    [Fact]
    public async Task The_request_id_is_never_echoed_in_an_error()
    {
        var request = Chicago.Replace("\"ice-ero\"", "\"nobody\"", StringComparison.Ordinal).Replace("chi-2025-01-21-0001", "Jane Q Public 555-0100", StringComparison.Ordinal);
        using var response = await Server.PostJsonAsync("/v1/decisions", request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Jane").And.NotContain("555-0100");
    }

    [Fact]
    public async Task Too_large_body_gets_413_problem_details()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat(Chicago, 8_000)) + "]";
        huge.Length.Should().BeGreaterThan(1024 * 1024);
        using var response = await Server.PostJsonAsync("/v1/decisions", huge);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be(ProblemCodes.TooLarge);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_code()
    {
        using var response = await Server.PostJsonAsync("/v1/decisions", "{ \"jurisdiction\": ");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be(ProblemCodes.MalformedJson);
    }

    [Fact]
    public async Task Batch_streams_one_line_per_request_and_an_error_line_in_place_of_an_invalid_one()
    {
        var line = Chicago.ReplaceLineEndings(" ");
        var body = string.Join("\n", line, "{ \"jurisdiction\": \"us-zz\" }", "", line.Replace("stop-or-arrest", "hold-past-release", StringComparison.Ordinal)) + "\n";
        using var response = await Server.PostJsonAsync("/v1/decisions:batch", body, "application/jsonl");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Policy-Digest").Should().ContainSingle();
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        DecisionJson.Parse(lines[0]).Outcome.Should().Be(Outcome.Denied);
        using (var error = JsonDocument.Parse(lines[1]))
        {
            error.RootElement.GetProperty("line").GetInt32().Should().Be(2);
            error.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).Should().Contain(ProblemCodes.MissingField);
        }

        var third = DecisionJson.Parse(lines[2]);
        var set = BuiltInPolicies.Load();
        third.Should().Be(set.Stamped(set.Decide(RequestJson.Parse(line.Replace("stop-or-arrest", "hold-past-release", StringComparison.Ordinal)))));
    }

    [Fact]
    public async Task Batch_of_many_lines_matches_the_library_line_by_line()
    {
        var set = BuiltInPolicies.Load();
        var requests = Enumerable.Range(0, 5_000).Select(i => Chicago.ReplaceLineEndings(" ").Replace("chi-2025-01-21-0001", $"r{i}", StringComparison.Ordinal)
            .Replace("stop-or-arrest", ContractNames<AssistanceKind>.Names[i % ContractNames<AssistanceKind>.Names.Count], StringComparison.Ordinal)).ToList();
        using var response = await Server.PostJsonAsync("/v1/decisions:batch", string.Join("\n", requests), "application/jsonl");

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(requests.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            DecisionJson.Parse(lines[i]).Should().Be(set.Stamped(set.Decide(RequestJson.Parse(requests[i]))));
        }
    }

    [Fact]
    public async Task Explain_returns_the_trace_with_the_stamped_decision()
    {
        using var response = await Server.PostJsonAsync("/v1/explain", Chicago);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("timeZone").GetString().Should().Be("America/Chicago");
        json.RootElement.GetProperty("rules").GetArrayLength().Should().BeGreaterThan(0);
        json.RootElement.GetProperty("decision").GetProperty("policyDigest").GetString().Should().Be(Server.Server.PolicyDigest);
    }

    [Fact]
    public async Task Health_reports_the_digest_and_every_response_carries_it()
    {
        using var response = await Server.Client.GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("ok");
        json.RootElement.GetProperty("policyDigest").GetString().Should().Be(BuiltInPolicies.Load().Digest).And.MatchRegex("^sha256:[0-9a-f]{64}$");
        response.Headers.GetValues("Policy-Digest").Should().Equal(BuiltInPolicies.Load().Digest);
    }

    [Fact]
    public async Task Ready_turns_200_once_the_tables_are_filled()
    {
        // Filling every table takes about a second on an idle machine; allow for a very busy one.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        HttpStatusCode status;
        do
        {
            using var response = await Server.Client.GetAsync("/readyz");
            status = response.StatusCode;
            status.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Jurisdictions_lists_the_served_set()
    {
        using var json = JsonDocument.Parse(await Server.Client.GetStringAsync("/v1/jurisdictions"));

        var ids = json.RootElement.EnumerateArray().Select(j => j.GetProperty("id").GetString()).ToList();
        ids.Should().Equal(BuiltInPolicies.Load().Jurisdictions.Select(j => j.Id.Value));
        json.RootElement.EnumerateArray().Single(j => j.GetProperty("id").GetString() == "us-il-chicago").GetProperty("timeZone").GetString().Should().Be("America/Chicago");
    }

    [Fact]
    public async Task Every_vocabulary_value_has_a_meaning()
    {
        using var json = JsonDocument.Parse(await Server.Client.GetStringAsync("/v1/vocabularies"));

        json.RootElement.GetProperty("requester").EnumerateArray().Select(v => v.GetProperty("value").GetString()).Should().Equal(ContractNames<Requester>.Names);
        json.RootElement.GetProperty("subjectFacts").EnumerateArray().Select(v => v.GetProperty("value").GetString()).Should().Equal(ContractNames<SubjectFact>.Names);
        foreach (var field in json.RootElement.EnumerateObject())
        {
            foreach (var value in field.Value.EnumerateArray())
            {
                value.GetProperty("meaning").GetString().Should().NotBeNullOrWhiteSpace($"{field.Name}: {value.GetProperty("value").GetString()} needs a meaning for the page's help text");
            }
        }
    }

    [Fact]
    public async Task OpenApi_document_describes_the_endpoints()
    {
        using var json = JsonDocument.Parse(await Server.Client.GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/v1/decisions", "/v1/decisions:batch", "/v1/explain", "/v1/jurisdictions", "/healthz", "/readyz"]);
        json.RootElement.GetProperty("paths").GetProperty("/v1/decisions").GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name)
            .Should().Contain(["200", "400", "413"]);
    }

    [Fact]
    public async Task OpenApi_document_describes_requests_and_decisions_by_the_core_schemas()
    {
        using var json = JsonDocument.Parse(await Server.Client.GetStringAsync("/openapi/v1.json"));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");

        var request = schemas.GetProperty(nameof(AssistanceRequest));
        request.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal([.. RequestSchema.JsonProperties, "unknown"]);
        foreach (var field in RequestSchema.Fields)
        {
            var property = request.GetProperty("properties").GetProperty(field.JsonName);
            var values = field.IsSet ? property.GetProperty("items").GetProperty("enum") : property.GetProperty("enum");
            values.EnumerateArray().Select(v => v.GetString()).Should().Equal(field.ValueNames, field.JsonName);
            property.GetProperty("description").GetString().Should().Contain(field.ValueMeanings[0]);
        }

        request.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Contain([RequestSchema.JurisdictionProperty, RequestSchema.ReceivedAtProperty]);
        schemas.GetProperty(nameof(Decision)).GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Contain(["outcome", "citations", "explanation"]);
    }
}
