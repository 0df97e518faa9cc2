using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel.Analysis;

/// <summary>
/// Analyses a compiled policy set (docs/analysis.md): the requests no rule decides (gaps), same-layer conflicts, rules
/// that never decide a request, preemption, scenario coverage, and what changes between two dates or two versions of
/// the documents. Every concrete request is accounted for: the analysis enumerates the equivalence classes of the
/// request fields and the periods between the dates on which the policies change (those of the compiled decision
/// tables), decides one representative of each class on one date of each period with the engine itself, and groups
/// the requests it reports into a few products of value sets. Thread-safe; the decisions of a jurisdiction's whole history are computed
/// once per analyzer (each period from the previous one, re-deciding only the requests a changing rule could match)
/// and shared by its analyses.
/// </summary>
public sealed class PolicyAnalyzer
{
    private readonly ConcurrentDictionary<JurisdictionId, RequestSpace> spaces = new();
    private readonly ConcurrentDictionary<JurisdictionId, Lazy<CellDecisions[]>> histories = new();

    /// <summary>Creates an analyzer of <paramref name="set"/>.</summary>
    /// <param name="set">The compiled policy set.</param>
    public PolicyAnalyzer(PolicySet set)
    {
        Guard.Against.Null(set);
        Set = set;
    }

    /// <summary>The policy set analysed.</summary>
    public PolicySet Set { get; }

    /// <summary>Every analysis of one jurisdiction over a range of dates (gaps, conflicts, unreachable rules, preemption).</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="range">The dates; <see langword="null"/> for all history.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">The set has no such jurisdiction.</exception>
    /// <exception cref="AnalysisTooLargeException">The jurisdiction's request space is past the budget of <see cref="AnalysisLimits"/>.</exception>
    public PolicyAnalysisReport Analyze(JurisdictionId jurisdiction, DateRange? range = null)
    {
        range ??= DateRange.All;
        var (compiled, space, periods, cells) = Prepare(jurisdiction, range);
        return new PolicyAnalysisReport(
            jurisdiction,
            range,
            [.. periods.Select(p => p.AsEffectivePeriod)],
            RequestSchema.RequestsPerDate,
            GapsOf(jurisdiction, range, space, periods, cells),
            ConflictsOf(space, periods, cells),
            UnreachableOf(compiled, space, periods, cells),
            PreemptionsOf(compiled, space, periods, cells))
        {
            CasesPerDate = space.CellCount,
        };
    }

    /// <summary>Analyses every jurisdiction of the set over a range of dates (in parallel).</summary>
    /// <param name="range">The dates; <see langword="null"/> for all history.</param>
    /// <returns>One report per jurisdiction, in the set's order.</returns>
    /// <exception cref="AnalysisTooLargeException">A jurisdiction's request space is past the budget of <see cref="AnalysisLimits"/>.</exception>
    public IReadOnlyList<PolicyAnalysisReport> AnalyzeAll(DateRange? range = null)
    {
        range ??= DateRange.All;
        var jurisdictions = Set.Jurisdictions.Select(j => j.Id).ToList();
        try
        {
            Parallel.ForEach(jurisdictions, j => HistoryOf(j));
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<AnalysisTooLargeException>().FirstOrDefault() is { } tooLarge)
        {
            throw tooLarge; // the documented exception, as Analyze throws it, not wrapped by the parallel loop
        }

        return [.. jurisdictions.AsParallel().AsOrdered().Select(j => Analyze(j, range))];
    }

    /// <summary>The requests no rule decides on a date (they fall to <c>discretionary</c>).</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="date">The local date.</param>
    /// <returns>The gaps.</returns>
    public GapReport Gaps(JurisdictionId jurisdiction, LocalDate date) => Gaps(jurisdiction, DateRange.On(date));

    /// <summary>The requests no rule decides on some date of a range.</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="range">The dates.</param>
    /// <returns>The gaps, each group with the periods in which it is undecided.</returns>
    public GapReport Gaps(JurisdictionId jurisdiction, DateRange range)
    {
        Guard.Against.Null(range);
        var (_, space, periods, cells) = Prepare(jurisdiction, range);
        return GapsOf(jurisdiction, range, space, periods, cells);
    }

