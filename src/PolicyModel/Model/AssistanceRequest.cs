using NodaTime;

namespace PolicyModel;

/// <summary>
/// A request for police assistance (contract "Request"). Immutable; defaults as in the contract:
/// <see cref="Respondent"/> <c>police</c>, <see cref="Authority"/> <c>none</c>, empty lists. There is
/// deliberately no member for a person's immigration status.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(AssistanceRequestJsonConverter))]
public sealed record AssistanceRequest
{
    /// <summary>Maximum length of <see cref="Id"/> in characters.</summary>
    public const int MaxIdLength = 128;

    /// <summary>
    /// Earliest year of <see cref="ReceivedAt"/> (as written, before its offset is applied): 2. With the latest,
    /// <see cref="MaxYear"/>, it keeps every instant and every local date the engine computes inside the calendar
    /// NodaTime and the contract's <c>YYYY-MM-DD</c> dates can represent, whatever the offset and time zone.
    /// </summary>
    public const int MinYear = 2;

    /// <summary>Latest year of <see cref="ReceivedAt"/> (as written): 9998. See <see cref="MinYear"/>.</summary>
    public const int MaxYear = 9998;

    /// <summary>The caller's reference, echoed in the decision; at most 128 characters.</summary>
    public string? Id { get; init; }

    /// <summary>Where the responding agency sits.</summary>
    public required JurisdictionId Jurisdiction { get; init; }

    /// <summary>Which local agency is asked.</summary>
    public Respondent Respondent { get; init; } = Respondent.Police;

    /// <summary>When the request was made, with its offset; its year is <see cref="MinYear"/> to <see cref="MaxYear"/>.</summary>
    public required OffsetDateTime ReceivedAt { get; init; }

    /// <summary>Who asks.</summary>
    public required Requester Requester { get; init; }

    /// <summary>What the requester is enforcing.</summary>
    public required Purpose Purpose { get; init; }

    /// <summary>What is asked of the local agency.</summary>
    public required AssistanceKind Assistance { get; init; }

    /// <summary>The document presented.</summary>
    public Authority Authority { get; init; } = Authority.None;

    /// <summary>Where the assistance would take place (default <see cref="Location.Other"/>).</summary>
    public Location Location { get; init; } = Location.Other;

    /// <summary>Facts on the scene that create a duty of their own.</summary>
    public EnumSet<Circumstance> Circumstances { get; init; }

    /// <summary>Facts about the person that some laws key on.</summary>
    public EnumSet<SubjectFact> SubjectFacts { get; init; }

    /// <summary>
    /// The facts not known yet (a partial request, contract <c>unknown</c>); the values this request holds for them are
    /// ignored. <see cref="PolicySet.Decide(AssistanceRequest)"/> and <see cref="PolicySet.DecidePartial(AssistanceRequest)"/>
    /// decide a partial request over every value they could take. Empty for a complete request.
    /// </summary>
    public EnumSet<RequestField> Unknown { get; init; }

    /// <summary>Starts a request builder for C# callers: <c>AssistanceRequest.For("us-il-chicago").At(...)...Build()</c>.</summary>
    /// <param name="jurisdiction">The jurisdiction id.</param>
    /// <returns>A builder.</returns>
    public static AssistanceRequestBuilder For(JurisdictionId jurisdiction) => new(jurisdiction);
}

/// <summary>A fluent builder of <see cref="AssistanceRequest"/> values; each call returns a new builder.</summary>
public sealed record AssistanceRequestBuilder
{
    internal AssistanceRequestBuilder(JurisdictionId jurisdiction) => Jurisdiction = jurisdiction;

    private JurisdictionId Jurisdiction { get; init; }

    private OffsetDateTime? ReceivedAt { get; init; }

    private Requester? RequesterValue { get; init; }

    private Purpose? PurposeValue { get; init; }

    private AssistanceKind? AssistanceValue { get; init; }

    private Respondent RespondentValue { get; init; } = Respondent.Police;

    private Authority AuthorityValue { get; init; } = Authority.None;

    private Location LocationValue { get; init; } = Location.Other;

    private EnumSet<Circumstance> CircumstanceValues { get; init; }

    private EnumSet<SubjectFact> FactValues { get; init; }

    private string? IdValue { get; init; }

