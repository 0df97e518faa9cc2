using RulesEngine.Models;
using ReRule = RulesEngine.Models.Rule;

namespace PolicyModel.Benchmarks.Engines;

/// <summary>
/// The built-in rules as Microsoft RulesEngine workflows, written as a RulesEngine user would: one workflow per
/// jurisdiction holding the rules of its chain, each rule a lambda expression over the input
/// (<see cref="RequestFacts"/>, named <c>input1</c>), its effect, layer and obligations in the rule's properties.
/// Exceptions are written into the excepted rule's expression (<c>&amp;&amp; !…</c>).
/// </summary>
public sealed class RulesEngineDecider : RuleEngineDecider
{
    private const string EffectKey = "effect";
    private const string LayerKey = "layer";
    private const string ObligationsKey = "obligations";

    // Binding (P police, S sheriff, J jail, G local-government).
    private const string Psj = "input1.Respondent != Respondent.LocalGovernment";
    private const string Sj = "input1.Respondent in (Respondent.Sheriff, Respondent.Jail)";
    private const string Pg = "input1.Respondent in (Respondent.Police, Respondent.LocalGovernment)";
    private const string Authorised = "input1.Authority in (Authority.CourtOrder, Authority.JudicialCriminalWarrant, Authority.WrittenConsent)";

    private static readonly ReRule[] Federal =
    [
        R("us-criminal-process", Effect.Permit, Layer.Federal, "input1.CriminalProcessKind && input1.Authority == Authority.JudicialCriminalWarrant"),
        R("us-criminal-cooperation", Effect.Permit, Layer.Federal, "input1.Assistance in (AssistanceKind.JointCriminalInvestigation, AssistanceKind.OnSceneSupport) && input1.CriminalPurpose"),
        R("us-court-order", Effect.Permit, Layer.Federal, "input1.Assistance in (AssistanceKind.ShareImmigrationStatus, AssistanceKind.ShareReleaseInformation) && input1.Authority == Authority.CourtOrder"),
        R("us-emergency", Effect.PoliceAction, Layer.Federal, "input1.HasCircumstances"),
        R("us-detainer-request", Effect.None, Layer.Federal, "input1.Day >= 19970401 && input1.Assistance == AssistanceKind.HoldPastRelease && input1.Authority == Authority.ImmigrationDetainer"),
        R("us-287g", Effect.None, Layer.Federal, "input1.Day >= 19960930 && input1.Assistance == AssistanceKind.Enter287gAgreement"),
        R("us-1373", Effect.None, Layer.Federal, "input1.Day >= 19960930 && input1.Assistance == AssistanceKind.ShareImmigrationStatus"),
    ];

    private static readonly ReRule[] Illinois =
    [
        R("il-805-10-warrant", Effect.Permit, Layer.State, $"input1.Day >= 20170828 && {Psj} && input1.CriminalProcessKind && input1.Authority == Authority.JudicialCriminalWarrant"),
        R("il-805-15a", Effect.Prohibit, Layer.State, $"input1.Day >= 20170828 && {Psj} && input1.Assistance in (AssistanceKind.StopOrArrest, AssistanceKind.HoldPastRelease) && input1.CivilDocument", Obligation.ReleaseWhenEligible),
        R("il-805-15b", Effect.Prohibit, Layer.State, $"input1.Day >= 20170828 && {Psj} && input1.Assistance == AssistanceKind.StopOrArrest && input1.CivilRequest && input1.Authority == Authority.None"),
        R("il-805-5-status", Effect.None, Layer.State, $"input1.Day >= 20170828 && {Psj} && input1.Assistance == AssistanceKind.ShareImmigrationStatus"),
        R("il-805-5-release", Effect.None, Layer.State, $"input1.Day >= 20170828 && input1.Day < 20210802 && {Psj} && input1.Assistance == AssistanceKind.ShareReleaseInformation"),
        R("il-kifta-287g", Effect.Prohibit, Layer.State, $"input1.Day >= 20190621 && {Psj} && input1.Assistance == AssistanceKind.Enter287gAgreement"),
        R("il-805-15e", Effect.Prohibit, Layer.State, $"input1.Day >= 20210802 && {Psj} && input1.Assistance == AssistanceKind.InquireImmigrationStatus && !input1.ForeignNationalArrested"),
        R("il-805-15e-consular", Effect.Permit, Layer.State, $"input1.Day >= 20210802 && {Psj} && input1.Assistance == AssistanceKind.InquireImmigrationStatus && input1.ForeignNationalArrested"),
        R("il-805-15g-transition", Effect.Refer, Layer.State, "input1.Day >= 20210802 && input1.Day < 20220101 && input1.Assistance == AssistanceKind.DetentionContract"),
        R("il-805-15g", Effect.Prohibit, Layer.State, "input1.Day >= 20220101 && input1.Assistance == AssistanceKind.DetentionContract"),
        R("il-805-15h", Effect.Prohibit, Layer.State, $"input1.Day >= 20210802 && {Psj} && input1.TrustAct15hKind && input1.CivilRequest"),
        R("il-805-15i", Effect.Permit, Layer.State, $"input1.Day >= 20210802 && {Psj} && input1.Assistance in (AssistanceKind.JointCriminalInvestigation, AssistanceKind.OnSceneSupport) && input1.CriminalPurpose"),
        R("il-805-25", Effect.None, Layer.State, $"input1.Day >= 20210802 && {Psj} && (input1.ImmigrationAgency || input1.CivilDocument)", Obligation.RecordRequest),
        R("il-705-96-10-15", Effect.Prohibit, Layer.State, "input1.Day >= 20251209 && input1.Assistance in (AssistanceKind.StopOrArrest, AssistanceKind.HoldPastRelease, AssistanceKind.TransferCustody, AssistanceKind.OnSceneSupport, AssistanceKind.PerimeterOrCrowdControl) && input1.CivilRequest && input1.AtCourthouse"),
    ];

