using System.Text.Json;

namespace PolicyModel.Cli.Tests;

/// <summary><c>policymodel test</c>, <c>explain</c> and <c>validate</c> (issue 5).</summary>
public sealed class TestExplainValidateCommandTests
{
    private const string PassingScenario = """
        {"scenarios":[{"name":"ICE asks Chicago police for a perimeter","request":{"jurisdiction":"us-il-chicago","receivedAt":"2025-02-10T09:00:00-06:00",
          "requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"perimeter-or-crowd-control"},
          "expect":{"outcome":"denied","citations":["2-173-020(a)(6)"],"obligations":["supervisor-to-scene"]}}]}
        """;

    private const string FailingScenario = """
        {"scenarios":[{"name":"Wrongly expects Texas to deny a detainer hold","request":{"jurisdiction":"us-tx","respondent":"jail","receivedAt":"2018-03-01T10:00:00-06:00",
          "requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"hold-past-release","authority":"immigration-detainer"},
          "expect":{"outcome":"denied","withoutObligations":["inform-subject"]}}]}
        """;

    [Fact]
    public void Test_passes_a_passing_scenario_file_with_exit_0_and_a_table()
    {
        var result = CliRunner.Run(null, "test", CliRunner.TempFile(PassingScenario), "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("result").And.Contain("pass").And.Contain("ICE asks Chicago police for a perimeter").And.Contain("1 passed, 0 failed");
    }

    [Fact]
    public void Test_fails_a_failing_scenario_with_exit_1_expected_and_actual_outcome_and_reasons()
    {
        var result = CliRunner.Run(null, "test", CliRunner.TempFile(PassingScenario), CliRunner.TempFile(FailingScenario));

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Out.Should().Contain("FAIL").And.Contain("Wrongly expects Texas")
            .And.Contain("expected outcome `denied`, got `required`")
            .And.Contain("expected no obligation `inform-subject`")
            .And.Contain("1 passed, 1 failed");
    }

    [Fact]
    public void Test_json_reports_each_scenario_with_its_decision()
    {
        var result = CliRunner.Run(null, "test", CliRunner.TempFile(FailingScenario), "--json");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("failed").GetInt32().Should().Be(1);
        var scenario = json.RootElement.GetProperty("scenarios")[0];
        scenario.GetProperty("passed").GetBoolean().Should().BeFalse();
        scenario.GetProperty("decision").GetProperty("outcome").GetString().Should().Be("required");
        scenario.GetProperty("failures").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public void Test_runs_a_folder_of_scenario_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), "policymodel-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.json"), PassingScenario);
        File.WriteAllText(Path.Combine(folder, "b.json"), PassingScenario);

        var result = CliRunner.Run(null, "test", folder);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("2 passed, 0 failed, 2 scenarios in 2 file(s)");
    }

    [Fact]
    public void Test_exit_2_for_an_invalid_scenario_file_names_file_and_path()
    {
        var file = CliRunner.TempFile(PassingScenario.Replace("\"denied\"", "\"refused\"", StringComparison.Ordinal));

        var result = CliRunner.Run(null, "test", file);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain(file).And.Contain("PM1006").And.Contain("$.scenarios[0].expect.outcome");
    }

    [Fact]
    public void Test_exit_2_when_there_is_no_scenario_to_run()
    {
        var result = CliRunner.Run(null, "test", CliRunner.TempFile("""{"scenarios":[]}"""));

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("no scenario");
    }

    [Fact]
    public void No_builtins_without_policies_is_an_error()
    {
        var result = CliRunner.Run(null, "test", CliRunner.TempFile(PassingScenario), "--no-builtins");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("--no-builtins leaves no policies");
    }

    [Fact]
    public void Explain_shows_local_date_layers_rule_statuses_and_the_failed_condition()
    {
        var result = CliRunner.Run(
            """{"jurisdiction":"us-il","respondent":"jail","receivedAt":"2021-08-02T03:00:00Z","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"share-release-information"}""",
            "explain", "-");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("is 2021-08-01 in America/Chicago")
            .And.Contain("Layer state (us-il)").And.Contain("Layer federal (us)")
            .And.Contain("il-805-15h").And.Contain("not in force").And.Contain("in force 2021-08-02..")
            .And.Contain("il-805-5-release").And.Contain("counts")
            .And.Contain("condition 1 did not hold")
            .And.Contain("DISCRETIONARY");
    }

    [Fact]
    public void Explain_shows_exceptions_and_preemption()
    {
        var result = CliRunner.Run(
            """{"jurisdiction":"us-il-chicago","receivedAt":"2023-03-14T10:00:00-05:00","requester":"local-police","purpose":"criminal-investigation","assistance":"inquire-immigration-status","authority":"written-consent"}""",
            "explain", "-", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!, r => r);
        rules["chi-030-a"].GetProperty("status").GetString().Should().Be("excepted");
        rules["chi-030-a"].GetProperty("detail").GetString().Should().Be("excepted by chi-030-authorised");
        rules["chi-030-authorised"].GetProperty("status").GetString().Should().Be("preempted");
        rules["il-805-15e"].GetProperty("status").GetString().Should().Be("counts");
        json.RootElement.GetProperty("decision").GetProperty("outcome").GetString().Should().Be("denied");
    }

    [Fact]
    public void Explain_exit_2_for_an_invalid_request()
    {
        var result = CliRunner.Run("""{"jurisdiction":"us-il","receivedAt":"2021-08-02","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", "explain", "-");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("PM1015").And.Contain("$.receivedAt");
    }

    [Fact]
    public void Validate_accepts_the_built_in_documents_alone()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "policies");

        var result = CliRunner.Run(null, "validate", folder, "--no-builtins");

        // One document per built-in jurisdiction, each defining its own: as many as the folder holds.
        var documents = Directory.GetFiles(folder, "*.json").Length;
        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        documents.Should().BeGreaterThanOrEqualTo(15, "every built-in document is copied beside the tests");
        result.Out.Should().Contain($"valid: {documents} document(s), {documents} jurisdiction(s)");
    }

    [Fact]
    public void Validate_reports_every_problem_with_file_line_path_code_and_exit_2()
    {
        var file = CliRunner.TempFile("""
            {"format":"policymodel/1",
             "jurisdiction":{"id":"us-il-evanston","name":"Evanston","parent":"us-il","timeZone":"America/Evanston","level":"city"},
             "sources":[{"id":"code","kind":"ordinance","title":"Evanston City Code","citation":"Evanston City Code"}],
             "rules":[{"id":"ev-1","source":"code","section":"1","binds":["police"],"effect":"forbid"},
                      {"id":"ev-2","source":"code","section":"2","binds":["police"],"effect":"prohibit","period":{"from":"2020-01-01","to":"2019-01-01"}}]}
            """);

        var result = CliRunner.Run(null, "validate", file);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain($"{file}(2,").And.Contain("PM1013").And.Contain("$.jurisdiction.timeZone");
        result.Error.Should().Contain($"{file}(4,").And.Contain("PM1006").And.Contain("$.rules[0].effect");
        result.Error.Should().Contain($"{file}(5,").And.Contain("PM1009").And.Contain("$.rules[1].period");
        result.Out.Should().Contain("invalid: 3 problem(s)");
    }

    [Fact]
    public void Validate_checks_the_set_an_exception_to_a_missing_rule()
    {
        var file = CliRunner.TempFile("""
            {"format":"policymodel/1","jurisdiction":{"id":"us-il-chicago"},
             "sources":[{"id":"mine","kind":"directive","title":"Local order","citation":"Order 1"}],
             "rules":[{"id":"my-rule","source":"mine","section":"1","binds":["police"],"effect":"permit","excepts":["chi-020-a9"]}]}
            """);

        var result = CliRunner.Run(null, "validate", file, "--json");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse();
        var problem = json.RootElement.GetProperty("problems")[0];
        problem.GetProperty("code").GetString().Should().Be("PM2003");
        problem.GetProperty("path").GetString().Should().Be("$.rules[0].excepts[0]");
        problem.GetProperty("message").GetString().Should().Contain("chi-020-a9");
    }
}
