using System.Text.Json.Serialization;

namespace PolicyModel;

/// <summary>Who asks the local agency for assistance (contract field <c>requester</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Requester>))]
public enum Requester
{
    /// <summary><c>ice-ero</c>: ICE Enforcement and Removal Operations.</summary>
    [Meaning("ICE Enforcement and Removal Operations.")]
    IceEro,
    /// <summary><c>ice-hsi</c>: ICE Homeland Security Investigations.</summary>
    [Meaning("ICE Homeland Security Investigations.")]
    IceHsi,
    /// <summary><c>cbp</c>: Customs and Border Protection.</summary>
    [Meaning("Customs and Border Protection.")]
    Cbp,
    /// <summary><c>uscis</c>: U.S. Citizenship and Immigration Services (benefits, not enforcement).</summary>
    [Meaning("U.S. Citizenship and Immigration Services (benefits, not enforcement).")]
    Uscis,
    /// <summary><c>other-dhs</c>: another component of the Department of Homeland Security.</summary>
    [Meaning("Another component of the Department of Homeland Security.")]
    OtherDhs,
    /// <summary><c>federal-criminal-agency</c>: FBI, DEA, ATF, USMS.</summary>
    [Meaning("FBI, DEA, ATF, USMS.")]
    FederalCriminalAgency,
    /// <summary><c>state-police</c>.</summary>
    [Meaning("State police.")]
    StatePolice,
    /// <summary><c>local-police</c>.</summary>
    [Meaning("Another local police agency.")]
    LocalPolice,
    /// <summary><c>court</c>.</summary>
    [Meaning("A court.")]
    Court,
    /// <summary><c>private-contractor</c>.</summary>
    [Meaning("A private contractor.")]
    PrivateContractor,
    /// <summary><c>subject</c>: the person themself.</summary>
    [Meaning("The person themself.")]
    Subject,
}

/// <summary>What the requester is enforcing (contract field <c>purpose</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Purpose>))]
public enum Purpose
{
    /// <summary><c>civil-immigration-enforcement</c>.</summary>
    [Meaning("Civil immigration enforcement (removal, detention for removal).")]
    CivilImmigrationEnforcement,
    /// <summary><c>criminal-immigration-enforcement</c> (for example 8 U.S.C. 1326 re-entry).</summary>
    [Meaning("A criminal immigration offence, for example 8 U.S.C. 1326 re-entry.")]
    CriminalImmigrationEnforcement,
    /// <summary><c>criminal-investigation</c> with no immigration element.</summary>
    [Meaning("A criminal investigation with no immigration element.")]
    CriminalInvestigation,
    /// <summary><c>public-safety-emergency</c>.</summary>
    [Meaning("A public-safety emergency.")]
    PublicSafetyEmergency,
    /// <summary><c>immigration-benefit</c> (for example a USCIS verification the subject asked for).</summary>
    [Meaning("An immigration benefit, for example a USCIS verification the subject asked for.")]
    ImmigrationBenefit,
    /// <summary><c>unknown</c>: the requester will not say.</summary>
    [Meaning("The requester will not say.")]
    Unknown,
}

