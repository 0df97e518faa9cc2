using System.Runtime.CompilerServices;
using NodaTime;

namespace PolicyModel.Benchmarks;

/// <summary>
/// The baseline: the built-in rules of <c>us</c>, <c>us-il</c>, <c>us-il-cook</c>, <c>us-il-chicago</c>, <c>us-tx</c>
/// and <c>us-fl</c> (domain sections 2, 4 and 5) written as plain C# if/switch logic, with no engine, no table and
/// no allocation. It decides every request in those jurisdictions, not only the benchmarked mix, and is checked
/// against PolicyModel on the mix and on random requests (PolicyModel.Benchmarks.Tests).
/// </summary>
/// <remarks>
/// Rules with effect <c>none</c> and no obligation (federal background such as 8 CFR 287.7, 805/5, the carve-out
/// 2-173-042(c), Texas's proof-of-status exception) change neither outcome nor obligations: they appear below only
/// as the exceptions they make.
/// </remarks>
public static class HandWritten
{
    private static readonly DateTimeZone Central = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly DateTimeZone Eastern = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Local dates (domain section 5 periods; closed-open).
    private static readonly LocalDate Cook4637 = new(2011, 9, 7);
    private static readonly LocalDate Chicago2006 = new(2006, 3, 29);
    private static readonly LocalDate Chicago2012 = new(2012, 9, 12);
    private static readonly LocalDate CpdOrder2012 = new(2012, 10, 23);
    private static readonly LocalDate CpdSupervisor = new(2019, 9, 30);
    private static readonly LocalDate Chicago069 = new(2020, 3, 25);
    private static readonly LocalDate Chicago2021 = new(2021, 1, 27);
    private static readonly LocalDate TrustAct = new(2017, 8, 28);
    private static readonly LocalDate Kifta = new(2019, 6, 21);
    private static readonly LocalDate WayForward = new(2021, 8, 2);
    private static readonly LocalDate ContractDeadline = new(2022, 1, 1);
    private static readonly LocalDate CourtAccess = new(2025, 12, 9);
    private static readonly LocalDate TexasSb4 = new(2017, 9, 1);
    private static readonly LocalDate TexasSb8 = new(2026, 1, 1);
    private static readonly LocalDate FloridaSb168 = new(2019, 7, 1);
    private static readonly LocalDate Florida908105 = new(2019, 10, 1);
    private static readonly LocalDate Florida90811 = new(2023, 1, 1);

    /// <summary>A built-in jurisdiction; each includes the rules of its parents (domain 4.1).</summary>
    private enum Place
    {
        Us,
        Illinois,
        Cook,
        Chicago,
        Texas,
        Florida,
    }

    /// <summary>The outcome of <paramref name="request"/>.</summary>
    /// <exception cref="NotSupportedException">The jurisdiction is not one of the six this baseline encodes.</exception>
    public static Outcome DecideOutcome(AssistanceRequest request) => Decide(request).Outcome;

    /// <summary>Decides <paramref name="request"/>: outcome and obligations, as PolicyModel's built-in policies do.</summary>
    /// <exception cref="NotSupportedException">The jurisdiction is not one of the six this baseline encodes.</exception>
    public static Verdict Decide(AssistanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var place = PlaceOf(request.Jurisdiction.Value);
        var date = request.ReceivedAt.ToInstant().InZone(ZoneOf(place)).Date;
        var respondent = request.Respondent;
        var purpose = request.Purpose;
        var hasCircumstances = !request.Circumstances.IsEmpty;

        // Step 3: presumptions (most specific first; both presume civil enforcement).
        if (purpose == Purpose.Unknown
            && ((place == Place.Chicago && respondent == Respondent.Police && date >= CpdSupervisor && IsImmigrationAgency(request.Requester))
                || IsCivilDocument(request.Authority)))
        {
            purpose = Purpose.CivilImmigrationEnforcement;
        }

        // Step 3: the unknown-purpose test: decide as civil and as criminal, circumstances removed.
        if (purpose == Purpose.Unknown)
        {
            var civil = Evaluate(place, request, date, Purpose.CivilImmigrationEnforcement, withCircumstances: false);
            var criminal = Evaluate(place, request, date, Purpose.CriminalInvestigation, withCircumstances: false);
            if (civil.Outcome != criminal.Outcome)
            {
                // The decision keeps the civil variant's `none` rules; their obligations apply (never release-when-eligible).
                return new Verdict(hasCircumstances ? Outcome.PoliceAction : Outcome.Refer, EnumSet<Obligation>.FromMask(civil.NoneObligations));
            }
        }

        var tally = Evaluate(place, request, date, purpose, hasCircumstances);
        var outcome = tally.Outcome;
        var obligations = tally.Obligations;
        if (outcome != Outcome.Denied)
        {
            obligations &= ~Bit(Obligation.ReleaseWhenEligible);
        }

        return new Verdict(outcome, EnumSet<Obligation>.FromMask(obligations));
    }

