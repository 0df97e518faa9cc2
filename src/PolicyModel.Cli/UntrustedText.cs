using System.Globalization;
using System.Text;

namespace PolicyModel.Cli;

/// <summary>
/// Text that comes from input (request ids, scenario names, citations of user documents, messages quoting input) is
/// printed with every control character made visible (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u001b</c>, ...), so that it
/// can neither start a new line, move the cursor nor colour the terminal: an id cannot forge an <c>Outcome</c> line and
/// a scenario name cannot paint a failure as a pass. Bidirectional-override characters are escaped for the same reason.
/// </summary>
internal static class UntrustedText
{
    /// <summary>The text with control and bidirectional-control characters escaped.</summary>
    public static string Escape(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (IsUnsafe(c))
                    {
                        builder.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
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

    /// <summary>Whether a character would act on the terminal rather than print: C0 and C1 controls, DEL, bidi controls, line and paragraph separators.</summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || (c >= '\u007f' && c <= '\u009f') || c is '\u2028' or '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c is '\u200e' or '\u200f' or '\u061c';

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
