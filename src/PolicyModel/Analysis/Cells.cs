using Ardalis.GuardClauses;
using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel.Analysis;

/// <summary>One period of an analysis: closed-open local dates, and the date its decisions are computed on.</summary>
/// <param name="From">First date (inclusive), or null for "since always".</param>
/// <param name="To">First date after the period (exclusive), or null for "until further notice".</param>
internal sealed record Period(LocalDate? From, LocalDate? To)
{
    /// <summary>A date inside the period: nothing the decisions depend on changes within it.</summary>
    public LocalDate Date => From ?? To?.PlusDays(-1) ?? new LocalDate(2000, 1, 1);

    public EffectivePeriod AsEffectivePeriod => new(From, To);

    /// <summary>The periods of <paramref name="range"/> between consecutive breakpoints.</summary>
    public static List<Period> Of(IEnumerable<LocalDate> breakpoints, DateRange range)
    {
        Guard.Against.Null(range);
        Guard.Against.InvalidInput(range, nameof(range), r => !r.IsEmpty, $"the range {range} is empty: its last date is before its first");

        var start = range.From;
        var end = range.To?.PlusDays(1);
        var periods = new List<Period>();
        foreach (var cut in breakpoints.Distinct().Order())
        {
            if ((start is null || cut > start) && (end is null || cut < end))
            {
                periods.Add(new Period(start, cut));
                start = cut;
            }
        }

        periods.Add(new Period(start, end));
        return periods;
    }
}

/// <summary>The decisions of every cell of a <see cref="RequestSpace"/> on one date, interned: each cell points at its decision.</summary>
internal sealed class CellDecisions
{
    private int[]? firstCell;

    private CellDecisions(CompiledJurisdiction jurisdiction, LocalDate date, int[] cells, DecisionTemplate[] results)
    {
        Jurisdiction = jurisdiction;
        Date = date;
        Cells = cells;
        Results = results;
    }

    public CompiledJurisdiction Jurisdiction { get; }

    public LocalDate Date { get; }

    /// <summary>Cell to result index.</summary>
    public int[] Cells { get; }

    /// <summary>The distinct decisions (without explanations).</summary>
    public DecisionTemplate[] Results { get; }

    public DecisionTemplate this[int cell] => Results[Cells[cell]];

    /// <summary>Decides every cell on <paramref name="date"/>.</summary>
    public static CellDecisions Compute(CompiledJurisdiction jurisdiction, RequestSpace space, LocalDate date)
    {
        var requests = space.Requests(jurisdiction.Jurisdiction.Id);
        var templates = Decide(jurisdiction, requests, Enumerable.Range(0, requests.Length).ToArray(), date);
        var interner = new Interner();
        var cells = new int[requests.Length];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            cells[cell] = interner.Intern(templates[cell]);
        }