    /// <summary>Steps 4 to 7 for one purpose: the rules of the chain that bind the respondent, are in force and match.</summary>
    private static Tally Evaluate(Place place, AssistanceRequest r, LocalDate date, Purpose purpose, bool withCircumstances)
    {
        var t = default(Tally);
        var a = r.Assistance;
        var auth = r.Authority;
        var respondent = r.Respondent;
        var facts = r.SubjectFacts;

        // Section 2 terms.
        var ia = IsImmigrationAgency(r.Requester);
        var civdoc = IsCivilDocument(auth);
        var judicial = auth is Authority.JudicialCriminalWarrant or Authority.CourtOrder;
        var crim = purpose is Purpose.CriminalInvestigation or Purpose.CriminalImmigrationEnforcement;
        var civil = !judicial && (purpose == Purpose.CivilImmigrationEnforcement || (civdoc && !crim));
        var cp = a is AssistanceKind.StopOrArrest or AssistanceKind.OnSceneSupport or AssistanceKind.PerimeterOrCrowdControl
            or AssistanceKind.HoldPastRelease or AssistanceKind.TransferCustody or AssistanceKind.TransportDetainee;
        var h = a is not (AssistanceKind.StopOrArrest or AssistanceKind.InquireImmigrationStatus or AssistanceKind.ShareImmigrationStatus
            or AssistanceKind.Enter287gAgreement or AssistanceKind.DetentionContract or AssistanceKind.AdoptLimitingPolicy);
        var carveOut = facts.Contains(SubjectFact.OutstandingCriminalWarrant) || facts.Contains(SubjectFact.FelonyConviction)
            || facts.Contains(SubjectFact.PendingFelonyCharge) || facts.Contains(SubjectFact.GangDatabase);

        // Who a rule binds (P police, S sheriff, J jail, G local-government).
        var psj = respondent != Respondent.LocalGovernment;
        var sj = respondent is Respondent.Sheriff or Respondent.Jail;
        var pg = respondent is Respondent.Police or Respondent.LocalGovernment;
        var p = respondent == Respondent.Police;

        // Federal (us): binds PSJG; never requires.
        if (cp && auth == Authority.JudicialCriminalWarrant)
        {
            t.Permit = true; // us-criminal-process
        }

        if (a is AssistanceKind.JointCriminalInvestigation or AssistanceKind.OnSceneSupport && crim)
        {
            t.Permit = true; // us-criminal-cooperation
        }

        if (a is AssistanceKind.ShareImmigrationStatus or AssistanceKind.ShareReleaseInformation && auth == Authority.CourtOrder)
        {
            t.Permit = true; // us-court-order
        }

        if (withCircumstances)
        {
            t.PoliceAction = true; // us-emergency (the caller passes false when the request has none)
        }

        switch (place)
        {
            case Place.Illinois or Place.Cook or Place.Chicago:
                Illinois(ref t, date, a, auth, facts, ia, civdoc, civil, crim, cp, h, psj, r.Location == Location.Courthouse);
                if (place != Place.Illinois && sj && date >= Cook4637)
                {
                    // Cook County 46-37 binds the sheriff and jail only.
                    if (a == AssistanceKind.HoldPastRelease && auth == Authority.ImmigrationDetainer)
                    {
                        t.LocalProhibit = true; // cook-46-37-a
                        t.Obligations |= Bit(Obligation.ReleaseWhenEligible);
                    }

                    if (a is AssistanceKind.AccessToPersonInCustody or AssistanceKind.UseOfFacilities or AssistanceKind.ShareReleaseInformation && civil)
                    {
                        t.LocalProhibit = true; // cook-46-37-b
                    }
                }

                if (place == Place.Chicago)
                {
                    if (pg)
                    {
                        Chicago(ref t, date, a, auth, facts, ia, civdoc, civil, carveOut);
                    }

                    if (p)
                    {
                        // CPD S06-14-03 (department layer): binds police only.
                        if (date >= CpdSupervisor && ia)
                        {
                            t.Obligations |= Bit(Obligation.SupervisorToScene); // cpd-supervisor (none)
                            t.NoneObligations |= Bit(Obligation.SupervisorToScene);
                        }

                        if (withCircumstances && date >= CpdOrder2012)
                        {
                            t.PoliceAction = true; // cpd-emergency
                        }
                    }
                }

                // Illinois is a floor: a counting state prohibition preempts local permits and requirements
                // (and the City's prohibitions preempt the department's, which has none that permit or require).
                if (t.StateProhibit)
                {
                    t.LocalPermit = false;
                }

                break;

            case Place.Texas:
                Texas(ref t, date, a, auth, facts, ia, psj, sj);
                break;

            case Place.Florida:
                Florida(ref t, date, a, auth, ia, psj, sj);
                break;
        }

        return t;
    }

