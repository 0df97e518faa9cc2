namespace PolicyModel.Cli.Tests;

/// <summary>
/// Readable output wraps to the width (<c>--width</c>, <c>COLUMNS</c>, the terminal's, or 100 when not a terminal):
/// nothing is lost or repeated, continuation lines indent under their item, table cells wrap in their column, and
/// JSON is never wrapped.
/// </summary>
public sealed class WrappingTests
{
    private static readonly string Request = CliRunner.Example("chicago-civil-arrest.json");

    public static TheoryData<string[]> ReadableCommands() => new()
    {
        { ["decide", Request] },
        { ["explain", Request] },
        { ["whatif", Request] },
        { ["show", "us-il-chicago", "--on", "2025-01-21"] },
        { ["analyze", "--jurisdiction", "us-il", "--on", "2021-08-02"] },
        { ["diff", "--jurisdiction", "us-il", "--from", "2021-08-01", "--to", "2021-08-02", "--detail"] },
        { ["jurisdictions"] },
    };

    [Theory]
    [MemberData(nameof(ReadableCommands))]
    public void Readable_output_fits_the_width_and_keeps_every_character(string[] command)
    {
        var unwrapped = CliRunner.Run(null, [.. command, "--width", "0"]);
        var wrapped = CliRunner.Run(null, [.. command, "--width", "60"]);

        unwrapped.ExitCode.Should().Be(ExitCodes.Success, unwrapped.Error);
        wrapped.ExitCode.Should().Be(ExitCodes.Success, wrapped.Error);
        unwrapped.Out.Split('\n').Max(l => l.Length).Should().BeGreaterThan(60, "the check needs lines to wrap");
        wrapped.Out.Split('\n').Should().OnlyContain(l => l.Length <= 60);
        Printed(wrapped.Out).Should().Equal(Printed(unwrapped.Out), "wrapping moves text, never drops or repeats it");
    }

    [Fact]
    public void Without_width_output_that_is_not_a_terminal_wraps_at_100_columns()
    {
        var result = CliRunner.Run(null, "explain", Request);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Split('\n').Should().OnlyContain(l => l.Length <= TextWrap.DefaultWidth).And.Contain(l => l.Length > 80);
    }

    [Fact]
    public void A_decision_wraps_its_prose_under_the_value_of_each_label()
    {
        var result = CliRunner.Run(null, "decide", Request, "--width", "50");

        var lines = result.Out.Split('\n');
        var explanation = Array.FindIndex(lines, l => l.StartsWith("Explanation  ", StringComparison.Ordinal));
        explanation.Should().BePositive();
        lines[explanation + 1].Should().StartWith(new string(' ', 13)).And.NotStartWith(new string(' ', 14), "continuation lines start under the value");
        string.Join(' ', lines.Skip(explanation).Select(l => l.Trim()).Where(l => l.Length > 0)).Should()
            .Be(CliRunner.Run(null, "decide", Request, "--width", "0").Out.Split('\n').Single(l => l.StartsWith("Explanation", StringComparison.Ordinal)).Trim());
    }

    [Theory]
    [InlineData("decide", "--json")]
    [InlineData("explain", "--json")]
    [InlineData("whatif", "--json")]
    [InlineData("decide", "--output-format", "jsonl")]
    public void Json_is_never_wrapped(params string[] options)
    {
        var narrow = CliRunner.Run(null, [options[0], Request, .. options[1..], "--width", "20"]);
        var wide = CliRunner.Run(null, [options[0], Request, .. options[1..], "--width", "0"]);

        narrow.ExitCode.Should().Be(ExitCodes.Success, narrow.Error);
        narrow.Out.Should().Be(wide.Out);
    }

    [Fact]
    public void Analyze_json_is_never_wrapped()
    {
        string[] args = ["analyze", "--jurisdiction", "us-il", "--on", "2021-08-02", "--json"];
        CliRunner.Run(null, [.. args, "--width", "20"]).Out.Should().Be(CliRunner.Run(null, [.. args, "--width", "0"]).Out);
    }

    [Fact]
    public void A_negative_width_is_a_parse_error()
    {
        var result = CliRunner.Run(null, "decide", Request, "--width", "-3");

        result.ExitCode.Should().Be(ExitCodes.Failure, "a command line the parser rejects, as every other");
        result.Error.Should().Contain("--width must be 0 (no wrapping) or a number of columns");
    }

    [Theory]
    [InlineData(null, null, null, TextWrap.DefaultWidth)]
    [InlineData(null, null, 132, 132)]
    [InlineData(null, "90", 132, 90)]
    [InlineData(null, "wide", 132, 132)]
    [InlineData(70, "90", 132, 70)]
    [InlineData(0, "90", 132, 0)]
    [InlineData(5, null, null, TextWrap.MinimumWidth)]
    public void The_width_is_the_option_else_COLUMNS_else_the_terminal_else_the_default(int? option, string? columns, int? terminal, int expected) =>
        TextWrap.Resolve(option, columns, terminal).Should().Be(expected);

    [Fact]
    public void A_line_breaks_at_spaces_with_continuations_under_a_list_item()
    {
        var lines = TextWrap.Line("  - the quick brown fox jumps over the lazy dog", 20, TextWrap.HangingIndent("  - the quick", 20));

        lines.Should().Equal("  - the quick brown", "    fox jumps over", "    the lazy dog");
    }

    [Fact]
    public void A_word_longer_than_the_room_is_cut_and_a_colour_open_at_a_break_is_closed_and_reopened()
    {
        TextWrap.Line("abcdefghijklmnopqrstuvwxyz", 10, 0).Should().Equal("abcdefghij", "klmnopqrst", "uvwxyz");

        var red = TextWrap.Line("ok \u001b[31mone two three four\u001b[0m end", 12, 0);
        red.Should().Equal("ok \u001b[31mone two\u001b[0m", "\u001b[31mthree four\u001b[0m", "end");
        red.Should().OnlyContain(l => TextWrap.Visible(l) <= 12);
    }

    [Fact]
    public void Lines_that_fit_are_left_as_they_are() =>
        TextWrap.Wrap("short\n  indented   spacing kept\n", 40).Should().Be("short\n  indented   spacing kept\n");

    /// <summary>Every printed character of a text, in order of value: what wrapping may move but never change.</summary>
    private static char[] Printed(string text) => [.. text.Where(c => !char.IsWhiteSpace(c) && c != '-').Order()];
}
