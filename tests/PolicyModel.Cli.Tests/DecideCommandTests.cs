using System.Text.Json;

namespace PolicyModel.Cli.Tests;

/// <summary>The contract's "Command line" section: <c>policymodel decide</c>.</summary>
public sealed class DecideCommandTests
{
    private const string ChicagoCivilArrest = """
        {"id":"r1","jurisdiction":"us-il-chicago","receivedAt":"2025-01-21T06:40:00-06:00","requester":"ice-ero",
         "purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"administrative-warrant"}
        """;

    private const string TexasDetainer = """
        {"id":"r2","jurisdiction":"us-tx","respondent":"jail","receivedAt":"2025-03-01T10:00:00-06:00","requester":"ice-ero",
         "purpose":"civil-immigration-enforcement","assistance":"hold-past-release","authority":"immigration-detainer"}
        """;

    [Fact]
    public void Exit_0_readable_summary_shows_outcome_citations_obligations_and_explanation()
    {
        var result = CliRunner.Run(null, "decide", CliRunner.Example("chicago-civil-arrest.json"));

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Error.Should().BeEmpty();
        result.Out.Should().Contain("DENIED")
            .And.Contain("Chicago Municipal Code 2-173-020(a)(1)")
            .And.Contain("5 ILCS 805/15(a)")
            .And.Contain("supervisor-to-scene, record-request, release-when-eligible")
            .And.Contain("Explanation  Denied:");
    }

