using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Ardalis.GuardClauses;

namespace PolicyModel.Inputs;

/// <summary>An input refused while it was being read (not UTF-8, over its cap, unreadable): the problem says why.</summary>
internal sealed class InputRefusedException(Problem problem) : Exception(problem.Message)
{
    public Problem Problem { get; } = problem;
}

/// <summary>
/// The checks of <see cref="InputFiles.TryRead(Stream, string, int, out byte[], out Problem)"/> made while a large
/// input is read as a stream, for readers that never hold the whole input: no UTF-16 or UTF-32 byte order mark, one
/// optional UTF-8 byte order mark (skipped), valid UTF-8 throughout (checked chunk by chunk, a sequence split
/// between chunks carried over), and at most a cap of bytes (counted as they come, so a file that grows while it is
/// read is still stopped). A failed check throws <see cref="InputRefusedException"/> from <see cref="Read(Span{byte})"/>.
/// </summary>
internal sealed class CheckedInputStream(Stream inner, string name, long maxBytes) : ForwardReadOnlyStream
{
    private readonly char[] scratch = new char[16 * 1024];
    private readonly byte[] carry = new byte[4];
    private int carried;
    private long total;
    private bool started;
    private int line = 1;
    private long lineStart;

    public override bool CanRead => true;

    protected override long Consumed => total;

    public override int Read(Span<byte> buffer)
    {
        Guard.Against.OutOfRange(buffer.Length, nameof(buffer), 8, int.MaxValue, "read at least 8 bytes at a time");

        int read;
        try
        {
            if (!started)
            {
                started = true;
                read = Start(buffer);
            }
            else
            {
                read = inner.Read(buffer);
                total += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InputRefusedException(new Problem(ProblemCodes.FileUnreadable, name, "$", null, null, $"the file cannot be read: {Json.JNode.Shorten(e.Message)}"));
        }

        if (total > maxBytes)
        {
            throw new InputRefusedException(new Problem(ProblemCodes.TooLarge, name, "$", null, null,
                string.Create(CultureInfo.InvariantCulture, $"the input is larger than {(maxBytes % (1 << 20) == 0 ? $"{maxBytes >> 20} MiB" : $"{maxBytes:N0} bytes")}")));
        }

        Check(buffer[..read], final: read == 0);
        return read;
    }

    /// <summary>The first bytes: refuse UTF-16/32, skip one UTF-8 byte order mark, refuse a second.</summary>
    private int Start(Span<byte> buffer)
    {
        var length = 0;
        while (length < 8)
        {
            var n = inner.Read(buffer[length..]);
            if (n == 0)
            {
                break;
            }

            length += n;
        }

        total = length;
        var head = buffer[..length];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new InputRefusedException(new Problem(ProblemCodes.MalformedJson, name, "$", 1, 1, "the text is UTF-16 or UTF-32 (it starts with such a byte order mark); save it as UTF-8"));
        }

        if (head.StartsWith("\uFEFF"u8))
        {
            if (head[3..].StartsWith("\uFEFF"u8))
            {
                throw new InputRefusedException(new Problem(ProblemCodes.MalformedJson, name, "$", 1, 1, "the text starts with two byte order marks; at most one is allowed"));
            }

            head[3..].CopyTo(buffer);
            return length - 3;
        }

        return length;
    }

    /// <summary>Checks that the bytes continue valid UTF-8, counting lines so that a bad byte is placed.</summary>
    private void Check(ReadOnlySpan<byte> bytes, bool final)
    {
        var at = 0;
        if (carried > 0)
        {
            // Complete the sequence split at the end of the last chunk.
            var take = Math.Min(bytes.Length, 4 - carried);
            Span<byte> joined = stackalloc byte[8];
            carry.AsSpan(0, carried).CopyTo(joined);
            bytes[..take].CopyTo(joined[carried..]);
            var status = Rune.DecodeFromUtf8(joined[..(carried + take)], out _, out var consumed);
            if (status == OperationStatus.NeedMoreData && !final && take == bytes.Length)
            {
                bytes[..take].CopyTo(carry.AsSpan(carried));
                carried += take;
                return;
            }

            if (status != OperationStatus.Done)
            {
                Refuse(total - bytes.Length - carried);
            }

            at = consumed - carried;
            carried = 0;
        }

        var rest = bytes[at..];
        while (!rest.IsEmpty)
        {
            var status = Utf8.ToUtf16(rest, scratch, out var used, out _, replaceInvalidSequences: false, isFinalBlock: final);
            CountLines(rest[..used], total - bytes.Length + at);
            at += used;
            rest = rest[used..];
            if (status == OperationStatus.NeedMoreData)
            {
                rest.CopyTo(carry);
                carried = rest.Length;
                return;
            }

            if (status == OperationStatus.InvalidData)
            {
                Refuse(total - bytes.Length + at);
            }
        }

        if (final && carried > 0)
        {
            Refuse(total - carried);
        }
    }

    private void CountLines(ReadOnlySpan<byte> bytes, long offset)
    {
        var newline = bytes.LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            line += bytes.Count((byte)'\n');
            lineStart = offset + newline + 1;
        }
    }

    private void Refuse(long offset) =>
        throw new InputRefusedException(new Problem(ProblemCodes.MalformedJson, name, "$", line, (int)Math.Min(int.MaxValue, offset - lineStart + 1),
            string.Create(CultureInfo.InvariantCulture, $"the text is not valid UTF-8 (byte {offset:N0} cannot be decoded)")));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
