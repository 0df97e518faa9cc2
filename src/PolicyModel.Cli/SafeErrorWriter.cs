using System.Text;

namespace PolicyModel.Cli;

/// <summary>
/// Standard error that never fails the run: when it cannot be written (redirected to a full disk or a closed pipe) the
/// messages are dropped and the exit code still tells what happened. Without this, reporting an error could itself
/// abort the process.
/// </summary>
internal sealed class SafeErrorWriter(TextWriter inner) : TextWriter
{
    /// <summary>Gets whether a write to standard error failed.</summary>
    public bool Failed { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Try(() => inner.Write(value));

    public override void Write(string? value) => Try(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    public override void Flush() => Try(inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Try(inner.Dispose);
        }

        base.Dispose(disposing);
    }

    private void Try(Action write)
    {
        if (Failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (IOException)
        {
            Failed = true;
        }
    }
}
