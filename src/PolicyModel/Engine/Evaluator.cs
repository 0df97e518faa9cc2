using System.Text;
using NodaTime;

namespace PolicyModel.Engine;

/// <summary>What matched and counted for one set of facts on one date (docs/semantics.md, sections 5 to 7).</summary>
internal sealed class Evaluation
{
    public List<CompiledRule> Counting { get; } = [];

    public List<(CompiledRule Rule, string By)> Preempted { get; } = [];

    public List<(CompiledRule Rule, CompiledRule By)> Excepted { get; } = [];

    /// <summary>How many preempting rules were looked up to find the preempted ones (the work preemption took).</summary>
    public long PreemptionLookups { get; set; }

    public bool Has(Effect effect) => Counting.Exists(r => r.Rule.Effect == effect);

    /// <summary>Outcome by precedence (4.4), then circumstances (4.6 step 7).</summary>
    public Outcome Outcome()
    {
        var outcome = Has(Effect.Prohibit) ? PolicyModel.Outcome.Denied
            : Has(Effect.Refer) ? PolicyModel.Outcome.Refer
            : Has(Effect.Require) ? PolicyModel.Outcome.Required
            : Has(Effect.Permit) ? PolicyModel.Outcome.Granted
            : PolicyModel.Outcome.Discretionary;
        if (outcome is PolicyModel.Outcome.Denied or PolicyModel.Outcome.Refer or PolicyModel.Outcome.Discretionary && Has(Effect.PoliceAction))
        {
            outcome = PolicyModel.Outcome.PoliceAction;
        }

        return outcome;
    }
}

/// <summary>The one mapping from an outcome to the effect of the rules that produce it.</summary>
internal static class OutcomeEffects
{
    /// <summary>The effect whose rules control <paramref name="outcome"/>; none for <c>discretionary</c>.</summary>
    public static Effect? ControllingEffect(this Outcome outcome) => outcome switch
    {
        Outcome.Denied => Effect.Prohibit,
        Outcome.Refer => Effect.Refer,
        Outcome.Required => Effect.Require,
        Outcome.Granted => Effect.Permit,
        Outcome.PoliceAction => Effect.PoliceAction,
        _ => null,
    };
}

/// <summary>
/// A decision without its request-specific values (request id, local date, the field values named in the
/// explanation): shared by every request of one equivalence class on one period, so the compiled engine can
/// precompute it once and return it without allocating.
/// </summary>
internal sealed class DecisionTemplate
{
    public required Outcome Outcome { get; init; }

    public required IReadOnlyList<JurisdictionId> JurisdictionChain { get; init => field = value.ToEquatableArray(); }

    public required IReadOnlyList<RuleId> DecidingRules { get; init => field = value.ToEquatableArray(); }

    public required IReadOnlyList<string> Citations { get; init => field = value.ToEquatableArray(); }

    /// <summary>The obligations, in the contract's order; setting them also sets <see cref="ObligationSet"/>.</summary>
    public required IReadOnlyList<Obligation> Obligations
    {
        get => obligations;
        init
        {
            obligations = value;
            ObligationSet = EnumSet<Obligation>.Of(value);
        }
    }

    public required IReadOnlyList<RuleId> Preempted { get; init => field = value.ToEquatableArray(); }

    public required IReadOnlyList<RuleConflict> Conflicts { get; init => field = value.ToEquatableArray(); }

    public long ConflictsNotListed { get; init; }

    /// <summary>The explanation with <see cref="Slot"/> placeholders.</summary>
    public required string Explanation { get; init; }

    /// <summary>
    /// The obligations as a set, computed with them before the template is shared. (It used to be filled on first
    /// read into a nullable struct, and a thread could see the flag set before the value: an empty set.)
    /// </summary>
    public EnumSet<Obligation> ObligationSet { get; private init; }

    private readonly IReadOnlyList<Obligation> obligations = [];

