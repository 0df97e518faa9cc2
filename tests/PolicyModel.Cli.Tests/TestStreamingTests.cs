using System.Text.Json;

namespace PolicyModel.Cli.Tests;

/// <summary>
/// <c>policymodel test</c> reads scenario files as a stream and writes each result as it is known: the readable table
/// a page of 1,000 rows at a time, <c>--format json</c> entry by entry with the counts after them. A bad scenario is
/// reported at once with its line and path, and the results already known are written (exit 2).
/// </summary>
public sealed class TestStreamingTests
{
    private static string Scenario(int i, string outcome = "denied") => $$"""
        {"name":"perimeter {{i}}","request":{"jurisdiction":"us-il-chicago","receivedAt":"2025-02-10T09:00:00-06:00",
          "requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"perimeter-or-crowd-control"},
          "expect":{"outcome":"{{outcome}}"} }
        """;

    private static string File(IEnumerable<string> scenarios) => CliRunner.TempFile("{\"scenarios\":[\n" + string.Join(",\n", scenarios) + "\n]}");

    [Fact]
    public void A_long_run_is_written_in_pages_of_a_thousand_rows_with_one_summary()
    {
        var file = File(Enumerable.Range(0, 2500).Select(i => Scenario(i, i == 1700 ? "granted" : "denied")));

        var result = CliRunner.Run(null, "test", file);

        result.ExitCode.Should().Be(ExitCodes.Failure);
        var lines = result.Out.Split('\n');
        lines.Count(l => l.StartsWith("result", StringComparison.Ordinal)).Should().Be(3, "2,500 rows are three pages");
        lines.Count(l => l.StartsWith("pass  ", StringComparison.Ordinal) || l.StartsWith("FAIL  ", StringComparison.Ordinal)).Should().Be(2500, "one row per scenario");
        result.Out.Should().Contain("FAIL perimeter 1700 (").And.EndWith("2499 passed, 1 failed, 2500 scenarios in 1 file(s)\n");
        result.Out.IndexOf("FAIL perimeter 1700 (", StringComparison.Ordinal).Should().BeLessThan(result.Out.IndexOf("perimeter 2000", StringComparison.Ordinal),
            "a page's failures follow that page's table");
    }

    [Fact]
    public void Json_streams_every_entry_then_the_counts()
    {
        var file = File(Enumerable.Range(0, 1200).Select(i => Scenario(i, i % 400 == 0 ? "granted" : "denied")));

        var result = CliRunner.Run(null, "test", file, "--format", "json");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        using var report = JsonDocument.Parse(result.Out);
        report.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("scenarios", "passed", "failed");
        report.RootElement.GetProperty("passed").GetInt32().Should().Be(1197);
        report.RootElement.GetProperty("failed").GetInt32().Should().Be(3);
        report.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .Should().Equal(Enumerable.Range(0, 1200).Select(i => $"perimeter {i}"));
    }

    [Fact]
    public void A_bad_scenario_is_reported_with_its_line_and_path_and_the_other_results_are_still_written()
    {
        var scenarios = Enumerable.Range(0, 5).Select(i => Scenario(i)).ToList();
        scenarios[3] = scenarios[3].Replace("\"denied\"", "\"rejected\"", StringComparison.Ordinal);
        var file = File(scenarios);
        var line = Array.FindIndex(System.IO.File.ReadAllLines(file), l => l.Contains("rejected", StringComparison.Ordinal)) + 1;

        var result = CliRunner.Run(null, "test", file);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain($"({line},").And.Contain("PM1006").And.Contain("$.scenarios[3].expect.outcome");
        result.Out.Should().Contain("4 passed, 0 failed, 4 scenarios in 1 file(s)");
    }
}