    /// <summary>Requests on which two rules of one layer disagree (prohibit against permit or require) and neither excepts the other, on a date.</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="date">The local date.</param>
    /// <returns>One finding per pair of rules.</returns>
    public IReadOnlyList<ConflictFinding> Conflicts(JurisdictionId jurisdiction, LocalDate date) => Conflicts(jurisdiction, DateRange.On(date));

    /// <summary>Same-layer conflicts on some date of a range.</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="range">The dates.</param>
    /// <returns>One finding per pair of rules.</returns>
    public IReadOnlyList<ConflictFinding> Conflicts(JurisdictionId jurisdiction, DateRange range)
    {
        Guard.Against.Null(range);
        var (_, space, periods, cells) = Prepare(jurisdiction, range);
        return ConflictsOf(space, periods, cells);
    }

    /// <summary>Rules of the jurisdiction's chain that never decide a request of the jurisdiction in the periods of a range in which they are in force.</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="range">The dates; <see langword="null"/> for all history.</param>
    /// <returns>The rules, in catalogue order, with the reason.</returns>
    public IReadOnlyList<UnreachableRule> UnreachableRules(JurisdictionId jurisdiction, DateRange? range = null)
    {
        var (compiled, space, periods, cells) = Prepare(jurisdiction, range ?? DateRange.All);
        return UnreachableOf(compiled, space, periods, cells);
    }

    /// <summary>Rules preempted by a controlling layer on a date, with the requests affected.</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="date">The local date.</param>
    /// <returns>One finding per preempted rule, preempting provision and outcome.</returns>
    public IReadOnlyList<PreemptionFinding> Preemptions(JurisdictionId jurisdiction, LocalDate date) => Preemptions(jurisdiction, DateRange.On(date));

    /// <summary>Rules preempted by a controlling layer on some date of a range, with the requests affected.</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="range">The dates.</param>
    /// <returns>One finding per preempted rule, preempting provision and outcome.</returns>
    public IReadOnlyList<PreemptionFinding> Preemptions(JurisdictionId jurisdiction, DateRange range)
    {
        Guard.Against.Null(range);
        var (compiled, space, periods, cells) = Prepare(jurisdiction, range);
        return PreemptionsOf(compiled, space, periods, cells);
    }

    /// <summary>Which rules and presumptions a set of scenarios exercises (is among a scenario decision's deciding rules), and which none does.</summary>
    /// <param name="scenarios">The scenarios (for example from <see cref="ScenarioFile.Load(string)"/>).</param>
    /// <param name="jurisdiction">Consider only the rules of this jurisdiction's chain; <see langword="null"/> for every rule of the set.</param>
    /// <returns>The coverage, rules in catalogue order then presumptions.</returns>
    public CoverageReport Coverage(IEnumerable<Scenario> scenarios, JurisdictionId? jurisdiction = null)
    {
        Guard.Against.Null(scenarios);
        var chain = jurisdiction is { } j ? Set.ChainOf(j).ToHashSet() : null;
        var hits = new Dictionary<RuleId, List<string>>();
        var invalid = new List<string>();
        var count = 0;
        foreach (var scenario in scenarios)
        {
            if (!Set.TryDecide(scenario.Request, out var decision, out var problem))
            {
                invalid.Add($"{scenario.Name} ({scenario.Source}): {problem!.Message}");
                continue;
            }

            count++;
            foreach (var rule in decision!.DecidingRules)
            {
                if (!hits.TryGetValue(rule, out var names))
                {
                    hits[rule] = names = [];
                }

                if (!names.Contains(scenario.Name))
                {
                    names.Add(scenario.Name);
                }
            }
        }

        var rules = Set.Rules.Where(r => chain is null || chain.Contains(r.Jurisdiction))
            .Select(r => new RuleCoverage(r.Id, r.Jurisdiction, false, LatestCitation(r), hits.GetValueOrDefault(r.Id) ?? []))
            .Concat(Set.Presumptions.Where(p => chain is null || chain.Contains(p.Jurisdiction))
                .Select(p => new RuleCoverage(p.Id, p.Jurisdiction, true, null, hits.GetValueOrDefault(p.Id) ?? [])));
        return new CoverageReport([.. rules], count, invalid);
    }

