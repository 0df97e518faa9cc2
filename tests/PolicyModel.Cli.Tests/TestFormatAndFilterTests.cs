using System.Xml.Linq;

namespace PolicyModel.Cli.Tests;

/// <summary><c>policymodel test --format junit|trx|json</c> and <c>--filter</c>.</summary>
public sealed class TestFormatAndFilterTests
{
    private const string TwoScenarios = """
        {"scenarios":[
          {"name":"ICE asks Chicago police for a perimeter","request":{"jurisdiction":"us-il-chicago","receivedAt":"2025-02-10T09:00:00-06:00",
            "requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"perimeter-or-crowd-control"},
            "expect":{"outcome":"denied"}},
          {"name":"Wrongly expects Texas to deny a detainer hold","request":{"jurisdiction":"us-tx","respondent":"jail","receivedAt":"2018-03-01T10:00:00-06:00",
            "requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"hold-past-release","authority":"immigration-detainer"},
            "expect":{"outcome":"denied"}}]}
        """;

    [Fact]
    public void Junit_format_writes_one_testcase_per_scenario_with_a_failure_element_for_a_failing_one()
    {
        var file = CliRunner.TempFile(TwoScenarios);
        var result = CliRunner.Run(null, "test", file, "--format", "junit");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        var xml = XDocument.Parse(result.Out);
        xml.Root!.Name.LocalName.Should().Be("testsuites");
        xml.Root.Attribute("tests")!.Value.Should().Be("2");
        xml.Root.Attribute("failures")!.Value.Should().Be("1");
        var cases = xml.Descendants("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).Should().Equal("ICE asks Chicago police for a perimeter", "Wrongly expects Texas to deny a detainer hold");
        cases[0].Element("failure").Should().BeNull();
        cases[1].Element("failure")!.Attribute("message")!.Value.Should().Contain("expected outcome `denied`, got `required`");
    }

    [Fact]
    public void Trx_format_writes_results_definitions_and_a_failed_summary()
    {
        var file = CliRunner.TempFile(TwoScenarios);
        var result = CliRunner.Run(null, "test", file, "--format", "trx");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var xml = XDocument.Parse(result.Out);
        xml.Root!.Name.Should().Be(ns + "TestRun");
        var results = xml.Descendants(ns + "UnitTestResult").ToList();
        results.Select(r => r.Attribute("outcome")!.Value).Should().Equal("Passed", "Failed");
        results[1].Descendants(ns + "Message").Single().Value.Should().Contain("got `required`");
        var definitions = xml.Descendants(ns + "UnitTest").Select(u => u.Attribute("id")!.Value).ToList();
        definitions.Should().Equal(results.Select(r => r.Attribute("testId")!.Value));
        var counters = xml.Descendants(ns + "Counters").Single();
        (counters.Attribute("total")!.Value, counters.Attribute("passed")!.Value, counters.Attribute("failed")!.Value).Should().Be(("2", "1", "1"));
        xml.Descendants(ns + "ResultSummary").Single().Attribute("outcome")!.Value.Should().Be("Failed");
    }

    [Fact]
    public void Format_json_is_the_same_report_as_the_json_option()
    {
        var file = CliRunner.TempFile(TwoScenarios);

        var format = CliRunner.Run(null, "test", file, "--format", "json");
        var json = CliRunner.Run(null, "test", file, "--json");

        format.ExitCode.Should().Be(ExitCodes.Failure);
        format.Out.Should().Be(json.Out);
    }

    [Fact]
    public void Filter_runs_only_the_scenarios_whose_name_contains_the_text_ignoring_case()
    {
        var file = CliRunner.TempFile(TwoScenarios);
        var result = CliRunner.Run(null, "test", file, "--filter", "PERIMETER", "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, "the failing scenario is filtered out");
        result.Out.Should().Contain("ICE asks Chicago police for a perimeter").And.NotContain("Wrongly expects Texas").And.Contain("1 passed, 0 failed");
    }

    [Fact]
    public void Filter_that_matches_nothing_is_invalid_input_not_a_pass()
    {
        var result = CliRunner.Run(null, "test", CliRunner.TempFile(TwoScenarios), "--filter", "no such scenario");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("no scenario name contains `no such scenario`");
    }

    [Fact]
    public void An_unknown_format_is_a_short_parse_error()
    {
        var result = CliRunner.Run(null, "test", CliRunner.TempFile(TwoScenarios), "--format", "html");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Error.Should().Contain("html").And.Contain("Run 'policymodel test --help'");
    }

    [Fact]
    public void A_scenario_name_with_control_characters_cannot_paint_a_fail_as_a_pass()
    {
        // The name tries to erase the line (CR, ESC[2K) and print a green "pass" row of its own.
        var forged = "x\r\u001b[2K\u001b[32mpass\u001b[0m  forged\nok";
        var file = CliRunner.TempFile(TwoScenarios.Replace("Wrongly expects Texas to deny a detainer hold", forged.Replace("\u001b", "\\u001b").Replace("\r", "\\r").Replace("\n", "\\n"), StringComparison.Ordinal));

        foreach (var format in new[] { "text", "junit", "trx" })
        {
            var result = CliRunner.Run(null, "test", file, "--format", format);

            result.ExitCode.Should().Be(ExitCodes.Failure, format);
            result.Out.Should().NotContain("\u001b", format).And.NotContain("\r", format);
            result.Out.Should().Contain(@"x\r\u001b[2K\u001b[32mpass\u001b[0m  forged\nok", format);
        }
    }
}
