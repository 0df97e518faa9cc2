using System.Text;

namespace PolicyModel.Cli.Streaming;

/// <summary>
/// Standard output as bytes: straight to the process's output stream (buffered) when there is one, else through the
/// text writer (in-process runs). Remembers a failed write (a closed pipe, a full disk) so the caller can tell it from
/// other I/O errors.
/// </summary>
internal sealed class OutputSink(CliConsole console)
{
    private readonly BufferedStream? stream = console.OutStream is { } s ? new BufferedStream(s, 256 * 1024) : null;
    private bool textFlushed;

    /// <summary>Gets whether writing to standard output failed.</summary>
    public bool Failed { get; private set; }

    public void Write(ReadOnlySpan<byte> utf8)
    {
        try
        {
            if (stream is null)
            {
                console.Out.Write(Encoding.UTF8.GetString(utf8));
                return;
            }

            if (!textFlushed)
            {
                // Anything written as text before goes out first.
                console.Out.Flush();
                textFlushed = true;
            }

            stream.Write(utf8);
        }
        catch (IOException)
        {
            Failed = true;
            throw;
        }
    }

    public void Flush()
    {
        try
        {
            stream?.Flush();
            console.Out.Flush();
        }
        catch (IOException)
        {
            Failed = true;
            throw;
        }
    }
}
