using System.Globalization;
using System.Text;

namespace PolicyModel.Cli;

/// <summary>
/// Wrapping of readable output to a width, the one place that does it: prose lines break at spaces, continuation
/// lines indent under their item (the text after a label such as <c>Explanation  </c>, after a list marker, or two
/// spaces deeper than the line), and table cells wrap inside their column (<see cref="Output.Table"/>). The colour
/// codes the tool writes itself are not counted and never split; a colour open at a break is closed at the end of the
/// line and opened again on the next. JSON is never wrapped.
/// </summary>
internal static class TextWrap
{
    /// <summary>The width used when standard output is not a terminal and neither <c>--width</c> nor <c>COLUMNS</c> says otherwise.</summary>
    public const int DefaultWidth = 100;

    /// <summary>The narrowest width wrapped to: narrower values (other than 0, no wrapping) are raised to it.</summary>
    public const int MinimumWidth = 20;

    /// <summary>The narrowest a table column is made before the table is allowed to run past the width.</summary>
    public const int MinimumColumn = 8;

    private const char Escape = '\u001b';
    private const string Reset = "\u001b[0m";

    /// <summary>
    /// The width to wrap to: <c>--width</c> when given (0: no wrapping), else <c>COLUMNS</c> when it is a positive number,
    /// else the terminal's width when standard output is one, else <see cref="DefaultWidth"/>.
    /// </summary>
    public static int Resolve(int? option, string? columns, int? terminalWidth)
    {
        if (option is { } given)
        {
            return given <= 0 ? 0 : Math.Max(given, MinimumWidth);
        }

        if (int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var fromEnvironment) && fromEnvironment > 0)
        {
            return Math.Max(fromEnvironment, MinimumWidth);
        }

        return terminalWidth is > 0 and var terminal ? Math.Max(terminal, MinimumWidth) : DefaultWidth;
    }

    /// <summary>Every line of <paramref name="text"/> wrapped to <paramref name="width"/> (0: unchanged); line ends are kept.</summary>
    public static string Wrap(string text, int width)
    {
        if (width <= 0 || !HasLongLine(text, width))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + (text.Length / width * 8));
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text[start..] : text[start..end];
            var carriage = line.EndsWith('\r');
            if (carriage)
            {
                line = line[..^1];
            }

            var pieces = Line(line, width, HangingIndent(line, width));
            for (var i = 0; i < pieces.Count; i++)
            {
                result.Append(pieces[i]);
                if (i < pieces.Count - 1)
                {
                    result.Append('\n');
                }
            }

            if (end < 0)
            {
                break;
            }

            result.Append(carriage ? "\r\n" : "\n");
            start = end + 1;
        }

        return result.ToString();
    }

    /// <summary>
    /// One line (no line break in it) as lines of at most <paramref name="width"/> visible characters: broken at spaces,
    /// continuation lines starting with <paramref name="indent"/> spaces; a word longer than the room is cut.
    /// </summary>
    public static List<string> Line(string line, int width, int indent)
    {
        if (width <= 0 || Visible(line) <= width)
        {
            return [line];
        }

        indent = Math.Clamp(indent, 0, Math.Max(0, width - MinimumColumn));
        var lines = new List<string>();
        var current = new StringBuilder();
        var column = 0;
        var pendingSpaces = 0;
        string? colour = null;
        var i = 0;

        // The leading spaces stay on the first line as they are.
        while (i < line.Length && line[i] == ' ')
        {
            current.Append(' ');
            column++;
            i++;
        }

        var lineStart = column;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                pendingSpaces++;
                i++;
                continue;
            }

            var wordEnd = i;
            while (wordEnd < line.Length && line[wordEnd] != ' ')
            {
                wordEnd++;
            }

            var word = line[i..wordEnd];
            var wordWidth = Visible(word);
            var fits = column + pendingSpaces + wordWidth <= width;
            if (!fits && column > lineStart)
            {
                Break();
                pendingSpaces = 0;
            }

            current.Append(' ', pendingSpaces);
            column += pendingSpaces;
            pendingSpaces = 0;
            AppendWord(word);
            i = wordEnd;
        }

        lines.Add(current.ToString());
        return lines;

        void Break()
        {
            if (colour is not null)
            {
                current.Append(Reset);
            }

            lines.Add(current.ToString().TrimEnd(' '));
            current.Clear().Append(' ', indent);
            if (colour is not null)
            {
                current.Append(colour);
            }

            column = indent;
            lineStart = indent;
        }

        void AppendWord(string word)
        {
            for (var k = 0; k < word.Length; k++)
            {
                if (word[k] == Escape)
                {
                    var end = SequenceEnd(word, k);
                    var sequence = word[k..end];
                    colour = sequence == Reset ? null : sequence;
                    current.Append(sequence);
                    k = end - 1;
                    continue;
                }

                if (column >= width && column > lineStart)
                {
                    Break(); // a word wider than the room: cut it
                }

                current.Append(word[k]);
                column++;
            }
        }
    }

    /// <summary>
    /// Where a line's continuation lines start: under the text after a list marker (<c>- </c>, <c>* </c>, <c>1. </c>),
    /// under the value after a label followed by two or more spaces (<c>Explanation  …</c>), else two spaces deeper
    /// than the line; never more than half the width.
    /// </summary>
    public static int HangingIndent(string line, int width)
    {
        var visible = Strip(line);
        var lead = 0;
        while (lead < visible.Length && visible[lead] == ' ')
        {
            lead++;
        }

        var rest = visible.AsSpan(lead);
        var indent = lead + 2;
        if (rest.StartsWith("- ") || rest.StartsWith("* ") || rest.StartsWith("+ "))
        {
            indent = lead + 2;
        }
        else if (Numbered(rest) is > 0 and var marker)
        {
            indent = lead + marker;
        }
        else if (rest.IndexOf("  ") is > 0 and var gap && gap <= 24)
        {
            var end = lead + gap;
            while (end < visible.Length && visible[end] == ' ')
            {
                end++;
            }

            indent = end;
        }

        return indent <= width / 2 ? indent : Math.Min(lead + 2, width / 2);
    }

    /// <summary>The number of characters a text shows: the colour codes the tool writes are not counted.</summary>
    public static int Visible(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Escape)
            {
                i = SequenceEnd(text, i) - 1;
                continue;
            }

            length++;
        }

        return length;
    }

    private static string Strip(string text)
    {
        if (!text.Contains(Escape, StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Escape)
            {
                i = SequenceEnd(text, i) - 1;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    /// <summary>The index after a colour sequence (<c>ESC [ … m</c>) starting at <paramref name="start"/>.</summary>
    private static int SequenceEnd(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length && text[end] != 'm')
        {
            end++;
        }

        return Math.Min(end + 1, text.Length);
    }

    /// <summary>The length of a <c>12. </c> or <c>3) </c> marker at the start, or 0.</summary>
    private static int Numbered(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 4 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] == ' ' ? digits + 2 : 0;
    }

    private static bool HasLongLine(string text, int width)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (length > width && Visible(text.Substring(start, length)) > width)
            {
                return true;
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return false;
    }
}
