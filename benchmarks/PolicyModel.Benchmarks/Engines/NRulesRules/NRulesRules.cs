using NRules.Fluent.Dsl;
using DslRule = NRules.Fluent.Dsl.Rule;

namespace PolicyModel.Benchmarks.Engines.NRulesRules;

// The built-in rules as NRules rule classes: each matches a RequestFacts fact under the same conditions as the
// RulesEngine workflow (exceptions written into the excepted rule's condition) and records its effect, layer and
// obligations on the fact when it fires.

/// <summary>Obligation sets the rules' actions record.</summary>
internal static class Obligations
{
    public static readonly EnumSet<Obligation> None = EnumSet<Obligation>.Empty;
    public static readonly EnumSet<Obligation> ReleaseWhenEligible = EnumSet<Obligation>.Of(Obligation.ReleaseWhenEligible);
    public static readonly EnumSet<Obligation> RecordRequest = EnumSet<Obligation>.Of(Obligation.RecordRequest);
    public static readonly EnumSet<Obligation> SupervisorToScene = EnumSet<Obligation>.Of(Obligation.SupervisorToScene);
    public static readonly EnumSet<Obligation> InformSubject = EnumSet<Obligation>.Of(Obligation.InformSubject);
}

/// <summary>Presumption (domain 4.7 (b)): a request resting only on a civil document is presumed civil.</summary>
[Name("us-presume-civil-document")]
[Tag(NRulesDecider.PresumptionTag)]
public sealed class UsPresumeCivilDocument : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.Purpose == Purpose.Unknown,
            x => x.CivilDocument);
        Then().Do(ctx => f.Presume(Purpose.CivilImmigrationEnforcement));
    }
}

/// <summary>Presumption (domain 4.7 (a)): Chicago police asked by an immigration agency that will not state its purpose.</summary>
[Name("cpd-presume-civil")]
[Tag(NRulesDecider.PresumptionTag)]
public sealed class CpdPresumeCivil : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Purpose == Purpose.Unknown,
            x => x.Day >= 20190930,
            x => x.Respondent == Respondent.Police,
            x => x.ImmigrationAgency);
        Then().Do(ctx => f.Presume(Purpose.CivilImmigrationEnforcement));
    }
}

[Name("us-criminal-process")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class UsCriminalProcess : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.CriminalProcessKind,
            x => x.Authority == Authority.JudicialCriminalWarrant);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.Federal, Obligations.None));
    }
}

[Name("us-criminal-cooperation")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class UsCriminalCooperation : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => (x.Assistance == AssistanceKind.JointCriminalInvestigation || x.Assistance == AssistanceKind.OnSceneSupport),
            x => x.CriminalPurpose);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.Federal, Obligations.None));
    }
}

[Name("us-court-order")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class UsCourtOrder : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => (x.Assistance == AssistanceKind.ShareImmigrationStatus || x.Assistance == AssistanceKind.ShareReleaseInformation),
            x => x.Authority == Authority.CourtOrder);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.Federal, Obligations.None));
    }
}

[Name("us-emergency")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class UsEmergency : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(() => f, x => x.HasCircumstances);
        Then().Do(ctx => f.Tally.Count(Effect.PoliceAction, Layer.Federal, Obligations.None));
    }
}

[Name("us-detainer-request")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class UsDetainerRequest : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.Day >= 19970401,
            x => x.Assistance == AssistanceKind.HoldPastRelease,
            x => x.Authority == Authority.ImmigrationDetainer);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.Federal, Obligations.None));
    }
}

[Name("us-287g")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Us287g : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.Day >= 19960930,
            x => x.Assistance == AssistanceKind.Enter287gAgreement);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.Federal, Obligations.None));
    }
}

[Name("us-1373")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Us1373 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.Day >= 19960930,
            x => x.Assistance == AssistanceKind.ShareImmigrationStatus);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.Federal, Obligations.None));
    }
}

[Name("il-805-10-warrant")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_10Warrant : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20170828,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.CriminalProcessKind,
            x => x.Authority == Authority.JudicialCriminalWarrant);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("il-805-15a")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15a : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20170828,
            x => x.Respondent != Respondent.LocalGovernment,
            x => (x.Assistance == AssistanceKind.StopOrArrest || x.Assistance == AssistanceKind.HoldPastRelease),
            x => x.CivilDocument);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.ReleaseWhenEligible));
    }
}