        return new CellDecisions(jurisdiction, date, cells, interner.Results);
    }

    /// <summary>
    /// The decisions of the next period, from those of the previous one: only the cells that a rule or presumption
    /// changing on <paramref name="date"/> (coming into force, leaving it, or renumbered) could match are decided
    /// again. Any other cell is decided exactly as before: a rule that does not match a request can neither count,
    /// nor except, nor preempt, nor supply a purpose.
    /// </summary>
    public static CellDecisions Next(CellDecisions previous, RequestSpace space, LocalDate date)
    {
        var jurisdiction = previous.Jurisdiction;
        var rules = jurisdiction.Rules.Where(r => ChangesOn(r.Rule.Period, date) || r.Rule.Provision.Sections.Any(v => v.From == date)).ToArray();
        var presumptions = jurisdiction.Presumptions.Where(p => ChangesOn(p.Presumption.Period, date)).ToArray();
        var requests = space.Requests(jurisdiction.Jurisdiction.Id);
        var touched = Enumerable.Range(0, requests.Length).Where(cell => Touches(requests[cell], rules, presumptions)).ToArray();
        var templates = Decide(jurisdiction, requests, touched, date);
        var interner = new Interner();
        var carried = new int[previous.Results.Length];
        Array.Fill(carried, -1);
        var cells = new int[requests.Length];
        var next = 0;
        for (var cell = 0; cell < cells.Length; cell++)
        {
            if (next < touched.Length && touched[next] == cell)
            {
                cells[cell] = interner.Intern(templates[next++]);
            }
            else
            {
                var old = previous.Cells[cell];
                if (carried[old] < 0)
                {
                    carried[old] = interner.Intern(previous.Results[old]);
                }

                cells[cell] = carried[old];
            }
        }

        return new CellDecisions(jurisdiction, date, cells, interner.Results);
    }

    /// <summary>The decisions of every period of the jurisdiction's history (one per segment of its decision tables).</summary>
    public static CellDecisions[] History(CompiledJurisdiction jurisdiction, RequestSpace space)
    {
        var breakpoints = jurisdiction.Tables!.LawBreakpoints;
        AnalysisLimits.CheckHistory(space.CellCount, breakpoints.Count + 1);
        var segments = new CellDecisions[breakpoints.Count + 1];
        segments[0] = Compute(jurisdiction, space, breakpoints.Count == 0 ? new LocalDate(2000, 1, 1) : breakpoints[0].PlusDays(-1));
        for (var i = 1; i < segments.Length; i++)
        {
            segments[i] = Next(segments[i - 1], space, breakpoints[i - 1]);
        }

        return segments;
    }

    private static bool ChangesOn(EffectivePeriod period, LocalDate date) => period.From == date || period.To == date;

    private static bool Touches(AssistanceRequest request, CompiledRule[] rules, CompiledPresumption[] presumptions)
    {
        foreach (var rule in rules)
        {
            if (!rule.Rule.Binds.Contains(request.Respondent))
            {
                continue;
            }

            if (request.Purpose != Purpose.Unknown)
            {
                if (rule.Predicate.Eval(new Facts(request, request.Purpose, withCircumstances: true)))
                {
                    return true;
                }

                continue;
            }

            // Unknown purpose: the evaluator may decide with a presumed purpose or with the civil and criminal
            // variants (circumstances removed); any purpose, with or without circumstances, covers them all.
            foreach (var purpose in ContractNames<Purpose>.All)
            {
                if (rule.Predicate.Eval(new Facts(request, purpose, withCircumstances: true)) || rule.Predicate.Eval(new Facts(request, purpose, withCircumstances: false)))
                {
                    return true;
                }
            }
        }

        foreach (var presumption in presumptions)
        {
            if (request.Purpose == Purpose.Unknown && presumption.Presumption.Binds.Contains(request.Respondent)
                && presumption.Predicate.Eval(new Facts(request, Purpose.Unknown, withCircumstances: true)))
            {
                return true;
            }
        }

        return false;
    }

    private static DecisionTemplate[] Decide(CompiledJurisdiction jurisdiction, AssistanceRequest[] requests, int[] cells, LocalDate date)
    {
        var templates = new DecisionTemplate[cells.Length];
        const int Chunk = 2048;
        if (cells.Length <= Chunk)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                templates[i] = Evaluator.DecideTemplate(requests[cells[i]], jurisdiction, date, trace: null, explain: false);
            }
        }
        else
        {
            Parallel.For(0, (cells.Length + Chunk - 1) / Chunk, c =>
            {
                var end = Math.Min(cells.Length, (c + 1) * Chunk);
                for (var i = c * Chunk; i < end; i++)
                {
                    templates[i] = Evaluator.DecideTemplate(requests[cells[i]], jurisdiction, date, trace: null, explain: false);
                }
            });
        }

        return templates;
    }

    private sealed class Interner
    {
        private readonly Dictionary<DecisionTemplate, int> index = new(TemplateComparer.Instance);
        private readonly List<DecisionTemplate> results = [];

        public DecisionTemplate[] Results => [.. results];

        public int Intern(DecisionTemplate template)
        {
            if (!index.TryGetValue(template, out var at))
            {
                at = results.Count;
                index[template] = at;
                results.Add(template);
            }

            return at;
        }
    }

    /// <summary>A cell whose decision is result <paramref name="result"/>.</summary>
    public int FirstCellOf(int result)
    {
        if (firstCell is null)
        {
            var first = new int[Results.Length];
            Array.Fill(first, -1);
            for (var cell = Cells.Length - 1; cell >= 0; cell--)
            {
                first[Cells[cell]] = cell;
            }

            firstCell = first;
        }

        return firstCell[result];
    }

    /// <summary>
    /// What matched, counted, was excepted and preempted for a request, as the evaluator saw it: the purpose
    /// presumed when unknown (docs/semantics.md, section 11), otherwise the request as given (as <see cref="Evaluator.DecideTemplate"/>).
    /// </summary>
    public static Evaluation EvaluationOf(CompiledJurisdiction jurisdiction, AssistanceRequest request, LocalDate date)
    {
        var purpose = request.Purpose;
        if (purpose == Purpose.Unknown)
        {
            var facts = new Facts(request, Purpose.Unknown, withCircumstances: true);
            foreach (var p in jurisdiction.Presumptions)
            {
                if (p.Presumption.Binds.Contains(request.Respondent) && p.Presumption.Period.Contains(date) && p.Predicate.Eval(facts))
                {
                    purpose = p.Presumption.Presumed;
                    break;
                }
            }
        }

        return Evaluator.Evaluate(new Facts(request, purpose, withCircumstances: true), request.Respondent, date, jurisdiction, trace: null);
    }
}

