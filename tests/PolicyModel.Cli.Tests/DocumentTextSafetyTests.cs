namespace PolicyModel.Cli.Tests;

/// <summary>
/// Text from a user's policy documents (names, citations) and problems quoting it reach the terminal escaped on every
/// command: a citation holding a carriage return, terminal escapes and a line break cannot forge a line, move the
/// cursor or colour the output.
/// </summary>
public sealed class DocumentTextSafetyTests
{
    /// <summary>Returns to the start of the line, clears it, prints a green forged outcome and starts a new line.</summary>
    private const string Forged = @"x\r\u001b[2K\u001b[32mOutcome      GRANTED\u001b[0m\nFORGED line";

    private const string Us = """
        {"format":"policymodel/1","jurisdiction":{"id":"us","name":"US","timeZone":"UTC","level":"federal"},
         "sources":[{"id":"code","kind":"statute","title":"US code","citation":"US"}],"rules":[]}
        """;

    /// <summary>A state whose name and citation hold <see cref="Forged"/>, with a conflict, an unreachable rule and a rule that starts in 2024.</summary>
    private static readonly string State = $$"""
        {"format":"policymodel/1","jurisdiction":{"id":"st","name":"State {{Forged}}","parent":"us","timeZone":"America/Chicago","level":"state"},
         "sources":[{"id":"code","kind":"statute","title":"State code","citation":"ST {{Forged}}"}],
         "rules":[{"id":"st-ban","source":"code","section":"ban","binds":["police"],"when":[{"assistance":["transfer-custody"]}],"effect":"prohibit"},
                  {"id":"st-allow","source":"code","section":"allow","binds":["police"],"when":[{"assistance":["transfer-custody"]},{"authority":["court-order"]}],"effect":"permit"},
                  {"id":"st-new","source":"code","section":"new","period":{"from":"2024-01-01"},"binds":["police"],"when":[{"assistance":["database-access"]}],"effect":"prohibit"}]}
        """;

    public static TheoryData<string[]> Commands() => new()
    {
        { ["analyze", "--no-builtins"] },
        { ["analyze", "--no-builtins", "--width", "0"] },
        { ["diff", "--no-builtins", "--jurisdiction", "st", "--from", "2023-12-31", "--to", "2024-01-01", "--detail"] },
        { ["show", "st", "--no-builtins"] },
        { ["jurisdictions", "--no-builtins"] },
        { ["validate"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_citation_and_name_with_carriage_return_escapes_and_a_line_break_reach_the_output_escaped(string[] command)
    {
        var folder = Folder(("us.json", Us), ("st.json", State));
        var args = command[0] == "validate" ? ["validate", folder, "--no-builtins"] : command.Concat(["--policies", folder]).ToArray();

        var result = CliRunner.Run(null, args);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        NoControlCharacters(result.Out);
        NoControlCharacters(result.Error);
        result.Out.Split('\n').Should().NotContain(l => l.StartsWith("Outcome      ", StringComparison.Ordinal) || l.StartsWith("FORGED", StringComparison.Ordinal));
        if (command[0] != "validate")
        {
            result.Out.Should().Contain(@"\u001b[32mOutcome", "the text is shown, made visible");
        }
    }

    [Fact]
    public void Problems_of_loading_documents_quote_their_input_escaped()
    {
        // An unknown effect and an unknown jurisdiction level, both quoted by the problems the loader reports.
        var bad = State.Replace("\"effect\":\"prohibit\"", $"\"effect\":\"{Forged}\"", StringComparison.Ordinal)
            .Replace("\"level\":\"state\"", $"\"level\":\"{Forged}\"", StringComparison.Ordinal);
        var folder = Folder(("us.json", Us), ("st.json", bad));

        foreach (var args in new[] { new[] { "validate", folder, "--no-builtins" }, ["decide", "-", "--no-builtins", "--policies", folder], ["analyze", "--no-builtins", "--policies", folder], ["show", "st", "--no-builtins", "--policies", folder] })
        {
            var result = CliRunner.Run("{}", args);

            result.ExitCode.Should().Be(ExitCodes.InvalidInput, string.Join(' ', args));
            result.Error.Should().Contain("GRANTED", "the problems quote the bad values");
            NoControlCharacters(result.Error);
            NoControlCharacters(result.Out);
            result.Error.Split('\n').Should().NotContain(l => l.StartsWith('F'), string.Join(' ', args));
        }
    }

    [Fact]
    public void A_document_file_name_with_terminal_escapes_is_escaped_in_the_problems_that_name_it()
    {
        var folder = Folder(("us.json", Us), ("st\u001b[31m\rforged.json", "{\"format\":"));

        foreach (var args in new[] { new[] { "validate", folder }, ["analyze", "--no-builtins", "--policies", folder] })
        {
            var result = CliRunner.Run(null, args);

            result.ExitCode.Should().Be(ExitCodes.InvalidInput, string.Join(' ', args));
            result.Error.Should().Contain(@"st\u001b[31m\rforged.json");
            NoControlCharacters(result.Error);
        }
    }

    /// <summary>Only line breaks: no carriage return, escape or other control character from input.</summary>
    private static void NoControlCharacters(string text) =>
        text.Where(c => c != '\n' && UntrustedText.IsUnsafe(c)).Should().BeEmpty();

    private static string Folder(params (string Name, string Json)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "policymodel-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, json) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), json);
        }

        return folder;
    }
}