    [Fact]
    public void Exit_0_json_prints_the_contract_decision_for_one_request()
    {
        var result = CliRunner.Run(null, "decide", CliRunner.Example("chicago-civil-arrest.json"), "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "requestId", "outcome", "effectiveDate", "jurisdictionChain", "decidingRules", "citations", "obligations", "preempted", "explanation");
        root.GetProperty("outcome").GetString().Should().Be("denied");
        root.GetProperty("effectiveDate").GetString().Should().Be("2025-01-21");
        root.GetProperty("decidingRules").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            "chi-020-a1", "il-805-15a", "cpd-supervisor", "chi-069-record", "il-805-25");
        root.GetProperty("obligations").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            "supervisor-to-scene", "record-request", "release-when-eligible");
    }

    [Fact]
    public void An_array_of_requests_gives_an_array_of_decisions_in_the_same_order()
    {
        var file = CliRunner.TempFile($"[{ChicagoCivilArrest},{TexasDetainer}]");
        var result = CliRunner.Run(null, "decide", file, "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        json.RootElement.EnumerateArray().Select(d => (d.GetProperty("requestId").GetString(), d.GetProperty("outcome").GetString()))
            .Should().Equal(("r1", "denied"), ("r2", "required"));
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        var result = CliRunner.Run(TexasDetainer, "decide", "-", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("\"outcome\":\"required\"").And.Contain("Tex. Code Crim. Proc. art. 2A.060");
    }

    [Fact]
    public void Exit_2_unknown_value_names_file_path_and_expected_values_and_writes_nothing_to_stdout()
    {
        var file = CliRunner.TempFile(ChicagoCivilArrest.Replace("\"ice-ero\"", "\"ice\"", StringComparison.Ordinal));
        var result = CliRunner.Run(null, "decide", file, "--json");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain(file).And.Contain("PM1006").And.Contain("$.requester").And.Contain("`ice-ero`");
    }

    [Fact]
    public void Exit_2_missing_field_names_the_property()
    {
        var result = CliRunner.Run("""{"jurisdiction":"us-il","receivedAt":"2025-01-21T06:40:00Z","requester":"ice-ero","purpose":"unknown"}""", "decide", "-");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("<stdin>").And.Contain("PM1007").And.Contain("$:").And.Contain("missing required property `assistance`");
    }

    [Fact]
    public void Exit_2_received_at_without_offset_is_refused_with_its_path()
    {
        var result = CliRunner.Run(
            """[{"jurisdiction":"us-il","receivedAt":"2025-01-21T06:40:00","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}]""",
            "decide", "-");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("PM1015").And.Contain("$[0].receivedAt").And.Contain("has no offset");
    }

    [Fact]
    public void Exit_2_malformed_json_gives_line_and_column()
    {
        var result = CliRunner.Run("{\n  \"jurisdiction\": \"us-il\",\n  \"requester\" \"ice-ero\"\n}", "decide", "-");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("<stdin>(3,").And.Contain("PM1001").And.Contain("not valid JSON at line 3");
    }

    [Fact]
    public void Exit_2_unknown_jurisdiction_in_an_array_names_the_element()
    {
        var result = CliRunner.Run($"[{ChicagoCivilArrest},{ChicagoCivilArrest.Replace("us-il-chicago", "us-il-springfield", StringComparison.Ordinal)}]", "decide", "-", "--json");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty("nothing is written to standard output when an input is invalid");
        result.Error.Should().Contain("PM3001").And.Contain("$[1].jurisdiction").And.Contain("us-il-springfield");
    }

    [Fact]
    public void Exit_2_immigration_status_field_is_rejected_as_an_unknown_property()
    {
        var result = CliRunner.Run(ChicagoCivilArrest.Replace("\"id\":\"r1\",", "\"id\":\"r1\",\"immigrationStatus\":\"undocumented\",", StringComparison.Ordinal), "decide", "-");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("PM1004").And.Contain("$.immigrationStatus");
        result.Error.Should().NotContain("undocumented", "a rejected value is not echoed back");
    }

    [Fact]
    public void Exit_2_invalid_utf8_on_standard_input_is_refused_like_in_a_file()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(TexasDetainer.Replace("\"r2\"", "\"rX\"", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        using var stdin = new StreamReader(new MemoryStream(bytes), new System.Text.UTF8Encoding(false, true), false);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CliApp.Run(["decide", "-", "--json"], stdin, output, error);

        code.Should().Be(ExitCodes.InvalidInput);
        output.ToString().Should().BeEmpty();
        error.ToString().Should().Contain("<stdin>").And.Contain("PM1001").And.Contain("not valid UTF-8");
    }

    [Fact]
    public void Exit_2_missing_request_file()
    {
        var result = CliRunner.Run(null, "decide", Path.Combine(Path.GetTempPath(), "no-such-requests.json"));

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("no-such-requests.json").And.Contain("no such file");
    }

    [Fact]
    public void Exit_1_usage_error_without_a_request_file()
    {
        var result = CliRunner.Run(null, "decide");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Out.Should().NotContain("\"outcome\"");
    }

    [Fact]
    public void Policies_option_loads_user_documents_beside_the_built_ins()
    {
        var policy = CliRunner.TempFile("""
            {"format":"policymodel/1","jurisdiction":{"id":"us-il-evanston","name":"City of Evanston","parent":"us-il","timeZone":"America/Chicago","level":"city"},
             "sources":[{"id":"evanston-code","kind":"ordinance","title":"Evanston City Code","citation":"Evanston City Code"}],
             "rules":[{"id":"evanston-1","source":"evanston-code","section":"1-20-3","binds":["police"],
                       "when":[{"assistance":["share-release-information"]},{"term":"immigration-agency"}],"effect":"prohibit"}]}
            """);
        var request = """{"jurisdiction":"us-il-evanston","receivedAt":"2019-05-01T10:00:00-05:00","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"share-release-information"}""";

        var result = CliRunner.Run(request, "decide", "-", "--json", "--policies", policy);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("\"outcome\":\"denied\"").And.Contain("Evanston City Code 1-20-3").And.Contain("\"us-il\"");
    }

    [Fact]
    public void Exit_2_invalid_policy_document_names_file_line_path_and_code()
    {
        var policy = CliRunner.TempFile("""
            {"format":"policymodel/1","jurisdiction":{"id":"us-il-evanston","name":"City of Evanston","parent":"us-il","timeZone":"America/Chicago","level":"city"},
             "rules":[{"id":"evanston-1","source":"x","section":"1","binds":["police"],"efect":"prohibit"}]}
            """);

        var result = CliRunner.Run(ChicagoCivilArrest, "decide", "-", "--policies", policy);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain(policy + "(2,").And.Contain("PM1004").And.Contain("$.rules[0].efect").And.Contain("did you mean `effect`");
    }

    [Fact]
    public void No_builtins_uses_only_the_user_documents()
    {
        var result = CliRunner.Run(ChicagoCivilArrest, "decide", "-", "--no-builtins", "--policies", CliRunner.TempFile("""
            {"format":"policymodel/1","jurisdiction":{"id":"us","name":"United States","timeZone":"UTC","level":"federal"}}
            """));

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("PM3001").And.Contain("us-il-chicago");
    }
}