    public Decision Materialize(AssistanceRequest request, LocalDate date) => new()
    {
        RequestId = request.Id,
        Outcome = Outcome,
        EffectiveDate = date,
        JurisdictionChain = JurisdictionChain,
        DecidingRules = DecidingRules,
        Citations = Citations,
        Obligations = Obligations,
        Preempted = Preempted,
        Conflicts = Conflicts,
        ConflictsNotListed = ConflictsNotListed,
        Explanation = Slot.Fill(Explanation, request, date),
    };
}

/// <summary>The reference evaluator: decides a request step by step as docs/semantics.md describes.</summary>
internal static class Evaluator
{
    public static Decision Decide(AssistanceRequest request, CompiledJurisdiction jurisdiction, DecisionTraceBuilder? trace)
    {
        var date = jurisdiction.LocalDateOf(request.ReceivedAt.ToInstant());
        return DecideTemplate(request, jurisdiction, date, trace).Materialize(request, date);
    }

    /// <summary>The decision for a request, with request-specific values left as slots (see <see cref="Slot"/>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="jurisdiction">Its jurisdiction.</param>
    /// <param name="date">The local date it is judged on.</param>
    /// <param name="trace">Where to record the reasoning, or null.</param>
    /// <param name="explain">False to leave <see cref="DecisionTemplate.Explanation"/> empty (policy analysis, which reads everything else).</param>
    public static DecisionTemplate DecideTemplate(AssistanceRequest request, CompiledJurisdiction jurisdiction, LocalDate date, DecisionTraceBuilder? trace, bool explain = true)
    {
        trace?.Start(request, jurisdiction, date);
        var purpose = request.Purpose;
        CompiledPresumption? presumption = null;
        if (purpose == Purpose.Unknown)
        {
            var facts = new Facts(request, Purpose.Unknown, withCircumstances: true);
            foreach (var p in jurisdiction.Presumptions)
            {
                var applies = p.Presumption.Binds.Contains(request.Respondent) && p.Presumption.Period.Contains(date) && p.Predicate.Eval(facts);
                trace?.Presumption(p.Presumption, applies && presumption is null);
                if (applies && presumption is null)
                {
                    presumption = p;
                    purpose = p.Presumption.Presumed;
                }
            }
        }

        if (purpose == Purpose.Unknown)
        {
            var civil = Evaluate(new Facts(request, Purpose.CivilImmigrationEnforcement, withCircumstances: false), request.Respondent, date, jurisdiction, null);
            var criminal = Evaluate(new Facts(request, Purpose.CriminalInvestigation, withCircumstances: false), request.Respondent, date, jurisdiction, null);
            var civilOutcome = civil.Outcome();
            var criminalOutcome = criminal.Outcome();
            trace?.Variants(civilOutcome, criminalOutcome);
            if (civilOutcome != criminalOutcome)
            {
                var asGiven = Evaluate(new Facts(request, Purpose.Unknown, withCircumstances: true), request.Respondent, date, jurisdiction, trace);
                return ComposeUnknownPurpose(request, jurisdiction, date, civil, criminal, asGiven, explain);
            }
        }

        var evaluation = Evaluate(new Facts(request, purpose, withCircumstances: true), request.Respondent, date, jurisdiction, trace);
        return Compose(jurisdiction, date, evaluation, evaluation.Outcome(), presumption, explain);
    }

