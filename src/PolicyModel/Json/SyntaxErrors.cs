namespace PolicyModel.Json;

/// <summary>
/// The JSON syntax errors people make by hand (a trailing comma, a missing comma or colon, a comment, an unquoted
/// name, an unclosed string or bracket), said in the project's own words instead of the JSON reader's. The reader's
/// message is only matched, never shown: it quotes input and speaks of reader options a document author never sees.
/// </summary>
internal static class SyntaxErrors
{
    /// <summary>The explanation for a System.Text.Json reader message, or <see langword="null"/> for one not recognised.</summary>
    public static string? Explain(string readerMessage)
    {
        var found = Quoted(readerMessage);
        return readerMessage switch
        {
            _ when readerMessage.Contains("object contains a trailing comma", StringComparison.Ordinal) =>
                "a comma after the last property of an object; remove the comma before `}`",
            _ when readerMessage.Contains("array contains a trailing comma", StringComparison.Ordinal) =>
                "a comma after the last item of a list; remove the comma before `]`",
            _ when readerMessage.Contains("does not contain any JSON tokens", StringComparison.Ordinal) =>
                "the document is empty (or only spaces); expected a JSON object",
            _ when readerMessage.Contains("invalid after a single JSON value", StringComparison.Ordinal) =>
                $"more text after the end of the JSON value (found `{found}`); a file holds one object",
            _ when found == "/" =>
                "a comment; JSON has no comments (put notes in a `notes` or `explains` text instead)",
            _ when readerMessage.Contains("is invalid after a value", StringComparison.Ordinal) =>
                $"a comma is missing before `{found}` (between two properties or list items)",
            _ when readerMessage.Contains("is invalid after a property name", StringComparison.Ordinal) =>
                $"a colon is missing after the property name (found `{found}`)",
            _ when readerMessage.Contains("invalid start of a property name", StringComparison.Ordinal) && found == "'" =>
                "a property name in single quotes; JSON needs double quotes (`\"name\"`)",
            _ when readerMessage.Contains("invalid start of a property name", StringComparison.Ordinal) =>
                $"a property name must be in double quotes (found `{found}`)",
            _ when readerMessage.Contains("invalid start of a value", StringComparison.Ordinal) && found == "'" =>
                "a text in single quotes; JSON needs double quotes (`\"text\"`)",
            _ when readerMessage.Contains("invalid start of a value", StringComparison.Ordinal) =>
                $"expected a value (text in double quotes, a number, `true`, `false`, `null`, an object or a list), found `{found}`",
            _ when readerMessage.Contains("invalid within a JSON string", StringComparison.Ordinal) =>
                "a line break or control character inside a text; end the text with `\"` first, or write `\\n`",
            _ when readerMessage.Contains("invalid escapable character", StringComparison.Ordinal) =>
                "a backslash that starts no valid escape inside a text; write `\\\\` for a backslash",
            _ when readerMessage.Contains("Expected end of string", StringComparison.Ordinal) =>
                "a text is not closed: a `\"` is missing",
            _ when readerMessage.Contains("Expected depth to be zero", StringComparison.Ordinal) =>
                "the document ends before every `{` and `[` is closed",
            _ when readerMessage.Contains("'}' is invalid without a matching open", StringComparison.Ordinal)
                || readerMessage.Contains("']' is invalid without a matching open", StringComparison.Ordinal) =>
                $"`{found}` closes nothing (one bracket too many, or one `{{` or `[` missing before it)",
            _ => null,
        };
    }

    /// <summary>The one character the reader quotes at the start of its message (<c>'x' is invalid ...</c>), if any.</summary>
    private static string Quoted(string message) =>
        message.Length >= 3 && message[0] == '\'' && message[2] == '\'' ? message[1].ToString() : string.Empty;
}
