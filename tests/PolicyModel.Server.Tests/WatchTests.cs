using System.Collections.Concurrent;
using System.Net;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary>
/// <c>--watch</c>: a bad edit keeps the old set serving (and logs every problem), a good edit swaps the new set in,
/// and requests sent all the while never fail and never see a set other than the old or the new one.
/// </summary>
public sealed class WatchTests
{
    private const string Request = """
        { "jurisdiction": "us-xx-oak", "receivedAt": "2025-03-01T10:00:00-06:00", "requester": "ice-ero",
          "purpose": "civil-immigration-enforcement", "assistance": "use-of-facilities" }
        """;

    internal static string Document(string effect) => $$"""
        {
          "format": "policymodel/1",
          "jurisdiction": { "id": "us-xx-oak", "name": "Oak Test Village", "timeZone": "America/Chicago", "level": "city" },
          "sources": [ { "id": "oak-ord", "kind": "ordinance", "title": "Oak Test Village Code", "citation": "Oak Test Village Code" } ],
          "rules": [
            { "id": "oak-facilities", "source": "oak-ord", "section": "1-1", "binds": ["police"],
              "when": [ { "assistance": ["use-of-facilities"] }, { "purpose": ["civil-immigration-enforcement"] } ],
              "effect": "{{effect}}", "explains": "governs the use of village facilities for civil immigration enforcement" }
          ]
        }
        """;

    [Fact]
    public async Task Bad_edit_keeps_the_old_digest_and_a_fix_swaps_in_the_new_one_under_load_with_no_failed_request()
    {
        var folder = Directory.CreateTempSubdirectory("policymodel-watch-").FullName;
        var file = Path.Combine(folder, "oak.json");
        await File.WriteAllTextAsync(file, Document("prohibit"));
        await using var running = await RunningServer.StartAsync(o =>
        {
            o.Policies = [folder];
            o.Watch = true;
            o.WatchDebounce = TimeSpan.FromMilliseconds(50);
        });
        var oldDigest = running.Server.PolicyDigest;
        var newDigest = PolicySet.Compile([.. BuiltInPolicies.Documents(), PolicyDocument.Parse(Document("permit"), "oak.json")]).Digest;
        newDigest.Should().NotBe(oldDigest);

        // Load: four clients deciding without pause until told to stop; every answer is recorded.
        var seen = new ConcurrentBag<(HttpStatusCode Status, string Digest, Outcome Outcome)>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await running.PostJsonAsync("/v1/decisions", Request);
                var body = await response.Content.ReadAsStringAsync();
                var digest = response.Headers.GetValues("Policy-Digest").Single();
                var outcome = response.IsSuccessStatusCode ? DecisionJson.Parse(body).Outcome : Outcome.Refer;
                seen.Add((response.StatusCode, digest, outcome));
            }
        })).ToList();

        // Wait for answers from the old set rather than for a fixed time: on a busy machine the clients may need long.
        await WaitUntil(() => seen.Count(s => s.Digest == oldDigest) >= 4);

        // A bad edit: an unknown effect. The old set keeps serving; every problem is logged.
        await File.WriteAllTextAsync(file, Document("forbid"));
        await WaitUntil(() => running.Logs.Messages.Any(m => m.Contains("PM1006", StringComparison.Ordinal)));
        await Task.Delay(300);
        running.Server.PolicyDigest.Should().Be(oldDigest);
        (await running.Client.GetStringAsync("/healthz")).Should().Contain(oldDigest);
        running.Logs.Messages.Should().Contain(m => m.Contains("still serving " + oldDigest, StringComparison.Ordinal));

        // The fix: the new set is swapped in.
        await File.WriteAllTextAsync(file, Document("permit"));
        await WaitUntil(() => running.Server.PolicyDigest == newDigest);
        await WaitUntil(() => seen.Count(s => s.Digest == newDigest) >= 4);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        seen.Should().NotBeEmpty();
        seen.Should().OnlyContain(s => s.Status == HttpStatusCode.OK, "no request fails while the policies change");
        seen.Select(s => s.Digest).Distinct().Should().BeEquivalentTo([oldDigest, newDigest]);
        seen.Should().OnlyContain(s => s.Digest == oldDigest ? s.Outcome == Outcome.Denied : s.Outcome == Outcome.Granted,
            "each response is decided wholly by the set whose digest it carries");
        (await running.Client.GetStringAsync("/healthz")).Should().Contain(newDigest);
    }

    [Fact]
    public async Task Service_refuses_to_start_on_policies_with_problems()
    {
        var folder = Directory.CreateTempSubdirectory("policymodel-watch-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "oak.json"), Document("forbid"));

        var start = () => RunningServer.StartAsync(o => o.Policies = [folder]);

        (await start.Should().ThrowAsync<PolicyLoadException>()).Which.Message.Should().Contain("PM1006");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the watcher should have reacted within 30 s");
            await Task.Delay(50);
        }
    }
}