    /// <summary>The requests whose decision differs between two dates: what an amendment changed.</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="before">The earlier (or any) local date.</param>
    /// <param name="after">The later (or any) local date.</param>
    /// <returns>The changes, grouped (each group's <see cref="RequestGroup.Periods"/> holds <paramref name="after"/>).</returns>
    /// <exception cref="KeyNotFoundException">The set has no such jurisdiction.</exception>
    public DiffReport Diff(JurisdictionId jurisdiction, LocalDate before, LocalDate after)
    {
        var compiled = Compiled(jurisdiction);
        var space = SpaceOf(jurisdiction, compiled);
        var tables = compiled.Tables!;
        var history = HistoryOf(jurisdiction);
        var a = history[tables.SegmentOf(before)];
        var b = history[tables.SegmentOf(after)];
        var periods = new List<Period> { new(after, after.PlusDays(1)) };
        var differ = new Differ(space, periods);
        differ.Compare(a, b, 0);
        return differ.Report(jurisdiction, before.ToContractText(), after.ToContractText(), null);
    }

    /// <summary>The requests whose decision differs between two versions of the documents on a date.</summary>
    /// <param name="oldSet">The policies before.</param>
    /// <param name="newSet">The policies after.</param>
    /// <param name="jurisdiction">The jurisdiction (defined in both).</param>
    /// <param name="date">The local date.</param>
    /// <returns>The changes, grouped.</returns>
    /// <exception cref="ArgumentException">A set lacks the jurisdiction.</exception>
    public static DiffReport Diff(PolicySet oldSet, PolicySet newSet, JurisdictionId jurisdiction, LocalDate date) =>
        Diff(oldSet, newSet, jurisdiction, DateRange.On(date));

    /// <summary>
    /// The requests whose decision differs between two versions of the documents on some date of a range. The
    /// requests are enumerated over the common refinement of both sets' equivalence classes, and the range is cut at
    /// the dates on which either set changes.
    /// </summary>
    /// <param name="oldSet">The policies before.</param>
    /// <param name="newSet">The policies after.</param>
    /// <param name="jurisdiction">The jurisdiction (defined in both).</param>
    /// <param name="range">The dates; <see langword="null"/> for all history.</param>
    /// <returns>The changes, grouped, each group with the periods in which it changes.</returns>
    /// <exception cref="ArgumentException">A set lacks the jurisdiction.</exception>
    public static DiffReport Diff(PolicySet oldSet, PolicySet newSet, JurisdictionId jurisdiction, DateRange? range = null)
    {
        Guard.Against.Null(oldSet);
        Guard.Against.Null(newSet);
        range ??= DateRange.All;
        foreach (var (set, name) in new[] { (oldSet, "old"), (newSet, "new") })
        {
            Guard.Against.InvalidInput(jurisdiction, nameof(jurisdiction), j => set.TryGetJurisdiction(j, out _), $"the {name} policies have no jurisdiction `{jurisdiction}`");
        }

        var a = oldSet.CompiledJurisdictionOf(jurisdiction);
        var b = newSet.CompiledJurisdictionOf(jurisdiction);
        var space = RequestSpace.Refine(a, b);
        var periods = Period.Of(a.Tables!.LawBreakpoints.Concat(b.Tables!.LawBreakpoints), range);
        var histories = new CellDecisions[2][];
        Parallel.For(0, 2, i => histories[i] = CellDecisions.History(i == 0 ? a : b, space));
        var differ = new Differ(space, periods);
        for (var p = 0; p < periods.Count; p++)
        {
            differ.Compare(histories[0][a.Tables.SegmentOf(periods[p].Date)], histories[1][b.Tables.SegmentOf(periods[p].Date)], p);
        }

        return differ.Report(jurisdiction, "old policies", "new policies", range);
    }