    private static void Illinois(ref Tally t, LocalDate date, AssistanceKind a, Authority auth, EnumSet<SubjectFact> facts,
        bool ia, bool civdoc, bool civil, bool crim, bool cp, bool h, bool psj, bool courthouse)
    {
        if (date < TrustAct)
        {
            return;
        }

        if (psj)
        {
            if (cp && auth == Authority.JudicialCriminalWarrant)
            {
                t.Permit = true; // il-805-10-warrant
            }

            if (a is AssistanceKind.StopOrArrest or AssistanceKind.HoldPastRelease && civdoc)
            {
                t.StateProhibit = true; // il-805-15a (any purpose)
                t.Obligations |= Bit(Obligation.ReleaseWhenEligible);
            }

            if (a == AssistanceKind.StopOrArrest && civil && auth == Authority.None)
            {
                t.StateProhibit = true; // il-805-15b
            }

            if (a == AssistanceKind.Enter287gAgreement && date >= Kifta)
            {
                t.StateProhibit = true; // il-kifta-287g
            }
        }

        if (date < WayForward)
        {
            return;
        }

        if (a == AssistanceKind.DetentionContract)
        {
            // 805/15(g) binds local-government too.
            if (date < ContractDeadline)
            {
                t.Refer = true; // il-805-15g-transition
            }
            else
            {
                t.StateProhibit = true; // il-805-15g
            }
        }

        // 705 ILCS 96/10-15 binds local-government too.
        if (date >= CourtAccess && courthouse && civil
            && a is AssistanceKind.StopOrArrest or AssistanceKind.HoldPastRelease or AssistanceKind.TransferCustody
                or AssistanceKind.OnSceneSupport or AssistanceKind.PerimeterOrCrowdControl)
        {
            t.StateProhibit = true; // il-705-96-10-15
        }

        if (!psj)
        {
            return;
        }

        if (a == AssistanceKind.InquireImmigrationStatus)
        {
            if (facts.Contains(SubjectFact.ForeignNationalArrested))
            {
                t.Permit = true; // il-805-15e-consular, excepting il-805-15e
            }
            else
            {
                t.StateProhibit = true; // il-805-15e
            }
        }

        if (h && civil)
        {
            t.StateProhibit = true; // il-805-15h
        }

        if (a is AssistanceKind.JointCriminalInvestigation or AssistanceKind.OnSceneSupport && crim)
        {
            t.Permit = true; // il-805-15i
        }

        if (ia || civdoc)
        {
            t.Obligations |= Bit(Obligation.RecordRequest); // il-805-25 (none)
            t.NoneObligations |= Bit(Obligation.RecordRequest);
        }
    }

