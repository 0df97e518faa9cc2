namespace PolicyModel;

/// <summary>A rule of a compiled policy set (docs/semantics.md, section 5).</summary>
public sealed record Rule
{
    /// <summary>The id, unique in the set.</summary>
    public required RuleId Id { get; init; }

    /// <summary>The jurisdiction whose document wrote the rule.</summary>
    public required JurisdictionId Jurisdiction { get; init; }

    /// <summary>The layer the rule belongs to (its jurisdiction's level or a more specific one).</summary>
    public required Layer Layer { get; init; }

    /// <summary>When it is in force (local dates, closed-open).</summary>
    public required EffectivePeriod Period { get; init; }

    /// <summary>The respondents it binds; it counts only for them.</summary>
    public required EnumSet<Respondent> Binds { get; init; }

    /// <summary>Conditions that must all hold, as written (term references unresolved).</summary>
    public required IReadOnlyList<Condition> Conditions { get; init => field = value.ToEquatableArray(); }

    /// <summary>Its effect when it counts.</summary>
    public required Effect Effect { get; init; }

    /// <summary>The obligations it carries when it counts.</summary>
    public required EnumSet<Obligation> Obligations { get; init; }

    /// <summary>The provision it cites.</summary>
    public required Provision Provision { get; init; }

    /// <summary>The rules it is an exception to.</summary>
    public IReadOnlyList<RuleId> Excepts { get; init => field = value.ToEquatableArray(); } = EquatableArray<RuleId>.Empty;

    /// <summary>The rules of more specific layers it preempts when it counts.</summary>
    public IReadOnlyList<RuleId> Preempts { get; init => field = value.ToEquatableArray(); } = EquatableArray<RuleId>.Empty;

    /// <summary>A verb phrase for explanations ("forbids …"), or <see langword="null"/>.</summary>
    public string? Explains { get; init; }

    /// <summary>How well the rule is confirmed.</summary>
    public Confidence Confidence { get; init; } = Confidence.Verified;

    /// <summary>The name of the document that defined it.</summary>
    public required string Document { get; init; }
}