/// <summary>What is asked of the local agency (contract field <c>assistance</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<AssistanceKind>))]
public enum AssistanceKind
{
    /// <summary><c>on-scene-support</c>: back-up or presence at an enforcement operation.</summary>
    [Meaning("Back-up or presence at an enforcement operation.")]
    OnSceneSupport,
    /// <summary><c>perimeter-or-crowd-control</c>.</summary>
    [Meaning("Traffic or security perimeter, crowd control for an operation.")]
    PerimeterOrCrowdControl,
    /// <summary><c>stop-or-arrest</c>: stop, arrest or detain a person.</summary>
    [Meaning("Stop, arrest or detain a person.")]
    StopOrArrest,
    /// <summary><c>hold-past-release</c>: keep a person in custody beyond release (a detainer hold).</summary>
    [Meaning("Keep a person in custody beyond release (a detainer hold).")]
    HoldPastRelease,
    /// <summary><c>share-release-information</c>: release date or time, address, contact details, custody status.</summary>
    [Meaning("Release date or time, home address, contact details, custody status.")]
    ShareReleaseInformation,
    /// <summary><c>share-immigration-status</c>.</summary>
    [Meaning("Tell the requester what the agency knows of a person's immigration or citizenship status.")]
    ShareImmigrationStatus,
    /// <summary><c>inquire-immigration-status</c>: the local officer asks a person about their status.</summary>
    [Meaning("The local officer asks a person about their immigration status.")]
    InquireImmigrationStatus,
    /// <summary><c>access-to-person-in-custody</c>: interview a person in local custody.</summary>
    [Meaning("Interview (in person or by phone) a person in local custody.")]
    AccessToPersonInCustody,
    /// <summary><c>use-of-facilities</c>.</summary>
    [Meaning("Use of local buildings, rooms, vehicles or equipment.")]
    UseOfFacilities,
    /// <summary><c>database-access</c>: access to local non-public databases.</summary>
    [Meaning("Access to local non-public databases.")]
    DatabaseAccess,
    /// <summary><c>transfer-custody</c>: hand a person over to the requester.</summary>
    [Meaning("Hand a person over to the requester.")]
    TransferCustody,
    /// <summary><c>transport-detainee</c>: carry a person to a federal facility.</summary>
    [Meaning("Carry a person to a federal facility.")]
    TransportDetainee,
    /// <summary><c>enter-287g-agreement</c>: sign or keep an agreement under 8 U.S.C. 1357(g).</summary>
    [Meaning("Sign or keep an agreement under 8 U.S.C. 1357(g).")]
    [JsonStringEnumMemberName("enter-287g-agreement")]
    Enter287gAgreement,
    /// <summary><c>detention-contract</c>: house civil immigration detainees under a contract.</summary>
    [Meaning("House civil immigration detainees under a contract.")]
    DetentionContract,
    /// <summary><c>joint-criminal-investigation</c>.</summary>
    [Meaning("Take part in a criminal task force or investigation.")]
    JointCriminalInvestigation,
    /// <summary><c>adopt-limiting-policy</c>: a local body adopts a policy limiting cooperation.</summary>
    [Meaning("A local body adopts a policy that limits cooperation with immigration enforcement.")]
    AdoptLimitingPolicy,
}

/// <summary>The document presented with the request (contract field <c>authority</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Authority>))]
public enum Authority
{
    /// <summary><c>none</c> (the default).</summary>
    [Meaning("No document presented.")]
    None,
    /// <summary><c>administrative-warrant</c>: I-200, I-205 and the like, signed by an immigration officer.</summary>
    [Meaning("I-200, I-205 and the like, signed by an immigration officer.")]
    AdministrativeWarrant,
    /// <summary><c>immigration-detainer</c>: I-247A.</summary>
    [Meaning("I-247A, with or without an administrative warrant attached.")]
    ImmigrationDetainer,
    /// <summary><c>ncic-immigration-hit</c>: NCIC Immigration Violator File entry.</summary>
    [Meaning("An NCIC Immigration Violator File hit.")]
    NcicImmigrationHit,
    /// <summary><c>alien-enemies-designation</c>.</summary>
    [Meaning("An Alien Enemies Act designation.")]
    AlienEnemiesDesignation,
    /// <summary><c>judicial-criminal-warrant</c>: signed by a judge.</summary>
    [Meaning("A criminal warrant signed by a judge.")]
    JudicialCriminalWarrant,
    /// <summary><c>court-order</c>.</summary>
    [Meaning("A court order.")]
    CourtOrder,
    /// <summary><c>written-consent</c>: the subject's.</summary>
    [Meaning("The subject's written consent.")]
    WrittenConsent,
}