[Name("il-805-15b")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15b : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20170828,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.StopOrArrest,
            x => x.CivilRequest,
            x => x.Authority == Authority.None);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("il-805-5-status")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_5Status : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20170828,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.ShareImmigrationStatus);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.State, Obligations.None));
    }
}

[Name("il-805-5-release")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_5Release : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20170828,
            x => x.Day < 20210802,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.ShareReleaseInformation);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.State, Obligations.None));
    }
}

[Name("il-kifta-287g")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class IlKifta287g : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20190621,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.Enter287gAgreement);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("il-805-15e")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15e : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20210802,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.InquireImmigrationStatus,
            x => !x.ForeignNationalArrested);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("il-805-15e-consular")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15eConsular : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20210802,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.InquireImmigrationStatus,
            x => x.ForeignNationalArrested);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("il-805-15g-transition")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15gTransition : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20210802,
            x => x.Day < 20220101,
            x => x.Assistance == AssistanceKind.DetentionContract);
        Then().Do(ctx => f.Tally.Count(Effect.Refer, Layer.State, Obligations.None));
    }
}

[Name("il-805-15g")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15g : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20220101,
            x => x.Assistance == AssistanceKind.DetentionContract);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("il-805-15h")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15h : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20210802,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.TrustAct15hKind,
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("il-805-15i")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_15i : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20210802,
            x => x.Respondent != Respondent.LocalGovernment,
            x => (x.Assistance == AssistanceKind.JointCriminalInvestigation || x.Assistance == AssistanceKind.OnSceneSupport),
            x => x.CriminalPurpose);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("il-805-25")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il805_25 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20210802,
            x => x.Respondent != Respondent.LocalGovernment,
            x => (x.ImmigrationAgency || x.CivilDocument));
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.State, Obligations.RecordRequest));
    }
}

[Name("il-705-96-10-15")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Il705_96_10_15 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InIllinois,
            x => x.Day >= 20251209,
            x => x.Assistance == AssistanceKind.StopOrArrest || x.Assistance == AssistanceKind.HoldPastRelease || x.Assistance == AssistanceKind.TransferCustody
                || x.Assistance == AssistanceKind.OnSceneSupport || x.Assistance == AssistanceKind.PerimeterOrCrowdControl,
            x => x.CivilRequest,
            x => x.AtCourthouse);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("cook-46-37-a")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Cook46_37a : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InCookCounty,
            x => x.Day >= 20110907,
            x => (x.Respondent == Respondent.Sheriff || x.Respondent == Respondent.Jail),
            x => x.Assistance == AssistanceKind.HoldPastRelease,
            x => x.Authority == Authority.ImmigrationDetainer);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.County, Obligations.ReleaseWhenEligible));
    }
}

[Name("cook-46-37-b")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Cook46_37b : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InCookCounty,
            x => x.Day >= 20110907,
            x => (x.Respondent == Respondent.Sheriff || x.Respondent == Respondent.Jail),
            x => (x.Assistance == AssistanceKind.AccessToPersonInCustody || x.Assistance == AssistanceKind.UseOfFacilities || x.Assistance == AssistanceKind.ShareReleaseInformation),
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.County, Obligations.None));
    }
}

