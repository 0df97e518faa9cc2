using NodaTime;

namespace PolicyModel;

/// <summary>A jurisdiction of a compiled policy set: where a responding agency sits.</summary>
/// <param name="Id">The id (<c>us-il-chicago</c>).</param>
/// <param name="Name">The display name.</param>
/// <param name="Parent">The enclosing jurisdiction, or <see langword="null"/> for a root.</param>
/// <param name="TimeZone">The tzdb time zone in which its laws take effect on local dates.</param>
/// <param name="Level">Its level of government.</param>
public sealed record Jurisdiction(JurisdictionId Id, string Name, JurisdictionId? Parent, DateTimeZone TimeZone, Layer Level)
{
    /// <summary>
    /// The date to which the law of this jurisdiction and every jurisdiction enclosing it is known: the earliest
    /// <c>lawCurrentTo</c> stated by the documents of its chain, or <see langword="null"/> when none states one.
    /// A request judged after it is decided by the last known law, and its explanation says so.
    /// </summary>
    public LocalDate? LawCurrentTo { get; init; }
}

/// <summary>A legal source that rules cite: a statute, ordinance, regulation, directive, case or doctrine.</summary>
/// <param name="Id">The id, unique within its document.</param>
/// <param name="Kind">The kind of source.</param>
/// <param name="Title">The source's title.</param>
/// <param name="Citation">The citation prefix printed before a section (<c>5 ILCS</c>); may be empty.</param>
/// <param name="Enacted">When it was enacted or took effect, where known.</param>
public sealed record LegalSource(string Id, SourceKind Kind, string Title, string Citation, LocalDate? Enacted);

/// <summary>One numbering of a provision, in use from a local date.</summary>
/// <param name="From">The first local date this numbering applies, or <see langword="null"/> for the first.</param>
/// <param name="Section">The section as the source numbers it (<c>805/15(a)</c>).</param>
public sealed record SectionVariant(LocalDate? From, string Section);

/// <summary>A provision: a section of a legal source, possibly renumbered over time.</summary>
/// <param name="Source">The legal source.</param>
/// <param name="Sections">The numberings, the first without a start date, later ones in date order.</param>
public sealed record Provision(LegalSource Source, IReadOnlyList<SectionVariant> Sections)
{
    /// <summary>The citation printed on <paramref name="date"/>: the source's citation prefix and the section in use that day.</summary>
    /// <param name="date">The local date of the decision.</param>
    /// <returns>For example <c>5 ILCS 805/15(a)</c>.</returns>
    public string CitationOn(LocalDate date)
    {
        var section = Sections[0].Section;
        foreach (var variant in Sections)
        {
            if (variant.From is not { } from || from <= date)
            {
                section = variant.Section;
            }
        }

        return Source.Citation.Length == 0 ? section : Source.Citation + " " + section;
    }
}

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
    public required IReadOnlyList<Condition> Conditions { get; init; }

    /// <summary>Its effect when it counts.</summary>
    public required Effect Effect { get; init; }

    /// <summary>The obligations it carries when it counts.</summary>
    public required EnumSet<Obligation> Obligations { get; init; }

    /// <summary>The provision it cites.</summary>
    public required Provision Provision { get; init; }

    /// <summary>The rules it is an exception to.</summary>
    public IReadOnlyList<RuleId> Excepts { get; init; } = [];

    /// <summary>The rules of more specific layers it preempts when it counts.</summary>
    public IReadOnlyList<RuleId> Preempts { get; init; } = [];

    /// <summary>A verb phrase for explanations ("forbids …"), or <see langword="null"/>.</summary>
    public string? Explains { get; init; }

    /// <summary>How well the rule is confirmed.</summary>
    public Confidence Confidence { get; init; } = Confidence.Verified;

    /// <summary>The name of the document that defined it.</summary>
    public required string Document { get; init; }
}

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
    public required IReadOnlyList<Condition> Conditions { get; init; }

    /// <summary>The purpose presumed (never <see cref="Purpose.Unknown"/>).</summary>
    public required Purpose Presumed { get; init; }

    /// <summary>A phrase for explanations, or <see langword="null"/>.</summary>
    public string? Explains { get; init; }

    /// <summary>The name of the document that defined it.</summary>
    public required string Document { get; init; }
}

/// <summary>
/// A preemption declaration of a jurisdiction (docs/semantics.md, section 7): when one of its own-layer rules with an effect
/// in <see cref="When"/> counts, counting rules with an effect in <see cref="Preempts"/> of the layers in
/// <see cref="Layers"/>, in it or nested in it, are preempted.
/// </summary>
public sealed record Preemption
{
    /// <summary>The declaration's id.</summary>
    public required string Id { get; init; }

    /// <summary>The declaring jurisdiction.</summary>
    public required JurisdictionId Jurisdiction { get; init; }

    /// <summary>The effects of the declaring layer's rules that trigger it.</summary>
    public required EnumSet<Effect> When { get; init; }

    /// <summary>The effects of more specific rules it overrides.</summary>
    public required EnumSet<Effect> Preempts { get; init; }

    /// <summary>The layers it reaches (all more specific than the declaring jurisdiction's level).</summary>
    public required EnumSet<Layer> Layers { get; init; }

    /// <summary>A sentence for explanations, or <see langword="null"/>.</summary>
    public string? Explains { get; init; }
}
