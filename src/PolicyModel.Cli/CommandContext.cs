namespace PolicyModel.Cli;

/// <summary>What a command's action gets: the shared options, the console and the readable-output helper.</summary>
internal sealed class CommandContext(CommonOptions options, CliConsole console)
{
    public CommonOptions Options { get; } = options;

    public CliConsole Console { get; } = console;

    /// <summary>
    /// Gets readable output on standard output (coloured when the terminal allows and <c>--no-color</c> is not given),
    /// wrapped to the width (<see cref="CliConsole.WrapWidth"/>); never wrapped when the command writes JSON.
    /// </summary>
    public Output Output { get; } = new(console.Out, console.Colour && !options.NoColour, options.Json ? 0 : console.WrapWidth(options.Width));

    public TextWriter Stdout => Console.Out;

    public TextWriter Stderr => Console.Error;

    public TextReader Stdin => Console.In;

    /// <summary>Gets whether JSON is indented: with <c>--pretty</c>, or when standard output is a terminal.</summary>
    public bool IndentJson => Options.Pretty;

    /// <summary>Loads the policies named by <c>--policies</c> / <c>--no-builtins</c>; null (problems on standard error) when any is invalid.</summary>
    public PolicySet? LoadPolicies() => PolicyLoader.Load(Options.Policies, !Options.NoBuiltIns, Stderr);
}
