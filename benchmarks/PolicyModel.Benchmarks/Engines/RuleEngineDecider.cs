using NodaTime;

namespace PolicyModel.Benchmarks.Engines;

/// <summary>
/// The input the general-purpose engines (Microsoft RulesEngine, NRules) match their rules against: the request's
/// fields, the local date as <c>yyyyMMdd</c>, the jurisdiction chain, and the section-2 terms as small shared
/// predicates. The rules themselves (which kinds, which dates, which respondents, which exceptions) live in the
/// engines' own rule definitions.
/// </summary>
public sealed class RequestFacts
{
    private static readonly DateTimeZone Central = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly DateTimeZone Eastern = DateTimeZoneProviders.Tzdb["America/New_York"];

    public RequestFacts(AssistanceRequest request, Purpose purpose, bool withCircumstances)
    {
        ArgumentNullException.ThrowIfNull(request);
        Jurisdiction = request.Jurisdiction.Value ?? string.Empty;
        var zone = Jurisdiction switch
        {
            "us" => DateTimeZone.Utc,
            "us-fl" => Eastern,
            "us-il" or "us-il-cook" or "us-il-chicago" or "us-tx" => Central,
            _ => throw new NotSupportedException($"no rules for `{Jurisdiction}` in the engine comparison"),
        };
        var date = request.ReceivedAt.ToInstant().InZone(zone).Date;
        Day = (date.Year * 10000) + (date.Month * 100) + date.Day;
        Respondent = request.Respondent;
        Requester = request.Requester;
        Purpose = purpose;
        Assistance = request.Assistance;
        Authority = request.Authority;
        HasCircumstances = withCircumstances && !request.Circumstances.IsEmpty;
        SubjectFacts = request.SubjectFacts;
        AtCourthouse = request.Location == Location.Courthouse;
    }

    /// <summary>The jurisdiction id (<c>us-il-chicago</c>).</summary>
    public string Jurisdiction { get; }

    /// <summary>The local date in the jurisdiction's zone as <c>yyyyMMdd</c> (2021-08-02 is 20210802).</summary>
    public int Day { get; }

    public Respondent Respondent { get; }

    public Requester Requester { get; }

    /// <summary>The purpose this evaluation assumes (the stated one, a presumed one, or a variant of the unknown-purpose test).</summary>
    public Purpose Purpose { get; }

    public AssistanceKind Assistance { get; }

    public Authority Authority { get; }

    public bool HasCircumstances { get; }

    public EnumSet<SubjectFact> SubjectFacts { get; }

    // The jurisdiction chain (domain 4.1).
    public bool InIllinois => Jurisdiction is "us-il" or "us-il-cook" or "us-il-chicago";

    public bool InCookCounty => Jurisdiction is "us-il-cook" or "us-il-chicago";

    public bool InChicago => Jurisdiction == "us-il-chicago";

    public bool InTexas => Jurisdiction == "us-tx";

    public bool InFlorida => Jurisdiction == "us-fl";

    // Section 2 terms.
    public bool ImmigrationAgency => Requester is Requester.IceEro or Requester.IceHsi or Requester.Cbp or Requester.OtherDhs;

    public bool CivilDocument => Authority is Authority.AdministrativeWarrant or Authority.ImmigrationDetainer or Authority.NcicImmigrationHit or Authority.AlienEnemiesDesignation;

    public bool JudicialAuthority => Authority is Authority.JudicialCriminalWarrant or Authority.CourtOrder;

    public bool CriminalPurpose => Purpose is Purpose.CriminalInvestigation or Purpose.CriminalImmigrationEnforcement;

    public bool CivilRequest => !JudicialAuthority && (Purpose == Purpose.CivilImmigrationEnforcement || (CivilDocument && !CriminalPurpose));

    public bool CriminalProcessKind => Assistance is AssistanceKind.StopOrArrest or AssistanceKind.OnSceneSupport or AssistanceKind.PerimeterOrCrowdControl
        or AssistanceKind.HoldPastRelease or AssistanceKind.TransferCustody or AssistanceKind.TransportDetainee;

    public bool TrustAct15hKind => Assistance is not (AssistanceKind.StopOrArrest or AssistanceKind.InquireImmigrationStatus or AssistanceKind.ShareImmigrationStatus
        or AssistanceKind.Enter287gAgreement or AssistanceKind.DetentionContract or AssistanceKind.AdoptLimitingPolicy);

    public bool CarveOutFacts => SubjectFacts.Contains(SubjectFact.OutstandingCriminalWarrant) || SubjectFacts.Contains(SubjectFact.FelonyConviction)
        || SubjectFacts.Contains(SubjectFact.PendingFelonyCharge) || SubjectFacts.Contains(SubjectFact.GangDatabase);

    public bool ForeignNationalArrested => SubjectFacts.Contains(SubjectFact.ForeignNationalArrested);

    public bool ProofOfLawfulStatus => SubjectFacts.Contains(SubjectFact.ProofOfLawfulStatus);

    /// <summary>The request's location is a courthouse (going to, at or leaving a court proceeding).</summary>
    public bool AtCourthouse { get; }

    /// <summary>What the engine's fired rules said (NRules actions write here; the RulesEngine adapter copies its results here).</summary>
    public EffectTally Tally { get; } = new();