    private EnumSet<RequestField> UnknownValues { get; init; }

    /// <summary>Sets when the request was made.</summary>
    /// <param name="receivedAt">The time with its offset.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder At(OffsetDateTime receivedAt) => this with { ReceivedAt = receivedAt };

    /// <summary>Sets when the request was made, from a BCL <see cref="DateTimeOffset"/> (its offset is kept).</summary>
    /// <param name="receivedAt">The time with its offset.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder At(DateTimeOffset receivedAt) => this with { ReceivedAt = OffsetDateTime.FromDateTimeOffset(receivedAt) };

    /// <summary>Sets when the request was made, from contract text such as <c>2025-01-21T06:40:00-06:00</c>.</summary>
    /// <param name="receivedAt">An ISO 8601 date-time with an offset.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FormatException">The text is not a date-time with an offset.</exception>
    public AssistanceRequestBuilder At(string receivedAt) =>
        this with { ReceivedAt = RequestJson.ParseReceivedAt(receivedAt) ?? throw new FormatException($"`{receivedAt}` is not an ISO 8601 date-time with an offset, for example `2025-01-21T06:40:00-06:00`") };

    /// <summary>Sets the caller's reference.</summary>
    /// <param name="id">The reference.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder WithId(string id) => this with { IdValue = id };

    /// <summary>Sets who asks.</summary>
    /// <param name="requester">The requester.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder From(Requester requester) => this with { RequesterValue = requester };

    /// <summary>Sets the purpose.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder For(Purpose purpose) => this with { PurposeValue = purpose };

    /// <summary>Sets the assistance asked.</summary>
    /// <param name="assistance">The assistance kind.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder Asking(AssistanceKind assistance) => this with { AssistanceValue = assistance };

    /// <summary>Sets the respondent (default <c>police</c>).</summary>
    /// <param name="respondent">The respondent.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder To(Respondent respondent) => this with { RespondentValue = respondent };

    /// <summary>Sets the document presented (default <c>none</c>).</summary>
    /// <param name="authority">The authority.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder With(Authority authority) => this with { AuthorityValue = authority };

    /// <summary>Sets where the assistance would take place (default <c>other</c>).</summary>
    /// <param name="location">The location.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder At(Location location) => this with { LocationValue = location };

    /// <summary>Adds circumstances.</summary>
    /// <param name="circumstances">The circumstances.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder During(params Circumstance[] circumstances) =>
        this with { CircumstanceValues = CircumstanceValues.Union(EnumSet<Circumstance>.Of(circumstances)) };

    /// <summary>Adds subject facts.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder Where(params SubjectFact[] facts) =>
        this with { FactValues = FactValues.Union(EnumSet<SubjectFact>.Of(facts)) };

    /// <summary>Marks facts as not known yet (a partial request); they need no value.</summary>
    /// <param name="fields">The unknown fields.</param>
    /// <returns>The builder.</returns>
    public AssistanceRequestBuilder NotKnowing(params RequestField[] fields) =>
        this with { UnknownValues = UnknownValues.Union(EnumSet<RequestField>.Of(fields)) };

    /// <summary>Builds the request.</summary>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidOperationException">A required field (time, requester, purpose, assistance) was neither set nor marked unknown.</exception>
    public AssistanceRequest Build() => new()
    {
        Id = IdValue,
        Jurisdiction = Jurisdiction,
        Respondent = RespondentValue,
        ReceivedAt = ReceivedAt ?? throw new InvalidOperationException("the request needs a time: call At(...)"),
        Requester = RequesterValue ?? (UnknownValues.Contains(RequestField.Requester) ? default : throw new InvalidOperationException("the request needs a requester: call From(...)")),
        Purpose = PurposeValue ?? (UnknownValues.Contains(RequestField.Purpose) ? Purpose.Unknown : throw new InvalidOperationException("the request needs a purpose: call For(...)")),
        Assistance = AssistanceValue ?? (UnknownValues.Contains(RequestField.Assistance) ? default : throw new InvalidOperationException("the request needs an assistance kind: call Asking(...)")),
        Authority = AuthorityValue,
        Location = LocationValue,
        Circumstances = CircumstanceValues,
        SubjectFacts = FactValues,
        Unknown = UnknownValues,
    };
}
