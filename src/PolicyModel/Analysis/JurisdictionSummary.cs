using NodaTime;

namespace PolicyModel.Analysis;

/// <summary>One jurisdiction of a policy set at a glance, as <c>policymodel jurisdictions</c> lists it.</summary>
/// <param name="Id">The jurisdiction id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Parent">The enclosing jurisdiction, or <see langword="null"/> for a root.</param>
/// <param name="TimeZone">The tzdb id of the zone in which its laws take effect.</param>
/// <param name="Level">Its level of government.</param>
/// <param name="Stance">How its own preemption declarations treat lower layers.</param>
/// <param name="Rules">How many rules its documents write (the rules of enclosing jurisdictions are not counted).</param>
/// <param name="Presumptions">How many presumptions its documents write.</param>
/// <param name="LawCurrentTo">The date to which its law (and that of every enclosing jurisdiction) is known, if stated.</param>
public sealed record JurisdictionSummary(
    JurisdictionId Id,
    string Name,
    JurisdictionId? Parent,
    string TimeZone,
    Layer Level,
    PreemptionStance Stance,
    int Rules,
    int Presumptions,
    LocalDate? LawCurrentTo);
