using System.Text.Json;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary>The server decides every shared and own scenario exactly as the library and the command line do.</summary>
public sealed class ScenarioAgreementTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    internal static List<Scenario> AllScenarios() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).SelectMany(ScenarioFile.Load)];

    [Fact]
    public async Task Server_decisions_equal_the_command_lines_and_the_librarys_for_every_scenario()
    {
        var scenarios = AllScenarios();
        scenarios.Should().HaveCountGreaterThan(50);
        var requests = scenarios.Select(s => RequestJson.Serialize(s.Request)).ToList();
        var array = "[" + string.Join(",", requests) + "]";

        // The command line, in-process: decide --json on the same array.
        using var cliJson = JsonDocument.Parse(await TestRequests.RunCliJsonAsync("decide", array));
        var cli = cliJson.RootElement.EnumerateArray().Select(e => DecisionJson.Parse(e.GetRawText())).ToList();

        // The server: one array call, and the JSON Lines batch.
        using var response = await fixture.Running.PostJsonAsync("/v1/decisions", array);
        response.EnsureSuccessStatusCode();
        using var serverJson = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var served = serverJson.RootElement.EnumerateArray().Select(e => DecisionJson.Parse(e.GetRawText())).ToList();
        using var batchResponse = await fixture.Running.PostJsonAsync("/v1/decisions:batch", string.Join("\n", requests), "application/jsonl");
        var batch = (await batchResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => DecisionJson.Parse(l)).ToList();

        var set = BuiltInPolicies.Load();
        served.Should().HaveCount(scenarios.Count);
        batch.Should().HaveCount(scenarios.Count);
        for (var i = 0; i < scenarios.Count; i++)
        {
            var library = set.Decide(scenarios[i].Request);
            served[i].Should().Be(set.Stamped(library), scenarios[i].Name);
            batch[i].Should().Be(set.Stamped(library), scenarios[i].Name);
            served[i].Should().Be(set.Stamped(cli[i]), scenarios[i].Name);
            scenarios[i].Check(served[i]).Should().BeEmpty(scenarios[i].Name);
        }
    }

    [Fact]
    public async Task Single_calls_agree_with_the_array_call()
    {
        var set = BuiltInPolicies.Load();
        foreach (var scenario in AllScenarios().Take(40))
        {
            using var response = await fixture.Running.PostJsonAsync("/v1/decisions", RequestJson.Serialize(scenario.Request));
            var body = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.Should().BeTrue(body);
            DecisionJson.Parse(body).Should().Be(set.Stamped(set.Decide(scenario.Request)), scenario.Name);
        }
    }
}
