using NodaTime;

namespace PolicyModel.Engine;

internal sealed class CompiledJurisdiction
{
    public required Jurisdiction Jurisdiction { get; init; }

    public required int Index { get; init; }

    /// <summary>Indices of the chain, outermost first, ending with this jurisdiction.</summary>
    public int[] Chain { get; set; } = [];

    public IReadOnlyList<JurisdictionId> ChainIds { get; set; } = [];

    /// <summary>Rules of the chain, most specific layer first, then catalogue order.</summary>
    public CompiledRule[] Rules { get; set; } = [];

    /// <summary>Presumptions of the chain, most specific layer first, then catalogue order.</summary>
    public CompiledPresumption[] Presumptions { get; set; } = [];

    /// <summary>Preemption declarations of the chain's jurisdictions.</summary>
    public CompiledPreemption[] Preemptions { get; set; } = [];

    /// <summary>The compiled decision tables (built after the chain's rules are known).</summary>
    public DecisionTables? Tables { get; set; }
}

internal sealed class CompiledRule
{
    public required Rule Rule { get; init; }

    public required int Index { get; init; }

    public required int JurisdictionIndex { get; init; }

    public required Predicate Predicate { get; init; }

    /// <summary>One predicate per top-level condition, to tell which condition did not hold.</summary>
    public required Predicate[] Parts { get; init; }

    public required IReadOnlySet<RequestField> Fields { get; init; }

    /// <summary>Rules that name this rule in their <c>excepts</c>.</summary>
    public List<CompiledRule> ExceptedBy { get; } = [];

    /// <summary>Rules this rule preempts by name.</summary>
    public List<CompiledRule> PreemptsRules { get; } = [];

    public bool InForce(LocalDate date, Respondent respondent) =>
        Rule.Binds.Contains(respondent) && Rule.Period.Contains(date);
}

internal sealed class CompiledPresumption
{
    public required Presumption Presumption { get; init; }

    public required int Index { get; init; }

    public required Predicate Predicate { get; init; }
}

internal sealed class CompiledPreemption
{
    public required Preemption Preemption { get; init; }

    public required int JurisdictionIndex { get; init; }

    public required Layer Level { get; init; }
}
