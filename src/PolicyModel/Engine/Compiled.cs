using NodaTime;
using NodaTime.TimeZones;

namespace PolicyModel.Engine;

internal sealed class CompiledJurisdiction
{
    private ZoneInterval? lastInterval;

    public required Jurisdiction Jurisdiction { get; init; }

    /// <summary>
    /// The local date of an instant in this jurisdiction's zone (docs/semantics.md, section 3). The zone interval of the last call is
    /// kept (an immutable NodaTime object; a race only costs a lookup), since successive requests nearly always
    /// fall in the same interval between two daylight-saving transitions.
    /// </summary>
    public LocalDate LocalDateOf(Instant instant)
    {
        var interval = lastInterval;
        if (interval is null || !interval.Contains(instant))
        {
            interval = Jurisdiction.TimeZone.GetZoneInterval(instant);
            lastInterval = interval;
        }

        return instant.WithOffset(interval.WallOffset).Date;
    }

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

    /// <summary>
    /// Rules that preempt this rule by name, in the order the evaluator meets rules (layer outermost first, then
    /// document order), so the first of them that counts is the one a decision names.
    /// </summary>
    public List<CompiledRule> PreemptedBy { get; } = [];

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
