using BenchmarkDotNet.Attributes;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Benchmarks;

/// <summary>Loading the built-in documents: read, parse and validate each, then compile the set.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private (string Name, string Json)[] texts = [];
    private PolicyDocument[] documents = [];

    [GlobalSetup]
    public void Setup()
    {
        texts = [.. BuiltInPolicies.DocumentNames.Select(n => (n, BuiltInPolicies.ReadText(n)))];
        documents = [.. texts.Select(t => PolicyDocument.Parse(t.Json, t.Name))];
    }

    /// <summary>Everything: read the embedded text, parse and validate every document, compile the set.</summary>
    [Benchmark(Baseline = true)]
    public PolicySet ParseValidateCompile() =>
        PolicySet.Compile(BuiltInPolicies.DocumentNames.Select(n => PolicyDocument.Parse(BuiltInPolicies.ReadText(n), n)));

    /// <summary>Parsing and validating the documents alone (text already read).</summary>
    [Benchmark]
    public PolicyDocument[] ParseValidate()
    {
        var parsed = new PolicyDocument[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            parsed[i] = PolicyDocument.Parse(texts[i].Json, texts[i].Name);
        }

        return parsed;
    }

    /// <summary>Compiling the already parsed documents alone.</summary>
    [Benchmark]
    public PolicySet Compile() => PolicySet.Compile(documents);

    /// <summary>Compile, then compute every decision table cell (optional; makes even first decisions allocation-free).</summary>
    [Benchmark]
    public int CompileAndPrecompute() => PolicySet.Compile(documents).Precompute();
}
