using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary><c>POST /v1/whatif</c> on a real server: the library's what-if JSON, the command line's options, the service's errors and records.</summary>
public sealed class WhatIfEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Chicago = TestRequests.ChicagoCivilArrest;

    private const string HsiArrestDocumentUnseen = TestRequests.HsiArrestDocumentUnseen;

    private RunningServer Server => fixture.Running;

    /// <summary>The what-if result the service must return: the library's, with the decision stamped, written by <see cref="WhatIfJson"/>.</summary>
    private static JsonNode Expected(PolicySet set, AssistanceRequest request, WhatIfOptions options)
    {
        var result = set.WhatIf(request, options);
        return JsonNode.Parse(WhatIfJson.Serialize(result.WithDecision(set.Stamped(result.Decision)), indented: false))!;
    }

    [Theory]
    [InlineData("", 2, false)]
    [InlineData("?maxChanges=3&vary=receivedAt", 3, true)]
    [InlineData("?maxChanges=1", 1, false)]
    public async Task Whatif_of_every_scenario_request_equals_the_librarys_whatif_json(string query, int maxChanges, bool varyReceivedAt)
    {
        var scenarios = ScenarioAgreementTests.AllScenarios();
        var set = BuiltInPolicies.Load();

        // Calls of 20 requests, so that a busy machine stays well inside the request timeout.
        var served = new List<JsonNode?>();
        foreach (var chunk in scenarios.Chunk(20))
        {
            using var response = await Server.PostJsonAsync("/v1/whatif" + query, "[" + string.Join(",", chunk.Select(s => RequestJson.Serialize(s.Request))) + "]");
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, body);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            response.Headers.GetValues("Policy-Digest").Should().Equal(set.Digest);
            served.AddRange(JsonNode.Parse(body)!.AsArray().Select(r => r?.DeepClone()));
        }

        served.Should().HaveCount(scenarios.Count);
        var options = new WhatIfOptions { MaxChangedFields = maxChanges, VaryReceivedAt = varyReceivedAt };
        for (var i = 0; i < scenarios.Count; i++)
        {
            var expected = Expected(set, scenarios[i].Request, options);
            JsonNode.DeepEquals(served[i], expected).Should().BeTrue($"{scenarios[i].Name}: the service wrote {served[i]!.ToJsonString()}, the library {expected.ToJsonString()}");
        }

        served.Select(r => r!["alternatives"]!.AsArray().Count).Sum().Should().BeGreaterThan(scenarios.Count, "the scenarios have alternatives to compare");
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "--max-changes", "1", "--vary", "receivedAt" }, "?maxChanges=1&vary=receivedAt")]
    public async Task Whatif_equals_what_the_command_lines_whatif_json_prints_apart_from_the_served_sets_stamp(string[] cliOptions, string query)
    {
        var requests = ScenarioAgreementTests.AllScenarios().Where((_, i) => i % 10 == 0).Select(s => RequestJson.Serialize(s.Request)).Prepend(Chicago).ToList();
        var array = "[" + string.Join(",", requests) + "]";
        var cli = JsonNode.Parse(await TestRequests.RunCliJsonAsync("whatif", array, cliOptions))!.AsArray();

        using var response = await Server.PostJsonAsync("/v1/whatif" + query, array);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        served.Should().HaveCount(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var decision = served[i]!.AsObject();
            decision["policyDigest"]!.GetValue<string>().Should().Be(Server.Server.PolicyDigest);
            decision.Remove("policyDigest").Should().BeTrue();
            decision.Remove("lawCurrentTo");
            JsonNode.DeepEquals(decision, cli[i]).Should().BeTrue($"request {i}: the service wrote {decision.ToJsonString()}, the command line {cli[i]!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task One_request_gets_one_result_with_the_contracts_alternatives()
    {
        using var response = await Server.PostJsonAsync("/v1/whatif", Chicago);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.GetProperty("requestId").GetString().Should().Be("chi-2025-01-21-0001");
        root.GetProperty("outcome").GetString().Should().Be("denied");
        var alternatives = root.GetProperty("alternatives").EnumerateArray().ToList();
        var granted = alternatives.Single(a => a.GetProperty("changes").TryGetProperty("authority", out var v) && v.GetString() == "judicial-criminal-warrant");
        granted.GetProperty("outcome").GetString().Should().Be("granted");
        granted.GetProperty("citations")[0].GetString().Should().Be("5 ILCS 805/10");
        alternatives.Where(a => a.GetProperty("changes").TryGetProperty("circumstances", out var v) && v.EnumerateArray().Select(e => e.GetString()).SequenceEqual(new[] { "crime-in-progress" }))
            .Select(a => a.GetProperty("outcome").GetString()).Should().Equal("police-action");
    }

    [Fact]
    public async Task A_partial_request_has_no_whatif_and_gets_400_naming_its_unknown_facts()
    {
        using var response = await Server.PostJsonAsync("/v1/whatif", $"[{Chicago}, {HsiArrestDocumentUnseen}]");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.GetValues("Policy-Digest").Should().Equal(Server.Server.PolicyDigest);
        var errors = await Errors(response);
        errors.Should().Equal((ProblemCodes.PartialRequest, "$[1].unknown"));
    }

    [Fact]
    public async Task Invalid_requests_get_400_with_every_problems_code_and_path()
    {
        var bad = Chicago.Replace("\"ice-ero\"", "\"ice\"", StringComparison.Ordinal).Replace("06:40:00-06:00", "06:40:00", StringComparison.Ordinal);
        using var response = await Server.PostJsonAsync("/v1/whatif", $"[{Chicago}, {bad}]");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Errors(response)).Should().Contain([(ProblemCodes.UnknownValue, "$[1].requester"), (ProblemCodes.InvalidDateTime, "$[1].receivedAt")]);

        var elsewhere = Chicago.Replace("us-il-chicago", "us-zz", StringComparison.Ordinal);
        using var unknown = await Server.PostJsonAsync("/v1/whatif", $"[{Chicago}, {elsewhere}, {elsewhere}]");

        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Errors(unknown)).Should().Equal((ProblemCodes.UnknownRequestJurisdiction, "$[1].jurisdiction"), (ProblemCodes.UnknownRequestJurisdiction, "$[2].jurisdiction"));
    }

    [Theory]
    [InlineData("?maxChanges=4", ProblemCodes.InvalidValue, "?maxChanges")]
    [InlineData("?maxChanges=two", ProblemCodes.InvalidValue, "?maxChanges")]
    [InlineData("?maxChanges=1&maxChanges=2", ProblemCodes.InvalidValue, "?maxChanges")]
    [InlineData("?vary=jurisdiction", ProblemCodes.UnknownValue, "?vary")]
    [InlineData("?depth=2", ProblemCodes.UnknownProperty, "?depth")]
    public async Task Invalid_options_get_400_naming_the_query_parameter(string query, string code, string path)
    {
        using var response = await Server.PostJsonAsync("/v1/whatif" + query, Chicago);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Errors(response)).Should().Equal((code, path));
    }

    [Fact]
    public async Task Too_large_body_gets_413()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat(Chicago, 8_000)) + "]";
        using var response = await Server.PostJsonAsync("/v1/whatif", huge);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Errors(response)).Should().Equal((ProblemCodes.TooLarge, "$"));
    }

    [Fact]
    public async Task Decision_log_gets_one_record_per_request_with_the_decision_as_asked()
    {
        var log = new MemoryLog();
        await using var server = await RunningServer.StartAsync(o => o.DecisionLog = log);
        var other = Chicago.Replace("chi-2025-01-21-0001", "second", StringComparison.Ordinal).Replace("stop-or-arrest", "hold-past-release", StringComparison.Ordinal);

        using var response = await server.PostJsonAsync("/v1/whatif?maxChanges=1", $"[{Chicago}, {other}]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var records = log.Records.ToList();
        records.Should().HaveCount(2);
        records.Select(r => r.Request.Id).Should().Equal("chi-2025-01-21-0001", "second");
        for (var i = 0; i < 2; i++)
        {
            var decision = served[i]!.AsObject();
            decision.Remove("alternatives");
            records[i].Decision.Should().Be(DecisionJson.Parse(decision.ToJsonString()), "the record holds the decision as asked, not the alternatives");
            records[i].PolicyDigest.Should().Be(server.Server.PolicyDigest);
        }
    }

    [Fact]
    public async Task OpenApi_document_describes_whatif_and_its_options()
    {
        using var json = JsonDocument.Parse(await Server.Client.GetStringAsync("/openapi/v1.json"));

        var post = json.RootElement.GetProperty("paths").GetProperty("/v1/whatif").GetProperty("post");
        post.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString()))
            .Should().Equal(("maxChanges", "query"), ("vary", "query"));
        post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "413"]);
        var decide = json.RootElement.GetProperty("paths").GetProperty("/v1/decisions").GetProperty("post");
        post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText()
            .Should().Be(decide.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText(), "it takes the same requests");
    }

    internal static async Task<List<(string?, string?)>> Errors(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("path").GetString()))];
    }

    /// <summary>A decision log that keeps its records in memory.</summary>
    internal sealed class MemoryLog : IDecisionLog
    {
        private readonly ConcurrentQueue<DecisionRecord> records = new();

        public IReadOnlyCollection<DecisionRecord> Records => records;

        public void Record(DecisionRecord record) => records.Enqueue(record);
    }
}
