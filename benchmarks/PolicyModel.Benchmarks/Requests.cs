using NodaTime;
using NodaTime.Text;
using static PolicyModel.AssistanceKind;
using static PolicyModel.Authority;
using static PolicyModel.Circumstance;
using static PolicyModel.Purpose;
using static PolicyModel.Requester;
using static PolicyModel.SubjectFact;

namespace PolicyModel.Benchmarks;

/// <summary>The requests the benchmarks decide: a fixed mix, and seeded pseudo-random batches.</summary>
public static class Requests
{
    /// <summary>The jurisdictions the comparison covers (the hand-written baseline encodes exactly these).</summary>
    public static IReadOnlyList<string> Jurisdictions { get; } = ["us", "us-il", "us-il-cook", "us-il-chicago", "us-tx", "us-fl"];

    /// <summary>
    /// The fixed mix: Chicago, Cook County, Illinois, Texas, Florida and federal requests on dates either side of
    /// the laws' start dates (2006-03-29, 2012-09-12, 2017-08-28, 2017-09-01, 2019-06-21, 2019-07-01,
    /// 2019-09-30, 2019-10-01, 2020-03-25, 2021-01-27, 2021-08-02, 2022-01-01, 2023-01-01, 2025-01-01), some
    /// given in UTC so that the local date differs, with every outcome present.
    /// </summary>
    public static AssistanceRequest[] Mix() =>
    [
        // Chicago police (city and department layers over Cook County, Illinois and federal rules).
        R("chi-01", "us-il-chicago", "2025-01-21T06:40:00-06:00", IceEro, CivilImmigrationEnforcement, StopOrArrest, AdministrativeWarrant),
        R("chi-02", "us-il-chicago", "2025-04-02T10:00:00-05:00", IceHsi, CriminalImmigrationEnforcement, StopOrArrest, JudicialCriminalWarrant),
        R("chi-03", "us-il-chicago", "2025-04-10T14:00:00-05:00", IceEro, CivilImmigrationEnforcement, OnSceneSupport, circumstances: [CrimeInProgress]),
        R("chi-04", "us-il-chicago", "2019-05-02T09:00:00-05:00", IceEro, CivilImmigrationEnforcement, ShareReleaseInformation, facts: [GangDatabase]),
        R("chi-05", "us-il-chicago", "2025-02-10T09:00:00-06:00", IceEro, CivilImmigrationEnforcement, PerimeterOrCrowdControl),
        R("chi-06", "us-il-chicago", "2021-01-26T23:30:00-06:00", IceEro, CivilImmigrationEnforcement, TransferCustody),
        R("chi-07", "us-il-chicago", "2021-01-27T06:30:00Z", IceEro, CivilImmigrationEnforcement, TransferCustody),
        R("chi-08", "us-il-chicago", "2025-03-03T08:00:00-06:00", IceEro, Unknown, OnSceneSupport),
        R("chi-09", "us-il-chicago", "2019-09-29T12:00:00-05:00", IceEro, Unknown, OnSceneSupport),
        R("chi-10", "us-il-chicago", "2025-05-05T08:00:00-05:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Sheriff),
        R("chi-11", "us-il-chicago", "2025-05-06T08:00:00-05:00", LocalPolice, CriminalInvestigation, JointCriminalInvestigation),
        R("chi-12", "us-il-chicago", "2025-05-07T08:00:00-05:00", IceEro, CivilImmigrationEnforcement, InquireImmigrationStatus, WrittenConsent),
        R("chi-13", "us-il-chicago", "2020-06-01T08:00:00-05:00", LocalPolice, CriminalInvestigation, InquireImmigrationStatus, WrittenConsent),
        R("chi-14", "us-il-chicago", "2020-06-02T08:00:00-05:00", LocalPolice, CriminalInvestigation, InquireImmigrationStatus, facts: [ForeignNationalArrested]),
        R("chi-15", "us-il-chicago", "2025-06-02T08:00:00-05:00", LocalPolice, CriminalInvestigation, InquireImmigrationStatus, facts: [ForeignNationalArrested]),
        R("chi-16", "us-il-chicago", "2025-06-03T10:00:00-05:00", Subject, PublicSafetyEmergency, AdoptLimitingPolicy, respondent: Respondent.LocalGovernment),
        R("chi-17", "us-il-chicago", "2025-06-04T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, DetentionContract, respondent: Respondent.LocalGovernment),
        R("chi-18", "us-il-chicago", "2021-09-15T10:00:00-05:00", PrivateContractor, CriminalInvestigation, DetentionContract, respondent: Respondent.LocalGovernment),
        R("chi-19", "us-il-chicago", "2025-06-05T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, Enter287gAgreement),
        R("chi-20", "us-il-chicago", "2018-03-01T10:00:00-06:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, facts: [FelonyConviction]),
        R("chi-21", "us-il-chicago", "2015-05-05T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, StopOrArrest, AdministrativeWarrant),
        R("chi-22", "us-il-chicago", "2015-05-06T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, StopOrArrest, AdministrativeWarrant, facts: [OutstandingCriminalWarrant]),
        R("chi-23", "us-il-chicago", "2025-07-01T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, DatabaseAccess),
        R("chi-24", "us-il-chicago", "2025-07-02T10:00:00-05:00", FederalCriminalAgency, CriminalInvestigation, OnSceneSupport),
        R("chi-25", "us-il-chicago", "2025-07-03T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, StopOrArrest, AdministrativeWarrant, circumstances: [OfficerInDanger]),
        R("chi-26", "us-il-chicago", "2025-07-04T10:00:00-05:00", Cbp, Unknown, UseOfFacilities),
        R("chi-27", "us-il-chicago", "2025-07-05T10:00:00-05:00", Uscis, ImmigrationBenefit, ShareImmigrationStatus, WrittenConsent),
        R("chi-28", "us-il-chicago", "2025-07-06T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, ShareImmigrationStatus),
        R("chi-29", "us-il-chicago", "2012-09-11T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, AccessToPersonInCustody),
        R("chi-30", "us-il-chicago", "2012-09-12T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, AccessToPersonInCustody),
        R("chi-31", "us-il-chicago", "2020-03-25T10:00:00-05:00", OtherDhs, CivilImmigrationEnforcement, UseOfFacilities),
        R("chi-32", "us-il-chicago", "2025-08-01T10:00:00-05:00", IceEro, Unknown, JointCriminalInvestigation, respondent: Respondent.LocalGovernment),

        // Cook County (sheriff and jail; county rules do not bind city or suburban police).
        R("cook-01", "us-il-cook", "2015-02-02T10:00:00-06:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Sheriff),
        R("cook-02", "us-il-cook", "2015-02-03T10:00:00-06:00", IceEro, CivilImmigrationEnforcement, AccessToPersonInCustody, respondent: Respondent.Jail),
        R("cook-03", "us-il-cook", "2015-02-04T10:00:00-06:00", IceEro, CivilImmigrationEnforcement, AccessToPersonInCustody),
        R("cook-04", "us-il-cook", "2025-02-05T10:00:00-06:00", IceHsi, CriminalImmigrationEnforcement, HoldPastRelease, JudicialCriminalWarrant, Respondent.Jail),

        // Illinois (any local agency outside a more specific pack).
        R("il-01", "us-il", "2021-08-02T03:00:00Z", IceEro, CivilImmigrationEnforcement, ShareReleaseInformation, respondent: Respondent.Jail),
        R("il-02", "us-il", "2021-08-02T05:00:00Z", IceEro, CivilImmigrationEnforcement, ShareReleaseInformation, respondent: Respondent.Jail),
        R("il-03", "us-il", "2017-08-27T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("il-04", "us-il", "2017-08-28T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("il-05", "us-il", "2019-06-20T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, Enter287gAgreement, respondent: Respondent.Sheriff),
        R("il-06", "us-il", "2019-06-21T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, Enter287gAgreement, respondent: Respondent.Sheriff),
        R("il-07", "us-il", "2021-10-01T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, DetentionContract, respondent: Respondent.Sheriff),
        R("il-08", "us-il", "2022-01-01T00:30:00-06:00", OtherDhs, CivilImmigrationEnforcement, DetentionContract, respondent: Respondent.LocalGovernment),
        R("il-09", "us-il", "2021-12-31T23:30:00-06:00", OtherDhs, CivilImmigrationEnforcement, DetentionContract, respondent: Respondent.LocalGovernment),
        R("il-10", "us-il", "2025-03-10T12:00:00-05:00", IceHsi, CriminalImmigrationEnforcement, JointCriminalInvestigation),
        R("il-11", "us-il", "2025-03-11T12:00:00-05:00", IceEro, Unknown, OnSceneSupport),
        R("il-12", "us-il", "2025-03-12T12:00:00-05:00", IceEro, Unknown, OnSceneSupport, circumstances: [TrafficHazard]),
        R("il-13", "us-il", "2025-03-13T12:00:00-05:00", IceEro, Unknown, TransportDetainee, AdministrativeWarrant),
        R("il-14", "us-il", "2025-03-14T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, JudicialCriminalWarrant, Respondent.Jail),
        R("il-15", "us-il", "2025-03-15T12:00:00-05:00", StatePolice, CriminalInvestigation, StopOrArrest),
        R("il-16", "us-il", "2025-03-16T12:00:00-05:00", LocalPolice, CriminalInvestigation, InquireImmigrationStatus),
        R("il-17", "us-il", "2025-03-17T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, ShareImmigrationStatus, respondent: Respondent.Jail),
        R("il-18", "us-il", "2025-03-18T12:00:00-05:00", Court, CriminalInvestigation, ShareReleaseInformation, CourtOrder, Respondent.Jail),
        R("il-19", "us-il", "2018-04-04T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, StopOrArrest, NcicImmigrationHit),

        // Texas (a mandate).
        R("tx-01", "us-tx", "2018-05-01T12:00:00-05:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("tx-02", "us-tx", "2025-03-01T12:00:00-06:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("tx-03", "us-tx", "2025-03-02T12:00:00-06:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail, facts: [ProofOfLawfulStatus]),
        R("tx-04", "us-tx", "2025-03-03T12:00:00-06:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail, circumstances: [MedicalEmergency]),
        R("tx-05", "us-tx", "2017-09-01T04:30:00Z", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("tx-06", "us-tx", "2017-09-01T05:30:00Z", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("tx-07", "us-tx", "2025-03-04T12:00:00-06:00", IceEro, CivilImmigrationEnforcement, StopOrArrest, AdministrativeWarrant),
        R("tx-08", "us-tx", "2025-03-05T12:00:00-06:00", Subject, PublicSafetyEmergency, AdoptLimitingPolicy, respondent: Respondent.LocalGovernment),
        R("tx-09", "us-tx", "2025-03-06T12:00:00-06:00", LocalPolice, CriminalInvestigation, InquireImmigrationStatus),
        R("tx-10", "us-tx", "2025-03-07T12:00:00-06:00", IceEro, CivilImmigrationEnforcement, TransportDetainee),
        R("tx-11", "us-tx", "2025-03-08T12:00:00-06:00", LocalPolice, CivilImmigrationEnforcement, PerimeterOrCrowdControl, circumstances: [CrimeInProgress]),
        R("tx-12", "us-tx", "2025-03-09T12:00:00-05:00", IceEro, Unknown, JointCriminalInvestigation),

        // Florida (a mandate).
        R("fl-01", "us-fl", "2019-09-30T23:30:00-04:00", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("fl-02", "us-fl", "2019-10-01T03:59:00Z", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("fl-03", "us-fl", "2019-10-01T04:00:00Z", IceEro, CivilImmigrationEnforcement, HoldPastRelease, ImmigrationDetainer, Respondent.Jail),
        R("fl-04", "us-fl", "2025-04-01T12:00:00-04:00", IceEro, CivilImmigrationEnforcement, OnSceneSupport),
        R("fl-05", "us-fl", "2025-04-02T12:00:00-04:00", IceEro, CivilImmigrationEnforcement, ShareReleaseInformation),
        R("fl-06", "us-fl", "2022-06-01T12:00:00-04:00", IceEro, CivilImmigrationEnforcement, Enter287gAgreement, respondent: Respondent.Sheriff),
        R("fl-07", "us-fl", "2023-01-01T10:00:00-05:00", IceEro, CivilImmigrationEnforcement, Enter287gAgreement, respondent: Respondent.Sheriff),
        R("fl-08", "us-fl", "2025-04-03T12:00:00-04:00", IceEro, CivilImmigrationEnforcement, Enter287gAgreement),
        R("fl-09", "us-fl", "2025-04-04T12:00:00-04:00", Subject, PublicSafetyEmergency, AdoptLimitingPolicy, respondent: Respondent.LocalGovernment),
        R("fl-10", "us-fl", "2025-04-05T12:00:00-04:00", IceEro, CivilImmigrationEnforcement, TransportDetainee, ImmigrationDetainer),
        R("fl-11", "us-fl", "2025-04-06T12:00:00-04:00", IceEro, CivilImmigrationEnforcement, OnSceneSupport, circumstances: [OfficerInDanger]),
        R("fl-12", "us-fl", "2025-04-07T12:00:00-04:00", LocalPolice, CivilImmigrationEnforcement, PerimeterOrCrowdControl, circumstances: [CrimeInProgress]),
        R("fl-13", "us-fl", "2019-06-30T12:00:00-04:00", IceEro, CivilImmigrationEnforcement, ShareImmigrationStatus),

        // Federal rules alone.
        R("us-01", "us", "2025-04-08T12:00:00Z", IceEro, CivilImmigrationEnforcement, StopOrArrest, AdministrativeWarrant),
        R("us-02", "us", "2025-04-09T12:00:00Z", FederalCriminalAgency, CriminalInvestigation, StopOrArrest, JudicialCriminalWarrant),
    ];

    /// <summary>The local dates on which some built-in rule starts or ends, which random requests cluster around.</summary>
    private static readonly LocalDate[] Boundaries =
    [
        new(1997, 4, 1), new(2006, 3, 29), new(2011, 9, 7), new(2012, 9, 12), new(2012, 10, 23), new(2017, 8, 28), new(2017, 9, 1),
        new(2019, 6, 21), new(2019, 7, 1), new(2019, 9, 30), new(2019, 10, 1), new(2020, 3, 25), new(2021, 1, 27), new(2021, 8, 2),
        new(2022, 1, 1), new(2023, 1, 1), new(2025, 1, 1), new(2025, 10, 6), new(2025, 12, 9), new(2026, 1, 1), new(2026, 12, 7),
    ];

    private static readonly Offset[] Offsets =
    [
        Offset.Zero, Offset.FromHours(-6), Offset.FromHours(-5), Offset.FromHours(-4), Offset.FromHours(-7), Offset.FromHours(1), Offset.FromHours(-10),
    ];

    /// <summary>
    /// <paramref name="count"/> valid pseudo-random requests over <see cref="Jurisdictions"/> (the same for the same
    /// seed): every field uniform over its vocabulary (a location only on half of them), times either anywhere from 2004
    /// to 2027 or within 36 hours of a rule's start or end date (or of the day after the law's date), with assorted offsets.
    /// </summary>
    public static AssistanceRequest[] Random(int count, int seed = 20250121)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var jurisdictions = Jurisdictions.Select(j => new JurisdictionId(j)).ToArray();
        var requesters = Enum.GetValues<Requester>();
        var purposes = Enum.GetValues<Purpose>();
        var kinds = Enum.GetValues<AssistanceKind>();
        var authorities = Enum.GetValues<Authority>();
        var respondents = Enum.GetValues<Respondent>();
        var locations = Enum.GetValues<Location>();
        var start = Instant.FromUtc(2004, 1, 1, 0, 0);
        var span = (Instant.FromUtc(2028, 1, 1, 0, 0) - start).TotalSeconds;
        var result = new AssistanceRequest[count];
        for (var i = 0; i < count; i++)
        {
            Instant at;
            if (random.Next(2) == 0)
            {
                at = start + Duration.FromSeconds((long)(random.NextDouble() * span));
            }
            else
            {
                var boundary = Boundaries[random.Next(Boundaries.Length)].AtMidnight().InUtc().ToInstant();
                at = boundary + Duration.FromMinutes(random.Next(-36 * 60, 36 * 60));
            }

            result[i] = new AssistanceRequest
            {
                Jurisdiction = jurisdictions[random.Next(jurisdictions.Length)],
                Respondent = respondents[random.Next(respondents.Length)],
                ReceivedAt = at.WithOffset(Offsets[random.Next(Offsets.Length)]),
                Requester = requesters[random.Next(requesters.Length)],
                Purpose = purposes[random.Next(purposes.Length)],
                Assistance = kinds[random.Next(kinds.Length)],
                Authority = authorities[random.Next(authorities.Length)],
                Circumstances = random.Next(4) == 0 ? EnumSet<Circumstance>.FromMask((ulong)random.Next(1, 16)) : EnumSet<Circumstance>.Empty,
                SubjectFacts = EnumSet<SubjectFact>.FromMask(RandomFacts(random)),
                Location = random.Next(2) == 0 ? Location.Other : locations[random.Next(locations.Length)],
            };
        }

        return result;
    }

    private static ulong RandomFacts(Random random)
    {
        ulong mask = 0;
        for (var bit = 0; bit < 7; bit++)
        {
            if (random.Next(5) == 0)
            {
                mask |= 1UL << bit;
            }
        }

        return mask;
    }

    private static AssistanceRequest R(
        string id, string jurisdiction, string receivedAt, Requester requester, Purpose purpose, AssistanceKind assistance,
        Authority authority = Authority.None, Respondent respondent = Respondent.Police,
        Circumstance[]? circumstances = null, SubjectFact[]? facts = null) => new()
        {
            Id = id,
            Jurisdiction = jurisdiction,
            ReceivedAt = OffsetDateTimePattern.ExtendedIso.Parse(receivedAt).GetValueOrThrow(),
            Requester = requester,
            Purpose = purpose,
            Assistance = assistance,
            Authority = authority,
            Respondent = respondent,
            Circumstances = EnumSet<Circumstance>.Of(circumstances ?? []),
            SubjectFacts = EnumSet<SubjectFact>.Of(facts ?? []),
        };
}
