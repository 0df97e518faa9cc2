using System.Globalization;
using System.Text;

namespace PolicyModel.Cli.Pictures;

/// <summary>
/// Text for SVG and HTML: escaping (every string that comes from a document or the command line goes through
/// <see cref="Text"/>), invariant numbers, and fitting text into a width without font metrics. Widths are estimated
/// generously (0.62 em a character), so text may leave room but never overlaps; what is cut keeps its full text in
/// a title.
/// </summary>
internal static class Markup
{
    /// <summary>The average advance of a character, in em, assumed when fitting text (wider than most sans-serif letters).</summary>
    public const double CharWidth = 0.62;

    /// <summary>The text escaped for element content and attribute values (<c>&amp; &lt; &gt; " '</c>); characters XML cannot hold become U+FFFD.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (!IsXmlChar(c) || UntrustedText.IsUnsafe(c))
                    {
                        // Neither XML 1.0 nor a terminal may get these; tab, newline and the bidirectional controls included.
                        builder.Append(c is '\t' or '\n' or '\r' ? ' ' : '\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A text of several lines (split at <c>\n</c>), each escaped, joined by a character reference for the line feed (a tooltip shows the lines).</summary>
    public static string Lines(string text) => string.Join("&#10;", text.Split('\n').Select(Text));

    /// <summary>An integer as SVG and HTML write it.</summary>
    public static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A coordinate with one decimal, as SVG writes it whatever the culture.</summary>
    public static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>How many characters of a font size fit in a width.</summary>
    public static int Fits(double width, double fontSize) => Math.Max(1, (int)(width / (fontSize * CharWidth)));

    /// <summary>The estimated width of a text in a font size.</summary>
    public static double Width(string text, double fontSize) => text.Length * fontSize * CharWidth;

    /// <summary>The text cut to <paramref name="max"/> characters, ending in an ellipsis when cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(0, max - 1)).TrimEnd(), "\u2026");

    /// <summary>
    /// The text in lines of at most <paramref name="max"/> characters, broken after spaces and hyphens (a longer word
    /// is cut), and at most <paramref name="lines"/> lines: the last one ends in an ellipsis when text is left over.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int max, int lines)
    {
        var result = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0 && result.Count < lines)
        {
            if (rest.Length <= max)
            {
                result.Add(rest);
                rest = string.Empty;
                break;
            }

            if (result.Count == lines - 1)
            {
                result.Add(Shorten(rest, max));
                rest = string.Empty;
                break;
            }

            var cut = BreakBefore(rest, max);
            result.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        return result;
    }

    /// <summary>Where to end a line of at most <paramref name="max"/> characters: after the last space or hyphen that fits, else at <paramref name="max"/>.</summary>
    private static int BreakBefore(string text, int max)
    {
        for (var i = max; i > max / 3; i--)
        {
            if (text[i - 1] is ' ' or '-' or '/' or ',')
            {
                return i;
            }

            if (text[i] == ' ')
            {
                return i;
            }
        }

        return max;
    }

    /// <summary>XML 1.0's characters: tab, newline, return, and U+0020 up (no lone surrogates, no U+FFFE/U+FFFF).</summary>
    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\uD800') || (c > '\uDFFF' && c < '\uFFFE');
}