    /// <summary>Set by a presumption rule.</summary>
    public Purpose? Presumed { get; private set; }

    /// <summary>Called by a presumption rule's action.</summary>
    public void Presume(Purpose purpose) => Presumed ??= purpose;
}

/// <summary>The effects of the rules an engine found counting, by layer, with their obligations.</summary>
public sealed class EffectTally
{
    private readonly List<(Effect Effect, Layer Layer, EnumSet<Obligation> Obligations)> counted = [];

    /// <summary>Records a counting rule (an engine's action).</summary>
    public void Count(Effect effect, Layer layer, EnumSet<Obligation> obligations) => counted.Add((effect, layer, obligations));

    /// <summary>Records a counting rule with no obligation.</summary>
    public void Count(Effect effect, Layer layer) => counted.Add((effect, layer, EnumSet<Obligation>.Empty));

    /// <summary>Preemption (domain 4.5) and precedence (4.4, 4.6 step 7): the outcome, the obligations of every counting rule and those of the <c>none</c> rules.</summary>
    public (Outcome Outcome, EnumSet<Obligation> All, EnumSet<Obligation> OfNoneRules) Resolve(bool floorState, bool mandateState)
    {
        var stateProhibits = counted.Exists(c => c.Layer == Layer.State && c.Effect == Effect.Prohibit);
        var statePermitsOrRequires = counted.Exists(c => c.Layer == Layer.State && c.Effect is Effect.Permit or Effect.Require);
        var cityProhibits = counted.Exists(c => c.Layer == Layer.City && c.Effect == Effect.Prohibit);
        bool prohibit = false, refer = false, require = false, permit = false, police = false;
        EnumSet<Obligation> all = default, ofNone = default;
        foreach (var (effect, layer, obligations) in counted)
        {
            var local = layer is Layer.County or Layer.City or Layer.Department;
            var preempted = (floorState && stateProhibits && local && effect is Effect.Permit or Effect.Require)
                || (mandateState && statePermitsOrRequires && local && effect is Effect.Prohibit or Effect.Refer)
                || (cityProhibits && layer == Layer.Department && effect is Effect.Permit or Effect.Require);
            if (preempted)
            {
                continue;
            }

            prohibit |= effect == Effect.Prohibit;
            refer |= effect == Effect.Refer;
            require |= effect == Effect.Require;
            permit |= effect == Effect.Permit;
            police |= effect == Effect.PoliceAction;
            all = all.Union(obligations);
            if (effect == Effect.None)
            {
                ofNone = ofNone.Union(obligations);
            }
        }

        var outcome = prohibit ? Outcome.Denied : refer ? Outcome.Refer : require ? Outcome.Required : permit ? Outcome.Granted : Outcome.Discretionary;
        if (police && outcome is Outcome.Denied or Outcome.Refer or Outcome.Discretionary)
        {
            outcome = Outcome.PoliceAction;
        }

        return (outcome, all, ofNone);
    }
}

/// <summary>
/// The glue both general-purpose engines share, as any user of them would write it: build the input, run the
/// presumption rules, run the decision rules once (or twice for the unknown-purpose test, domain 4.7) and turn
/// the counting rules into an outcome by the precedence of domain 4.4.
/// </summary>
public abstract class RuleEngineDecider : IDecider
{
    public abstract string Name { get; }

    public Verdict Decide(AssistanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var purpose = request.Purpose;
        if (purpose == Purpose.Unknown)
        {
            var asked = new RequestFacts(request, Purpose.Unknown, withCircumstances: true);
            RunPresumptions(asked);
            purpose = asked.Presumed ?? Purpose.Unknown;
        }

        if (purpose == Purpose.Unknown)
        {
            var civil = Run(new RequestFacts(request, Purpose.CivilImmigrationEnforcement, withCircumstances: false));
            var criminal = Run(new RequestFacts(request, Purpose.CriminalInvestigation, withCircumstances: false));
            if (civil.Outcome != criminal.Outcome)
            {
                return new Verdict(request.Circumstances.IsEmpty ? Outcome.Refer : Outcome.PoliceAction, civil.OfNoneRules);
            }
        }

        var result = Run(new RequestFacts(request, purpose, withCircumstances: true));
        var all = result.Outcome == Outcome.Denied ? result.All : EnumSet<Obligation>.FromMask(result.All.Mask & ~(1UL << (int)Obligation.ReleaseWhenEligible));
        return new Verdict(result.Outcome, all);
    }

    /// <summary>Runs the presumption rules; a matching one calls <see cref="RequestFacts.Presume"/>.</summary>
    protected abstract void RunPresumptions(RequestFacts facts);

    /// <summary>Runs the decision rules; each counting rule records its effect in <see cref="RequestFacts.Tally"/>.</summary>
    protected abstract void RunRules(RequestFacts facts);

    private (Outcome Outcome, EnumSet<Obligation> All, EnumSet<Obligation> OfNoneRules) Run(RequestFacts facts)
    {
        RunRules(facts);
        return facts.Tally.Resolve(floorState: facts.InIllinois, mandateState: facts.InTexas || facts.InFlorida);
    }
}
