using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyModel.Cli;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary>Partial requests (<c>"unknown": [...]</c>) over HTTP: decided exactly as the library's DecidePartial and the command line decide them.</summary>
public sealed class PartialDecisionEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string HsiArrestDocumentUnseen = TestRequests.HsiArrestDocumentUnseen;

    private static readonly string[] UnknownChoices = ["authority", "requester", "purpose", "circumstances", "location", "subjectFacts"];

    private RunningServer Server => fixture.Running;

    /// <summary>The scenarios' requests, each with one or two of its facts made unknown in turn (a few hundred partial requests).</summary>
    private static List<string> PartialRequests()
    {
        var requests = new List<string>();
        var scenarios = ScenarioAgreementTests.AllScenarios();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var unknown = i % 3 == 0
                ? new[] { UnknownChoices[i % UnknownChoices.Length], UnknownChoices[(i + 1) % UnknownChoices.Length] }
                : new[] { UnknownChoices[i % UnknownChoices.Length] };
            var request = JsonNode.Parse(RequestJson.Serialize(scenarios[i].Request))!.AsObject();
            foreach (var field in unknown)
            {
                request.Remove(field);
            }

            request["unknown"] = new JsonArray([.. unknown.Select(f => (JsonNode)f)]);
            requests.Add(request.ToJsonString());
        }

        return requests;
    }

    [Fact]
    public async Task The_contracts_partial_request_depends_on_the_document_and_asks_first_about_it()
    {
        using var response = await Server.PostJsonAsync("/v1/decisions", HsiArrestDocumentUnseen);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        var set = BuiltInPolicies.Load();
        DecisionJson.Parse(body).Should().Be(set.Stamped(set.DecidePartial(RequestJson.Parse(HsiArrestDocumentUnseen))));
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("outcome").GetString().Should().Be("depends");
        json.RootElement.GetProperty("askFirst").GetString().Should().Be("authority");
        json.RootElement.GetProperty("dependsOn").EnumerateArray()
            .Select(e => (e.GetProperty("outcome").GetString(), string.Join(",", e.GetProperty("when").GetProperty("authority").EnumerateArray().Select(v => v.GetString()))))
            .Should().BeEquivalentTo([
                ("granted", "judicial-criminal-warrant"),
                ("denied", "administrative-warrant,immigration-detainer,ncic-immigration-hit,alien-enemies-designation"),
                ("discretionary", "none,court-order,written-consent"),
            ]);
    }

    [Fact]
    public async Task Partial_decisions_of_the_scenarios_equal_the_librarys_through_an_array_and_the_batch()
    {
        var requests = PartialRequests();
        requests.Should().HaveCountGreaterThan(50);
        var set = BuiltInPolicies.Load();
        var expected = requests.Select(r => set.Stamped(set.DecidePartial(RequestJson.Parse(r)))).ToList();
        expected.Should().Contain(d => d.Outcome == Outcome.Depends, "some unknown facts change the outcome").And.Contain(d => d.Outcome != Outcome.Depends, "some do not");

        using var response = await Server.PostJsonAsync("/v1/decisions", "[" + string.Join(",", requests) + "]");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        json.RootElement.EnumerateArray().Select(e => DecisionJson.Parse(e.GetRawText())).Should().Equal(expected);

        using var batchResponse = await Server.PostJsonAsync("/v1/decisions:batch", string.Join("\n", requests), "application/jsonl");
        batchResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        var lines = (await batchResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => DecisionJson.Parse(l)).Should().Equal(expected);
    }

    [Fact]
    public async Task Partial_decisions_equal_what_the_command_lines_decide_json_prints()
    {
        var requests = PartialRequests().Where((_, i) => i % 7 == 0).Prepend(HsiArrestDocumentUnseen).ToList();
        var array = "[" + string.Join(",", requests) + "]";
        var cli = JsonNode.Parse(await TestRequests.RunCliJsonAsync("decide", array))!.AsArray();

        using var response = await Server.PostJsonAsync("/v1/decisions", array);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        served.Should().HaveCount(requests.Count);
        cli.Should().Contain(d => d!["outcome"]!.GetValue<string>() == "depends");
        for (var i = 0; i < requests.Count; i++)
        {
            var decision = served[i]!.AsObject();
            decision.Remove("policyDigest").Should().BeTrue();
            decision.Remove("lawCurrentTo");
            JsonNode.DeepEquals(decision, cli[i]).Should().BeTrue($"request {i}: the service wrote {decision.ToJsonString()}, the command line {cli[i]!.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-hsi", "purpose": "unknown", "assistance": "stop-or-arrest", "unknown": ["receivedAt"] }""", ProblemCodes.UnknownValue, "$.unknown[0]")]
    [InlineData("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-hsi", "purpose": "unknown", "assistance": "stop-or-arrest", "authority": "none", "unknown": ["authority"] }""", ProblemCodes.UnknownFieldGiven, "$.unknown[0]")]
    [InlineData("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-hsi", "purpose": "unknown", "assistance": "stop-or-arrest", "unknown": ["authority", "authority"] }""", ProblemCodes.InvalidValue, "$.unknown[1]")]
    public async Task Invalid_unknown_facts_get_400_with_the_path(string request, string code, string path)
    {
        using var response = await Server.PostJsonAsync("/v1/decisions", request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await WhatIfEndpointTests.Errors(response)).Should().Contain((code, path));
    }

    [Fact]
    public async Task A_partial_request_cannot_be_explained_rule_by_rule_and_gets_400_not_a_failure()
    {
        using var response = await Server.PostJsonAsync("/v1/explain", $"[{HsiArrestDocumentUnseen.Replace("\"unknown\": [\"authority\"]", "\"authority\": \"none\"", StringComparison.Ordinal)}, {HsiArrestDocumentUnseen}]");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await WhatIfEndpointTests.Errors(response)).Should().Equal((ProblemCodes.PartialRequest, "$[1].unknown"));
    }

    [Fact]
    public async Task A_partial_decision_is_recorded_with_its_unknown_facts_and_replays_identical()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"policymodel-partial-log-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var log = Path.Combine(folder, "decisions.jsonl");
        await using (var server = await RunningServer.StartAsync(o => o.DecisionLogPath = log))
        {
            using var response = await server.PostJsonAsync("/v1/decisions", HsiArrestDocumentUnseen);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var record = DecisionRecordJson.Parse((await File.ReadAllLinesAsync(log)).Single());
        record.Request.Unknown.Should().Equal(RequestField.Authority);
        record.Decision.Outcome.Should().Be(Outcome.Depends);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        CliApp.Run(["replay", log], new StringReader(""), stdout, stderr).Should().Be(ExitCodes.Success, stderr.ToString() + stdout);
        stdout.ToString().Should().Contain("1 identical");
        Directory.Delete(folder, recursive: true);
    }
}
