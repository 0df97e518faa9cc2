using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Benchmarks;

/// <summary>
/// The streaming path per record, as the tool and the batch endpoint run it: reading one request line (the plain
/// fast lane against the strict tree reader it falls back on) and writing one decision as compact JSON (from the
/// compact decision's precomputed pieces against materialising the decision and serialising it).
/// Run: <c>dotnet run -c Release --project benchmarks/PolicyModel.Benchmarks -- --filter '*JsonBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks : IDisposable
{
    private const string Line = """{"id":"r123456","jurisdiction":"us-il-chicago","receivedAt":"2025-01-21T06:40:00-06:00","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"administrative-warrant"}""";

    private readonly byte[] line = Encoding.UTF8.GetBytes(Line);
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);
    private Utf8JsonWriter writer = null!;
    private CompactDecision decision;

    [GlobalSetup]
    public void Setup()
    {
        var set = BuiltInPolicies.Load();
        decision = set.DecideCompact(RequestJson.ReadAll(line, "bench", out _)[0]);
        writer = new Utf8JsonWriter(output);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        writer?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public AssistanceRequest ReadRequestLine() => RequestJson.ReadAll(line, "bench", out _)[0];

    [Benchmark]
    public AssistanceRequest ReadRequestLineStrict() => RequestJson.ReadStrict(line, "bench", out _)[0];

    [Benchmark]
    public int WriteCompactDecision()
    {
        output.ResetWrittenCount();
        DecisionJson.Write(output, decision);
        return output.WrittenCount;
    }

    [Benchmark]
    public int WriteMaterialisedDecision()
    {
        output.ResetWrittenCount();
        writer.Reset();
        DecisionJson.Write(writer, decision.ToDecision());
        writer.Flush();
        return output.WrittenCount;
    }
}
