using NodaTime;
using NodaTime.Text;

namespace PolicyModel;

/// <summary>
/// How values are written in the contract's text: vocabulary values by their contract names (<c>record-request</c>),
/// dates as <c>YYYY-MM-DD</c>, request times as ISO 8601 with their offset. The one home of those formats.
/// </summary>
public static class ContractText
{
    /// <summary>The contract's form of a request time: ISO 8601 with the offset as <c>-06:00</c>, or <c>Z</c> for UTC.</summary>
    internal static readonly OffsetDateTimePattern TimePattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<Z+HH:mm>");

    /// <summary>The contract name of a vocabulary value, as JSON writes it.</summary>
    /// <typeparam name="T">A vocabulary enum.</typeparam>
    /// <param name="value">A defined value.</param>
    /// <returns>For example <c>record-request</c> for <see cref="Obligation.RecordRequest"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    /// <example><code>Obligation.RecordRequest.ToContractName() // "record-request"</code></example>
    public static string ToContractName<T>(this T value)
        where T : struct, Enum => ContractNames<T>.Name(value);

    /// <summary>A local date as the contract writes it: <c>YYYY-MM-DD</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>For example <c>2021-08-02</c>.</returns>
    public static string ToContractText(this LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>A request time as the contract writes it: ISO 8601 with its offset (<c>2025-01-21T06:40:00-06:00</c>, <c>...Z</c> for UTC).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string ToContractText(this OffsetDateTime time) => TimePattern.Format(time);}
