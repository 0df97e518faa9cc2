using System.Text;
using System.Text.Json;

namespace PolicyModel.Json;

internal enum JKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value with its JSON path, line and column, for strict binding with precise errors.</summary>
internal sealed class JNode
{
    public required JKind Kind { get; init; }

    public required string Path { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    /// <summary>String value, or the raw text of a number.</summary>
    public string? Text { get; init; }

    public List<KeyValuePair<string, JNode>>? Properties { get; init; }

    public List<JNode>? Items { get; init; }

    public string KindName => Kind switch
    {
        JKind.Object => "an object",
        JKind.Array => "an array",
        JKind.String => $"the string `{Shorten(Text)}`",
        JKind.Number => $"the number `{Shorten(Text)}`",
        JKind.True => "`true`",
        JKind.False => "`false`",
        _ => "`null`",
    };

    /// <summary>
    /// User text as a message quotes it: at most 40 characters, and control, format and line-separator characters
    /// written as <c>\uXXXX</c> escapes, so that a message stays one line and shows what it quotes.
    /// </summary>
    internal static string Shorten(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var shortened = text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
        if (!shortened.Any(IsUnprintable))
        {
            return shortened;
        }

        var escaped = new StringBuilder(shortened.Length + 16);
        for (var i = 0; i < shortened.Length; i++)
        {
            var ch = shortened[i];
            if (char.IsHighSurrogate(ch) && i + 1 < shortened.Length && char.IsLowSurrogate(shortened[i + 1]))
            {
                escaped.Append(ch).Append(shortened[++i]); // a well-formed pair (an emoji) is printable
            }
            else if (IsUnprintable(ch))
            {
                escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)ch:X4}");
            }
            else
            {
                escaped.Append(ch);
            }
        }

        return escaped.ToString();
    }

    internal static bool IsUnprintable(char ch) => char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.Control
        or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate
        or System.Globalization.UnicodeCategory.PrivateUse;
}

internal sealed class JsonLimits
{
    public required int MaxDepth { get; init; }

    public required int MaxStringLength { get; init; }

    public required int MaxItems { get; init; }
}