    private static string LatestCitation(Rule rule) => rule.Provision.CitationOn(LocalDate.MaxIsoValue);

    private static GapReport GapsOf(JurisdictionId jurisdiction, DateRange range, RequestSpace space, List<Period> periods, CellDecisions[] cells)
    {
        var grouper = new Grouper<bool>(space, periods);
        for (var p = 0; p < periods.Count; p++)
        {
            var decisions = cells[p];
            var gap = decisions.Results.Select(r => r.Outcome == Outcome.Discretionary).ToArray();
            for (var cell = 0; cell < space.CellCount; cell++)
            {
                if (gap[decisions.Cells[cell]])
                {
                    grouper.Add(true, cell, p);
                }
            }
        }

        var (groups, count) = grouper.Groups(true);
        return new GapReport(jurisdiction, range, groups, count);
    }

    private List<ConflictFinding> ConflictsOf(RequestSpace space, List<Period> periods, CellDecisions[] cells)
    {
        var grouper = new Grouper<RuleConflict>(space, periods);
        for (var p = 0; p < periods.Count; p++)
        {
            var decisions = cells[p];
            var pairs = decisions.Results.Select(r => r.Conflicts.Where(c => Set.FindRule(c.Prohibiting)?.Layer == Set.FindRule(c.Other)?.Layer).ToArray()).ToArray();
            if (pairs.All(x => x.Length == 0))
            {
                continue;
            }

            for (var cell = 0; cell < space.CellCount; cell++)
            {
                foreach (var pair in pairs[decisions.Cells[cell]])
                {
                    grouper.Add(pair, cell, p);
                }
            }
        }

        return [.. grouper.Keys.Select(k =>
        {
            var (groups, count) = grouper.Groups(k);
            return new ConflictFinding(k.Prohibiting, k.Other, Set.FindRule(k.Prohibiting)!.Layer, groups, count);
        })];
    }

    private List<PreemptionFinding> PreemptionsOf(CompiledJurisdiction compiled, RequestSpace space, List<Period> periods, CellDecisions[] cells)
    {
        var grouper = new Grouper<(RuleId Rule, string By)>(space, periods);
        var outcomes = new Dictionary<(RuleId, string), EnumSet<Outcome>>();
        for (var p = 0; p < periods.Count; p++)
        {
            var decisions = cells[p];
            var keys = new (RuleId, string)[decisions.Results.Length][];
            for (var r = 0; r < keys.Length; r++)
            {
                var result = decisions.Results[r];
                if (result.Preempted.Count == 0)
                {
                    keys[r] = [];
                    continue;
                }

                var request = space.Requests(compiled.Jurisdiction.Id)[decisions.FirstCellOf(r)];
                var evaluation = CellDecisions.EvaluationOf(compiled, request, decisions.Date);
                keys[r] = [.. evaluation.Preempted.Select(x => (x.Rule.Rule.Id, Slot.Clean(x.By)))];
                foreach (var key in keys[r])
                {
                    outcomes[key] = outcomes.GetValueOrDefault(key).Add(result.Outcome);
                }
            }

            if (keys.All(k => k.Length == 0))
            {
                continue;
            }

            for (var cell = 0; cell < space.CellCount; cell++)
            {
                foreach (var key in keys[decisions.Cells[cell]])
                {
                    grouper.Add(key, cell, p);
                }
            }
        }

        return [.. grouper.Keys.Select(k =>
        {
            var rule = Set.FindRule(k.Rule)!;
            var (groups, count) = grouper.Groups(k);
            return new PreemptionFinding(k.Rule, rule.Jurisdiction, rule.Layer, LatestCitation(rule), k.By, [.. outcomes[k]], groups, count);
        })];
    }

