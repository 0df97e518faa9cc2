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
