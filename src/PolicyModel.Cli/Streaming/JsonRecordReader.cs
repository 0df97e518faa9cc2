using System.Text.Json;

namespace PolicyModel.Cli.Streaming;

/// <summary>How the records of an input are laid out: detected, one JSON value (an object or an array of them), or JSON Lines.</summary>
internal enum InputFormat
{
    /// <summary>Detected: an array when the input starts with <c>[</c>; one object when a single value; JSON Lines when several.</summary>
    Auto,

    /// <summary>One JSON value: an object (one record) or an array (one record per element).</summary>
    Json,

    /// <summary>JSON Lines: one JSON object per line (blank lines are skipped).</summary>
    JsonLines,
}

/// <summary>The shape the input turned out to have (so output can mirror it: one object for one, an array for many).</summary>
internal enum InputShape
{
    /// <summary>Not known yet.</summary>
    Unknown,

    /// <summary>A single object.</summary>
    Single,

    /// <summary>An array of records.</summary>
    Array,

    /// <summary>Several top-level values (JSON Lines).</summary>
    Lines,
}

/// <summary>One record of an input: its bytes, its place (index, line and column of its first byte) and whether more follow.</summary>
/// <param name="Index">The record's position, from 0.</param>
/// <param name="Line">The line of its first byte, from 1.</param>
/// <param name="Column">The column (in bytes) of its first byte, from 1.</param>
/// <param name="Json">The record's UTF-8 JSON text; valid only until the next read.</param>
internal readonly record struct JsonRecord(long Index, int Line, int Column, ReadOnlyMemory<byte> Json);

/// <summary>The input is not JSON at this point; reading cannot go on past it in an array (it can, at the next line, in JSON Lines).</summary>
internal sealed class JsonRecordException(string message, int line, int column, long index) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>Gets the index of the record being read when the error was found.</summary>
    public long Index { get; } = index;
}

/// <summary>
/// Reads the records of a JSON input as a stream, one at a time, in memory bounded by the largest record: a JSON array
/// (each element a record), a single object, or JSON Lines. Only the record boundaries are found here (with
/// <see cref="Utf8JsonReader"/>); what a record means is the caller's business (requests for <c>decide</c> and
/// <c>explain</c>, log entries for <c>replay</c>). Syntax errors name line and column. One optional UTF-8 byte-order
/// mark is skipped at the start.
/// </summary>
internal sealed class JsonRecordReader
{
    private const int ReadSize = 1 << 20;

    private readonly Stream stream;
    private readonly InputFormat format;
    private readonly int maxRecordBytes;
    private byte[] buffer = new byte[ReadSize];
    private int start;
    private int end;
    private bool eof;
    private bool started;
    private bool arrayDone;
    private long index;

    // Line counting: every byte before `counted` (absolute offset) has been looked at.
    private long bufferOffset;
    private long counted;
    private int line = 1;
    private long lineStart;

    /// <summary>Creates a reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">Its layout, or <see cref="InputFormat.Auto"/> to detect it.</param>
    /// <param name="maxRecordBytes">The largest record accepted.</param>
    public JsonRecordReader(Stream stream, InputFormat format, int maxRecordBytes = 16 << 20)
    {
        this.stream = stream;
        this.format = format;
        this.maxRecordBytes = maxRecordBytes;
    }

    /// <summary>Gets the input's shape, known once the first record was read (<see cref="InputShape.Single"/> vs <see cref="InputShape.Lines"/> once the second is looked for).</summary>
    public InputShape Shape { get; private set; }

    /// <summary>Gets how many bytes were read from the input so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Gets or sets what to do just before the reader waits for more input (after the first read): a pipeline hands on the records it holds.</summary>
    public Action? BeforeRead { get; set; }

    /// <summary>Reads the next record; false at the end of the input.</summary>
    /// <exception cref="JsonRecordException">The input is not valid here (syntax, layout, a record too large, an empty input).</exception>
    public bool TryRead(out JsonRecord record)
    {
        record = default;
        if (!started)
        {
            Start();
        }

        if (Shape == InputShape.Array)
        {
            if (arrayDone || !NextArrayElement())
            {
                return false;
            }
        }
        else
        {
            SkipWhitespace();
            if (start >= end)
            {
                return false;
            }
        }

        var length = Shape == InputShape.Lines && index > 0 ? LineValueLength() : ValueLength();
        var (l, c) = Position(bufferOffset + start);
        record = new JsonRecord(index, l, c, buffer.AsMemory(start, length));
        start += length;
        index++;
        if (Shape == InputShape.Single)
        {
            // One value alone is one object; a second value makes the input JSON Lines. Looking ahead may read more
            // input (moving the buffer), so the first record is copied out first.
            record = record with { Json = record.Json.ToArray() };
            SkipWhitespace();
            if (start < end)
            {
                if (format == InputFormat.Json)
                {
                    throw Error("more JSON after the end of the first value: give one object or an array (or --input-format jsonl)", start);
                }

                Shape = InputShape.Lines;
            }
        }

        return true;
    }

    /// <summary>After a syntax error in JSON Lines, skips to the start of the next line so reading can go on.</summary>
    /// <returns>Whether reading can go on (false in an array, where the rest cannot be found).</returns>
    public bool SkipToNextLine()
    {
        if (Shape == InputShape.Array)
        {
            return false;
        }

        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                start += newline + 1;
                index++;
                return true;
            }

