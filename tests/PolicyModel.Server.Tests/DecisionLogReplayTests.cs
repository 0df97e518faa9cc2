using System.Text.Json;
using NodaTime;
using PolicyModel.Cli;

namespace PolicyModel.Server.Tests;

/// <summary>Decision records written by the server, and <c>policymodel replay</c> over them.</summary>
public sealed class DecisionLogReplayTests
{
    private static readonly string[] Requests =
    [
        """{ "id": "oak-1", "jurisdiction": "us-xx-oak", "receivedAt": "2025-03-01T10:00:00-06:00", "requester": "ice-ero", "purpose": "civil-immigration-enforcement", "assistance": "use-of-facilities" }""",
        """{ "id": "oak-2", "jurisdiction": "us-xx-oak", "receivedAt": "2025-03-01T10:00:00-06:00", "requester": "ice-ero", "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest" }""",
        """{ "id": "chi-1", "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00", "requester": "ice-ero", "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest", "authority": "administrative-warrant", "subjectFacts": ["felony-conviction"] }""",
    ];

    [Fact]
    public async Task Log_holds_one_record_per_decision_with_no_more_than_the_request()
    {
        var (folder, log) = await WriteLogAsync();

        var lines = await File.ReadAllLinesAsync(log);
        lines.Should().HaveCount(Requests.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("decidedAt", "engineVersion", "policyDigest", "request", "decision");
            json.RootElement.GetProperty("decidedAt").GetString().Should().Be("2026-12-06T04:00:00Z", "the time comes from the injected clock");
            var record = DecisionRecordJson.Parse(lines[i]);
            record.Request.Should().BeEquivalentTo(RequestJson.Parse(Requests[i]), "the record holds the request as it was, nothing added");
            record.EngineVersion.Should().Be(DecisionRecord.CurrentEngineVersion);
            record.Decision.PolicyDigest.Should().Be(record.PolicyDigest);
        }

        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    [Fact]
    public async Task Replay_reports_identical_for_a_log_written_by_the_same_set()
    {
        var (folder, log) = await WriteLogAsync();

        var (code, stdout, stderr) = Replay(log, folder);

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("3 record(s): 3 identical, 0 different");
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    [Fact]
    public async Task Replay_names_the_changed_records_after_a_policy_edit()
    {
        var (folder, log) = await WriteLogAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, "oak.json"), WatchTests.Document("permit"));

        var (code, stdout, stderr) = Replay(log, folder, "--json");

        code.Should().Be(ExitCodes.Failure, stderr);
        using var json = JsonDocument.Parse(stdout);
        var results = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("requestId").GetString()!);
        results["oak-1"].GetProperty("result").GetString().Should().Be("different");
        var reasons = results["oak-1"].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        reasons.Should().Contain("outcome denied -> granted");
        reasons.Should().Contain(r => r!.StartsWith("another policy set: sha256:", StringComparison.Ordinal));
        results["oak-2"].GetProperty("result").GetString().Should().Be("identical");
        results["chi-1"].GetProperty("result").GetString().Should().Be("identical");
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    [Fact]
    public async Task Replay_exits_2_for_an_invalid_log()
    {
        var (folder, log) = await WriteLogAsync();
        await File.AppendAllTextAsync(log, "{ \"decidedAt\": \"yesterday\" }\n");

        var (code, _, stderr) = Replay(log, folder);

        code.Should().Be(ExitCodes.InvalidInput);
        stderr.Should().Contain("PM1015").And.Contain("PM1007");
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    private static (int Code, string Out, string Error) Replay(string log, string folder, params string[] more)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["replay", log, "--policies", folder, .. more], new StringReader(""), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(string Folder, string Log)> WriteLogAsync()
    {
        var folder = Directory.CreateTempSubdirectory("policymodel-replay-").FullName;
        var policies = Path.Combine(folder, "policies");
        Directory.CreateDirectory(policies);
        await File.WriteAllTextAsync(Path.Combine(policies, "oak.json"), WatchTests.Document("prohibit"));
        var log = Path.Combine(folder, "decisions.jsonl");
        await using (var running = await RunningServer.StartAsync(o =>
        {
            o.Policies = [policies];
            o.DecisionLogPath = log;
            o.Clock = new FixedClock(Instant.FromUtc(2026, 12, 6, 4, 0));
        }))
        {
            foreach (var request in Requests)
            {
                using var response = await running.PostJsonAsync("/v1/decisions", request);
                response.EnsureSuccessStatusCode();
            }
        }

        return (policies, log);
    }
}

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
