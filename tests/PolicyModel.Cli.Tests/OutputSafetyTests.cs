using System.Diagnostics;
using System.Text;

namespace PolicyModel.Cli.Tests;

/// <summary>
/// Untrusted text cannot act on the terminal, and exit codes hold when the output cannot be written: a closed pipe
/// (<c>decide … | head -1</c>) and standard error on a full device. The last two run the tool as a process.
/// </summary>
public sealed class OutputSafetyTests
{
    private const string Request = """{"id":"ID","jurisdiction":"us-il-chicago","receivedAt":"2025-01-21T06:40:00-06:00","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"administrative-warrant"}""";

    [Theory]
    [InlineData("decide")]
    [InlineData("explain")]
    public void A_request_id_with_carriage_return_and_terminal_escapes_cannot_forge_an_outcome_line(string command)
    {
        // The id tries to return to the start of the line, clear it and print a green "Outcome GRANTED" of its own.
        var forged = @"x\r\u001b[2K\u001b[32mOutcome      GRANTED\u001b[0m\nRequest      y";
        var result = CliRunner.Run(Request.Replace("\"ID\"", $"\"{forged}\"", StringComparison.Ordinal), command, "-");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().NotContain("\u001b").And.NotContain("\r");
        result.Out.Split('\n').Where(l => l.StartsWith("Outcome", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().StartWith("Outcome      DENIED");
        result.Out.Should().Contain(@"x\r\u001b[2K\u001b[32mOutcome      GRANTED\u001b[0m\nRequest      y");
    }

    [Fact]
    public void Problems_quoting_input_are_written_with_control_characters_escaped()
    {
        var result = CliRunner.Run(Request.Replace("\"us-il-chicago\"", "\"us-\\u001b[31mzz\"", StringComparison.Ordinal), "decide", "-");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().NotContain("\u001b");
    }

    [Fact]
    public async Task Decide_into_a_pipe_closed_after_the_first_line_exits_1_not_0()
    {
        var lines = string.Concat(Enumerable.Range(0, 200_000).Select(i => Request.Replace("\"ID\"", $"\"r{i}\"", StringComparison.Ordinal) + "\n"));
        var file = CliRunner.TempFile(lines, ".jsonl");
        using var process = CliRunner.Start("decide", file, "--output-format", "jsonl");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();

        process.StandardOutput.ReadLine().Should().Contain("\"requestId\":\"r0\"");
        process.StandardOutput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(ExitCodes.Failure, "the output was cut, so the run did not succeed");
        (await error).Should().Contain("standard output could not be written");
    }

    [Fact]
    public void Standard_error_on_a_full_device_does_not_abort_and_the_exit_code_stays_documented()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Only where the device exists (Linux); elsewhere there is nothing to check.
        }

        var tool = CliRunner.Executable is { } exe ? $"'{exe}'" : $"dotnet '{Path.Combine(AppContext.BaseDirectory, "PolicyModel.Cli.dll")}'";
        var missing = Path.Combine(Path.GetTempPath(), "no-such-request-file.json");
        var info = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", $"{tool} decide '{missing}' 2>/dev/full; echo \"exit=$?\"" }, RedirectStandardOutput = true, UseShellExecute = false };
        using var shell = Process.Start(info)!;
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();

        output.Trim().Should().Be("exit=2", "a missing request file is invalid input, whether or not the message can be written");
    }
}
