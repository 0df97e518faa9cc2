using System.Buffers;

namespace PolicyModel.Cli.Streaming;

/// <summary>
/// Up to <see cref="MaxRecords"/> consecutive records, copied out of the reader's buffer, decided together on one core.
/// A batch and its result are used again once written (<see cref="Reset"/>), so a long stream reuses a few buffers
/// instead of allocating (and clearing) new large ones for every thousand records.
/// </summary>
internal sealed class RequestBatch
{
    /// <summary>Most records in one batch: the unit of parallel work and of output.</summary>
    public const int MaxRecords = 1000;

    private byte[] data = new byte[64 * 1024];
    private int used;

    public RequestBatch(InputShape shape) => Shape = shape;

    /// <summary>Gets the input's shape when the batch was formed.</summary>
    public InputShape Shape { get; private set; }

    /// <summary>Gets the batch's result, made again for each use of the batch by <see cref="NewResult"/>.</summary>
    public BatchResult? Result { get; private set; }

    /// <summary>Empties the batch for records of an input of the given shape.</summary>
    public RequestBatch Reset(InputShape shape)
    {
        Shape = shape;
        Records.Clear();
        used = 0;
        return this;
    }

    /// <summary>A result for the batch's records, reusing the output buffer of the batch's previous result.</summary>
    public BatchResult NewResult() => Result = new BatchResult(this, Result?.TakeOutput());

    public List<(long Index, int Line, int Column, int Offset, int Length)> Records { get; } = new(MaxRecords);

    public int Count => Records.Count;

    public bool IsFull => Records.Count >= MaxRecords;

    public void Add(in JsonRecord record)
    {
        if (data.Length - used < record.Json.Length)
        {
            Array.Resize(ref data, Math.Max(data.Length * 2, used + record.Json.Length));
        }

        record.Json.Span.CopyTo(data.AsSpan(used));
        Records.Add((record.Index, record.Line, record.Column, used, record.Json.Length));
        used += record.Json.Length;
    }

    public ReadOnlySpan<byte> Json(int i) => data.AsSpan(Records[i].Offset, Records[i].Length);
}

/// <summary>What one batch produced: each record's output bytes (already framed for its place) or its problem.</summary>
internal sealed class BatchResult(RequestBatch batch, ArrayBufferWriter<byte>? reuse = null)
{
    private ArrayBufferWriter<byte> output = Reset(reuse);
    private readonly (int Start, int Length)[] items = new (int, int)[batch.Count];
    private readonly IReadOnlyList<Problem>?[] problems = new IReadOnlyList<Problem>?[batch.Count];
    private readonly bool[] placed = new bool[batch.Count];

    public RequestBatch Batch { get; } = batch;

    public int Count => items.Length;

    /// <summary>Gets the place where record outputs are written (<see cref="Complete"/> marks the end of one).</summary>
    public IBufferWriter<byte> Writer => output;

    public int Written => output.WrittenCount;

    public void Complete(int i, int start) => items[i] = (start, output.WrittenCount - start);

    /// <summary>Records a record's problem; <paramref name="placed"/> when it already names the record's place in the input.</summary>
    public void Fail(int i, Problem problem, bool placed = false) => Fail(i, [problem], placed);

    /// <summary>Records every problem of a record (a request can have several).</summary>
    public void Fail(int i, IReadOnlyList<Problem> all, bool placed)
    {
        problems[i] = all;
        this.placed[i] = placed;
    }

    public bool IsPlaced(int i) => placed[i];

    public IReadOnlyList<Problem>? ProblemsOf(int i) => problems[i];

    public ReadOnlySpan<byte> OutputOf(int i) => output.WrittenSpan.Slice(items[i].Start, items[i].Length);

    public int FirstProblem => Array.FindIndex(problems, p => p is not null);

    /// <summary>Hands the output buffer on to the batch's next result; this result is done with.</summary>
    public ArrayBufferWriter<byte> TakeOutput()
    {
        var taken = output;
        output = new ArrayBufferWriter<byte>(1);
        return taken;
    }

    private static ArrayBufferWriter<byte> Reset(ArrayBufferWriter<byte>? output)
    {
        if (output is null)
        {
            return new ArrayBufferWriter<byte>(64 * 1024);
        }

        output.ResetWrittenCount();
        return output;
    }
}
