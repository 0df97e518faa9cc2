using System.CommandLine;

namespace PolicyModel.Cli;

/// <summary>A command line the parser rejects: the errors and where to find help, not the whole help text.</summary>
internal static class ParseErrors
{
    public static int Report(ParseResult result, TextWriter stderr)
    {
        foreach (var error in result.Errors)
        {
            stderr.WriteLine($"error: {UntrustedText.Escape(error.Message)}");
        }

        var command = result.CommandResult.Command;
        var path = command is RootCommand ? HelpLayout.ToolName : $"{HelpLayout.ToolName} {command.Name}";
        stderr.WriteLine($"Run '{path} --help' for usage and examples.");
        return ExitCodes.Failure;
    }
}
