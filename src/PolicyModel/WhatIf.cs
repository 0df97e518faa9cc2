using Ardalis.GuardClauses;
using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel;

/// <summary>Options of <see cref="PolicySet.WhatIf(AssistanceRequest, WhatIfOptions?)"/>.</summary>
public sealed record WhatIfOptions
{
    /// <summary>The options used when none are given: changes of up to two fields, the date kept.</summary>
    public static WhatIfOptions Default { get; } = new();

    /// <summary>
    /// The most fields one alternative may change (1 to 3, default 2). Changes of <c>n</c> fields are listed only for
    /// outcomes that no change of fewer fields reaches.
    /// </summary>
    public int MaxChangedFields { get; init; } = 2;

    /// <summary>Also report the next date on which the outcome would change for the same facts (from the periods of the law).</summary>
    public bool VaryReceivedAt { get; init; }
}

/// <summary>What would change a decision: the decision of the request as given and every smallest change of its facts that leads to another outcome.</summary>
public sealed class WhatIfResult
{
    internal WhatIfResult(Decision decision, IReadOnlyList<WhatIfAlternative> alternatives, int maxChangedFields)
    {
        Decision = decision;
        Alternatives = alternatives;
        MaxChangedFields = maxChangedFields;
    }

    /// <summary>The decision of the request as given.</summary>
    public Decision Decision { get; }

    /// <summary>
    /// The alternatives, smallest first, then by outcome (in the contract's order), then by field and value. Every
    /// change of one field that alters the outcome is listed; changes of two (or more, up to
    /// <see cref="MaxChangedFields"/>) fields only when they lead to an outcome that no smaller change reaches. A
    /// change of <c>receivedAt</c> (when asked for) comes last.
    /// </summary>
    public IReadOnlyList<WhatIfAlternative> Alternatives { get; }

    /// <summary>The most fields one alternative was allowed to change.</summary>
    public int MaxChangedFields { get; }

    /// <summary>One or two sentences a supervisor can read aloud: the outcome as asked, and for each other outcome the first change that leads to it.</summary>
    public string Explanation => explanation ??= Counterfactuals.Explain(this);

    /// <summary>
    /// The same result with <paramref name="decision"/> in place of <see cref="Decision"/>: for a host that stamps the
    /// decision with the digest of the set that made it and the date its law is current to (the decision service does).
    /// </summary>
    /// <param name="decision">This result's decision, with other <see cref="PolicyModel.Decision.PolicyDigest"/> and <see cref="PolicyModel.Decision.LawCurrentTo"/> only.</param>
    /// <returns>The result with that decision and the same alternatives.</returns>
    /// <exception cref="ArgumentException"><paramref name="decision"/> differs from <see cref="Decision"/> in anything else.</exception>
    public WhatIfResult WithDecision(Decision decision)
    {
        Guard.Against.Null(decision);
        Guard.Against.InvalidInput(decision, nameof(decision), d => (d with { PolicyDigest = Decision.PolicyDigest, LawCurrentTo = Decision.LawCurrentTo }).Equals(Decision),
            "the decision must be this result's decision; only its policy digest and law date may differ");
        return new WhatIfResult(decision, Alternatives, MaxChangedFields);
    }

    private string? explanation;
}

/// <summary>One alternative of a what-if: a change of the request's facts and the decision it leads to.</summary>
public sealed class WhatIfAlternative
{
    private readonly DecisionTemplate template;
    private readonly LocalDate date;
    private Decision? decision;

    internal WhatIfAlternative(IReadOnlyList<FieldValue> changes, OffsetDateTime? receivedAt, AssistanceRequest request, DecisionTemplate template, LocalDate date)
    {
        Changes = changes;
        ReceivedAt = receivedAt;
        Request = request;
        this.template = template;
        this.date = date;
    }

    /// <summary>The changed fields with their new values, in the contract's field order (a set field with its whole new set); empty for a change of date.</summary>
    public IReadOnlyList<FieldValue> Changes { get; }

    /// <summary>The new <c>receivedAt</c> (the start of the local day on which the outcome changes), or <see langword="null"/> when the date is kept.</summary>
    public OffsetDateTime? ReceivedAt { get; }

    /// <summary>The request with the changes made.</summary>
    public AssistanceRequest Request { get; }

    /// <summary>The outcome the change leads to.</summary>
    public Outcome Outcome => template.Outcome;

    /// <summary>The citations of the resulting decision, controlling provision first.</summary>
    public IReadOnlyList<string> Citations => template.Citations;

    /// <summary>The whole resulting decision (made on first use).</summary>
    public Decision Decision => decision ??= template.Materialize(Request, date);
}

/// <summary>
/// One entry of a partial decision's <see cref="Decision.DependsOn"/>: every combination of the listed values of the
/// unknown facts leads to <see cref="Outcome"/>.
/// </summary>
/// <param name="When">Per unknown field (in the contract's field order), the values of this entry; the entry covers their product.</param>
/// <param name="Outcome">The outcome of every combination.</param>
public sealed record DependsOnEntry(IReadOnlyDictionary<RequestField, IReadOnlyList<FieldValue>> When, Outcome Outcome)
{
    /// <summary>Whether <paramref name="request"/>'s values of the unknown fields are a combination of this entry.</summary>
    /// <param name="request">A completion of the partial request.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Covers(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        return When.All(w => w.Value.Any(v => v.IsIn(request)));
    }

    /// <inheritdoc/>
    public bool Equals(DependsOnEntry? other) =>
        other is not null && Outcome == other.Outcome && When.Count == other.When.Count
        && When.All(w => other.When.TryGetValue(w.Key, out var values) && values.SequenceEqual(w.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, When.Count);
}
