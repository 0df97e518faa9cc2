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
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var policies = new Option<string[]>("--policies")
        {
            Description = "Policy documents or folders of them (*.json) to load beside the built-in ones",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var noBuiltIns = new Option<bool>("--no-builtins") { Description = "Use only the documents given with --policies" };
        var json = new Option<bool>("--json") { Description = "Write decisions as contract JSON instead of a readable summary" };
        var requests = new Argument<string>("requests") { Description = "A JSON file with one request or an array of them; - reads standard input" };

        var decide = new Command("decide", "Decide assistance requests against the policies");
        decide.Arguments.Add(requests);
        decide.Options.Add(json);
        decide.Options.Add(policies);
        decide.Options.Add(noBuiltIns);
        decide.SetAction(parse => Guarded(stderr, () => DecideCommand.Run(
            parse.GetValue(requests)!, parse.GetValue(json), parse.GetValue(policies) ?? [], parse.GetValue(noBuiltIns), stdin, stdout, stderr)));

        var root = new RootCommand("policymodel: decide, with reasons, whether a request for police assistance is granted");
        root.Subcommands.Add(decide);
        var result = root.Parse(args);
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

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
#pragma warning disable CA1031 // the tool's last line of defence: report, never crash with a stack trace
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
