using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PolicyModel.Cli.Streaming;

/// <summary>How records are written: readable text, JSON (one object for one request, an array for several) or JSON Lines.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    JsonLines,
}

/// <summary>What an invalid record does: stop the run, or go on with the rest and exit 2 at the end.</summary>
internal enum ErrorMode
{
    Stop,
    Continue,
}

/// <summary>The settings of one streaming run.</summary>
internal sealed record StreamSettings(InputFormat Input, OutputFormat Output, ErrorMode OnError, bool Indented);

/// <summary>Decides (or explains) one batch of parsed requests into the batch's result, record by record.</summary>
internal abstract class BatchRenderer
{
    /// <summary>Renders each valid request (<c>requests[i]</c> not null) into <paramref name="result"/>, or records its problem.</summary>
    public abstract void Render(AssistanceRequest?[] requests, BatchResult result, StreamSettings settings);

    /// <summary>Writes one item as framed text: UTF-8, indented by two spaces inside an array when JSON is indented.</summary>
    protected static void WriteItem(BatchResult result, int i, ReadOnlySpan<byte> utf8, bool reindent)
    {
        var start = result.Written;
        if (!reindent)
        {
            result.Writer.Write(utf8);
        }
        else
        {
            // JSON strings hold no raw newline, so every newline is layout: indent the item one level, as inside an array.
            while (true)
            {
                var newline = utf8.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    result.Writer.Write(utf8);
                    break;
                }

                result.Writer.Write(utf8[..(newline + 1)]);
                result.Writer.Write("  "u8);
                utf8 = utf8[(newline + 1)..];
            }
        }

        result.Complete(i, start);
    }
}