/// <summary>Decisions alike in everything analysis reads (outcome, deciding rules, citations, obligations, preempted, conflicts).</summary>
internal sealed class TemplateComparer : IEqualityComparer<DecisionTemplate>
{
    public static readonly TemplateComparer Instance = new();

    public bool Equals(DecisionTemplate? x, DecisionTemplate? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null
            && x.Outcome == y.Outcome
            && x.DecidingRules.SequenceEqual(y.DecidingRules)
            && x.Citations.SequenceEqual(y.Citations, StringComparer.Ordinal)
            && x.Obligations.SequenceEqual(y.Obligations)
            && x.Preempted.SequenceEqual(y.Preempted)
            && x.Conflicts.SequenceEqual(y.Conflicts));

    public int GetHashCode(DecisionTemplate obj)
    {
        var hash = new HashCode();
        hash.Add(obj.Outcome);
        foreach (var rule in obj.DecidingRules)
        {
            hash.Add(rule);
        }

        foreach (var citation in obj.Citations)
        {
            hash.Add(citation, StringComparer.Ordinal);
        }

        hash.Add(obj.Preempted.Count);
        hash.Add(obj.Obligations.Count);
        return hash.ToHashCode();
    }
}

/// <summary>Collects boxes under result keys and turns each key's boxes into compact <see cref="RequestGroup"/>s.</summary>
internal sealed class Grouper<TKey>
    where TKey : notnull
{
    private const int Window = 128;
    private static readonly int[] SortOrder = [.. RequestSchema.DisplayOrder.Select(f => f.Position), Box.PeriodField];
    private readonly RequestSpace space;
    private readonly IReadOnlyList<Period> periods;
    private readonly Dictionary<TKey, Dictionary<(int Cell, int Window), UInt128>> cells = [];
    private readonly List<TKey> order = [];

    public Grouper(RequestSpace space, IReadOnlyList<Period> periods)
    {
        this.space = space;
        this.periods = periods;
    }

    public IReadOnlyList<TKey> Keys => order;

    /// <summary>Adds a cell in a period under a key (a cell's periods are collected first: one box per cell).</summary>
    public void Add(TKey key, int cell, int period)
    {
        if (!cells.TryGetValue(key, out var byCell))
        {
            cells[key] = byCell = [];
            order.Add(key);
        }

        var at = (cell, period / Window);
        byCell[at] = byCell.GetValueOrDefault(at) | (UInt128.One << (period % Window));
    }

    public (IReadOnlyList<RequestGroup> Groups, long RequestCount) Groups(TKey key)
    {
        if (!cells.TryGetValue(key, out var byCell))
        {
            return ([], 0);
        }

        var groups = new List<RequestGroup>();
        foreach (var window in byCell.Keys.Select(k => k.Window).Distinct().Order())
        {
            var boxes = byCell.Where(c => c.Key.Window == window).Select(c =>
            {
                var box = space.BoxOf(c.Key.Cell, 0);
                box[Box.PeriodField] = c.Value;
                return box;
            });
            var merged = Compactor.Merge(boxes);
            merged.Sort((a, b) => Box.Compare(a, b, SortOrder));
            groups.AddRange(merged.Select(b => ToGroup(b, window * Window)));
        }

        return (groups, groups.Sum(g => g.RequestCount));
    }

    private RequestGroup ToGroup(Box box, int periodOffset)
    {
        var values = new ulong[RequestSpace.Fields][];
        var texts = new string?[RequestSpace.Fields];
        long count = 1;
        long cases = 1;
        foreach (var field in RequestSchema.Fields)
        {
            var f = field.Position;
            values[f] = field.IsSet
                ? [.. Compactor.Bits(box[f]).SelectMany(c => space.Members[f][c]).Select(m => (ulong)m).Order()]
                : [.. Compactor.Bits(box[f]).Select(v => (ulong)v)];
            texts[f] = space.Texts[f]?.Describe(box[f], space.Members[f]);
            count *= values[f].Length;
            // A case is one class per field: list fields hold class indices, scalar fields whole classes of values.
            var mask = box[f];
            cases *= field.IsSet ? (long)UInt128.PopCount(mask) : space.ValueMasks[f].Count(m => (m & mask) != UInt128.Zero);
        }

        var dates = new List<EffectivePeriod>();
        var previous = -2;
        foreach (var bit in Compactor.Bits(box[Box.PeriodField]))
        {
            var period = periods[periodOffset + bit];
            if (bit == previous + 1)
            {
                dates[^1] = dates[^1] with { To = period.To };
            }
            else
            {
                dates.Add(period.AsEffectivePeriod);
            }

            previous = bit;
        }

        return new RequestGroup(values, texts, dates, count, cases);
    }
}