    private static readonly ReRule[] CookCounty =
    [
        R("cook-46-37-a", Effect.Prohibit, Layer.County, $"input1.Day >= 20110907 && {Sj} && input1.Assistance == AssistanceKind.HoldPastRelease && input1.Authority == Authority.ImmigrationDetainer", Obligation.ReleaseWhenEligible),
        R("cook-46-37-b", Effect.Prohibit, Layer.County, $"input1.Day >= 20110907 && {Sj} && input1.Assistance in (AssistanceKind.AccessToPersonInCustody, AssistanceKind.UseOfFacilities, AssistanceKind.ShareReleaseInformation) && input1.CivilRequest"),
    ];

    private static readonly ReRule[] Chicago =
    [
        R("chi-2006-020", Effect.Prohibit, Layer.City, $"input1.Day >= 20060329 && input1.Day < 20210127 && {Pg} && input1.Assistance == AssistanceKind.InquireImmigrationStatus && !({Authorised} || input1.ForeignNationalArrested)"),
        R("chi-2006-030", Effect.Prohibit, Layer.City, $"input1.Day >= 20060329 && input1.Day < 20210127 && {Pg} && input1.Assistance == AssistanceKind.ShareImmigrationStatus && !({Authorised})"),
        R("chi-030-a", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance in (AssistanceKind.ShareImmigrationStatus, AssistanceKind.InquireImmigrationStatus) && !({Authorised}) && !(input1.Assistance == AssistanceKind.InquireImmigrationStatus && input1.ForeignNationalArrested)"),
        R("chi-030-authorised", Effect.Permit, Layer.City, $"input1.Day >= 20060329 && {Pg} && input1.Assistance in (AssistanceKind.ShareImmigrationStatus, AssistanceKind.InquireImmigrationStatus) && {Authorised}"),
        R("chi-030-consular", Effect.Permit, Layer.City, $"input1.Day >= 20060329 && {Pg} && input1.Assistance == AssistanceKind.InquireImmigrationStatus && input1.ForeignNationalArrested"),
        R("chi-042-a", Effect.Prohibit, Layer.City, $"input1.Day >= 20120912 && input1.Day < 20210127 && {Pg} && input1.Assistance in (AssistanceKind.StopOrArrest, AssistanceKind.HoldPastRelease) && input1.CivilRequest && !input1.CarveOutFacts", Obligation.ReleaseWhenEligible),
        R("chi-042-b", Effect.Prohibit, Layer.City, $"input1.Day >= 20120912 && input1.Day < 20210127 && {Pg} && input1.Assistance in (AssistanceKind.AccessToPersonInCustody, AssistanceKind.UseOfFacilities, AssistanceKind.ShareReleaseInformation) && input1.CivilRequest && !input1.CarveOutFacts"),
        R("chi-042-c", Effect.None, Layer.City, $"input1.Day >= 20120912 && input1.Day < 20210127 && {Pg} && input1.Assistance in (AssistanceKind.StopOrArrest, AssistanceKind.HoldPastRelease, AssistanceKind.AccessToPersonInCustody, AssistanceKind.UseOfFacilities, AssistanceKind.ShareReleaseInformation) && input1.CivilRequest && input1.CarveOutFacts"),
        R("chi-020-a1", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance in (AssistanceKind.StopOrArrest, AssistanceKind.HoldPastRelease) && input1.CivilRequest", Obligation.ReleaseWhenEligible),
        R("chi-020-a2", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance in (AssistanceKind.AccessToPersonInCustody, AssistanceKind.UseOfFacilities) && input1.CivilRequest"),
        R("chi-020-a3", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance == AssistanceKind.ShareReleaseInformation && input1.CivilRequest"),
        R("chi-020-a4", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance == AssistanceKind.Enter287gAgreement"),
        R("chi-020-a5", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance == AssistanceKind.TransferCustody && input1.CivilRequest"),
        R("chi-020-a6", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance in (AssistanceKind.OnSceneSupport, AssistanceKind.PerimeterOrCrowdControl) && input1.CivilRequest"),
        R("chi-020-a", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance in (AssistanceKind.TransportDetainee, AssistanceKind.DetentionContract, AssistanceKind.JointCriminalInvestigation) && input1.CivilRequest"),
        R("chi-030-b", Effect.Prohibit, Layer.City, $"input1.Day >= 20210127 && {Pg} && input1.Assistance == AssistanceKind.DatabaseAccess && input1.CivilRequest"),
        R("chi-069-record", Effect.None, Layer.City, $"input1.Day >= 20200325 && {Pg} && (input1.ImmigrationAgency || input1.CivilDocument)", Obligation.RecordRequest),
        R("cpd-supervisor", Effect.None, Layer.Department, "input1.Day >= 20190930 && input1.Respondent == Respondent.Police && input1.ImmigrationAgency", Obligation.SupervisorToScene),
        R("cpd-emergency", Effect.PoliceAction, Layer.Department, "input1.Day >= 20121023 && input1.Respondent == Respondent.Police && input1.HasCircumstances"),
    ];

    private static readonly ReRule[] Texas =
    [
        R("tx-752-053-a", Effect.Prohibit, Layer.State, "input1.Day >= 20170901 && input1.Assistance == AssistanceKind.AdoptLimitingPolicy"),
        R("tx-752-053-b1", Effect.Permit, Layer.State, "input1.Day >= 20170901 && input1.Assistance == AssistanceKind.InquireImmigrationStatus"),
        R("tx-752-053-b2", Effect.Permit, Layer.State, "input1.Day >= 20170901 && input1.Assistance == AssistanceKind.ShareImmigrationStatus"),
        R("tx-752-053-b3", Effect.Permit, Layer.State, "input1.Day >= 20170901 && input1.Assistance in (AssistanceKind.OnSceneSupport, AssistanceKind.PerimeterOrCrowdControl, AssistanceKind.StopOrArrest) && input1.ImmigrationAgency"),
        R("tx-752-053-b4", Effect.Permit, Layer.State, "input1.Day >= 20170901 && input1.Assistance in (AssistanceKind.UseOfFacilities, AssistanceKind.AccessToPersonInCustody) && input1.ImmigrationAgency"),
        R("tx-detainer", Effect.Require, Layer.State, $"input1.Day >= 20170901 && {Psj} && input1.Assistance == AssistanceKind.HoldPastRelease && input1.Authority == Authority.ImmigrationDetainer && !input1.ProofOfLawfulStatus", Obligation.InformSubject),
        R("tx-detainer-proof", Effect.None, Layer.State, $"input1.Day >= 20170901 && {Psj} && input1.Assistance == AssistanceKind.HoldPastRelease && input1.Authority == Authority.ImmigrationDetainer && input1.ProofOfLawfulStatus"),
        R("tx-753-051", Effect.Require, Layer.State, $"input1.Day >= 20260101 && {Sj} && input1.Assistance == AssistanceKind.Enter287gAgreement"),
    ];

    private static readonly ReRule[] Florida =
    [
        R("fl-908-103", Effect.Prohibit, Layer.State, "input1.Day >= 20190701 && input1.Assistance == AssistanceKind.AdoptLimitingPolicy"),
        R("fl-908-104", Effect.Require, Layer.State, $"input1.Day >= 20190701 && {Psj} && input1.Assistance in (AssistanceKind.OnSceneSupport, AssistanceKind.ShareImmigrationStatus, AssistanceKind.ShareReleaseInformation, AssistanceKind.AccessToPersonInCustody) && input1.ImmigrationAgency"),
        R("fl-908-104-transport", Effect.Permit, Layer.State, $"input1.Day >= 20190701 && {Psj} && input1.Assistance == AssistanceKind.TransportDetainee && input1.Authority == Authority.ImmigrationDetainer"),
        R("fl-908-105", Effect.Require, Layer.State, $"input1.Day >= 20191001 && {Psj} && input1.Assistance == AssistanceKind.HoldPastRelease && input1.Authority == Authority.ImmigrationDetainer"),
        R("fl-908-11", Effect.Require, Layer.State, $"input1.Day >= 20230101 && {Sj} && input1.Assistance == AssistanceKind.Enter287gAgreement"),
    ];

    // Presumptions (domain 4.7 (a), (b)); run only when the purpose is unknown.
    private static readonly ReRule FederalPresumption = R("us-presume-civil-document", Effect.None, Layer.Federal, "input1.CivilDocument");
    private static readonly ReRule ChicagoPresumption = R("cpd-presume-civil", Effect.None, Layer.Department, "input1.Day >= 20190930 && input1.Respondent == Respondent.Police && input1.ImmigrationAgency");

    private readonly global::RulesEngine.RulesEngine engine;

    public RulesEngineDecider()
    {
        var chains = new (string Jurisdiction, ReRule[] Rules, ReRule[] Presumptions)[]
        {
            ("us", Federal, [FederalPresumption]),
            ("us-il", [.. Federal, .. Illinois], [FederalPresumption]),
            ("us-il-cook", [.. Federal, .. Illinois, .. CookCounty], [FederalPresumption]),
            ("us-il-chicago", [.. Federal, .. Illinois, .. CookCounty, .. Chicago], [ChicagoPresumption, FederalPresumption]),
            ("us-tx", [.. Federal, .. Texas], [FederalPresumption]),
            ("us-fl", [.. Federal, .. Florida], [FederalPresumption]),
        };
        var workflows = chains.SelectMany(c => new[]
        {
            new Workflow { WorkflowName = c.Jurisdiction, Rules = c.Rules },
            new Workflow { WorkflowName = "presume:" + c.Jurisdiction, Rules = c.Presumptions },
        }).ToArray();
        engine = new global::RulesEngine.RulesEngine(workflows, new ReSettings
        {
            CustomTypes = [typeof(Respondent), typeof(Requester), typeof(Purpose), typeof(AssistanceKind), typeof(Authority)],
            EnableExceptionAsErrorMessage = false,
        });
    }

    public override string Name => "RulesEngine";

    protected override void RunPresumptions(RequestFacts facts)
    {
        foreach (var result in Execute("presume:" + facts.Jurisdiction, facts))
        {
            if (result.IsSuccess)
            {
                facts.Presume(Purpose.CivilImmigrationEnforcement);
            }
        }
    }

    protected override void RunRules(RequestFacts facts)
    {
        foreach (var result in Execute(facts.Jurisdiction, facts))
        {
            if (result.IsSuccess)
            {
                var properties = result.Rule.Properties;
                facts.Tally.Count((Effect)properties[EffectKey], (Layer)properties[LayerKey], (EnumSet<Obligation>)properties[ObligationsKey]);
            }
        }
    }

    private List<RuleResultTree> Execute(string workflow, RequestFacts facts)
    {
        // RulesEngine's API is asynchronous; with plain lambda rules it completes synchronously.
        var pending = engine.ExecuteAllRulesAsync(workflow, facts);
        return pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private static ReRule R(string name, Effect effect, Layer layer, string expression, params Obligation[] obligations) => new()
    {
        RuleName = name,
        Expression = expression,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        SuccessEvent = name,
        Properties = new Dictionary<string, object>
        {
            [EffectKey] = effect,
            [LayerKey] = layer,
            [ObligationsKey] = EnumSet<Obligation>.Of(obligations),
        },
    };
}
