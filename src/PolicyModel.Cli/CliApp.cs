using Ardalis.GuardClauses;
using System.CommandLine;
using System.CommandLine.Invocation;

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
        Guard.Against.Null(stdin);
        Guard.Against.Null(stdout);
        Guard.Against.Null(stderr);
        return Run(args, new CliConsole(stdin, stdout, stderr) { Colour = colour });
    }

    /// <summary>Runs the tool on the given console.</summary>
    internal static int Run(string[] args, CliConsole console)
    {
        Guard.Against.Null(args);
        var shared = new SharedOptions();
        var setup = new CommandSetup(console, shared);
        var root = new RootCommand($"{HelpLayout.ToolName}: decide, with reasons, whether a request for police assistance is granted");
        root.Options.Add(shared.NoColour);
        foreach (var command in Commands.All(setup))
        {
            root.Subcommands.Add(command);
        }

        var result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            return ParseErrors.Report(result, console.Error);
        }

        if (HelpLayout.IsHelp(result))
        {
            return HelpLayout.Write(result, setup.Examples, console.Out);
        }

        return result.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
