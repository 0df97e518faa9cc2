namespace PolicyModel;

/// <summary>A presumption: what an <c>unknown</c> purpose is taken to be (docs/semantics.md, section 11).</summary>
public sealed record Presumption
{
    /// <summary>The id, unique in the set (shared with rule ids).</summary>
    public required RuleId Id { get; init; }

    /// <summary>The jurisdiction whose document wrote it.</summary>
    public required JurisdictionId Jurisdiction { get; init; }

    /// <summary>Its layer.</summary>
    public required Layer Layer { get; init; }

    /// <summary>When it is in force.</summary>
    public required EffectivePeriod Period { get; init; }

    /// <summary>The respondents it applies to.</summary>
    public required EnumSet<Respondent> Binds { get; init; }

    /// <summary>Conditions that must all hold.</summary>
    public required IReadOnlyList<Condition> Conditions { get; init => field = value.ToEquatableArray(); }

    /// <summary>The purpose presumed (never <see cref="Purpose.Unknown"/>).</summary>
    public required Purpose Presumed { get; init; }

    /// <summary>A phrase for explanations, or <see langword="null"/>.</summary>
    public string? Explains { get; init; }

    /// <summary>The name of the document that defined it.</summary>
    public required string Document { get; init; }
}
