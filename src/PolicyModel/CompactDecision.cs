using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel;

/// <summary>
/// A decision as the compiled engine returns it: a small struct pointing at a precomputed decision shared by every
/// request of its equivalence class and period, plus the request and its local date. Creating one allocates nothing;
/// <see cref="ToDecision"/> materialises the full <see cref="Decision"/> (with the request id and explanation).
/// </summary>
public readonly struct CompactDecision : IEquatable<CompactDecision>
{
    private readonly DecisionTemplate template;

    internal CompactDecision(DecisionTemplate template, AssistanceRequest request, LocalDate effectiveDate)
    {
        this.template = template;
        Request = request;
        EffectiveDate = effectiveDate;
    }

    /// <summary>The precomputed decision this one points at; null for <see langword="default"/>.</summary>
    internal DecisionTemplate? Template => template;

    /// <summary>The request decided.</summary>
    public AssistanceRequest Request { get; }

    /// <summary>The local date the request was judged on.</summary>
    public LocalDate EffectiveDate { get; }

    /// <summary>The outcome.</summary>
    public Outcome Outcome => template.Outcome;

    /// <summary>The obligations, in the contract's order.</summary>
    public IReadOnlyList<Obligation> Obligations => template.Obligations;

    /// <summary>The obligations as a set (no allocation).</summary>
    public EnumSet<Obligation> ObligationSet => template.ObligationSet;

    /// <summary>The citations, controlling provision first.</summary>
    public IReadOnlyList<string> Citations => template.Citations;

    /// <summary>The deciding rules.</summary>
    public IReadOnlyList<RuleId> DecidingRules => template.DecidingRules;

    /// <summary>The preempted rules.</summary>
    public IReadOnlyList<RuleId> Preempted => template.Preempted;

    /// <summary>The full decision (allocates the decision and its explanation text).</summary>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidOperationException">The value is <see langword="default"/>.</exception>
    public Decision ToDecision() =>
        template is null ? throw new InvalidOperationException("a default CompactDecision holds no decision") : template.Materialize(Request, EffectiveDate);

    /// <inheritdoc/>
    public bool Equals(CompactDecision other) => ReferenceEquals(template, other.template) && ReferenceEquals(Request, other.Request) && EffectiveDate == other.EffectiveDate;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CompactDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(template, Request, EffectiveDate);

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(CompactDecision left, CompactDecision right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(CompactDecision left, CompactDecision right) => !left.Equals(right);
}
