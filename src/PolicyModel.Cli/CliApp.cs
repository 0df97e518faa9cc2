using System.CommandLine;

namespace PolicyModel.Cli;

/// <summary>The <c>policymodel</c> command line, runnable in-process (tests pass their own reader and writers).</summary>
public static class CliApp
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdin">Standard input (read for the file name <c>-</c>).</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) => Run(args, stdin, stdout, stderr, colour: false);

    /// <summary>Runs the tool, with colour in readable output when <paramref name="colour"/> is set.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdin">Standard input (read for the file name <c>-</c>).</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="colour">Whether the terminal supports colour (never set it when output is redirected).</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool colour)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var policies = Paths("--policies", "Policy documents or folders of them (*.json) to load beside the built-in ones");
        var noBuiltIns = new Option<bool>("--no-builtins") { Description = "Use only the documents given with --policies" };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON for machines instead of readable text" };
        var noColour = new Option<bool>("--no-color") { Description = "Never colour the readable output", Recursive = true };
        var root = new RootCommand("policymodel: decide, with reasons, whether a request for police assistance is granted");
        root.Options.Add(noColour);

        Output Out(ParseResult parse) => new(stdout, colour && !parse.GetValue(noColour));

        // Every command takes --json, --policies and --no-builtins besides its own arguments and options.
        void Define(string name, string description, Symbol[] symbols, Func<ParseResult, Output, int> run)
        {
            var command = new Command(name, description);
            foreach (var symbol in symbols)
            {
                if (symbol is Argument argument)
                {
                    command.Arguments.Add(argument);
                }
                else
                {
                    command.Options.Add((Option)symbol);
                }
            }

            command.Options.Add(json);
            command.Options.Add(policies);
            command.Options.Add(noBuiltIns);
            command.SetAction(parse => Guarded(stderr, () => run(parse, Out(parse))));
            root.Subcommands.Add(command);
        }

        var requests = RequestsArgument();
        Define("decide", "Decide assistance requests against the policies", [requests], (parse, output) => DecideCommand.Run(
            parse.GetValue(requests)!, parse.GetValue(json), parse.GetValue(policies) ?? [], parse.GetValue(noBuiltIns), stdin, output, stderr));

        var explainRequests = RequestsArgument();
        Define("explain", "Show the full reasoning: local date, each layer, each rule in force and why it matched or not, exceptions and preemption", [explainRequests],
            (parse, output) => ExplainCommand.Run(
                parse.GetValue(explainRequests)!, parse.GetValue(json), parse.GetValue(policies) ?? [], parse.GetValue(noBuiltIns), stdin, output, stderr));

        var scenarioPaths = new Argument<string[]>("scenarios") { Description = "Scenario files or folders of them (*.json)", Arity = ArgumentArity.OneOrMore };
        Define("test", "Run scenario files and show pass or fail per scenario; exit 1 when any fails", [scenarioPaths], (parse, output) => TestCommand.Run(
            parse.GetValue(scenarioPaths) ?? [], parse.GetValue(json), parse.GetValue(policies) ?? [], parse.GetValue(noBuiltIns), output, stderr));

        var documentPaths = new Argument<string[]>("documents") { Description = "Policy documents or folders of them (*.json)", Arity = ArgumentArity.OneOrMore };
        Define("validate", "Check policy documents: every problem with file, line, JSON path, code and message; exit 2 when any", [documentPaths],
            (parse, output) => ValidateCommand.Run(
                parse.GetValue(documentPaths) ?? [], parse.GetValue(json), parse.GetValue(policies) ?? [], parse.GetValue(noBuiltIns), output, stderr));

        var jurisdiction = new Option<string>("--jurisdiction") { Description = "The jurisdiction to analyse (default: every jurisdiction of the policies)" };
        var on = new Option<string>("--on") { Description = "Analyse one date (YYYY-MM-DD)" };
        var from = new Option<string>("--from") { Description = "First date analysed (YYYY-MM-DD, inclusive; default: since always)" };
        var to = new Option<string>("--to") { Description = "Last date analysed (YYYY-MM-DD, inclusive; default: until further notice)" };
        var analyzeScenarios = Paths("--scenarios", "Scenario files or folders: report which rules they exercise and which none does");
        var only = Paths("--only", "Only these sections: gaps, conflicts, unreachable, preemption, coverage");
        Define("analyze", "Analyse the policies: requests no rule decides (gaps), same-layer conflicts, rules that never decide, preemption, and scenario coverage",
            [jurisdiction, on, from, to, analyzeScenarios, only],
            (parse, output) => AnalyzeCommand.Run(
                new AnalyzeOptions
                {
                    Jurisdiction = parse.GetValue(jurisdiction),
                    On = parse.GetValue(on),
                    From = parse.GetValue(from),
                    To = parse.GetValue(to),
                    Scenarios = parse.GetValue(analyzeScenarios) ?? [],
                    Only = parse.GetValue(only) ?? [],
                    Json = parse.GetValue(json),
                    Policies = parse.GetValue(policies) ?? [],
                    NoBuiltIns = parse.GetValue(noBuiltIns),
                },
                output,
                stderr));

        var diffJurisdiction = new Option<string>("--jurisdiction") { Description = "The jurisdiction to compare (default: every jurisdiction)" };
        var diffFrom = new Option<string>("--from") { Description = "The earlier date (YYYY-MM-DD): compare the decisions of this date ..." };
        var diffTo = new Option<string>("--to") { Description = "... with those of this date (YYYY-MM-DD)" };
        var diffOn = new Option<string>("--on") { Description = "With --old/--new: compare on this date only (default: every date)" };
        var oldDocuments = Paths("--old", "The old version: policy documents or folders (beside the built-ins unless --no-builtins)");
        var newDocuments = Paths("--new", "The new version: policy documents or folders (beside the built-ins unless --no-builtins)");
        var detail = new Option<bool>("--detail") { Description = "Also list every exact change (each request in exactly one row)" };
        Define("diff", "Show the requests whose decision differs between two dates (what an amendment changed) or two versions of the documents",
            [diffJurisdiction, diffFrom, diffTo, diffOn, oldDocuments, newDocuments, detail],
            (parse, output) => DiffCommand.Run(
                new DiffOptions
                {
                    Jurisdiction = parse.GetValue(diffJurisdiction),
                    From = parse.GetValue(diffFrom),
                    To = parse.GetValue(diffTo),
                    On = parse.GetValue(diffOn),
                    Old = parse.GetValue(oldDocuments) ?? [],
                    New = parse.GetValue(newDocuments) ?? [],
                    Detail = parse.GetValue(detail),
                    Json = parse.GetValue(json),
                    Policies = parse.GetValue(policies) ?? [],
                    NoBuiltIns = parse.GetValue(noBuiltIns),
                },
                output,
                stderr));

        var result = root.Parse(args);
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Argument<string> RequestsArgument() =>
        new("requests") { Description = "A JSON file with one request or an array of them; - reads standard input" };

    private static Option<string[]> Paths(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };

    private static int Guarded(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (PolicyLoadException ex)
        {
            stderr.WriteLine(ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (AnalysisTooLargeException ex)
        {
            stderr.WriteLine(ex.Problem);
            return ExitCodes.InvalidInput;
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<AnalysisTooLargeException>().FirstOrDefault() is { } tooLarge)
        {
            stderr.WriteLine(tooLarge.Problem); // analyses of several jurisdictions run in parallel
            return ExitCodes.InvalidInput;
        }
#pragma warning disable CA1031 // the tool's last line of defence: report, never crash with a stack trace
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