[Name("chi-2006-020")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi2006_020 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20060329,
            x => x.Day < 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => x.Assistance == AssistanceKind.InquireImmigrationStatus,
            x => !(x.Authority == Authority.CourtOrder || x.Authority == Authority.JudicialCriminalWarrant || x.Authority == Authority.WrittenConsent || x.ForeignNationalArrested));
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-2006-030")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi2006_030 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20060329,
            x => x.Day < 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => x.Assistance == AssistanceKind.ShareImmigrationStatus,
            x => !(x.Authority == Authority.CourtOrder || x.Authority == Authority.JudicialCriminalWarrant || x.Authority == Authority.WrittenConsent));
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-030-a")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi030a : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.ShareImmigrationStatus || x.Assistance == AssistanceKind.InquireImmigrationStatus),
            x => !(x.Authority == Authority.CourtOrder || x.Authority == Authority.JudicialCriminalWarrant || x.Authority == Authority.WrittenConsent),
            x => !(x.Assistance == AssistanceKind.InquireImmigrationStatus && x.ForeignNationalArrested));
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-030-authorised")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi030Authorised : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20060329,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.ShareImmigrationStatus || x.Assistance == AssistanceKind.InquireImmigrationStatus),
            x => (x.Authority == Authority.CourtOrder || x.Authority == Authority.JudicialCriminalWarrant || x.Authority == Authority.WrittenConsent));
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.City, Obligations.None));
    }
}

[Name("chi-030-consular")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi030Consular : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20060329,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => x.Assistance == AssistanceKind.InquireImmigrationStatus,
            x => x.ForeignNationalArrested);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.City, Obligations.None));
    }
}

[Name("chi-042-a")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi042a : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20120912,
            x => x.Day < 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.StopOrArrest || x.Assistance == AssistanceKind.HoldPastRelease),
            x => x.CivilRequest,
            x => !x.CarveOutFacts);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.ReleaseWhenEligible));
    }
}

[Name("chi-042-b")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi042b : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20120912,
            x => x.Day < 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.AccessToPersonInCustody || x.Assistance == AssistanceKind.UseOfFacilities || x.Assistance == AssistanceKind.ShareReleaseInformation),
            x => x.CivilRequest,
            x => !x.CarveOutFacts);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-042-c")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi042c : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20120912,
            x => x.Day < 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.StopOrArrest || x.Assistance == AssistanceKind.HoldPastRelease || x.Assistance == AssistanceKind.AccessToPersonInCustody || x.Assistance == AssistanceKind.UseOfFacilities || x.Assistance == AssistanceKind.ShareReleaseInformation),
            x => x.CivilRequest,
            x => x.CarveOutFacts);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.City, Obligations.None));
    }
}

[Name("chi-020-a1")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi020a1 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.StopOrArrest || x.Assistance == AssistanceKind.HoldPastRelease),
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.ReleaseWhenEligible));
    }
}

[Name("chi-020-a2")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi020a2 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.AccessToPersonInCustody || x.Assistance == AssistanceKind.UseOfFacilities),
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-020-a3")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi020a3 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => x.Assistance == AssistanceKind.ShareReleaseInformation,
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-020-a4")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi020a4 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => x.Assistance == AssistanceKind.Enter287gAgreement);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-020-a5")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi020a5 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => x.Assistance == AssistanceKind.TransferCustody,
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-020-a6")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi020a6 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.OnSceneSupport || x.Assistance == AssistanceKind.PerimeterOrCrowdControl),
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-020-a")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi020a : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.Assistance == AssistanceKind.TransportDetainee || x.Assistance == AssistanceKind.DetentionContract || x.Assistance == AssistanceKind.JointCriminalInvestigation),
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-030-b")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi030b : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20210127,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => x.Assistance == AssistanceKind.DatabaseAccess,
            x => x.CivilRequest);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.City, Obligations.None));
    }
}

[Name("chi-069-record")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Chi069Record : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20200325,
            x => (x.Respondent == Respondent.Police || x.Respondent == Respondent.LocalGovernment),
            x => (x.ImmigrationAgency || x.CivilDocument));
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.City, Obligations.RecordRequest));
    }
}

[Name("cpd-supervisor")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class CpdSupervisor : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20190930,
            x => x.Respondent == Respondent.Police,
            x => x.ImmigrationAgency);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.Department, Obligations.SupervisorToScene));
    }
}

[Name("cpd-emergency")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class CpdEmergency : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InChicago,
            x => x.Day >= 20121023,
            x => x.Respondent == Respondent.Police,
            x => x.HasCircumstances);
        Then().Do(ctx => f.Tally.Count(Effect.PoliceAction, Layer.Department, Obligations.None));
    }
}