/// <summary>
/// Reads requests as a stream (a JSON array, one object, or JSON Lines), decides them in batches on all cores and writes
/// each batch's output in input order as soon as it and the batches before it are done, in memory bounded by the
/// batches in flight whatever the input's size. An invalid record is reported with its line and JSON path; with
/// <see cref="ErrorMode.Stop"/> nothing of its batch or after it is written, with <see cref="ErrorMode.Continue"/> every
/// other record is decided and the exit code is 2. Output already written is never lost: a JSON array is closed.
/// </summary>
internal sealed class RequestStream(CommandContext context, StreamSettings settings, BatchRenderer renderer)
{
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);

    private readonly OutputSink sink = new(context.Console);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool progress = context.Console.ErrorIsTerminal && !context.Console.OutIsTerminal;
    private long written;
    private JsonRecordReader? reader;
    private long invalid;
    private bool opened;
    private bool stopped;
    private long lastProgress;
    private string name = "<stdin>";
    private long? inputLength;

    /// <summary>Runs over the input named <paramref name="input"/> (<c>-</c> for standard input).</summary>
    /// <returns>The exit code.</returns>
    public int Run(string input)
    {
        name = input == "-" ? "<stdin>" : input;
        using var stream = Open(input);
        if (stream is null)
        {
            return ExitCodes.InvalidInput;
        }

        try
        {
            // Input from a pipe or a terminal is decided as it arrives; a file is read in full batches.
            return Pump(stream, cutOnPause: input == "-" && !IsRegularFile(stream));
        }
        catch (IOException ex) when (sink.Failed)
        {
            context.Stderr.WriteLine($"error: standard output could not be written after {written.ToString("N0", CultureInfo.InvariantCulture)} record(s) ({ex.Message}); the rest were not written");
            return ExitCodes.Failure;
        }
        finally
        {
            ClearProgress();
        }
    }

    private int Pump(Stream stream, bool cutOnPause)
    {
        var reader = new JsonRecordReader(stream, settings.Input);
        var pending = new Queue<Task<BatchResult>>();
        var spare = new Stack<RequestBatch>();
        var maxInFlight = Math.Max(2, Environment.ProcessorCount * 2);
        RequestBatch? batch = null;
        long records = 0;
        this.reader = reader;

        // A record that cannot be read stops the run (unless JSON Lines can go on at the next line). With --on-error
        // stop, the records of the unfinished batch before it are not written, as for any bad record.
        void Fatal(Problem problem, bool canGoOn)
        {
            if (settings.OnError == ErrorMode.Stop)
            {
                batch = null;
            }

            Hand(drain: true);
            if (!stopped)
            {
                Report(problem);
                stopped = settings.OnError == ErrorMode.Stop || !canGoOn;
            }
        }

        void Hand(bool drain)
        {
            if (batch is { Count: > 0 })
            {
                var b = batch;
                // A lone batch (a small input) is decided right here; otherwise batches run on the pool, on all cores.
                pending.Enqueue(drain && pending.Count == 0 ? Task.FromResult(Process(b)) : Task.Run(() => Process(b)));
            }

            batch = null;
            while (!stopped && pending.Count > 0 && (drain || pending.Count > maxInFlight || pending.Peek().IsCompleted))
            {
                var result = pending.Dequeue().Result;
                Write(result);
                spare.Push(result.Batch);
            }
        }

        if (cutOnPause)
        {
            // Input from a pipe or terminal: whatever was read is decided and written before waiting for more.
            reader.BeforeRead = () => Hand(drain: true);
        }

        while (!stopped)
        {
            JsonRecord record;
            try
            {
                if (!reader.TryRead(out record))
                {
                    break;
                }
            }
            catch (JsonRecordException ex)
            {
                var path = reader.Shape == InputShape.Array ? $"$[{ex.Index.ToString(CultureInfo.InvariantCulture)}]" : "$";
                Fatal(new Problem(ProblemCodes.MalformedJson, name, path, ex.Line, ex.Column, ex.Message), canGoOn: true);
                if (!stopped && !reader.SkipToNextLine())
                {
                    break;
                }

                continue;
            }

            if (record.Index >= RequestJson.MaxRequests)
            {
                var path = reader.Shape == InputShape.Array ? $"$[{record.Index.ToString(CultureInfo.InvariantCulture)}]" : "$";
                Fatal(new Problem(ProblemCodes.LimitExceeded, name, path, record.Line, record.Column,
                    $"more than {RequestJson.MaxRequests.ToString("N0", CultureInfo.InvariantCulture)} requests in one input"), canGoOn: false);
                break;
            }

            records++;
            batch ??= spare.TryPop(out var reused) ? reused.Reset(reader.Shape) : new RequestBatch(reader.Shape);
            batch.Add(record);
            if (batch.IsFull)
            {
                Hand(drain: false);
            }
        }

        if (!stopped)
        {
            Hand(drain: true);
        }

        while (pending.Count > 0)
        {
            // After a stop, the batches in flight are finished (they run on the pool) but not written.
            pending.Dequeue().Wait();
        }

        if (records == 0 && invalid == 0)
        {
            context.Stderr.WriteLine($"{UntrustedText.Escape(name)}: error: the input holds no request (an empty array)");
            return ExitCodes.InvalidInput;
        }

        if (!stopped || opened)
        {
            Close(reader.Shape);
        }
        if (invalid > 0 && settings.OnError == ErrorMode.Continue)
        {
            context.Stderr.WriteLine($"error: {invalid.ToString("N0", CultureInfo.InvariantCulture)} invalid record(s) in {UntrustedText.Escape(name)}; {written.ToString("N0", CultureInfo.InvariantCulture)} decided and written");
        }

        return invalid > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    private BatchResult Process(RequestBatch batch)
    {
        var result = batch.NewResult();
        var requests = new AssistanceRequest?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (index, line, column, _, _) = batch.Records[i];
            if (!RequestJson.TryReadAll(batch.Json(i), name, out var read, out var wasArray, out var problems))
            {
                result.Fail(i, [.. problems.Select(p => Place(p, batch, index, line, column))], placed: true);
            }
            else if (wasArray || read.Count != 1)
            {
                result.Fail(i, new Problem(ProblemCodes.WrongType, name, RecordPath(batch, index, "$"), line, column, "expected a request object"), placed: true);
            }
            else
            {
                requests[i] = read[0];
            }
        }

        renderer.Render(requests, result, settings);
        for (var i = 0; i < batch.Count; i++)
        {
            if (result.ProblemsOf(i) is { } found && !result.IsPlaced(i))
            {
                // A problem found when deciding (an unknown jurisdiction) names the record's place.
                var (index, line, column, _, _) = batch.Records[i];
                result.Fail(i, [.. found.Select(p => Place(p, batch, index, line, column))], placed: true);
            }
        }

        return result;
    }

    /// <summary>A record's problem placed in the input: the record's line and column, and its path within the array.</summary>
    private Problem Place(Problem problem, RequestBatch batch, long index, int line, int column) => problem with
    {
        Document = name,
        Path = RecordPath(batch, index, problem.Path),
        Line = problem.Line is { } l ? line + l - 1 : line,
        Column = problem.Line is 1 or null ? column + (problem.Column ?? 1) - 1 : problem.Column,
    };

    private static string RecordPath(RequestBatch batch, long index, string path) =>
        batch.Shape == InputShape.Array ? $"$[{index.ToString(CultureInfo.InvariantCulture)}]{path[1..]}" : path;

    private void Write(BatchResult result)
    {
        var firstProblem = result.FirstProblem;
        if (firstProblem >= 0 && settings.OnError == ErrorMode.Stop)
        {
            // Nothing of a batch with a bad record is written, nor anything after it.
            Report(result.ProblemsOf(firstProblem)!);
            stopped = true;
            return;
        }

        for (var i = 0; i < result.Count; i++)
        {
            if (result.ProblemsOf(i) is { } problems)
            {
                Report(problems);
                continue;
            }

            Frame(result.Batch.Shape);
            sink.Write(result.OutputOf(i));
            if (settings.Output == OutputFormat.JsonLines)
            {
                sink.Write(NewLine);
            }

            written++;
        }

        sink.Flush();
        ShowProgress();
    }

    /// <summary>Writes what goes before an item: the array's opening bracket or a separator.</summary>
    private void Frame(InputShape shape)
    {
        var first = !opened;
        opened = true;
        switch (settings.Output)
        {
            case OutputFormat.Json when shape is InputShape.Array or InputShape.Lines:
                sink.Write(first ? (settings.Indented ? "[\n  "u8 : "["u8) : (settings.Indented ? ",\n  "u8 : ","u8));
                break;
            case OutputFormat.Text when !first:
                sink.Write(NewLine);
                break;
            default:
                break;
        }
    }

    /// <summary>Ends the output: closes a JSON array (also one cut short by a stop, so what was written stays valid JSON).</summary>
    private void Close(InputShape shape)
    {
        if (settings.Output == OutputFormat.Json && shape == InputShape.Single && opened)
        {
            sink.Write(NewLine);
        }
        else if (settings.Output == OutputFormat.Json && shape is InputShape.Array or InputShape.Lines)
        {
            if (!opened && invalid > 0 && settings.OnError == ErrorMode.Stop)
            {
                return;
            }

            sink.Write(!opened ? "[]"u8 : settings.Indented ? "\n]"u8 : "]"u8);
            sink.Write(NewLine);
        }

        sink.Flush();
    }

    /// <summary>Reports one invalid record: each of its problems, a line each.</summary>
    private void Report(params IReadOnlyList<Problem> problems)
    {
        invalid++;
        ClearProgress();
        foreach (var problem in problems)
        {
            context.Stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
        }
    }

    private Stream? Open(string input)
    {
        try
        {
            if (input == "-")
            {
                return context.Console.InStream ?? ReadAllText(context.Stdin);
            }

            // The library's one way to open an input file: regular files only (a FIFO or a device is refused before it
            // is opened); the stream reader caps each record itself and the request reader checks the UTF-8.
            if (!InputFiles.TryOpen(input, out var file, out var problem))
            {
                context.Stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
                return null;
            }

            inputLength = new FileInfo(input).Length;
            return file;
        }
        catch (System.Text.DecoderFallbackException)
        {
            context.Stderr.WriteLine(new Problem(ProblemCodes.MalformedJson, name, "$", null, null, "the text is not valid UTF-8"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Stderr.WriteLine($"{UntrustedText.Escape(name)}: error: cannot read the request file: {UntrustedText.Escape(ex.Message)}");
            return null;
        }
    }

    /// <summary>In-process runs pass standard input as text: it is read whole (strictly, as the reader was made) and encoded.</summary>
    private static MemoryStream ReadAllText(TextReader reader) => new(new UTF8Encoding(false).GetBytes(reader.ReadToEnd()));

    private static bool IsRegularFile(Stream stream) => stream is FileStream { CanSeek: true } or MemoryStream;

    private void ShowProgress()
    {
        if (!progress || clock.ElapsedMilliseconds - lastProgress < 250 || clock.ElapsedMilliseconds < 1000)
        {
            return;
        }

        lastProgress = clock.ElapsedMilliseconds;
        var rate = written / clock.Elapsed.TotalSeconds;
        var text = $"{written.ToString("N0", CultureInfo.InvariantCulture)} records, {rate.ToString("N0", CultureInfo.InvariantCulture)}/s";
        if (inputLength is > 0 and { } length && reader is not null)
        {
            text += $", {(100.0 * reader.BytesRead / length).ToString("F0", CultureInfo.InvariantCulture)}% of the input read";
        }

        context.Stderr.Write($"\r{text}\u001b[K");
    }

    private void ClearProgress()
    {
        if (progress && lastProgress > 0)
        {
            context.Stderr.Write("\r\u001b[K");
            lastProgress = 0;
        }
    }
}
