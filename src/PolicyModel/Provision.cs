using NodaTime;

namespace PolicyModel;

/// <summary>One numbering of a provision, in use from a local date.</summary>
/// <param name="From">The first local date this numbering applies, or <see langword="null"/> for the first.</param>
/// <param name="Section">The section as the source numbers it (<c>805/15(a)</c>).</param>
public sealed record SectionVariant(LocalDate? From, string Section);

/// <summary>A provision: a section of a legal source, possibly renumbered over time.</summary>
/// <param name="Source">The legal source.</param>
/// <param name="Sections">The numberings, the first without a start date, later ones in date order.</param>
public sealed record Provision(LegalSource Source, IReadOnlyList<SectionVariant> Sections)
{
    /// <summary>The numberings, the first without a start date, later ones in date order.</summary>
    public IReadOnlyList<SectionVariant> Sections { get; init => field = value.ToEquatableArray(); } = Sections.ToEquatableArray();


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
