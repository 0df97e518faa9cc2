namespace PolicyModel.Cli.Tests;

/// <summary>The help text and the parser's errors: the tool's own name, examples, and short errors.</summary>
public sealed class HelpAndParseErrorTests
{
    [Fact]
    public void Help_names_the_tool_policymodel_whatever_the_executable_is_called()
    {
        var result = CliRunner.Run(null, "--help");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Out.Should().Contain("Usage:\n  policymodel [command] [options]".ReplaceLineEndings());
        result.Out.Should().NotContain("PolicyModel.Cli").And.NotContain("testhost");
    }

    [Theory]
    [InlineData("decide")]
    [InlineData("explain")]
    [InlineData("test")]
    [InlineData("validate")]
    [InlineData("analyze")]
    [InlineData("diff")]
    public void Each_command_help_shows_its_usage_under_the_tool_name_and_examples(string command)
    {
        var result = CliRunner.Run(null, command, "--help");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Out.Should().Contain($"  policymodel {command}");
        var examples = result.Out[result.Out.IndexOf("Examples:", StringComparison.Ordinal)..];
        examples.Split('\n').Skip(1).Where(l => l.Trim().Length > 0)
            .Should().NotBeEmpty().And.OnlyContain(l => l.Contains($"policymodel {command}"));
    }

    [Fact]
    public void A_parse_error_is_short_the_error_and_where_help_is_not_the_whole_help()
    {
        var result = CliRunner.Run(null, "decide", "a.json", "--no-such-option");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("error: ").And.Contain("--no-such-option")
            .And.Contain("Run 'policymodel decide --help' for usage and examples.")
            .And.NotContain("Options:").And.NotContain("Description:");
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCountLessThan(5);
    }

    [Fact]
    public void An_unknown_command_is_a_short_error_pointing_at_the_tool_help()
    {
        var result = CliRunner.Run(null, "decde", "a.json");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Error.Should().Contain("decde").And.Contain("Run 'policymodel --help'").And.NotContain("Commands:");
    }

    [Fact]
    public void Every_command_takes_the_shared_options()
    {
        foreach (var command in new[] { "decide", "explain", "test", "validate", "analyze", "diff" })
        {
            var help = CliRunner.Run(null, command, "--help").Out;
            help.Should().Contain("--json").And.Contain("--pretty").And.Contain("--policies").And.Contain("--no-builtins", command);
        }
    }

    [Fact]
    public void Shell_completion_suggests_commands_options_and_option_values_through_the_suggest_directive()
    {
        // docs/cli.md's completion scripts call the tool so: [suggest:<cursor position>] "<command line>".
        CliRunner.Run(null, "[suggest:15]", "policymodel dec").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("decide");
        CliRunner.Run(null, "[suggest:24]", "policymodel test --form").Out.Should().Contain("--format");
        CliRunner.Run(null, "[suggest:26]", "policymodel test --format ").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("json", "junit", "text", "trx");
    }
}
