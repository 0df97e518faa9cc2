using System.CommandLine;
using PolicyModel.Analysis;

namespace PolicyModel.Cli;

/// <summary>
/// What each command's <c>Create</c> builds with: the console, the shared options and the examples shown in help.
/// A command is made with <see cref="New"/>, given its own arguments and options, and run with <see cref="SetAction"/>.
/// </summary>
internal sealed class CommandSetup(CliConsole console, SharedOptions shared)
{
    private readonly Dictionary<Command, string[]> examples = [];

    public CliConsole Console { get; } = console;

    public SharedOptions Shared { get; } = shared;

    /// <summary>Gets the examples given for each command, shown at the end of its help.</summary>
    public IReadOnlyDictionary<Command, string[]> Examples => examples;

    /// <summary>A new command with the shared options and the examples its help shows (each a command line, optionally followed by <c>  # comment</c>).</summary>
    public Command New(string name, string description, params string[] commandExamples)
    {
        var command = new Command(name, description);
        Shared.AddTo(command);
        examples[command] = commandExamples;
        return command;
    }

    /// <summary>Runs <paramref name="run"/> when the command is invoked; failures become an error line and an exit code, never a stack trace.</summary>
    public void SetAction(Command command, Func<ParseResult, CommandContext, int> run) =>
        command.SetAction(parse => Guarded(Console.Error, () =>
        {
            var context = new CommandContext(Shared.Read(parse, Console.OutIsTerminal), Console);
            try
            {
                return run(parse, context);
            }
            finally
            {
                context.Output.Finish();
            }
        }));

    private static int Guarded(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (PolicyLoadException ex)
        {
            stderr.WriteLine(UntrustedText.Escape(ex.Message));
            return ExitCodes.InvalidInput;
        }
        catch (AnalysisTooLargeException ex)
        {
            stderr.WriteLine(UntrustedText.Escape(ex.Problem.ToString()));
            return ExitCodes.InvalidInput;
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<AnalysisTooLargeException>().FirstOrDefault() is { } tooLarge)
        {
            stderr.WriteLine(UntrustedText.Escape(tooLarge.Problem.ToString())); // analyses of several jurisdictions run in parallel
            return ExitCodes.InvalidInput;
        }
#pragma warning disable CA1031 // the tool's last line of defence: report, never crash with a stack trace
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"error: {ex.GetType().Name}: {UntrustedText.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }
    }
}
