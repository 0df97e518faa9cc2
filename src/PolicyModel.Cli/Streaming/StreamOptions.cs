using System.CommandLine;

namespace PolicyModel.Cli.Streaming;

/// <summary>The options of the commands that read requests as a stream (<c>decide</c>, <c>explain</c>): input and output layout, and what an invalid record does.</summary>
internal sealed class StreamOptions
{
    public Option<string> InputFormat { get; } = Choice("--input-format", "How the requests are laid out: auto (default: detected), json (one object or an array) or jsonl (one object per line)", "auto", "json", "jsonl");

    public Option<string> OutputFormat { get; } = Choice("--output-format", "text (default), json (as --json) or jsonl (one compact JSON result per line, written as soon as decided)", "text", "json", "jsonl");

    public Option<string> OnError { get; } = Choice("--on-error", "At an invalid request: stop (default; nothing of its batch or after it is written) or continue (decide every other one, then exit 2)", "stop", "continue");

    public void AddTo(Command command)
    {
        command.Options.Add(InputFormat);
        command.Options.Add(OutputFormat);
        command.Options.Add(OnError);
    }

    /// <summary>The settings of a run, or null (with the error on standard error) when the options contradict each other.</summary>
    public StreamSettings? Read(ParseResult parse, CommandContext context)
    {
        var output = parse.GetValue(OutputFormat);
        if (context.Options.Json && output is "text" or "jsonl")
        {
            context.Stderr.WriteLine($"error: --json and --output-format {output} ask for two formats; give one");
            return null;
        }

        return new StreamSettings(
            parse.GetValue(InputFormat) switch { "json" => Streaming.InputFormat.Json, "jsonl" => Streaming.InputFormat.JsonLines, _ => Streaming.InputFormat.Auto },
            output switch { "json" => Streaming.OutputFormat.Json, "jsonl" => Streaming.OutputFormat.JsonLines, _ => context.Options.Json ? Streaming.OutputFormat.Json : Streaming.OutputFormat.Text },
            parse.GetValue(OnError) == "continue" ? ErrorMode.Continue : ErrorMode.Stop,
            context.IndentJson);
    }

    private static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