    private static List<UnreachableRule> UnreachableOf(CompiledJurisdiction compiled, RequestSpace space, List<Period> periods, CellDecisions[] cells)
    {
        var rules = compiled.Rules.OrderBy(r => r.Index).ToList();
        var inForce = rules.ToDictionary(r => r, r => Enumerable.Range(0, periods.Count).Where(p => r.Rule.Period.Contains(periods[p].Date)).ToList());
        var byId = rules.ToDictionary(r => r.Rule.Id, r => r.Rule);
        var decides = new HashSet<RuleId>();
        var controls = new HashSet<RuleId>();
        var shadowers = new Dictionary<RuleId, List<string>>();
        for (var p = 0; p < periods.Count; p++)
        {
            foreach (var result in cells[p].Results)
            {
                var controlling = result.Outcome.ControllingEffect();
                foreach (var id in result.DecidingRules)
                {
                    decides.Add(id);
                    var rule = byId.GetValueOrDefault(id);
                    if (rule is null || rule.Effect == Effect.None)
                    {
                        continue;
                    }

                    if (rule.Effect == controlling)
                    {
                        controls.Add(id);
                    }
                    else if (!controls.Contains(id))
                    {
                        if (!shadowers.TryGetValue(id, out var by))
                        {
                            shadowers[id] = by = [];
                        }

                        foreach (var winner in result.DecidingRules.Where(w => byId.GetValueOrDefault(w)?.Effect == controlling))
                        {
                            if (!by.Contains(winner.Value))
                            {
                                by.Add(winner.Value);
                            }
                        }
                    }
                }
            }
        }

        var found = new List<UnreachableRule>();
        var candidates = rules.Where(r => inForce[r].Count > 0 && !decides.Contains(r.Rule.Id)).ToList();
        var reasons = Reasons(compiled, space, periods, cells, candidates, inForce);
        foreach (var rule in rules.Where(r => inForce[r].Count > 0))
        {
            var id = rule.Rule.Id;
            (UnreachableReason Reason, List<string> By)? verdict = null;
            if (!decides.Contains(id))
            {
                verdict = reasons[rule];
            }
            else if (rule.Rule.Effect != Effect.None && !controls.Contains(id))
            {
                verdict = (UnreachableReason.Shadowed, shadowers.GetValueOrDefault(id) ?? []);
            }

            if (verdict is { } v)
            {
                var dates = MergePeriods(inForce[rule].Select(p => periods[p]));
                found.Add(new UnreachableRule(id, rule.Rule.Jurisdiction, rule.Rule.Layer, rule.Rule.Effect, LatestCitation(rule.Rule), v.Reason, v.By, dates));
            }
        }

        return found;
    }