    internal static Evaluation Evaluate(in Facts facts, Respondent respondent, LocalDate date, CompiledJurisdiction jurisdiction, DecisionTraceBuilder? trace)
    {
        var evaluation = new Evaluation();
        var given = facts;
        var matched = new HashSet<CompiledRule>();
        foreach (var rule in jurisdiction.Rules)
        {
            if (!rule.Rule.Binds.Contains(respondent))
            {
                trace?.Rule(rule, RuleStatus.NotBinding, null);
                continue;
            }

            if (!rule.Rule.Period.Contains(date))
            {
                trace?.Rule(rule, RuleStatus.NotInForce, null);
                continue;
            }

            if (rule.Predicate.Eval(facts))
            {
                matched.Add(rule);
            }
            else if (trace is not null)
            {
                var failed = Array.FindIndex(rule.Parts, p => !p.Eval(given));
                trace.Rule(rule, RuleStatus.NotMatched, failed);
            }
        }

        // Exceptions (4.5): a rule counts when it matches and no counting rule excepts it.
        var counts = new Dictionary<CompiledRule, bool>();
        bool Counts(CompiledRule r)
        {
            if (counts.TryGetValue(r, out var known))
            {
                return known;
            }

            var result = matched.Contains(r) && !r.ExceptedBy.Exists(Counts);
            counts[r] = result;
            return result;
        }

        var counting = new List<CompiledRule>();
        foreach (var rule in jurisdiction.Rules)
        {
            if (!matched.Contains(rule))
            {
                continue;
            }

            if (Counts(rule))
            {
                counting.Add(rule);
            }
            else
            {
                evaluation.Excepted.Add((rule, rule.ExceptedBy.First(Counts)));
            }
        }

        // Preemption (4.5), after exceptions: by name, then by the declarations of the chain's jurisdictions.
        // Named preemption is looked up from whichever side names fewer rules: each counting rule's preempting rules
        // (in evaluation order, stopping at the first that counts), or each counting rule's targets. The work is the
        // counting rules and the preemptions they take part in, never every target times every counting rule
        // (38 rules naming 9,962 targets each were 378,556 lookups for one decision; now 9,962).
        var preempted = new Dictionary<CompiledRule, CompiledRule>();
        var countingSet = counting.ToHashSet();
        long byPreempting = 0, byTargets = 0;
        foreach (var rule in counting)
        {
            byPreempting += rule.PreemptedBy.Count;
            byTargets += rule.PreemptsRules.Count;
        }

        if (byPreempting <= byTargets)
        {
            foreach (var rule in counting)
            {
                foreach (var by in rule.PreemptedBy)
                {
                    evaluation.PreemptionLookups++;
                    if (countingSet.Contains(by))
                    {
                        preempted.Add(rule, by);
                        break;
                    }
                }
            }
        }
        else
        {
            // Counting rules in evaluation order, so the first preempting rule that counts is the one named.
            foreach (var rule in counting)
            {
                foreach (var target in rule.PreemptsRules)
                {
                    evaluation.PreemptionLookups++;
                    if (countingSet.Contains(target))
                    {
                        preempted.TryAdd(target, rule);
                    }
                }
            }
        }

        foreach (var declaration in jurisdiction.Preemptions)
        {
            var trigger = counting.Find(r => r.JurisdictionIndex == declaration.JurisdictionIndex && r.Rule.Layer == declaration.Level
                && declaration.Preemption.When.Contains(r.Rule.Effect));
            if (trigger is null)
            {
                continue;
            }

            var reach = jurisdiction.Chain.AsSpan(Array.IndexOf(jurisdiction.Chain, declaration.JurisdictionIndex)).ToArray();
            foreach (var target in counting)
            {
                if (declaration.Preemption.Layers.Contains(target.Rule.Layer) && declaration.Preemption.Preempts.Contains(target.Rule.Effect)
                    && reach.Contains(target.JurisdictionIndex))
                {
                    preempted.TryAdd(target, trigger);
                }
            }
        }

        foreach (var rule in counting)
        {
            if (preempted.TryGetValue(rule, out var by))
            {
                evaluation.Preempted.Add((rule, by.Rule.Provision.CitationOn(date)));
            }
            else
            {
                evaluation.Counting.Add(rule);
            }
        }

        if (trace is not null)
        {
            foreach (var rule in evaluation.Counting)
            {
                trace.Rule(rule, RuleStatus.Counts, null);
            }

            foreach (var (rule, by) in evaluation.Excepted)
            {
                trace.Rule(rule, RuleStatus.Excepted, null, by.Rule.Id.Value);
            }

            foreach (var (rule, by) in evaluation.Preempted)
            {
                trace.Rule(rule, RuleStatus.Preempted, null, by);
            }
        }

        return evaluation;
    }

    private static List<CompiledRule> Order(IEnumerable<CompiledRule> rules, Outcome outcome)
    {
        var controlling = outcome.ControllingEffect();
        return [.. rules
            .OrderBy(r => r.Rule.Effect == controlling ? 0 : r.Rule.Effect != Effect.None ? 1 : 2)
            .ThenByDescending(r => r.Rule.Layer)
            .ThenBy(r => r.Index)];
    }

