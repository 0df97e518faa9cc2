using NodaTime;

namespace PolicyModel;

/// <summary>
/// A request for police assistance (contract "Request"). Immutable; defaults as in the contract:
/// <see cref="Respondent"/> <c>police</c>, <see cref="Authority"/> <c>none</c>, empty lists. There is
/// deliberately no member for a person's immigration status. Build one in C# with <see cref="In"/> (one verb per
/// field: <c>AssistanceRequest.In("us-il-chicago").ReceivedAt(...).From(...).ForPurpose(...).AskingFor(...).Build()</c>)
/// or read one from JSON with <see cref="RequestJson"/>.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(AssistanceRequestJsonConverter))]
public sealed partial record AssistanceRequest
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

    /// <summary>
    /// Starts building a request to the local agencies of <paramref name="jurisdiction"/>, the one field every
    /// request needs before anything else. Chain the other fields and finish with
    /// <see cref="AssistanceRequestBuilder.Build"/>; each call returns a new builder, so a partly built one can be
    /// shared and extended.
    /// </summary>
    /// <param name="jurisdiction">Where the responding agency sits, such as <c>us-il-chicago</c> (a string converts).</param>
    /// <returns>A builder with only the jurisdiction set.</returns>
    /// <example>
    /// <code>
    /// AssistanceRequest request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.PerimeterOrCrowdControl)
    ///     .Build();
    /// </code>
    /// </example>
    public static AssistanceRequestBuilder In(JurisdictionId jurisdiction) => new(jurisdiction);
}

/// <summary>
/// A fluent builder of <see cref="AssistanceRequest"/> values, started by <see cref="AssistanceRequest.In"/>; each
/// call returns a new builder. One method per request field, so the chain reads as a sentence: a request in a
/// jurisdiction, received at a time, from a requester, for a purpose, asking for an assistance, and optionally
/// addressed to a respondent, presenting an authority, at a location, with circumstances and subject facts.
/// </summary>
/// <example>
/// <code>
/// AssistanceRequest request = AssistanceRequest.In("us-il-cook")
///     .ReceivedAt("2025-03-04T22:15:00-06:00")
///     .From(Requester.IceEro)
///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
///     .AskingFor(AssistanceKind.HoldPastRelease)
///     .AddressedTo(Respondent.Jail)
///     .Presenting(Authority.ImmigrationDetainer)
///     .WithSubjectFacts(SubjectFact.InCustody)
///     .Build();
/// </code>
/// </example>
public sealed partial record AssistanceRequestBuilder
{
    internal AssistanceRequestBuilder(JurisdictionId jurisdiction) => Jurisdiction = jurisdiction;

    private JurisdictionId Jurisdiction { get; init; }

    private OffsetDateTime? ReceivedAtValue { get; init; }

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

