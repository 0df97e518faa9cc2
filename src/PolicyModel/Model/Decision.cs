using NodaTime;

namespace PolicyModel;

/// <summary>Two counting rules that disagree (one prohibits what the other permits or requires) and neither excepts the other.</summary>
/// <param name="Prohibiting">The prohibiting rule (it wins; docs/semantics.md, section 9).</param>
/// <param name="Other">The permitting or requiring rule.</param>
public sealed record RuleConflict(RuleId Prohibiting, RuleId Other);

/// <summary>A decision on an assistance request (contract "Decision"): the outcome with its reasons.</summary>
public sealed record Decision
{
    /// <summary>The request's <c>id</c>, echoed, or <see langword="null"/>.</summary>
    public string? RequestId { get; init; }

    /// <summary>The outcome.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>The local date the request was judged on.</summary>
    public required LocalDate EffectiveDate { get; init; }

    /// <summary>The layers consulted, outermost first.</summary>
    public required IReadOnlyList<JurisdictionId> JurisdictionChain { get; init; }

    /// <summary>Ids of the rules that produced the outcome (in the order of docs/semantics.md, section 13).</summary>
    public required IReadOnlyList<RuleId> DecidingRules { get; init; }

    /// <summary>The citations of the deciding rules, controlling provision first.</summary>
    public required IReadOnlyList<string> Citations { get; init; }

    /// <summary>The duties the outcome carries, in the contract's order.</summary>
    public required IReadOnlyList<Obligation> Obligations { get; init; }

    /// <summary>Ids of rules that matched but were overridden by a controlling layer.</summary>
    public required IReadOnlyList<RuleId> Preempted { get; init; }

    /// <summary>
    /// The most conflicts a decision lists: 100. Conflicts are pairs of rules, so their number grows with the square
    /// of the rules; past this budget the rest are only counted, in <see cref="ConflictsNotListed"/>.
    /// </summary>
    public const int MaxConflictsListed = 100;

    /// <summary>Unresolved disagreements between counting rules (empty for the built-in policies); at most <see cref="MaxConflictsListed"/>.</summary>
    public IReadOnlyList<RuleConflict> Conflicts { get; init; } = [];

    /// <summary>How many further conflicts there are beyond those in <see cref="Conflicts"/> (0 unless the budget was reached).</summary>
    public long ConflictsNotListed { get; init; }

    /// <summary>One or two sentences a supervisor can read aloud.</summary>
    public required string Explanation { get; init; }

    /// <summary>The request decided (not part of the decision's value or JSON; used for failure reports in tests).</summary>
    internal AssistanceRequest? Request { get; init; }

    /// <inheritdoc/>
    public bool Equals(Decision? other) =>
        other is not null
        && RequestId == other.RequestId
        && Outcome == other.Outcome
        && EffectiveDate == other.EffectiveDate
        && JurisdictionChain.SequenceEqual(other.JurisdictionChain)
        && DecidingRules.SequenceEqual(other.DecidingRules)
        && Citations.SequenceEqual(other.Citations)
        && Obligations.SequenceEqual(other.Obligations)
        && Preempted.SequenceEqual(other.Preempted)
        && Conflicts.SequenceEqual(other.Conflicts)
        && ConflictsNotListed == other.ConflictsNotListed
        && Explanation == other.Explanation;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RequestId, Outcome, EffectiveDate, DecidingRules.Count, Explanation);
}
