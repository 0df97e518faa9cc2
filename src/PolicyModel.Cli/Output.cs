using System.Text;

namespace PolicyModel.Cli;

/// <summary>Readable output: aligned tables and, when the terminal supports it, colour (never when redirected or NO_COLOR is set).</summary>
internal sealed class Output(TextWriter writer, bool colour)
{
    public TextWriter Writer { get; } = writer;

    /// <summary>The same colouring, written elsewhere.</summary>
    public Output To(TextWriter other) => new(other, colour);

    public static bool TerminalSupportsColour() =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

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

    /// <summary>Writes rows as an aligned table; cells may contain colour codes (ignored when measuring).</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Count && i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Visible(row[i]));
            }
        }

        for (var r = 0; r < all.Count; r++)
        {
            var line = new StringBuilder();
            for (var i = 0; i < all[r].Count; i++)
            {
                var cell = r == 0 ? Bold(all[r][i]) : all[r][i];
                line.Append(cell);
                if (i < all[r].Count - 1)
                {
                    line.Append(' ', widths[i] - Visible(all[r][i]) + 2);
                }
            }

            Writer.WriteLine(line.ToString().TrimEnd());
            if (r == 0)
            {
                Writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    private string Paint(string text, string code) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;

    private static int Visible(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u001b')
            {
                while (i < text.Length && text[i] != 'm')
                {
                    i++;
                }

                continue;
            }

            length++;
        }

        return length;
    }
}
