using System.Text;

namespace PolicyModel.Cli;

/// <summary>
/// Readable output: aligned tables and, when the terminal supports it, colour (never when redirected or NO_COLOR is
/// set); readable text (<see cref="Text"/>, tables) is wrapped to <see cref="Width"/> through <see cref="TextWrap"/>, while
/// <see cref="Writer"/> writes machine formats (JSON) as they are.
/// </summary>
internal sealed class Output
{
    private readonly bool colour;

    public Output(TextWriter writer, bool colour, int width = 0)
    {
        this.colour = colour;
        Width = width;
        Writer = writer;
        Text = width > 0 ? new WrappingWriter(writer, width) : writer;
    }

    /// <summary>Gets the writer as given, never wrapped: for JSON and other formats machines read.</summary>
    public TextWriter Writer { get; }

    /// <summary>Gets the writer of readable text: lines written to it are wrapped to <see cref="Width"/>.</summary>
    public TextWriter Text { get; }

    /// <summary>Gets the width lines are wrapped to (0: no wrapping).</summary>
    public int Width { get; }

    /// <summary>The same colouring and width, written elsewhere.</summary>
    public Output To(TextWriter other) => new(other, colour, Width);

    public static bool TerminalSupportsColour() =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>Text built apart (then written as bytes) wrapped as <see cref="Text"/> would wrap it.</summary>
    public string Wrap(string text) => TextWrap.Wrap(text, Width);

    /// <summary>Writes a line held unfinished by the wrapping writer (at the end of a command).</summary>
    public void Finish() => (Text as WrappingWriter)?.WritePending();

    public string Green(string text) => Paint(text, "32");

    public string Red(string text) => Paint(text, "31");

    public string Yellow(string text) => Paint(text, "33");

    public string Dim(string text) => Paint(text, "2");

    public string Bold(string text) => Paint(text, "1");

    public string OutcomeText(Outcome outcome)
    {
        var name = outcome.ToContractName().ToUpperInvariant();
        return outcome switch
        {
            Outcome.Denied => Red(name),
            Outcome.Granted or Outcome.Required => Green(name),
            _ => Yellow(name),
        };
    }

    /// <summary>
    /// Writes rows as an aligned table; cells may contain colour codes (ignored when measuring). When the table is wider
    /// than <see cref="Width"/>, the widest columns are narrowed (never below <see cref="TextWrap.MinimumColumn"/>) and
    /// their cells wrap inside the column, a row taking several lines.
    /// </summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        var longestWords = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Count && i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], TextWrap.Visible(row[i]));
                longestWords[i] = Math.Max(longestWords[i], row[i].Split(' ').Max(TextWrap.Visible));
            }
        }

        Fit(widths, longestWords);
        for (var r = 0; r < all.Count; r++)
        {
            var cells = all[r].Take(widths.Length).Select((cell, i) => TextWrap.Line(r == 0 ? Bold(cell) : cell, Width > 0 ? widths[i] : 0, 0)).ToList();
            var height = cells.Count == 0 ? 1 : cells.Max(c => c.Count);
            for (var k = 0; k < height; k++)
            {
                var line = new StringBuilder();
                for (var i = 0; i < cells.Count; i++)
                {
                    var part = k < cells[i].Count ? cells[i][k] : string.Empty;
                    line.Append(part);
                    if (i < cells.Count - 1)
                    {
                        line.Append(' ', Math.Max(0, widths[i] - TextWrap.Visible(part)) + 2);
                    }
                }

                Text.WriteLine(line.ToString().TrimEnd());
            }

            if (r == 0)
            {
                Text.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    /// <summary>
    /// Narrows the widest columns until the table fits <see cref="Width"/>: a column keeps at least its longest word (so
    /// ids and dates are not cut) while that lets the table fit, else at least <see cref="TextWrap.MinimumColumn"/>.
    /// </summary>
    private void Fit(int[] widths, int[] longestWords)
    {
        var room = Width - (2 * (widths.Length - 1));
        if (Width <= 0 || widths.Sum() <= room)
        {
            return;
        }

        var floors = widths.Select((w, i) => Math.Min(w, Math.Max(TextWrap.MinimumColumn, longestWords[i]))).ToArray();
        if (floors.Sum() > room)
        {
            floors = [.. widths.Select(w => Math.Min(w, TextWrap.MinimumColumn))];
        }

        // The largest cap that fits: columns narrower than the cap keep their width, none goes below its floor.
        var cap = widths.Max();
        while (cap > TextWrap.MinimumColumn && widths.Select((w, i) => Math.Max(Math.Min(w, cap), floors[i])).Sum() > room)
        {
            cap--;
        }

        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(Math.Min(widths[i], cap), floors[i]);
        }
    }

    private string Paint(string text, string code) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
