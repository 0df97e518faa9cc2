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

        var scenarios = new List<(string File, Scenario Scenario)>();
        var invalid = false;
        foreach (var file in files)
        {
            if (ScenarioFile.TryLoad(file, out var loaded, out var problems))
            {
                scenarios.AddRange(loaded.Select(s => (file, s)));
            }
            else
            {
                foreach (var problem in problems)
                {
                    stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
                }

                invalid = true;
            }
        }

        if (invalid)
        {
            return ExitCodes.InvalidInput;
        }

        if (scenarios.Count == 0)
        {
            stderr.WriteLine("error: the files given hold no scenario; a test run with nothing to run does not pass");
            return ExitCodes.InvalidInput;
        }

        if (filter is not null)
        {
            var total = scenarios.Count;
            scenarios.RemoveAll(s => !s.Scenario.Name.Contains(filter, StringComparison.OrdinalIgnoreCase));
            if (scenarios.Count == 0)
            {
                stderr.WriteLine($"error: no scenario name contains `{UntrustedText.Escape(filter)}` (of {total} scenario(s)); a test run with nothing to run does not pass");
                return ExitCodes.InvalidInput;
            }
        }

        var results = scenarios.Select(s => (s.File, Result: ScenarioRunner.Run(set, s.Scenario))).ToList();
        switch (format)
        {
            case "json":
                stdout.Writer.WriteLine(Json(results, context.IndentJson));
                break;
            case "junit":
                TestReports.WriteJUnit(stdout.Writer, results);
                break;
            case "trx":
                TestReports.WriteTrx(stdout.Writer, results);
                break;
            default:
                Readable(results, files.Count, stdout);
                break;
        }

        return results.All(r => r.Result.Passed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void Readable(List<(string File, ScenarioResult Result)> results, int fileCount, Output stdout)
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

        var failed = results.Count(r => !r.Result.Passed);
        stdout.Writer.WriteLine();
        stdout.Writer.WriteLine($"{results.Count - failed} passed, {failed} failed, {results.Count} scenarios in {fileCount} file(s)");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Json(List<(string File, ScenarioResult Result)> results, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("passed", results.Count(r => r.Result.Passed));
            writer.WriteNumber("failed", results.Count(r => !r.Result.Passed));
            writer.WriteStartArray("scenarios");
            foreach (var (file, result) in results)
            {
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
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