    /// <summary>The Welcoming City Ordinance, chapter 2-173 (binds police and local-government).</summary>
    private static void Chicago(ref Tally t, LocalDate date, AssistanceKind a, Authority auth, EnumSet<SubjectFact> facts,
        bool ia, bool civdoc, bool civil, bool carveOut)
    {
        if (date < Chicago2006)
        {
            return;
        }

        if (a is AssistanceKind.ShareImmigrationStatus or AssistanceKind.InquireImmigrationStatus)
        {
            var authorised = auth is Authority.CourtOrder or Authority.JudicialCriminalWarrant or Authority.WrittenConsent;
            var consular = a == AssistanceKind.InquireImmigrationStatus && facts.Contains(SubjectFact.ForeignNationalArrested);
            if (authorised || consular)
            {
                // chi-030-authorised, chi-030-consular: permit, excepting chi-2006-020, chi-2006-030 and chi-030-a.
                t.LocalPermit = true;
            }
            else
            {
                t.LocalProhibit = true; // chi-2006-020 / chi-2006-030 before 2021-01-27, chi-030-a from then
            }
        }

        if (date < Chicago2021)
        {
            // 2-173-042 (2012-09-12 to 2021-01-26): (c) lifts (a) and (b) for people with carve-out facts.
            if (date >= Chicago2012 && civil && !carveOut)
            {
                if (a is AssistanceKind.StopOrArrest or AssistanceKind.HoldPastRelease)
                {
                    t.LocalProhibit = true; // chi-042-a
                    t.Obligations |= Bit(Obligation.ReleaseWhenEligible);
                }
                else if (a is AssistanceKind.AccessToPersonInCustody or AssistanceKind.UseOfFacilities or AssistanceKind.ShareReleaseInformation)
                {
                    t.LocalProhibit = true; // chi-042-b
                }
            }
        }
        else
        {
            // 2-173-020 and 2-173-030(b) (from 2021-01-27).
            if (a == AssistanceKind.Enter287gAgreement)
            {
                t.LocalProhibit = true; // chi-020-a4 (any purpose)
            }

            if (civil)
            {
                switch (a)
                {
                    case AssistanceKind.StopOrArrest or AssistanceKind.HoldPastRelease:
                        t.LocalProhibit = true; // chi-020-a1
                        t.Obligations |= Bit(Obligation.ReleaseWhenEligible);
                        break;
                    case AssistanceKind.AccessToPersonInCustody or AssistanceKind.UseOfFacilities: // chi-020-a2
                    case AssistanceKind.ShareReleaseInformation: // chi-020-a3
                    case AssistanceKind.TransferCustody: // chi-020-a5
                    case AssistanceKind.OnSceneSupport or AssistanceKind.PerimeterOrCrowdControl: // chi-020-a6
                    case AssistanceKind.TransportDetainee or AssistanceKind.DetentionContract or AssistanceKind.JointCriminalInvestigation: // chi-020-a
                    case AssistanceKind.DatabaseAccess: // chi-030-b
                        t.LocalProhibit = true;
                        break;
                }
            }
        }

        if (date >= Chicago069 && (ia || civdoc))
        {
            t.Obligations |= Bit(Obligation.RecordRequest); // chi-069-record (none)
            t.NoneObligations |= Bit(Obligation.RecordRequest);
        }
    }

    /// <summary>Texas SB 4 (from 2017-09-01) and SB 8 (from 2026-01-01); a mandate, with no built-in local rules for it to preempt.</summary>
    private static void Texas(ref Tally t, LocalDate date, AssistanceKind a, Authority auth, EnumSet<SubjectFact> facts, bool ia, bool psj, bool sj)
    {
        if (date < TexasSb4)
        {
            return;
        }

        switch (a)
        {
            case AssistanceKind.AdoptLimitingPolicy:
                t.StateProhibit = true; // tx-752-053-a
                break;
            case AssistanceKind.InquireImmigrationStatus: // tx-752-053-b1
            case AssistanceKind.ShareImmigrationStatus: // tx-752-053-b2
                t.Permit = true;
                break;
            case AssistanceKind.OnSceneSupport or AssistanceKind.PerimeterOrCrowdControl or AssistanceKind.StopOrArrest when ia: // tx-752-053-b3
            case AssistanceKind.UseOfFacilities or AssistanceKind.AccessToPersonInCustody when ia: // tx-752-053-b4
                t.Permit = true;
                break;
            case AssistanceKind.HoldPastRelease when psj && auth == Authority.ImmigrationDetainer && !facts.Contains(SubjectFact.ProofOfLawfulStatus):
                // tx-detainer (art. 2.251, art. 2A.060 from 2025-01-01); tx-detainer-proof excepts it on proof of status.
                t.Require = true;
                t.Obligations |= Bit(Obligation.InformSubject);
                break;
            case AssistanceKind.Enter287gAgreement when sj && date >= TexasSb8:
                t.Require = true; // tx-753-051 (SB 8, Gov't Code 753.051(a), from 2026-01-01)
                break;
        }
    }