    /// <summary>
    /// Sets <see cref="AssistanceRequest.ReceivedAt"/>, the moment the request reached the agency; the rules in force
    /// on its local date decide. Required, even for a partial request: <see cref="Build"/> fails without it.
    /// A later call replaces an earlier one.
    /// </summary>
    /// <param name="time">The time with the offset it was recorded in.</param>
    /// <returns>A builder with the time set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt(new OffsetDateTime(new LocalDateTime(2025, 2, 10, 9, 0), Offset.FromHours(-6)))
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.OnSceneSupport)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder ReceivedAt(OffsetDateTime time) => this with { ReceivedAtValue = time };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.ReceivedAt"/> from a BCL <see cref="DateTimeOffset"/>, keeping its offset.
    /// Required, even for a partial request: <see cref="Build"/> fails without it. A later call replaces an earlier one.
    /// </summary>
    /// <param name="time">The time with the offset it was recorded in.</param>
    /// <returns>A builder with the time set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt(DateTimeOffset.Parse("2025-02-10T09:00:00-06:00"))
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.OnSceneSupport)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder ReceivedAt(DateTimeOffset time) => this with { ReceivedAtValue = OffsetDateTime.FromDateTimeOffset(time) };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.ReceivedAt"/> from contract text: an ISO 8601 date-time with an offset, as in
    /// request JSON. Required, even for a partial request: <see cref="Build"/> fails without it. A later call replaces
    /// an earlier one.
    /// </summary>
    /// <param name="time">Text such as <c>2025-01-21T06:40:00-06:00</c>.</param>
    /// <returns>A builder with the time set.</returns>
    /// <exception cref="FormatException">The text is not a date-time with an offset.</exception>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-01-21T06:40:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.OnSceneSupport)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder ReceivedAt(string time) =>
        this with { ReceivedAtValue = RequestJson.ParseReceivedAt(time) ?? throw new FormatException($"`{time}` is not an ISO 8601 date-time with an offset, for example `2025-01-21T06:40:00-06:00`") };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.Id"/>, the caller's own reference (at most
    /// <see cref="AssistanceRequest.MaxIdLength"/> characters) that the decision echoes. Without it the request and
    /// its decision carry no id.
    /// </summary>
    /// <param name="id">The reference, such as a case or log number.</param>
    /// <returns>A builder with the reference set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .WithId("log-2025-0042")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.OnSceneSupport)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder WithId(string id) => this with { IdValue = id };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.Requester"/>, the agency that asks for assistance. Required unless marked
    /// unknown with <see cref="NotKnowing"/>: <see cref="Build"/> fails otherwise. A later call replaces an earlier one.
    /// </summary>
    /// <param name="value">Who asks.</param>
    /// <returns>A builder with the requester set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.Cbp)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.StopOrArrest)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder From(Requester value) => this with { RequesterValue = value };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.Purpose"/>, what the requester is enforcing. Required unless marked unknown
    /// with <see cref="NotKnowing"/> (the request then holds <see cref="Purpose.Unknown"/>): <see cref="Build"/> fails
    /// otherwise. A later call replaces an earlier one.
    /// </summary>
    /// <param name="value">What the requester is enforcing.</param>
    /// <returns>A builder with the purpose set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceHsi)
    ///     .ForPurpose(Purpose.CriminalInvestigation)
    ///     .AskingFor(AssistanceKind.JointCriminalInvestigation)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder ForPurpose(Purpose value) => this with { PurposeValue = value };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.Assistance"/>, what is asked of the local agency. Required unless marked
    /// unknown with <see cref="NotKnowing"/>: <see cref="Build"/> fails otherwise. A later call replaces an earlier one.
    /// </summary>
    /// <param name="value">The kind of assistance asked for.</param>
    /// <returns>A builder with the assistance set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.ShareReleaseInformation)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder AskingFor(AssistanceKind value) => this with { AssistanceValue = value };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.Respondent"/>, which local agency is asked. When not called the request is
    /// addressed to <see cref="Respondent.Police"/>. A later call replaces an earlier one.
    /// </summary>
    /// <param name="value">The local agency asked.</param>
    /// <returns>A builder with the respondent set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-cook")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.HoldPastRelease)
    ///     .AddressedTo(Respondent.Jail)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder AddressedTo(Respondent value) => this with { RespondentValue = value };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.Authority"/>, the document the requester presents, such as a judicial
    /// warrant. When not called the request presents <see cref="Authority.None"/>. A later call replaces an earlier one.
    /// </summary>
    /// <param name="value">The document presented.</param>
    /// <returns>A builder with the authority set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.StopOrArrest)
    ///     .Presenting(Authority.JudicialCriminalWarrant)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder Presenting(Authority value) => this with { AuthorityValue = value };

    /// <summary>
    /// Sets <see cref="AssistanceRequest.Location"/>, where the assistance would take place. When not called the
    /// location is <see cref="Location.Other"/>, which no location rule names. A later call replaces an earlier one.
    /// </summary>
    /// <param name="value">The place.</param>
    /// <returns>A builder with the location set.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.StopOrArrest)
    ///     .AtLocation(Location.Courthouse)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder AtLocation(Location value) => this with { LocationValue = value };

    /// <summary>
    /// Adds to <see cref="AssistanceRequest.Circumstances"/>, the facts on the scene that create a duty of their own.
    /// Calls add up (a set: repeats count once). When not called the request has no circumstances.
    /// </summary>
    /// <param name="values">The circumstances to add.</param>
    /// <returns>A builder with the circumstances added.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.OnSceneSupport)
    ///     .WithCircumstances(Circumstance.OfficerInDanger, Circumstance.MedicalEmergency)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder WithCircumstances(params Circumstance[] values) =>
        this with { CircumstanceValues = CircumstanceValues.Union(EnumSet<Circumstance>.Of(values)) };

    /// <summary>
    /// Adds to <see cref="AssistanceRequest.SubjectFacts"/>, the facts about the person that some laws key on.
    /// Calls add up (a set: repeats count once). When not called the request has no subject facts.
    /// </summary>
    /// <param name="values">The facts to add.</param>
    /// <returns>A builder with the facts added.</returns>
    /// <example>
    /// <code>
    /// var request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.ShareReleaseInformation)
    ///     .WithSubjectFacts(SubjectFact.InCustody, SubjectFact.OutstandingCriminalWarrant)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder WithSubjectFacts(params SubjectFact[] values) =>
        this with { FactValues = FactValues.Union(EnumSet<SubjectFact>.Of(values)) };

    /// <summary>
    /// Adds to <see cref="AssistanceRequest.Unknown"/>, the facts not known yet, making the request partial: a field
    /// marked unknown needs no value, and any value set for it is ignored when deciding. Calls add up. When not called
    /// the request is complete.
    /// </summary>
    /// <param name="fields">The fields not known yet.</param>
    /// <returns>A builder with the fields marked unknown.</returns>
    /// <example>
    /// <code>
    /// var partial = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .AskingFor(AssistanceKind.StopOrArrest)
    ///     .NotKnowing(RequestField.Purpose, RequestField.Authority)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequestBuilder NotKnowing(params RequestField[] fields) =>
        this with { UnknownValues = UnknownValues.Union(EnumSet<RequestField>.Of(fields)) };

    /// <summary>Builds the request from the fields set so far, with the defaults for the rest.</summary>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidOperationException">A required field (time, requester, purpose, assistance) was neither set nor marked unknown.</exception>
    /// <example>
    /// <code>
    /// AssistanceRequest request = AssistanceRequest.In("us-il-chicago")
    ///     .ReceivedAt("2025-02-10T09:00:00-06:00")
    ///     .From(Requester.IceEro)
    ///     .ForPurpose(Purpose.CivilImmigrationEnforcement)
    ///     .AskingFor(AssistanceKind.OnSceneSupport)
    ///     .Build();
    /// </code>
    /// </example>
    public AssistanceRequest Build() => new()
    {
        Id = IdValue,
        Jurisdiction = Jurisdiction,
        Respondent = RespondentValue,
        ReceivedAt = ReceivedAtValue ?? throw new InvalidOperationException("the request needs a time: call ReceivedAt(...)"),
        Requester = RequesterValue ?? (UnknownValues.Contains(RequestField.Requester) ? default : throw new InvalidOperationException("the request needs a requester: call From(...) or NotKnowing(RequestField.Requester)")),
        Purpose = PurposeValue ?? (UnknownValues.Contains(RequestField.Purpose) ? Purpose.Unknown : throw new InvalidOperationException("the request needs a purpose: call ForPurpose(...) or NotKnowing(RequestField.Purpose)")),
        Assistance = AssistanceValue ?? (UnknownValues.Contains(RequestField.Assistance) ? default : throw new InvalidOperationException("the request needs an assistance kind: call AskingFor(...) or NotKnowing(RequestField.Assistance)")),
        Authority = AuthorityValue,
        Location = LocationValue,
        Circumstances = CircumstanceValues,
        SubjectFacts = FactValues,
        Unknown = UnknownValues,
    };
}
