namespace PolicyModel.Cli;

/// <summary>The standard streams a run of the tool uses, and what they are connected to.</summary>
/// <param name="In">Standard input (read for the file name <c>-</c>).</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Gets whether readable output may be coloured (never when output is redirected or NO_COLOR is set).</summary>
    public bool Colour { get; init; }

    /// <summary>Gets whether standard output is a terminal (JSON is then indented, as with <c>--pretty</c>).</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Gets whether standard error is a terminal (progress of long batches is shown only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Gets standard input as bytes when it is available so (the process's own input); null in-process, where <see cref="In"/> is read.</summary>
    public Stream? InStream { get; init; }

    /// <summary>Gets standard output as bytes when it is available so (the process's own output); null in-process, where <see cref="Out"/> is written.</summary>
    public Stream? OutStream { get; init; }

    /// <summary>Gets the terminal's width in columns when standard output is a terminal; null otherwise.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>Gets the <c>COLUMNS</c> environment variable of this process (it overrides the terminal's width); null in-process.</summary>
    public string? Columns { get; init; }

    /// <summary>The width readable output is wrapped to: <c>--width</c>, else <c>COLUMNS</c>, else the terminal's, else <see cref="TextWrap.DefaultWidth"/>.</summary>
    public int WrapWidth(int? option) => TextWrap.Resolve(option, Columns, TerminalWidth);

    /// <summary>The console of this process: strict UTF-8 on input, buffered UTF-8 on output.</summary>
    public static CliConsole ForProcess(TextReader input, TextWriter output, TextWriter error) => new(input, output, error)
    {
        Colour = Output.TerminalSupportsColour(),
        OutIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        TerminalWidth = Console.IsOutputRedirected ? null : WindowWidth(),
        Columns = Environment.GetEnvironmentVariable("COLUMNS"),
    };

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null; // not a terminal after all: the default width
        }
    }
}
