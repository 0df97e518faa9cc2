using NodaTime;

namespace PolicyModel;

/// <summary>
/// When a rule is in force: a closed-open range of local dates <c>[From, To)</c>. A missing bound is open:
/// <see cref="From"/> <see langword="null"/> means "since always", <see cref="To"/> <see langword="null"/> "until further notice".
/// </summary>
/// <param name="From">The first local date in force (inclusive), or <see langword="null"/>.</param>
/// <param name="To">The first local date no longer in force (exclusive), or <see langword="null"/>.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(EffectivePeriodJsonConverter))]
public readonly record struct EffectivePeriod(LocalDate? From, LocalDate? To)
{
    /// <summary>A period that is always in force.</summary>
    public static EffectivePeriod Always => default;

    /// <summary>Whether the period is empty or inverted (<see cref="To"/> on or before <see cref="From"/>).</summary>
    public bool IsEmpty => From is { } f && To is { } t && t <= f;

    /// <summary>Whether <paramref name="date"/> is in the period (<c>From &lt;= date &lt; To</c>).</summary>
    /// <param name="date">A local date.</param>
    /// <returns><see langword="true"/> when in force on that date.</returns>
    public bool Contains(LocalDate date) =>
        (From is not { } f || date >= f) && (To is not { } t || date < t);

    /// <summary>The period in the notation of the rule catalogue: <c>2017-08-28..2021-08-02</c>, <c>..</c> for always.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{From?.ToContractText()}..{To?.ToContractText()}";
}
