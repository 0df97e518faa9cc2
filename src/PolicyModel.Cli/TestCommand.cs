using System.CommandLine;
using System.Text;
using System.Text.Json;


namespace PolicyModel.Cli;

/// <summary><c>policymodel test &lt;scenario files or folders&gt;</c>: pass or fail per scenario; exit 1 when any fails.</summary>
internal static class TestCommand
{
    public static readonly string[] Formats = ["text", "json", "junit", "trx"];

    public static Command Create(CommandSetup setup)
    {
        var scenarioPaths = new Argument<string[]>("scenarios") { Description = "Scenario files or folders of them (*.json)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Report as text (default), json (as --json), junit (JUnit XML) or trx (Visual Studio test results)" };
        format.AcceptOnlyFromAmong(Formats);
        var filter = new Option<string>("--filter") { Description = "Run only the scenarios whose name contains this text (ignoring case)" };
        var command = setup.New(
            "test",
            "Run scenario files and show pass or fail per scenario; exit 1 when any fails",
            "policymodel test scenarios/",
            "policymodel test scenarios/ --policies my-city/   # your documents beside the built-in ones",
            "policymodel test scenarios/ --filter detainer",
            "policymodel test scenarios/ --format junit > test-results.xml");
        command.Arguments.Add(scenarioPaths);
        command.Options.Add(format);
        command.Options.Add(filter);
        setup.SetAction(command, (parse, context) => Run(context, parse.GetValue(scenarioPaths) ?? [], parse.GetValue(format), parse.GetValue(filter)));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, string? format = null, string? filter = null)
    {
        var stdout = context.Output;
        var stderr = context.Stderr;
        if (context.Options.Json && format is not null and not "json")
        {
            stderr.WriteLine($"error: --json and --format {format} ask for two formats; give one");
            return ExitCodes.InvalidInput;
        }

        format ??= context.Options.Json ? "json" : "text";
        var set = context.LoadPolicies();
        if (set is null)
        {
            return ExitCodes.InvalidInput;
        }

        var files = PolicyLoader.ExpandFiles(paths, stderr, out var missing);
        if (missing)
        {
            return ExitCodes.InvalidInput;
        }

        // Scenario files are read as a stream, one scenario at a time, and each result is written as soon as it is
        // known (the table a page of PageSize rows at a time): memory does not grow with the number of scenarios.
        // JUnit and TRX put totals in their first element, so those two collect the results first.
        var run = new ScenarioRun(set, files, filter, stderr);
        IReadOnlyList<(string File, ScenarioResult Result)> all;
        switch (format)
        {
            case "json":
                WriteJson(run.Results(), stdout.Writer, context.IndentJson);
                break;
            case "junit":
                all = [.. run.Results()];
                if (all.Count > 0)
                {
                    TestReports.WriteJUnit(stdout.Writer, all);
                }

                break;
            case "trx":
                all = [.. run.Results()];
                if (all.Count > 0)
                {
                    TestReports.WriteTrx(stdout.Writer, all);
                }

                break;
            default:
                Readable(run.Results(), files.Count, stdout);
                break;
        }

        if (run.Invalid)
        {
            return ExitCodes.InvalidInput;
        }

        if (run.Read == 0)
        {
            stderr.WriteLine("error: the files given hold no scenario; a test run with nothing to run does not pass");
            return ExitCodes.InvalidInput;
        }

        if (run.Ran == 0)
        {
            stderr.WriteLine($"error: no scenario name contains `{UntrustedText.Escape(filter!)}` (of {run.Read} scenario(s)); a test run with nothing to run does not pass");
            return ExitCodes.InvalidInput;
        }

        return run.Failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The readable table is written a page of this many rows at a time, each page aligned on its own; a run of at most this many scenarios is one table.</summary>
    internal const int PageSize = 1000;

    private static void Readable(IEnumerable<(string File, ScenarioResult Result)> results, int fileCount, Output stdout)
    {
        var page = new List<(string File, ScenarioResult Result)>(PageSize);
        int passed = 0, failed = 0;
        foreach (var result in results)
        {
            page.Add(result);
            _ = result.Result.Passed ? passed++ : failed++;
            if (page.Count == PageSize)
            {
                Page(page, stdout);
                page.Clear();
            }
        }

        if (page.Count > 0)
        {
            Page(page, stdout);
        }

        if (passed + failed > 0)
        {
            stdout.Writer.WriteLine();
            stdout.Writer.WriteLine($"{passed} passed, {failed} failed, {passed + failed} scenarios in {fileCount} file(s)");
        }
    }

    /// <summary>One page of the readable report: the table of its results, then what failed and why.</summary>
    private static void Page(List<(string File, ScenarioResult Result)> results, Output stdout)
    {
        stdout.Table(
            ["result", "scenario", "expected", "actual", "file"],
            results.Select(r => (IReadOnlyList<string>)
            [
                r.Result.Passed ? stdout.Green("pass") : stdout.Red("FAIL"),
                Shorten(UntrustedText.Escape(r.Result.Scenario.Name), 70),
                r.Result.Scenario.Expect.Outcome.ToContractName(),
                r.Result.Decision is { } d ? d.Outcome.ToContractName() : "invalid",
                UntrustedText.Escape(Path.GetFileName(r.File)),
            ]));
        foreach (var (file, result) in results.Where(r => !r.Result.Passed))
        {
            stdout.Writer.WriteLine();
            stdout.Writer.WriteLine($"{stdout.Red("FAIL")} {UntrustedText.Escape(result.Scenario.Name)} ({UntrustedText.Escape(file)})");
            foreach (var failure in result.Failures)
            {
                stdout.Writer.WriteLine($"  {UntrustedText.Escape(failure)}");
            }

            if (result.Decision is { } decision)
            {
                stdout.Writer.WriteLine($"  explanation: {UntrustedText.Escape(decision.Explanation)}");
            }
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>
    /// The results as one JSON object written as they come: <c>scenarios</c> (one entry per scenario, each written as
    /// soon as it is known), then the counts <c>passed</c> and <c>failed</c>. Nothing is written when no scenario ran.
    /// </summary>
    private static void WriteJson(IEnumerable<(string File, ScenarioResult Result)> results, TextWriter output, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Hand()
        {
            writer.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        }

        int passed = 0, failed = 0;
        foreach (var (file, result) in results)
        {
            if (passed + failed == 0)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("scenarios");
            }

            _ = result.Passed ? passed++ : failed++;
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteString("name", result.Scenario.Name);
            writer.WriteBoolean("passed", result.Passed);
            writer.WriteString("expectedOutcome", result.Scenario.Expect.Outcome.ToContractName());
            if (result.Decision is { } decision)
            {
                writer.WritePropertyName("decision");
                DecisionJson.Write(writer, decision);
            }

            writer.WriteStartArray("failures");
            foreach (var failure in result.Failures)
            {
                writer.WriteStringValue(failure);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            Hand();
        }

        if (passed + failed == 0)
        {
            return;
        }

        writer.WriteEndArray();
        writer.WriteNumber("passed", passed);
        writer.WriteNumber("failed", failed);
        writer.WriteEndObject();
        Hand();
        output.WriteLine();
    }
}
