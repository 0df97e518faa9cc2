using System.ComponentModel;
using NodaTime;

namespace PolicyModel;

// The builder's first verbs, kept so that code written against them still compiles. Several names set different
// fields depending on the argument (For, At), so each now has one unambiguous replacement.
public sealed partial record AssistanceRequest
{
    /// <summary>Former name of <see cref="In"/>, which starts a request builder for a jurisdiction.</summary>
    /// <param name="jurisdiction">The jurisdiction id.</param>
    /// <returns>A builder with only the jurisdiction set.</returns>
    [Obsolete("Use AssistanceRequest.In(...) instead: the request is made in a jurisdiction, and For(...) on the builder also set the purpose.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static AssistanceRequestBuilder For(JurisdictionId jurisdiction) => In(jurisdiction);
}

public sealed partial record AssistanceRequestBuilder
{
    /// <summary>Former name of <see cref="ReceivedAt(OffsetDateTime)"/>, which sets when the request was made.</summary>
    /// <param name="time">The time with its offset.</param>
    /// <returns>A builder with the time set.</returns>
    [Obsolete("Use ReceivedAt(...) instead: At(...) also set the location.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder At(OffsetDateTime time) => ReceivedAt(time);

    /// <summary>Former name of <see cref="ReceivedAt(DateTimeOffset)"/>, which sets when the request was made.</summary>
    /// <param name="time">The time with its offset.</param>
    /// <returns>A builder with the time set.</returns>
    [Obsolete("Use ReceivedAt(...) instead: At(...) also set the location.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder At(DateTimeOffset time) => ReceivedAt(time);

    /// <summary>Former name of <see cref="ReceivedAt(string)"/>, which sets when the request was made.</summary>
    /// <param name="time">An ISO 8601 date-time with an offset.</param>
    /// <returns>A builder with the time set.</returns>
    /// <exception cref="FormatException">The text is not a date-time with an offset.</exception>
    [Obsolete("Use ReceivedAt(...) instead: At(...) also set the location.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder At(string time) => ReceivedAt(time);

    /// <summary>Former name of <see cref="AtLocation"/>, which sets where the assistance would take place.</summary>
    /// <param name="value">The location.</param>
    /// <returns>A builder with the location set.</returns>
    [Obsolete("Use AtLocation(...) instead: At(...) also set the time the request was received.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder At(Location value) => AtLocation(value);

    /// <summary>Former name of <see cref="ForPurpose"/>, which sets what the requester is enforcing.</summary>
    /// <param name="value">The purpose.</param>
    /// <returns>A builder with the purpose set.</returns>
    [Obsolete("Use ForPurpose(...) instead: AssistanceRequest.For(...) named the jurisdiction.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder For(Purpose value) => ForPurpose(value);

    /// <summary>Former name of <see cref="AskingFor"/>, which sets what is asked of the local agency.</summary>
    /// <param name="value">The assistance kind.</param>
    /// <returns>A builder with the assistance set.</returns>
    [Obsolete("Use AskingFor(...) instead: it reads as the sentence it builds.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder Asking(AssistanceKind value) => AskingFor(value);

    /// <summary>Former name of <see cref="AddressedTo"/>, which sets which local agency is asked.</summary>
    /// <param name="value">The respondent.</param>
    /// <returns>A builder with the respondent set.</returns>
    [Obsolete("Use AddressedTo(...) instead: To(...) did not say that it sets the respondent.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder To(Respondent value) => AddressedTo(value);

    /// <summary>Former name of <see cref="Presenting"/>, which sets the document presented.</summary>
    /// <param name="value">The authority.</param>
    /// <returns>A builder with the authority set.</returns>
    [Obsolete("Use Presenting(...) instead: With(...) did not say that it sets the authority presented.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder With(Authority value) => Presenting(value);

    /// <summary>Former name of <see cref="WithCircumstances"/>, which adds facts on the scene.</summary>
    /// <param name="values">The circumstances.</param>
    /// <returns>A builder with the circumstances added.</returns>
    [Obsolete("Use WithCircumstances(...) instead: During(...) did not say which field it adds to.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder During(params Circumstance[] values) => WithCircumstances(values);

    /// <summary>Former name of <see cref="WithSubjectFacts"/>, which adds facts about the person.</summary>
    /// <param name="values">The facts.</param>
    /// <returns>A builder with the facts added.</returns>
    [Obsolete("Use WithSubjectFacts(...) instead: Where(...) read like a query filter.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AssistanceRequestBuilder Where(params SubjectFact[] values) => WithSubjectFacts(values);
}