[Name("tx-752-053-a")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Tx752_053a : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20170901,
            x => x.Assistance == AssistanceKind.AdoptLimitingPolicy);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("tx-752-053-b1")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Tx752_053b1 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20170901,
            x => x.Assistance == AssistanceKind.InquireImmigrationStatus);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("tx-752-053-b2")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Tx752_053b2 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20170901,
            x => x.Assistance == AssistanceKind.ShareImmigrationStatus);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("tx-752-053-b3")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Tx752_053b3 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20170901,
            x => (x.Assistance == AssistanceKind.OnSceneSupport || x.Assistance == AssistanceKind.PerimeterOrCrowdControl || x.Assistance == AssistanceKind.StopOrArrest),
            x => x.ImmigrationAgency);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("tx-752-053-b4")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Tx752_053b4 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20170901,
            x => (x.Assistance == AssistanceKind.UseOfFacilities || x.Assistance == AssistanceKind.AccessToPersonInCustody),
            x => x.ImmigrationAgency);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("tx-detainer")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class TxDetainer : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20170901,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.HoldPastRelease,
            x => x.Authority == Authority.ImmigrationDetainer,
            x => !x.ProofOfLawfulStatus);
        Then().Do(ctx => f.Tally.Count(Effect.Require, Layer.State, Obligations.InformSubject));
    }
}

[Name("tx-detainer-proof")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class TxDetainerProof : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20170901,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.HoldPastRelease,
            x => x.Authority == Authority.ImmigrationDetainer,
            x => x.ProofOfLawfulStatus);
        Then().Do(ctx => f.Tally.Count(Effect.None, Layer.State, Obligations.None));
    }
}

[Name("tx-753-051")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Tx753_051 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InTexas,
            x => x.Day >= 20260101,
            x => (x.Respondent == Respondent.Sheriff || x.Respondent == Respondent.Jail),
            x => x.Assistance == AssistanceKind.Enter287gAgreement);
        Then().Do(ctx => f.Tally.Count(Effect.Require, Layer.State, Obligations.None));
    }
}

[Name("fl-908-103")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Fl908_103 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InFlorida,
            x => x.Day >= 20190701,
            x => x.Assistance == AssistanceKind.AdoptLimitingPolicy);
        Then().Do(ctx => f.Tally.Count(Effect.Prohibit, Layer.State, Obligations.None));
    }
}

[Name("fl-908-104")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Fl908_104 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InFlorida,
            x => x.Day >= 20190701,
            x => x.Respondent != Respondent.LocalGovernment,
            x => (x.Assistance == AssistanceKind.OnSceneSupport || x.Assistance == AssistanceKind.ShareImmigrationStatus || x.Assistance == AssistanceKind.ShareReleaseInformation || x.Assistance == AssistanceKind.AccessToPersonInCustody),
            x => x.ImmigrationAgency);
        Then().Do(ctx => f.Tally.Count(Effect.Require, Layer.State, Obligations.None));
    }
}

[Name("fl-908-104-transport")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Fl908_104Transport : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InFlorida,
            x => x.Day >= 20190701,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.TransportDetainee,
            x => x.Authority == Authority.ImmigrationDetainer);
        Then().Do(ctx => f.Tally.Count(Effect.Permit, Layer.State, Obligations.None));
    }
}

[Name("fl-908-105")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Fl908_105 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InFlorida,
            x => x.Day >= 20191001,
            x => x.Respondent != Respondent.LocalGovernment,
            x => x.Assistance == AssistanceKind.HoldPastRelease,
            x => x.Authority == Authority.ImmigrationDetainer);
        Then().Do(ctx => f.Tally.Count(Effect.Require, Layer.State, Obligations.None));
    }
}

[Name("fl-908-11")]
[Tag(NRulesDecider.DecisionTag)]
public sealed class Fl908_11 : DslRule
{
    public override void Define()
    {
        RequestFacts f = default!;
        When().Match(
            () => f,
            x => x.InFlorida,
            x => x.Day >= 20230101,
            x => (x.Respondent == Respondent.Sheriff || x.Respondent == Respondent.Jail),
            x => x.Assistance == AssistanceKind.Enter287gAgreement);
        Then().Do(ctx => f.Tally.Count(Effect.Require, Layer.State, Obligations.None));
    }
}