    /// <summary>Why each candidate (a rule in no decision's deciding rules) never decides: from the evaluation of every cell where it matches.</summary>
    private static Dictionary<CompiledRule, (UnreachableReason, List<string>)> Reasons(
        CompiledJurisdiction compiled, RequestSpace space, List<Period> periods, CellDecisions[] cells, List<CompiledRule> candidates, Dictionary<CompiledRule, List<int>> inForce)
    {
        var matched = candidates.ToDictionary(r => r, _ => false);
        var excepted = candidates.ToDictionary(r => r, _ => new List<string>());
        var preempted = candidates.ToDictionary(r => r, _ => new List<string>());
        var undecided = candidates.ToDictionary(r => r, _ => false);
        for (var p = 0; p < periods.Count && candidates.Count > 0; p++)
        {
            var live = candidates.Where(r => inForce[r].Contains(p)).ToList();
            if (live.Count == 0)
            {
                continue;
            }

            var date = cells[p].Date;
            var requests = space.Requests(compiled.Jurisdiction.Id);
            for (var cell = 0; cell < space.CellCount; cell++)
            {
                var request = requests[cell];
                Evaluation? evaluation = null;
                foreach (var rule in live)
                {
                    if (!rule.Rule.Binds.Contains(request.Respondent))
                    {
                        continue;
                    }

                    evaluation ??= CellDecisions.EvaluationOf(compiled, request, date);
                    if (evaluation.Counting.Contains(rule))
                    {
                        matched[rule] = true;
                        undecided[rule] = true;
                    }
                    else if (evaluation.Excepted.FirstOrDefault(x => x.Rule == rule) is { Rule: not null } exception)
                    {
                        matched[rule] = true;
                        AddOnce(excepted[rule], exception.By.Rule.Id.Value);
                    }
                    else if (evaluation.Preempted.FirstOrDefault(x => x.Rule == rule) is { Rule: not null } preemption)
                    {
                        matched[rule] = true;
                        AddOnce(preempted[rule], Slot.Clean(preemption.By));
                    }
                }
            }
        }

        return candidates.ToDictionary(r => r, r =>
            !matched[r] ? (UnreachableReason.NeverMatches, new List<string>())
            : undecided[r] ? (UnreachableReason.UndecidedPurpose, new List<string>())
            : preempted[r].Count == 0 ? (UnreachableReason.AlwaysExcepted, excepted[r])
            : excepted[r].Count == 0 ? (UnreachableReason.AlwaysPreempted, preempted[r])
            : (UnreachableReason.ExceptedOrPreempted, [.. excepted[r], .. preempted[r]]));

        static void AddOnce(List<string> list, string value)
        {
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
    }

    private static List<EffectivePeriod> MergePeriods(IEnumerable<Period> periods)
    {
        var merged = new List<EffectivePeriod>();
        foreach (var period in periods)
        {
            if (merged.Count > 0 && merged[^1].To is { } to && period.From == to)
            {
                merged[^1] = merged[^1] with { To = period.To };
            }
            else
            {
                merged.Add(period.AsEffectivePeriod);
            }
        }

        return merged;
    }

    private CompiledJurisdiction Compiled(JurisdictionId jurisdiction) =>
        Set.TryGetJurisdiction(jurisdiction, out _)
            ? Set.CompiledJurisdictionOf(jurisdiction)
            : throw new KeyNotFoundException($"no jurisdiction `{jurisdiction}` in this policy set; expected one of {string.Join(", ", Set.Jurisdictions.Select(j => $"`{j.Id}`"))}");

    private RequestSpace SpaceOf(JurisdictionId jurisdiction, CompiledJurisdiction compiled) =>
        spaces.GetOrAdd(jurisdiction, _ => RequestSpace.Of(compiled));

    private CellDecisions[] HistoryOf(JurisdictionId jurisdiction)
    {
        var compiled = Compiled(jurisdiction);
        var space = SpaceOf(jurisdiction, compiled);
        return histories.GetOrAdd(jurisdiction, _ => new Lazy<CellDecisions[]>(() => CellDecisions.History(compiled, space))).Value;
    }

    private (CompiledJurisdiction Compiled, RequestSpace Space, List<Period> Periods, CellDecisions[] Cells) Prepare(JurisdictionId jurisdiction, DateRange range)
    {
        var compiled = Compiled(jurisdiction);
        var space = SpaceOf(jurisdiction, compiled);
        var tables = compiled.Tables!;
        var periods = Period.Of(tables.LawBreakpoints, range);
        var history = HistoryOf(jurisdiction);
        return (compiled, space, periods, [.. periods.Select(p => history[tables.SegmentOf(p.Date)])]);
    }

    /// <summary>Compares decisions cell by cell and groups the differences by the change, by outcome change and by item.</summary>
    private sealed class Differ(RequestSpace space, List<Period> periods)
    {
        private readonly Grouper<string> exact = new(space, periods);
        private readonly Grouper<(Outcome Before, Outcome After)> outcomes = new(space, periods);
        private readonly Grouper<(ChangeKind Kind, string Item, bool Added)> items = new(space, periods);
        private readonly Dictionary<string, (DecisionTemplate Before, DecisionTemplate After)> examples = new(StringComparer.Ordinal);

        public void Compare(CellDecisions before, CellDecisions after, int period)
        {
            var memo = new Dictionary<(int, int), Delta?>();
            for (var cell = 0; cell < space.CellCount; cell++)
            {
                var pair = (before.Cells[cell], after.Cells[cell]);
                if (!memo.TryGetValue(pair, out var delta))
                {
                    delta = Delta.Of(before.Results[pair.Item1], after.Results[pair.Item2]);
                    memo[pair] = delta;
                    if (delta is not null)
                    {
                        examples.TryAdd(delta.Key, (before.Results[pair.Item1], after.Results[pair.Item2]));
                    }
                }

                if (delta is null)
                {
                    continue;
                }

                exact.Add(delta.Key, cell, period);
                if (delta.Before != delta.After)
                {
                    outcomes.Add((delta.Before, delta.After), cell, period);
                }

                foreach (var item in delta.Items)
                {
                    items.Add(item, cell, period);
                }
            }
        }

        public DiffReport Report(JurisdictionId jurisdiction, string before, string after, DateRange? range)
        {
            var changes = exact.Keys.Select(key =>
            {
                var (a, b) = examples[key];
                var (groups, count) = exact.Groups(key);
                return new DecisionChange(
                    a.Outcome,
                    b.Outcome,
                    [.. b.Citations.Where(c => !a.Citations.Contains(c))],
                    [.. a.Citations.Where(c => !b.Citations.Contains(c))],
                    [.. b.Obligations.Where(o => !a.Obligations.Contains(o))],
                    [.. a.Obligations.Where(o => !b.Obligations.Contains(o))],
                    [.. b.Preempted.Where(r => !a.Preempted.Contains(r))],
                    [.. a.Preempted.Where(r => !b.Preempted.Contains(r))],
                    groups,
                    count);
            })
            .OrderByDescending(c => c.OutcomeChanged)
            .ThenByDescending(c => c.RequestCount)
            .ThenBy(c => c.Describe(), StringComparer.Ordinal)
            .ToList();
            var outcomeChanges = outcomes.Keys.Select(k =>
            {
                var (groups, count) = outcomes.Groups(k);
                return new OutcomeChange(k.Before, k.After, groups, count);
            }).OrderByDescending(o => o.RequestCount).ThenBy(o => o.Before).ThenBy(o => o.After).ToList();
            var itemChanges = items.Keys.Select(k =>
            {
                var (groups, count) = items.Groups(k);
                return new ItemChange(k.Kind, k.Item, k.Added, groups, count);
            }).OrderBy(i => i.Kind).ThenByDescending(i => i.Added).ToList();
            var total = changes.Sum(c => c.RequestCount);
            return new DiffReport(jurisdiction, before, after, range, outcomeChanges, itemChanges, changes, total, RequestSchema.RequestsPerDate) { CasesPerDate = space.CellCount };
        }

        /// <summary>How one decision differs from another; null when alike (same outcome, citations as a set, obligations, preempted rules).</summary>
        private sealed record Delta(string Key, Outcome Before, Outcome After, List<(ChangeKind, string, bool)> Items)
        {
            public static Delta? Of(DecisionTemplate a, DecisionTemplate b)
            {
                var items = new List<(ChangeKind, string, bool)>();
                items.AddRange(b.Citations.Where(c => !a.Citations.Contains(c)).Select(c => (ChangeKind.Citation, c, true)));
                items.AddRange(a.Citations.Where(c => !b.Citations.Contains(c)).Select(c => (ChangeKind.Citation, c, false)));
                items.AddRange(b.Obligations.Where(o => !a.Obligations.Contains(o)).Select(o => (ChangeKind.Obligation, o.ToContractName(), true)));
                items.AddRange(a.Obligations.Where(o => !b.Obligations.Contains(o)).Select(o => (ChangeKind.Obligation, o.ToContractName(), false)));
                items.AddRange(b.Preempted.Where(r => !a.Preempted.Contains(r)).Select(r => (ChangeKind.Preempted, r.Value, true)));
                items.AddRange(a.Preempted.Where(r => !b.Preempted.Contains(r)).Select(r => (ChangeKind.Preempted, r.Value, false)));
                if (a.Outcome == b.Outcome && items.Count == 0)
                {
                    return null;
                }

                var key = string.Join('\u0001', items.Select(i => $"{i.Item1}\u0002{i.Item2}\u0002{i.Item3}").Prepend($"{a.Outcome}\u0002{b.Outcome}"));
                return new Delta(key, a.Outcome, b.Outcome, items);
            }
        }
    }
}
