using System.Text;

namespace PolicyModel.Cli;

/// <summary>
/// Readable standard output wrapped to a width: each line is held until it ends and written through
/// <see cref="TextWrap.Wrap"/>. Lines that fit (tables, which wrap their own cells) pass unchanged.
/// </summary>
internal sealed class WrappingWriter(TextWriter inner, int width) : TextWriter
{
    private readonly StringBuilder line = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            inner.Write(TextWrap.Wrap(line.ToString(), width));
            inner.Write('\n');
            line.Clear();
            return;
        }

        line.Append(value);
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        var start = 0;
        int end;
        while ((end = value.IndexOf('\n', start)) >= 0)
        {
            line.Append(value, start, end - start);
            Write('\n');
            start = end + 1;
        }

        line.Append(value, start, value.Length - start);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override void WriteLine() => Write(CoreNewLine);

    /// <summary>Writes a line held so far (unfinished) and flushes.</summary>
    public override void Flush()
    {
        WritePending();
        inner.Flush();
    }

    /// <summary>Writes a line held so far (unfinished) without flushing the inner writer.</summary>
    public void WritePending()
    {
        if (line.Length > 0)
        {
            inner.Write(TextWrap.Wrap(line.ToString(), width));
            line.Clear();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            WritePending(); // the inner writer is the caller's
        }

        base.Dispose(disposing);
    }
}