    /// <summary>Florida chapter 908; a mandate, with no built-in local rules for it to preempt.</summary>
    private static void Florida(ref Tally t, LocalDate date, AssistanceKind a, Authority auth, bool ia, bool psj, bool sj)
    {
        if (date < FloridaSb168)
        {
            return;
        }

        switch (a)
        {
            case AssistanceKind.AdoptLimitingPolicy:
                t.StateProhibit = true; // fl-908-103
                break;
            case AssistanceKind.OnSceneSupport or AssistanceKind.ShareImmigrationStatus or AssistanceKind.ShareReleaseInformation
                or AssistanceKind.AccessToPersonInCustody when psj && ia:
                t.Require = true; // fl-908-104
                break;
            case AssistanceKind.TransportDetainee when psj && auth == Authority.ImmigrationDetainer:
                t.Permit = true; // fl-908-104-transport
                break;
            case AssistanceKind.HoldPastRelease when psj && auth == Authority.ImmigrationDetainer && date >= Florida908105:
                t.Require = true; // fl-908-105
                break;
            case AssistanceKind.Enter287gAgreement when sj && date >= Florida90811:
                t.Require = true; // fl-908-11
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsImmigrationAgency(Requester requester) =>
        requester is Requester.IceEro or Requester.IceHsi or Requester.Cbp or Requester.OtherDhs;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCivilDocument(Authority authority) =>
        authority is Authority.AdministrativeWarrant or Authority.ImmigrationDetainer or Authority.NcicImmigrationHit or Authority.AlienEnemiesDesignation;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bit(Obligation obligation) => 1UL << (int)obligation;

    private static Place PlaceOf(string? jurisdiction) => jurisdiction switch
    {
        "us-il-chicago" => Place.Chicago,
        "us-il" => Place.Illinois,
        "us-il-cook" => Place.Cook,
        "us-tx" => Place.Texas,
        "us-fl" => Place.Florida,
        "us" => Place.Us,
        _ => throw new NotSupportedException($"the hand-written baseline has no rules for `{jurisdiction}`"),
    };

    private static DateTimeZone ZoneOf(Place place) => place switch
    {
        Place.Us => DateTimeZone.Utc,
        Place.Florida => Eastern,
        _ => Central,
    };

    /// <summary>The counting rules' effects for one purpose, after exceptions (applied inline) and preemption.</summary>
    private struct Tally
    {
        public bool StateProhibit;
        public bool LocalProhibit;
        public bool Refer;
        public bool Require;
        public bool Permit;
        public bool LocalPermit;
        public bool PoliceAction;

        /// <summary>Obligations of every counting rule.</summary>
        public ulong Obligations;

        /// <summary>Obligations of the counting rules with effect <c>none</c> (kept by the unknown-purpose test).</summary>
        public ulong NoneObligations;

        /// <summary>Precedence (4.4), then circumstances (4.6 step 7).</summary>
        public readonly Outcome Outcome
        {
            get
            {
                var outcome = StateProhibit || LocalProhibit ? Outcome.Denied
                    : Refer ? Outcome.Refer
                    : Require ? Outcome.Required
                    : Permit || LocalPermit ? Outcome.Granted
                    : Outcome.Discretionary;
                return PoliceAction && outcome is Outcome.Denied or Outcome.Refer or Outcome.Discretionary ? Outcome.PoliceAction : outcome;
            }
        }
    }
}
