using System.Text;
using System.Threading.Channels;
using Ardalis.GuardClauses;

namespace PolicyModel.Server;

/// <summary>
/// A decision log in a file: one JSON line per decision (<see cref="DecisionRecordJson"/>), appended. Recording
/// queues the record and returns; one background writer appends the lines in the order they were queued and
/// flushes whenever the queue runs empty. When the queue is full, recording waits rather than lose a record.
/// Disposing writes every queued record and closes the file.
/// </summary>
public sealed class JsonLinesDecisionLog : IDecisionLog, IAsyncDisposable, IDisposable
{
    private const int QueueCapacity = 65_536;

    private readonly Channel<DecisionRecord> queue = Channel.CreateBounded<DecisionRecord>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly StreamWriter writer;
    private readonly Task writing;

    /// <summary>Opens (or creates) the file for appending.</summary>
    /// <param name="path">The log file.</param>
    public JsonLinesDecisionLog(string path)
    {
        Guard.Against.NullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        writing = Task.Run(WriteAsync);
    }

    /// <summary>The full path of the log file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public void Record(DecisionRecord record)
    {
        Guard.Against.Null(record);
        if (!queue.Writer.TryWrite(record))
        {
            // The queue is full: wait for the writer rather than drop a record.
            queue.Writer.WriteAsync(record).AsTask().GetAwaiter().GetResult();
        }
    }

    private async Task WriteAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var record))
            {
                await writer.WriteLineAsync(DecisionRecordJson.Serialize(record)).ConfigureAwait(false);
            }

            await writer.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (queue.Writer.TryComplete())
        {
            await writing.ConfigureAwait(false);
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
