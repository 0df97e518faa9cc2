using System.CommandLine;

namespace PolicyModel.Cli;

/// <summary>The options every command takes, as read from one command line.</summary>
/// <param name="Json">Write JSON for machines instead of readable text.</param>
/// <param name="Pretty">Indent JSON: <c>--pretty</c> was given or standard output is a terminal (compact otherwise).</param>
/// <param name="Policies">The user's policy documents or folders of them.</param>
/// <param name="NoBuiltIns">Use only <paramref name="Policies"/>, not the built-in documents.</param>
/// <param name="NoColour">Never colour readable output.</param>
internal sealed record CommonOptions(bool Json, bool Pretty, IReadOnlyList<string> Policies, bool NoBuiltIns, bool NoColour)
{
    /// <summary>Gets the width readable output is wrapped to as given with <c>--width</c> (0: no wrapping); null when not given.</summary>
    public int? Width { get; init; }
}

/// <summary>The option symbols shared by every command (one instance per command line, added to each command).</summary>
internal sealed class SharedOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Write the result as JSON for machines instead of readable text" };

    public Option<bool> Pretty { get; } = new("--pretty") { Description = "Indent the JSON (the default on a terminal; compact when output goes to a file or pipe)" };

    public Option<string[]> Policies { get; } = Paths("--policies", "Policy documents or folders of them (*.json) to load beside the built-in ones");

    public Option<bool> NoBuiltIns { get; } = new("--no-builtins") { Description = "Use only the documents given with --policies" };

    /// <summary>Gets the global <c>--no-color</c> (on the root, recursive).</summary>
    public Option<bool> NoColour { get; } = new("--no-color") { Description = "Never colour the readable output", Recursive = true };

    /// <summary>Gets <c>--width</c>: the width readable output is wrapped to.</summary>
    public Option<int?> Width { get; } = new("--width")
    {
        Description = $"Wrap readable output to this many columns (0: no wrapping; default: COLUMNS, the terminal's width, or {TextWrap.DefaultWidth} when not a terminal); JSON is never wrapped",
    };

    /// <summary>Checks the shared options' values (<c>--width</c> is not negative).</summary>
    public SharedOptions() =>
        Width.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("--width must be 0 (no wrapping) or a number of columns");
            }
        });

    /// <summary>An option that takes one or more paths (several may follow one occurrence).</summary>
    public static Option<string[]> Paths(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };

    /// <summary>Adds the shared options (all but the global <c>--no-color</c>) to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Pretty);
        command.Options.Add(Policies);
        command.Options.Add(NoBuiltIns);
        command.Options.Add(Width);
    }

    /// <summary>Reads the shared options from a parse; JSON is indented with <c>--pretty</c> or when standard output is a terminal.</summary>
    public CommonOptions Read(ParseResult parse, bool outputIsTerminal) => new(
        parse.GetValue(Json),
        parse.GetValue(Pretty) || outputIsTerminal,
        parse.GetValue(Policies) ?? [],
        parse.GetValue(NoBuiltIns),
        parse.GetValue(NoColour))
    {
        Width = parse.GetValue(Width),
    };
}
