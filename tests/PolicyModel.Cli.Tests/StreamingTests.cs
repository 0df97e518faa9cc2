using System.Text;
using System.Text.Json;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Cli.Tests;

/// <summary>
/// <c>decide</c> and <c>explain</c> read requests as a stream (a JSON array, one object or JSON Lines) and write each
/// batch as soon as it is decided; the output is byte for byte what the library writes for the same decisions.
/// </summary>
public sealed class StreamingTests
{
    private static readonly string[] ScenarioFiles = ["california.json", "chicago.json", "cook-county.json", "florida.json", "illinois.json", "texas.json"];

    private static readonly PolicySet BuiltIns = BuiltInPolicies.Load();

    private const string Chicago = """{"id":"r1","jurisdiction":"us-il-chicago","receivedAt":"2025-01-21T06:40:00-06:00","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"administrative-warrant"}""";

    private const string Texas = """{"id":"r2","jurisdiction":"us-tx","respondent":"jail","receivedAt":"2025-03-01T10:00:00-06:00","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"hold-past-release","authority":"immigration-detainer"}""";

    private static List<AssistanceRequest> SharedScenarioRequests() =>
        [.. ScenarioFiles.SelectMany(f => ScenarioFile.Load(CliRunner.Scenarios(f))).Select(s => s.Request)];

    private static string ArrayOf(IEnumerable<AssistanceRequest> requests) => "[" + string.Join(",\n", requests.Select(r => RequestJson.Serialize(r))) + "]";

    private static string LinesOf(IEnumerable<string> records) => string.Concat(records.Select(r => r + "\n"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Streamed_json_array_equals_the_library_serialisation_byte_for_byte_on_the_shared_scenarios(bool pretty)
    {
        var requests = SharedScenarioRequests();
        requests.Should().HaveCountGreaterThan(30);
        var file = CliRunner.TempFile(ArrayOf(requests));

        var result = CliRunner.Run(null, pretty ? ["decide", file, "--json", "--pretty"] : ["decide", file, "--json"]);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Be(DecisionJson.Serialize(BuiltIns.DecideAll(requests), indented: pretty) + Environment.NewLine);
    }

    [Fact]
    public void Streamed_single_requests_equal_the_library_serialisation_byte_for_byte()
    {
        foreach (var request in SharedScenarioRequests().Take(40))
        {
            var result = CliRunner.Run(RequestJson.Serialize(request), "decide", "-", "--json", "--pretty");

            result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
            result.Out.Should().Be(DecisionJson.Serialize(BuiltIns.Decide(request), indented: true) + Environment.NewLine);
        }
    }

    [Fact]
    public void Json_lines_in_and_out_give_one_compact_decision_per_line_equal_to_the_library()
    {
        var requests = SharedScenarioRequests();
        var file = CliRunner.TempFile(LinesOf(requests.Select(r => RequestJson.Serialize(r))), ".jsonl");

        var result = CliRunner.Run(null, "decide", file, "--output-format", "jsonl");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Be(LinesOf(BuiltIns.DecideAll(requests).Select(d => DecisionJson.Serialize(d, indented: false))));
    }

    [Fact]
    public void Json_lines_are_detected_and_written_as_a_json_array_with_json()
    {
        var result = CliRunner.Run(Chicago + "\n" + Texas + "\n", "decide", "-", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.EnumerateArray().Select(d => d.GetProperty("outcome").GetString()).Should().Equal("denied", "required");
    }

    [Fact]
    public void Input_format_json_refuses_json_lines_with_the_line_of_the_second_value()
    {
        var result = CliRunner.Run(Chicago + "\n" + Texas + "\n", "decide", "-", "--json", "--input-format", "json");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("<stdin>(2,1)").And.Contain("--input-format jsonl");
    }

    [Fact]
    public void Input_format_jsonl_reads_an_array_line_as_an_error_not_as_many_requests()
    {
        var result = CliRunner.Run("[" + Chicago + "]\n", "decide", "-", "--input-format", "jsonl");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("<stdin>(1,1)").And.Contain("expected a JSON object on each line");
    }

    [Fact]
    public void A_bad_record_in_json_lines_names_its_line_and_with_stop_nothing_of_a_small_input_is_written()
    {
        var input = LinesOf([Chicago, Texas, Texas.Replace("\"ice-ero\"", "\"ice\"", StringComparison.Ordinal), Chicago]);

        var result = CliRunner.Run(input, "decide", "-", "--output-format", "jsonl");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty("a bad record stops the run before its batch is written, as for a single request file");
        result.Error.Should().Contain("<stdin>(3,").And.Contain("PM1006").And.Contain("$.requester");
    }

    [Fact]
    public void On_error_continue_decides_every_other_record_reports_each_bad_one_with_its_line_and_exits_2()
    {
        var input = LinesOf([Chicago, "{\"broken\": ", Texas.Replace("us-tx", "us-zz", StringComparison.Ordinal), Texas]);

        var result = CliRunner.Run(input, "decide", "-", "--output-format", "jsonl", "--on-error", "continue");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("requestId").GetString())
            .Should().Equal("r1", "r2");
        result.Error.Should().Contain("<stdin>(2,").And.Contain("PM1001")
            .And.Contain("<stdin>(3,1)").And.Contain("PM3001").And.Contain("us-zz")
            .And.Contain("2 invalid record(s)").And.Contain("2 decided and written");
    }

    [Fact]
    public void On_error_continue_in_an_array_writes_a_valid_array_of_the_good_decisions_and_names_the_bad_element()
    {
        var input = $"[{Chicago},\n{Texas.Replace("\"jail\"", "\"prison\"", StringComparison.Ordinal)},\n{Texas}]";

