using BenchmarkDotNet.Attributes;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Benchmarks;

/// <summary>
/// What if and partial decisions on the contract's two Chicago examples, next to deciding the same request, on warm
/// tables (every cell computed in setup): the ICE administrative-warrant arrest of 2025-01-21, and the HSI criminal
/// immigration arrest of 2025-02-10 with the document not yet seen.
/// </summary>
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private PolicySet policies = null!;
    private AssistanceRequest arrest = null!;
    private AssistanceRequest documentUnseen = null!;
    private AssistanceRequest twoUnknown = null!;

    [GlobalSetup]
    public void Setup()
    {
        policies = BuiltInPolicies.Load();
        policies.Precompute();
        arrest = RequestJson.Parse("""
            { "id": "chi-2025-01-21-0001", "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00", "requester": "ice-ero",
              "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest", "authority": "administrative-warrant" }
            """);
        documentUnseen = RequestJson.Parse("""
            { "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-hsi",
              "purpose": "criminal-immigration-enforcement", "assistance": "stop-or-arrest", "unknown": ["authority"] }
            """);
        twoUnknown = documentUnseen with { Unknown = EnumSet<RequestField>.Of(RequestField.Authority, RequestField.Circumstances) };
        if (policies.WhatIf(arrest).Alternatives.Count == 0 || policies.DecidePartial(documentUnseen).Outcome != Outcome.Depends)
        {
            throw new InvalidOperationException("the examples no longer have alternatives or depend on their unknown facts");
        }
    }

    [Benchmark(Baseline = true, Description = "Decide (full decision)")]
    public Decision Decide() => policies.Decide(arrest);

    [Benchmark(Description = "WhatIf (up to 2 fields)")]
    public WhatIfResult WhatIf() => policies.WhatIf(arrest);

    [Benchmark(Description = "WhatIf (1 field)")]
    public WhatIfResult WhatIfSingle() => policies.WhatIf(arrest, new WhatIfOptions { MaxChangedFields = 1 });

    [Benchmark(Description = "DecidePartial (authority unknown)")]
    public Decision DecidePartial() => policies.DecidePartial(documentUnseen);

    [Benchmark(Description = "DecidePartial (authority, circumstances unknown)")]
    public Decision DecidePartialTwo() => policies.DecidePartial(twoUnknown);
}
