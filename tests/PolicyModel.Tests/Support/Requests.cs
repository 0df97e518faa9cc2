using NodaTime;
using NodaTime.Text;

namespace PolicyModel.Tests.Support;

/// <summary>Request and decision helpers for the tests.</summary>
internal static class Requests
{
    /// <summary>
    /// A request builder with every required field set: ICE ERO asks the police for a civil-immigration stop or arrest,
    /// no document, at <paramref name="receivedAt"/> (ISO 8601 with offset). Tests override what they are about.
    /// </summary>
    public static AssistanceRequestBuilder Request(string jurisdiction, string receivedAt = "2025-01-21T12:00:00-06:00") =>
        AssistanceRequest.In(jurisdiction)
            .ReceivedAt(Instant(receivedAt))
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.StopOrArrest);

    /// <summary>Parses an ISO 8601 date-time with offset.</summary>
    public static OffsetDateTime Instant(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow();

    /// <summary>The deciding rules' ids as strings.</summary>
    public static IEnumerable<string> Rules(this Decision decision) => decision.DecidingRules.Select(r => r.Value);

    /// <summary>The preempted rules' ids as strings.</summary>
    public static IEnumerable<string> PreemptedRules(this Decision decision) => decision.Preempted.Select(r => r.Value);

    /// <summary>The effective date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(this Decision decision) => decision.EffectiveDate.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