            start = end;
            if (!Fill())
            {
                return false;
            }
        }
    }

    private void Start()
    {
        started = true;
        Fill();
        if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
        {
            start += 3;
            counted = 3;
            lineStart = 3;
        }

        SkipWhitespace();
        if (start >= end)
        {
            throw Error("the input is empty: expected a request object, an array of them or JSON Lines", start);
        }

        if (buffer[start] == (byte)'[' && format != InputFormat.JsonLines)
        {
            Shape = InputShape.Array;
            start++;
        }
        else if (buffer[start] != (byte)'{')
        {
            throw Error(format == InputFormat.JsonLines ? "expected a JSON object on each line" : "expected a request object, an array of them or JSON Lines", start);
        }
        else
        {
            Shape = format == InputFormat.JsonLines ? InputShape.Lines : InputShape.Single;
        }
    }

    /// <summary>Moves to the next element of the array: false after the closing bracket (only whitespace may follow it).</summary>
    private bool NextArrayElement()
    {
        SkipWhitespace();
        if (start >= end)
        {
            throw Error("the array is not closed: expected `]`", start);
        }

        if (index > 0)
        {
            if (buffer[start] == (byte)']')
            {
                return CloseArray();
            }

            if (buffer[start] != (byte)',')
            {
                throw Error("expected `,` or `]` after an array element", start);
            }

            start++;
            SkipWhitespace();
            if (start >= end)
            {
                throw Error("the array is not closed: expected `]`", start);
            }
        }
        else if (buffer[start] == (byte)']')
        {
            return CloseArray();
        }

        return true;
    }

    private bool CloseArray()
    {
        start++;
        arrayDone = true;
        SkipWhitespace();
        if (start < end)
        {
            throw Error("more JSON after the end of the array", start);
        }

        return false;
    }

    /// <summary>The length of the JSON value starting at <see cref="start"/>, reading more input until it is complete.</summary>
    private int ValueLength()
    {
        while (true)
        {
            var span = buffer.AsSpan(start, end - start);
            var reader = new Utf8JsonReader(span, isFinalBlock: eof, new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 }));
            try
            {
                if (reader.Read() && reader.TrySkip())
                {
                    if (Shape != InputShape.Array && reader.TokenType != JsonTokenType.EndObject)
                    {
                        throw Error(format == InputFormat.JsonLines ? "expected a JSON object on each line" : "expected a request object", start);
                    }

                    return (int)reader.BytesConsumed;
                }
            }
            catch (JsonException ex)
            {
                var (l, c) = Position(bufferOffset + start);
                var errorLine = l + (int)(ex.LineNumber ?? 0);
                var errorColumn = (ex.LineNumber is null or 0 ? c : 1) + (int)(ex.BytePositionInLine ?? 0);
                throw new JsonRecordException($"not valid JSON at line {errorLine}, column {errorColumn}: {Describe(ex)}", errorLine, errorColumn, index);
            }

            if (eof)
            {
                throw Error("the JSON ends in the middle of a value", end);
            }

            if (end - start >= maxRecordBytes)
            {
                throw Error($"a record is larger than {maxRecordBytes / (1 << 20)} MB", start);
            }

            Fill();
        }
    }

    /// <summary>
    /// In JSON Lines a record ends with its line: the value starting at <see cref="start"/> must end on it, alone, so a
    /// broken line cannot swallow the next one.
    /// </summary>
    private int LineValueLength()
    {
        int newline;
        while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) < 0 && !eof)
        {
            if (end - start >= maxRecordBytes)
            {
                throw Error($"a record is larger than {maxRecordBytes / (1 << 20)} MB", start);
            }

            Fill();
        }

        var lineLength = newline < 0 ? end - start : newline;
        var reader = new Utf8JsonReader(buffer.AsSpan(start, lineLength), isFinalBlock: true, new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 }));
        try
        {
            reader.Read();
            reader.Skip();
        }
        catch (JsonException ex)
        {
            var (l, c) = Position(bufferOffset + start);
            var column = c + (int)(ex.BytePositionInLine ?? 0);
            throw new JsonRecordException($"not valid JSON at line {l}, column {column}: {Describe(ex)}", l, column, index);
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw Error("expected a JSON object on each line", start);
        }

        var length = (int)reader.BytesConsumed;
        if (buffer.AsSpan(start + length, lineLength - length).IndexOfAnyExcept(" \t\r"u8) is >= 0 and var extra)
        {
            throw Error("more than one JSON value on a line", start + length + extra);
        }

        return length;
    }

    private static string Describe(JsonException ex)
    {
        // The reader's message ends with its own "LineNumber: ... | BytePositionInLine: ..."; the position is given in our form.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            while (start < end && buffer[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                start++;
            }

            if (start < end || !Fill())
            {
                return;
            }
        }
    }

    /// <summary>Reads more input after what is buffered (moving the unread part to the front); false at the end.</summary>
    private bool Fill()
    {
        if (eof)
        {
            return false;
        }

        CountLines(bufferOffset + start);
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }

        if (buffer.Length - end < ReadSize / 2)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, end + ReadSize));
        }

        if (BytesRead > 0)
        {
            BeforeRead?.Invoke();
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
            return false;
        }

        end += read;
        BytesRead += read;
        return true;
    }

    /// <summary>Counts the lines of every byte before <paramref name="position"/> (absolute), which must still be buffered or already counted.</summary>
    private void CountLines(long position)
    {
        if (position <= counted)
        {
            return;
        }

        var span = buffer.AsSpan((int)(counted - bufferOffset), (int)(position - counted));
        var newlines = span.Count((byte)'\n');
        if (newlines > 0)
        {
            line += newlines;
            lineStart = counted + span.LastIndexOf((byte)'\n') + 1;
        }

        counted = position;
    }

    private (int Line, int Column) Position(long position)
    {
        CountLines(position);
        return (line, (int)(position - lineStart) + 1);
    }

    private JsonRecordException Error(string message, int at)
    {
        var (l, c) = Position(bufferOffset + at);
        return new JsonRecordException(message, l, c, index);
    }
}
