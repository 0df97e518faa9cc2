using System.Buffers;

namespace PolicyModel.Cli.Streaming;

/// <summary>Up to <see cref="MaxRecords"/> consecutive records, copied out of the reader's buffer, decided together on one core.</summary>
internal sealed class RequestBatch
{
    /// <summary>Most records in one batch: the unit of parallel work and of output.</summary>
    public const int MaxRecords = 1000;

    private byte[] data = new byte[64 * 1024];
    private int used;

    public RequestBatch(InputShape shape) => Shape = shape;

    /// <summary>Gets the input's shape when the batch was formed.</summary>
    public InputShape Shape { get; }

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
internal sealed class BatchResult(RequestBatch batch)
{
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);
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
}