    private static DecisionTemplate Compose(CompiledJurisdiction jurisdiction, LocalDate date, Evaluation evaluation, Outcome outcome, CompiledPresumption? presumption, bool explain)
    {
        var ordered = Order(evaluation.Counting, outcome);
        var deciding = ordered.Select(r => r.Rule.Id).ToList();
        if (presumption is not null)
        {
            deciding.Add(presumption.Presumption.Id);
        }

        // Every prohibiting rule conflicts with every permitting or requiring one: the pairs grow with the square of
        // the rules, so only the first Decision.MaxConflictsListed are listed and the rest counted.
        var prohibiting = ordered.Where(r => r.Rule.Effect == Effect.Prohibit).ToList();
        var allowing = ordered.Where(r => r.Rule.Effect is Effect.Permit or Effect.Require).ToList();
        var conflictCount = (long)prohibiting.Count * allowing.Count;
        var conflicts = new List<RuleConflict>((int)Math.Min(conflictCount, Decision.MaxConflictsListed));
        foreach (var p in prohibiting)
        {
            foreach (var q in allowing)
            {
                if (conflicts.Count == Decision.MaxConflictsListed)
                {
                    break;
                }

                conflicts.Add(new RuleConflict(p.Rule.Id, q.Rule.Id));
            }
        }

        return new DecisionTemplate
        {
            Outcome = outcome,
            JurisdictionChain = jurisdiction.ChainIds,
            DecidingRules = deciding,
            Citations = Citations(ordered, date),
            Obligations = Obligations(ordered, outcome),
            Preempted = [.. evaluation.Preempted.Select(p => p.Rule.Rule.Id)],
            Conflicts = conflicts,
            ConflictsNotListed = conflictCount - conflicts.Count,
            Explanation = explain ? Explanations.Explain(date, outcome, ordered, evaluation, presumption, conflicts, conflictCount, jurisdiction.Jurisdiction.LawCurrentTo) : string.Empty,
        };
    }

    private static DecisionTemplate ComposeUnknownPurpose(AssistanceRequest request, CompiledJurisdiction jurisdiction, LocalDate date, Evaluation civil, Evaluation criminal, Evaluation asGiven, bool explain)
    {
        // 4.7 (c) with 4.6 step 7: police action when circumstances are present and a police-action rule counts.
        var outcome = asGiven.Has(Effect.PoliceAction) ? Outcome.PoliceAction : Outcome.Refer;
        var rules = new List<CompiledRule>();
        if (outcome == Outcome.PoliceAction)
        {
            rules.AddRange(asGiven.Counting.Where(r => r.Rule.Effect == Effect.PoliceAction));
        }

        rules.AddRange(civil.Counting.Where(r => r.Rule.Effect == Effect.None && !rules.Contains(r)));
        var ordered = Order(rules, outcome);
        return new DecisionTemplate
        {
            Outcome = outcome,
            JurisdictionChain = jurisdiction.ChainIds,
            DecidingRules = [.. ordered.Select(r => r.Rule.Id)],
            Citations = Citations(ordered, date),
            Obligations = Obligations(ordered, outcome),
            Preempted = [],
            Conflicts = [],
            Explanation = explain ? Explanations.ExplainUnknownPurpose(date, outcome, ordered, civil, criminal, jurisdiction.Jurisdiction.LawCurrentTo) : string.Empty,
        };
    }

    private static List<string> Citations(List<CompiledRule> ordered, LocalDate date)
    {
        var citations = new List<string>(ordered.Count);
        foreach (var rule in ordered)
        {
            var citation = rule.Rule.Provision.CitationOn(date);
            if (!citations.Contains(citation))
            {
                citations.Add(citation);
            }
        }

        return citations;
    }

    private static List<Obligation> Obligations(List<CompiledRule> ordered, Outcome outcome)
    {
        var all = EnumSet<Obligation>.Empty;
        foreach (var rule in ordered)
        {
            all = all.Union(rule.Rule.Obligations);
        }

        return [.. all.Where(o => o != Obligation.ReleaseWhenEligible || outcome == Outcome.Denied)];
    }
}