        var result = CliRunner.Run(input, "decide", "-", "--json", "--on-error", "continue");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.EnumerateArray().Select(d => d.GetProperty("requestId").GetString()).Should().Equal("r1", "r2");
        result.Error.Should().Contain("<stdin>(2,").And.Contain("$[1].respondent");
    }

    [Fact]
    public void A_stop_in_a_long_stream_keeps_the_batches_already_written_as_a_closed_json_array()
    {
        var records = Enumerable.Range(0, 2500).Select(i => (i % 2 == 0 ? Chicago : Texas).Replace("\"id\":\"r", $"\"id\":\"{i}-r", StringComparison.Ordinal)).ToList();
        records[2100] = records[2100].Replace("us-il-chicago", "us-il-nowhere", StringComparison.Ordinal);
        var file = CliRunner.TempFile("[" + string.Join(",\n", records) + "]");

        var result = CliRunner.Run(null, "decide", file, "--json");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain($"{file}(2101,1)").And.Contain("$[2100].jurisdiction");
        using var json = JsonDocument.Parse(result.Out);
        var ids = json.RootElement.EnumerateArray().Select(d => d.GetProperty("requestId").GetString()).ToList();
        ids.Should().HaveCount(2000, "the two batches of 1,000 before the bad record's batch were written").And.StartWith("0-r1");
        ids[^1].Should().Be("1999-r2");
    }

    [Fact]
    public void A_large_batch_is_decided_in_parallel_with_output_in_input_order()
    {
        var requests = SharedScenarioRequests();
        var many = Enumerable.Range(0, 12_000).Select(i => requests[(i * 7) % requests.Count] with { Id = $"n{i}" }).ToList();
        var file = CliRunner.TempFile(LinesOf(many.Select(r => RequestJson.Serialize(r))), ".jsonl");

        var result = CliRunner.Run(null, "decide", file, "--output-format", "jsonl");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Be(LinesOf(BuiltIns.DecideAll(many).Select(d => DecisionJson.Serialize(d, indented: false))));
    }

    [Fact]
    public void Explain_json_streams_one_trace_per_request_compact_per_line_with_jsonl()
    {
        var result = CliRunner.Run(Chicago + "\n" + Texas + "\n", "explain", "-", "--output-format", "jsonl");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("decision").GetProperty("requestId").GetString()).Should().Equal("r1", "r2");
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("rules").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public void Explain_json_pretty_array_parses_and_keeps_input_order()
    {
        var result = CliRunner.Run($"[{Texas},{Chicago}]", "explain", "-", "--json", "--pretty");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().StartWith("[\n  {\n    \"localDate\"".ReplaceLineEndings());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.EnumerateArray().Select(t => t.GetProperty("decision").GetProperty("requestId").GetString()).Should().Equal("r2", "r1");
    }

    [Fact]
    public void Json_and_an_output_format_of_text_contradict_each_other()
    {
        var result = CliRunner.Run(Chicago, "decide", "-", "--json", "--output-format", "jsonl");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("--json and --output-format jsonl");
    }

    [Fact]
    public void An_empty_input_and_an_empty_array_are_invalid()
    {
        CliRunner.Run("  \n", "decide", "-").ExitCode.Should().Be(ExitCodes.InvalidInput);
        var empty = CliRunner.Run("[]", "decide", "-", "--json");
        empty.ExitCode.Should().Be(ExitCodes.InvalidInput);
        empty.Out.Should().BeEmpty();
        empty.Error.Should().Contain("holds no request");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped_once()
    {
        var file = Path.Combine(Path.GetTempPath(), "policymodel-cli-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Chicago, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = CliRunner.Run(null, "decide", file, "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        JsonDocument.Parse(result.Out).RootElement.GetProperty("requestId").GetString().Should().Be("r1");
    }

    [Fact]
    public void Every_problem_of_an_invalid_record_is_reported_with_the_record_line_and_index()
    {
        var bad = Texas.Replace("\"jail\"", "\"prison\"", StringComparison.Ordinal).Replace("\"ice-ero\"", "\"ice\"", StringComparison.Ordinal);

        var result = CliRunner.Run($"[{Chicago},\n{bad}]", "decide", "-", "--json");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("<stdin>(2,").And.Contain("$[1].respondent").And.Contain("$[1].requester");
    }
}