/// <summary>Facts on the scene that create a duty of their own (contract field <c>circumstances</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Circumstance>))]
public enum Circumstance
{
    /// <summary><c>crime-in-progress</c>.</summary>
    [Meaning("A crime is in progress on the scene.")]
    CrimeInProgress,
    /// <summary><c>officer-in-danger</c>.</summary>
    [Meaning("An officer is in danger.")]
    OfficerInDanger,
    /// <summary><c>medical-emergency</c>.</summary>
    [Meaning("A medical emergency.")]
    MedicalEmergency,
    /// <summary><c>traffic-hazard</c>.</summary>
    [Meaning("A traffic hazard.")]
    TrafficHazard,
}

/// <summary>Facts about the person that some laws key on (contract field <c>subjectFacts</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<SubjectFact>))]
public enum SubjectFact
{
    /// <summary><c>gang-database</c>.</summary>
    [Meaning("The person is in a gang database.")]
    GangDatabase,
    /// <summary><c>pending-felony-charge</c>.</summary>
    [Meaning("The person has a pending felony charge.")]
    PendingFelonyCharge,
    /// <summary><c>felony-conviction</c>.</summary>
    [Meaning("The person has a felony conviction.")]
    FelonyConviction,
    /// <summary><c>outstanding-criminal-warrant</c>.</summary>
    [Meaning("There is an outstanding criminal warrant for the person.")]
    OutstandingCriminalWarrant,
    /// <summary><c>proof-of-lawful-status</c>.</summary>
    [Meaning("The person has shown proof of lawful status.")]
    ProofOfLawfulStatus,
    /// <summary><c>in-custody</c>.</summary>
    [Meaning("The person is in local custody.")]
    InCustody,
    /// <summary><c>foreign-national-arrested</c>.</summary>
    [Meaning("The person is a foreign national who was arrested.")]
    ForeignNationalArrested,
}

/// <summary>
/// Where the assistance would take place (contract field <c>location</c>), for laws that protect certain places.
/// The default is <see cref="Other"/>.
/// </summary>
public enum Location
{
    /// <summary><c>courthouse</c>: the person is going to, at or leaving a court proceeding, in or within 1,000 feet of the courthouse.</summary>
    [Meaning("The person is going to, at or leaving a court proceeding, in or within 1,000 feet of the courthouse.")]
    Courthouse,
    /// <summary><c>school</c>: a school or child-care site.</summary>
    [Meaning("A school or child-care site.")]
    School,
    /// <summary><c>health-facility</c>: a hospital, clinic or other health-care site.</summary>
    [Meaning("A hospital, clinic or other health-care site.")]
    HealthFacility,
    /// <summary><c>place-of-worship</c>.</summary>
    [Meaning("A place of worship.")]
    PlaceOfWorship,
    /// <summary><c>government-property</c>: another public building, lot or garage.</summary>
    [Meaning("Another public building, lot or garage.")]
    GovernmentProperty,
    /// <summary><c>other</c> (the default): none of these, or not known.</summary>
    [Meaning("None of these, or not known.")]
    Other,
}

/// <summary>Which local agency is asked (contract field <c>respondent</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Respondent>))]
public enum Respondent
{
    /// <summary><c>police</c> (the default).</summary>
    [Meaning("The city or village police.")]
    Police,
    /// <summary><c>sheriff</c>.</summary>
    [Meaning("The county sheriff.")]
    Sheriff,
    /// <summary><c>jail</c>.</summary>
    [Meaning("The county jail.")]
    Jail,
    /// <summary><c>local-government</c>: a council or executive making a policy.</summary>
    [Meaning("A council or executive making a policy.")]
    LocalGovernment,
}

