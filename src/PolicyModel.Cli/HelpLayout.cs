using System.CommandLine;
using System.CommandLine.Help;
using System.Text;

namespace PolicyModel.Cli;

/// <summary>
/// The help text: the tool is called <c>policymodel</c> whatever the executable is named (an installed tool, the
/// assembly, a test host), and each command's help ends with examples.
/// </summary>
internal static class HelpLayout
{
    public const string ToolName = "policymodel";

    /// <summary>Whether the parse asks for help.</summary>
    public static bool IsHelp(ParseResult result) => result.Action is HelpAction;

    /// <summary>Writes the parser's help for the command asked about, named <c>policymodel</c> and followed by its examples.</summary>
    public static int Write(ParseResult result, IReadOnlyDictionary<Command, string[]> examples, TextWriter output)
    {
        using var text = new StringWriter();
        var code = result.Invoke(new InvocationConfiguration { Output = text, Error = text });
        output.Write(Rename(text.ToString()));
        if (examples.TryGetValue(result.CommandResult.Command, out var lines) && lines.Length > 0)
        {
            output.WriteLine("Examples:");
            foreach (var example in lines)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return code;
    }

    /// <summary>The usage lines name the executable; they name the tool instead.</summary>
    private static string Rename(string help)
    {
        var lines = help.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (!lines[i - 1].StartsWith("Usage:", StringComparison.Ordinal))
            {
                continue;
            }

            var trimmed = lines[i].TrimStart();
            var indent = lines[i].Length - trimmed.Length;
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            lines[i] = new StringBuilder().Append(lines[i].AsSpan(0, indent)).Append(ToolName).Append(space < 0 ? string.Empty : trimmed[space..]).ToString();
        }

        return string.Join('\n', lines);
    }
}