/// <summary>
/// Reads UTF-8 JSON into <see cref="JNode"/> trees with System.Text.Json's <see cref="Utf8JsonReader"/>, reporting
/// malformed text, depth and size limits and duplicate properties as <see cref="Problem"/>s.
/// </summary>
internal ref struct JsonTreeReader
{
    private readonly ReadOnlySpan<byte> utf8;
    private readonly string document;
    private readonly JsonLimits limits;
    private readonly List<Problem> problems;
    private int[]? lineStarts;
    private Utf8JsonReader reader;
    private int depth;

    public JsonTreeReader(ReadOnlySpan<byte> utf8, string document, JsonLimits limits, List<Problem> problems)
    {
        // A UTF-8 byte order mark is allowed (RFC 8259 section 8.1) and skipped.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        this.utf8 = utf8;
        this.document = document;
        this.limits = limits;
        this.problems = problems;
        reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = limits.MaxDepth + 2,
        });
    }

    /// <summary>Reads one complete value (the whole text must be that value). Returns null after reporting a problem.</summary>
    public JNode? ReadDocument()
    {
        try
        {
            if (!reader.Read())
            {
                Add(ProblemCodes.MalformedJson, "$", 1, 1, "the document is empty: expected a JSON value");
                return null;
            }

            var node = ReadValue("$");
            if (node is null)
            {
                return null;
            }

            if (reader.Read())
            {
                var (l, c) = Position(reader.TokenStartIndex);
                Add(ProblemCodes.MalformedJson, "$", l, c, "unexpected text after the end of the JSON value");
                return null;
            }

            return node;
        }
        catch (JsonException ex)
        {
            ReportMalformed(ex);
            return null;
        }
        catch (InvalidOperationException)
        {
            var (l, c) = Position(reader.TokenStartIndex);
            Add(ProblemCodes.MalformedJson, "$", l, c, "the text is not valid UTF-8");
            return null;
        }
    }

    /// <summary>
    /// Reads a top-level value that is either an object or an array, calling <paramref name="onItem"/> for the object
    /// or for each element of the array as soon as it is read, so large arrays never exist as one tree.
    /// </summary>
    public bool ReadStream(Func<JNode, bool> onItem, out bool wasArray, int maxItems)
    {
        wasArray = false;
        try
        {
            if (!reader.Read())
            {
                Add(ProblemCodes.MalformedJson, "$", 1, 1, "the document is empty: expected a request object or an array of them");
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                wasArray = true;
                var index = 0;
                depth = 1;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (index >= maxItems)
                    {
                        var (l, c) = Position(reader.TokenStartIndex);
                        Add(ProblemCodes.LimitExceeded, $"$[{index}]", l, c, $"more than {maxItems.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} requests in one file");
                        return false;
                    }

                    var item = ReadValue($"$[{index}]");
                    if (item is null)
                    {
                        return false;
                    }

                    if (!onItem(item))
                    {
                        return false;
                    }

                    index++;
                }

                depth = 0;
            }
            else
            {
                var node = ReadValue("$");
                if (node is null || !onItem(node))
                {
                    return false;
                }
            }

            if (reader.Read())
            {
                var (l, c) = Position(reader.TokenStartIndex);
                Add(ProblemCodes.MalformedJson, "$", l, c, "unexpected text after the end of the JSON value");
                return false;
            }

            return true;
        }
        catch (JsonException ex)
        {
            ReportMalformed(ex);
            return false;
        }
        catch (InvalidOperationException)
        {
            var (l, c) = Position(reader.TokenStartIndex);
            Add(ProblemCodes.MalformedJson, "$", l, c, "the text is not valid UTF-8");
            return false;
        }
    }

    private JNode? ReadValue(string path)
    {
        var (line, column) = Position(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                if (++depth > limits.MaxDepth)
                {
                    Add(ProblemCodes.TooDeep, path, line, column, $"nesting deeper than {limits.MaxDepth} levels");
                    return null;
                }

                var props = new List<KeyValuePair<string, JNode>>();
                HashSet<string>? names = null; // past a few properties, duplicates are found by hash (linear, not quadratic, in the object's size)
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (pl, pc) = Position(reader.TokenStartIndex);
                    if (reader.ValueSpan.Length > limits.MaxStringLength || reader.HasValueSequence)
                    {
                        Add(ProblemCodes.LimitExceeded, path, pl, pc, $"a property name longer than {limits.MaxStringLength} characters");
                        return null;
                    }

                    var name = reader.GetString()!;
                    var childPath = PropertyPath(path, name);
                    reader.Read();
                    var value = ReadValue(childPath);
                    if (value is null)
                    {
                        return null;
                    }

                    if (names?.Contains(name) ?? props.Exists(p => p.Key == name))
                    {
                        Add(ProblemCodes.DuplicateProperty, childPath, pl, pc, $"the property `{JNode.Shorten(name)}` appears twice in one object");
                        continue;
                    }

                    if (props.Count >= limits.MaxItems)
                    {
                        Add(ProblemCodes.LimitExceeded, path, pl, pc, $"more than {limits.MaxItems} properties in one object");
                        return null;
                    }

                    props.Add(new(name, value));
                    if (names is not null)
                    {
                        names.Add(name);
                    }
                    else if (props.Count > 8)
                    {
                        names = new HashSet<string>(props.Select(p => p.Key), StringComparer.Ordinal);
                    }
                }

                depth--;
                return new JNode { Kind = JKind.Object, Path = path, Line = line, Column = column, Properties = props };
            }

            case JsonTokenType.StartArray:
            {
                if (++depth > limits.MaxDepth)
                {
                    Add(ProblemCodes.TooDeep, path, line, column, $"nesting deeper than {limits.MaxDepth} levels");
                    return null;
                }

                var items = new List<JNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (items.Count >= limits.MaxItems)
                    {
                        var (il, ic) = Position(reader.TokenStartIndex);
                        Add(ProblemCodes.LimitExceeded, path, il, ic, $"more than {limits.MaxItems} items in one array");
                        return null;
                    }

                    var item = ReadValue($"{path}[{items.Count}]");
                    if (item is null)
                    {
                        return null;
                    }

                    items.Add(item);
                }

                depth--;
                return new JNode { Kind = JKind.Array, Path = path, Line = line, Column = column, Items = items };
            }

            case JsonTokenType.String:
                if (reader.HasValueSequence || reader.ValueSpan.Length > limits.MaxStringLength * 6)
                {
                    Add(ProblemCodes.LimitExceeded, path, line, column, $"a string longer than {limits.MaxStringLength} characters");
                    return null;
                }

                var text = reader.GetString()!;
                if (text.Length > limits.MaxStringLength)
                {
                    Add(ProblemCodes.LimitExceeded, path, line, column, $"a string longer than {limits.MaxStringLength} characters");
                    return null;
                }

                return new JNode { Kind = JKind.String, Path = path, Line = line, Column = column, Text = text };

            case JsonTokenType.Number:
                if (reader.ValueSpan.Length > 64)
                {
                    Add(ProblemCodes.LimitExceeded, path, line, column, "a number longer than 64 characters");
                    return null;
                }

                return new JNode { Kind = JKind.Number, Path = path, Line = line, Column = column, Text = Encoding.UTF8.GetString(reader.ValueSpan) };

            case JsonTokenType.True:
                return new JNode { Kind = JKind.True, Path = path, Line = line, Column = column };

            case JsonTokenType.False:
                return new JNode { Kind = JKind.False, Path = path, Line = line, Column = column };

            default:
                return new JNode { Kind = JKind.Null, Path = path, Line = line, Column = column };
        }
    }

    private static bool Unprintable(char ch) => JNode.IsUnprintable(ch);

    internal static string PropertyPath(string parent, string name)
    {
        foreach (var ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_')
            {
                return $"{parent}['{JNode.Shorten(name).Replace("'", "\\'", StringComparison.Ordinal)}']";
            }
        }

        return name.Length == 0 ? $"{parent}['']" : $"{parent}.{name}";
    }

    private void ReportMalformed(JsonException ex) => problems.Add(Malformed(ex, document, limits.MaxDepth));

    /// <summary>A syntax error of <see cref="Utf8JsonReader"/> as the project's problem, placed at its line and column.</summary>
    internal static Problem Malformed(JsonException ex, string document, int maxDepth)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return new Problem(ProblemCodes.TooDeep, document, "$", (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, $"nesting deeper than {maxDepth} levels");
        }

        var line = (int)(ex.LineNumber ?? 0) + 1;
        var column = (int)(ex.BytePositionInLine ?? 0) + 1;
        if (SyntaxErrors.Explain(message) is { } own)
        {
            return new Problem(ProblemCodes.MalformedJson, document, "$", line, column, $"not valid JSON at line {line}, column {column}: {own}");
        }

        // System.Text.Json quotes the offending input ("'tJane Doe...' is an invalid JSON literal"), line breaks
        // included: keep the message one line and never longer than a hint, and quote nothing but a single character.
        var literal = message.IndexOf("' is an invalid JSON literal. Expected the literal '", StringComparison.Ordinal);
        if (literal > 0 && message.StartsWith('\''))
        {
            message = "an invalid JSON literal; expected `" + message[(literal + 52)..].TrimEnd('.', '\'') + "`";
        }
        else if (message.StartsWith('\'') && message.IndexOf('\'', 1) is var end and > 0 && end > 8)
        {
            message = "the text" + message[(end + 1)..];
        }

        message = string.Concat(message.Select(ch => Unprintable(ch) ? ' ' : ch));
        if (message.Length > 200)
        {
            message = message[..197] + "...";
        }

        message = message.TrimEnd('.', ' ');
        if (message.Length > 0)
        {
            message = char.ToLowerInvariant(message[0]) + message[1..];
        }

        return new Problem(ProblemCodes.MalformedJson, document, "$", line, column, $"not valid JSON at line {line}, column {column}: {message}");
    }

    private (int Line, int Column) Position(long index)
    {
        lineStarts ??= ComputeLineStarts(utf8);
        var i = Array.BinarySearch(lineStarts, (int)Math.Min(index, int.MaxValue));
        if (i < 0)
        {
            i = ~i - 1;
        }

        return (i + 1, (int)(index - lineStarts[i]) + 1);
    }

    private static int[] ComputeLineStarts(ReadOnlySpan<byte> text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private void Add(string code, string path, int line, int column, string message) =>
        problems.Add(new Problem(code, document, path, line, column, message));
}