/// <summary>The outcome of a decision (contract table "Outcomes").</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Outcome>))]
public enum Outcome
{
    /// <summary><c>denied</c>: the agency must decline to assist (declining never means obstructing).</summary>
    Denied,
    /// <summary><c>granted</c>: lawful ordinary police work that may be given.</summary>
    Granted,
    /// <summary><c>required</c>: a controlling law obliges the agency to assist.</summary>
    Required,
    /// <summary><c>police-action</c>: not granted, but the circumstances call for ordinary police action.</summary>
    PoliceAction,
    /// <summary><c>discretionary</c>: no law in force decides it; agency policy does.</summary>
    Discretionary,
    /// <summary><c>refer</c>: the facts given cannot decide it; escalate.</summary>
    Refer,
    /// <summary><c>depends</c>: only for a partial request, whose unknown facts decide (see <see cref="Decision.DependsOn"/>).</summary>
    Depends,
}

/// <summary>Duties an outcome carries, in the contract's table order.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Obligation>))]
public enum Obligation
{
    /// <summary><c>supervisor-to-scene</c>.</summary>
    SupervisorToScene,
    /// <summary><c>record-request</c>.</summary>
    RecordRequest,
    /// <summary><c>inform-subject</c>.</summary>
    InformSubject,
    /// <summary><c>release-when-eligible</c>.</summary>
    ReleaseWhenEligible,
}

/// <summary>What a rule says about the assistance when it counts (docs/semantics.md, section 5).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Effect>))]
public enum Effect
{
    /// <summary><c>prohibit</c>: the law forbids it (outcome <c>denied</c>).</summary>
    Prohibit,
    /// <summary><c>require</c>: the law obliges it (outcome <c>required</c>).</summary>
    Require,
    /// <summary><c>permit</c>: a law affirmatively makes it lawful (outcome <c>granted</c>).</summary>
    Permit,
    /// <summary><c>refer</c>: the law turns on a fact the request cannot express (outcome <c>refer</c>).</summary>
    Refer,
    /// <summary><c>police-action</c>: the circumstances create a duty of their own.</summary>
    PoliceAction,
    /// <summary><c>none</c>: citations and obligations only.</summary>
    None,
}

/// <summary>A layer of government, outermost first; also a jurisdiction's level.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Layer>))]
public enum Layer
{
    /// <summary><c>federal</c>.</summary>
    Federal,
    /// <summary><c>state</c>.</summary>
    State,
    /// <summary><c>county</c>.</summary>
    County,
    /// <summary><c>city</c>.</summary>
    City,
    /// <summary><c>department</c>: a police department's directives.</summary>
    Department,
}

/// <summary>The kind of a legal source.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<SourceKind>))]
public enum SourceKind
{
    /// <summary><c>statute</c>.</summary>
    Statute,
    /// <summary><c>ordinance</c>.</summary>
    Ordinance,
    /// <summary><c>regulation</c>.</summary>
    Regulation,
    /// <summary><c>directive</c>: a department order.</summary>
    Directive,
    /// <summary><c>case-law</c>.</summary>
    CaseLaw,
    /// <summary><c>doctrine</c>: ordinary process and general police power, modelled as rules.</summary>
    Doctrine,
}

/// <summary>How well a rule's text or date is confirmed (checked against the enacted source, likely, or not yet confirmed; docs/policy-format.md).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(VocabularyJsonConverter<Confidence>))]
public enum Confidence
{
    /// <summary><c>verified</c>: read in an official or primary copy.</summary>
    Verified,
    /// <summary><c>probable</c>: from a reliable secondary source, or a letter or date inferred.</summary>
    Probable,
    /// <summary><c>unconfirmed</c>: not confirmed.</summary>
    Unconfirmed,
    /// <summary><c>design</c>: a modelling choice, not a legal text.</summary>
    Design,
}

/// <summary>
/// The meaning of a request vocabulary value in the contract's words, for help texts (the decision service's
/// <c>GET /v1/vocabularies</c> and web page); read through <see cref="RequestFieldInfo.ValueMeanings"/>.
/// </summary>
/// <param name="text">One sentence.</param>
[AttributeUsage(AttributeTargets.Field)]
internal sealed class MeaningAttribute(string text) : Attribute
{
    /// <summary>The sentence.</summary>
    public string Text { get; } = text;
}
