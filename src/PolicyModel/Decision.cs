using NodaTime;

namespace PolicyModel;

/// <summary>Two counting rules that disagree (one prohibits what the other permits or requires) and neither excepts the other.</summary>
/// <param name="Prohibiting">The prohibiting rule (it wins; docs/semantics.md, section 9).</param>
/// <param name="Other">The permitting or requiring rule.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(RuleConflictJsonConverter))]
public sealed record RuleConflict(RuleId Prohibiting, RuleId Other);

/// <summary>
/// A decision on an assistance request (contract "Decision"): the outcome with its reasons. A value: two decisions
/// are equal when every member is (lists compare by content), and it holds nothing beyond what it shows (not the
/// request it decided).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(DecisionJsonConverter))]
public sealed record Decision
{
    /// <summary>The request's <c>id</c>, echoed, or <see langword="null"/>.</summary>
    public string? RequestId { get; init; }

    /// <summary>The outcome.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>The local date the request was judged on.</summary>
    public required LocalDate EffectiveDate { get; init; }

    /// <summary>The layers consulted, outermost first.</summary>
    public required IReadOnlyList<JurisdictionId> JurisdictionChain { get; init => field = value.ToEquatableArray(); }

    /// <summary>Ids of the rules that produced the outcome (in the order of docs/semantics.md, section 13).</summary>
    public required IReadOnlyList<RuleId> DecidingRules { get; init => field = value.ToEquatableArray(); }

    /// <summary>The citations of the deciding rules, controlling provision first.</summary>
    public required IReadOnlyList<string> Citations { get; init => field = value.ToEquatableArray(); }

    /// <summary>The duties the outcome carries, in the contract's order.</summary>
    public required IReadOnlyList<Obligation> Obligations { get; init => field = value.ToEquatableArray(); }

    /// <summary>Ids of rules that matched but were overridden by a controlling layer.</summary>
    public required IReadOnlyList<RuleId> Preempted { get; init => field = value.ToEquatableArray(); }

    /// <summary>
    /// The most conflicts a decision lists: 100. Conflicts are pairs of rules, so their number grows with the square
    /// of the rules; past this budget the rest are only counted, in <see cref="ConflictsNotListed"/>.
    /// </summary>
    public const int MaxConflictsListed = 100;

    /// <summary>Unresolved disagreements between counting rules (empty for the built-in policies).</summary>
    public IReadOnlyList<RuleConflict> Conflicts { get; init => field = value.ToEquatableArray(); } = EquatableArray<RuleConflict>.Empty;

    /// <summary>How many further conflicts there are beyond those in <see cref="Conflicts"/> (0 unless the budget was reached).</summary>
    public long ConflictsNotListed { get; init; }

    /// <summary>One or two sentences a supervisor can read aloud.</summary>
    public required string Explanation { get; init; }

    /// <summary>
    /// For a partial request whose unknown facts decide (outcome <see cref="Outcome.Depends"/>): each outcome with the values
    /// of the unknown facts that lead to it; the entries cover every combination exactly once. Empty otherwise.
    /// </summary>
    public IReadOnlyList<DependsOnEntry> DependsOn { get; init => field = value.ToEquatableArray(); } = EquatableArray<DependsOnEntry>.Empty;

    /// <summary>For outcome <see cref="Outcome.Depends"/>: the unknown fact that best splits the outcomes (ask it first); otherwise <see langword="null"/>.</summary>
    public RequestField? AskFirst { get; init; }

    /// <summary>
    /// The digest of the policy set that decided (<see cref="PolicySet.Digest"/>, <c>sha256:…</c>), when the host
    /// stamps it (the decision service does); <see langword="null"/> otherwise, and then absent from the JSON.
    /// </summary>
    public string? PolicyDigest { get; init; }

    /// <summary>
    /// The date the deciding policy set's law is current to, when the host stamps it (the decision service does);
    /// <see langword="null"/> otherwise, and then absent from the JSON.
    /// </summary>
    public LocalDate? LawCurrentTo { get; init; }
}
