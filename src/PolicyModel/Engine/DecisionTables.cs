using System.Collections.Concurrent;
using System.Text;
using NodaTime;

namespace PolicyModel.Engine;

/// <summary>
/// The partition of one request field's values (or, for a list field, of its subsets) into equivalence classes:
/// two values are in one class when every test of the policy set that reads the field treats them alike.
/// </summary>
internal sealed class FieldClasses
{
    public FieldClasses(RequestField field, int domainSize, IReadOnlyList<Func<int, bool>> tests)
    {
        Field = field;
        ClassOf = new byte[domainSize];
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        var signature = new StringBuilder(tests.Count);
        for (var value = 0; value < domainSize; value++)
        {
            signature.Clear();
            foreach (var test in tests)
            {
                signature.Append(test(value) ? '1' : '0');
            }

            var key = signature.ToString();
            if (!classes.TryGetValue(key, out var index))
            {
                index = classes.Count;
                classes[key] = index;
                members.Add([]);
            }

            ClassOf[value] = (byte)index;
            members[index].Add(value);
        }

        Members = [.. members.Select(m => m.ToArray())];
    }

    public RequestField Field { get; }

    /// <summary>Value (enum value, or a list field's bit mask) to class index.</summary>
    public byte[] ClassOf { get; }

    /// <summary>Class index to its values.</summary>
    public int[][] Members { get; }

    public int Count => Members.Length;
}

/// <summary>
/// The compiled form of one jurisdiction: its rules indexed by periods in which nothing changes (segments between
/// consecutive effective dates) and by the equivalence classes of the request fields. Each table cell holds the
/// precomputed decision template of every request of that class tuple on that segment; a cell is computed on
/// first use by the reference evaluator and then shared, so a decision after warm-up allocates nothing.
/// </summary>
internal sealed class DecisionTables
{
    /// <summary>Largest table per segment; a jurisdiction whose classes multiply past it uses the reference evaluator.</summary>
    public const int MaxCells = 1 << 20;

    /// <summary>
    /// Most table cells one jurisdiction keeps at once, over all its periods: 4,194,304 (32 MiB of references).
    /// Tables are made per period on first use; past the budget the least recently made one is evicted (its
    /// decisions are computed again if its period comes back), so periods × classes never grows without bound.
    /// </summary>
    public const int MaxLiveCells = 1 << 22;

    private readonly Lock tableGate = new();
    private readonly Queue<int> liveTables = new();

    private readonly CompiledJurisdiction jurisdiction;
    private readonly LocalDate[] breakpoints;
    private readonly DecisionTemplate?[]?[] tables;
    private readonly ConcurrentDictionary<string, DecisionTemplate> templates = new(StringComparer.Ordinal);
    private readonly FieldClasses respondent;
    private readonly FieldClasses requester;
    private readonly FieldClasses purpose;
    private readonly FieldClasses assistance;
    private readonly FieldClasses authority;
    private readonly FieldClasses circumstances;
    private readonly FieldClasses subjectFacts;

    public DecisionTables(CompiledJurisdiction jurisdiction)
    {
        this.jurisdiction = jurisdiction;
        var tests = new Dictionary<RequestField, HashSet<(FieldTest, ulong)>>();
        foreach (var field in Enum.GetValues<RequestField>())
        {
            tests[field] = [];
        }

        void Add(FieldPredicate p) => tests[p.Field].Add((p.Test, p.Mask));
        foreach (var rule in jurisdiction.Rules)
        {
            rule.Predicate.VisitTests(Add);
            tests[RequestField.Respondent].Add((FieldTest.AnyOf, rule.Rule.Binds.Mask));
        }

        foreach (var presumption in jurisdiction.Presumptions)
        {
            presumption.Predicate.VisitTests(Add);
            tests[RequestField.Respondent].Add((FieldTest.AnyOf, presumption.Presumption.Binds.Mask));
        }

        // The evaluator itself reads two facts beyond the rules' tests: whether the purpose is unknown
        // (presumptions, the two-variant test) and whether circumstances are empty (refer or police-action).
        tests[RequestField.Purpose].Add((FieldTest.AnyOf, 1UL << (int)Purpose.Unknown));
        tests[RequestField.Circumstances].Add((FieldTest.Empty, 0));

        respondent = Scalar(RequestField.Respondent, Vocab<Respondent>.All.Count, tests);
        requester = Scalar(RequestField.Requester, Vocab<Requester>.All.Count, tests);
        purpose = Scalar(RequestField.Purpose, Vocab<Purpose>.All.Count, tests);
        assistance = Scalar(RequestField.Assistance, Vocab<AssistanceKind>.All.Count, tests);
        authority = Scalar(RequestField.Authority, Vocab<Authority>.All.Count, tests);
        circumstances = Set(RequestField.Circumstances, Vocab<Circumstance>.All.Count, tests);
        subjectFacts = Set(RequestField.SubjectFacts, Vocab<SubjectFact>.All.Count, tests);

        var dates = new SortedSet<LocalDate>();
        foreach (var rule in jurisdiction.Rules)
        {
            AddPeriod(dates, rule.Rule.Period);
            foreach (var variant in rule.Rule.Provision.Sections)
            {
                if (variant.From is { } from)
                {
                    dates.Add(from);
                }
            }
        }

        foreach (var presumption in jurisdiction.Presumptions)
        {
            AddPeriod(dates, presumption.Presumption.Period);
        }

        breakpoints = [.. dates];
        tables = new DecisionTemplate?[]?[breakpoints.Length + 1];
        long cells = 1;
        foreach (var classes in Classes)
        {
            cells *= classes.Count;
        }

        CellsPerSegment = cells <= MaxCells ? (int)cells : 0;
    }

    /// <summary>Cells per segment, or 0 when the tables are disabled (too many classes).</summary>
    public int CellsPerSegment { get; }

    public IReadOnlyList<LocalDate> Breakpoints => breakpoints;

    public IReadOnlyList<FieldClasses> Classes => [respondent, requester, purpose, assistance, authority, circumstances, subjectFacts];

    public int SegmentCount => tables.Length;

    /// <summary>Number of distinct decision templates computed so far.</summary>
    public int TemplateCount => templates.Count;

    public DecisionTemplate? Lookup(AssistanceRequest request, LocalDate date)
    {
        if (CellsPerSegment == 0)
        {
            return null;
        }

        var segment = SegmentOf(date);
        var table = Volatile.Read(ref tables[segment]) ?? CreateTable(segment);
        int key = respondent.ClassOf[(int)request.Respondent];
        key = (key * requester.Count) + requester.ClassOf[(int)request.Requester];
        key = (key * purpose.Count) + purpose.ClassOf[(int)request.Purpose];
        key = (key * assistance.Count) + assistance.ClassOf[(int)request.Assistance];
        key = (key * authority.Count) + authority.ClassOf[(int)request.Authority];
        key = (key * circumstances.Count) + circumstances.ClassOf[request.Circumstances.Mask];
        key = (key * subjectFacts.Count) + subjectFacts.ClassOf[request.SubjectFacts.Mask];
        return table[key] ?? Fill(table, key, request, date);
    }

    /// <summary>
    /// Fills every cell of every period now (one representative request per class tuple), so that no later decision
    /// ever runs the reference evaluator or allocates. Returns the number of cells filled.
    /// </summary>
    public int Precompute()
    {
        if (CellsPerSegment == 0)
        {
            return 0;
        }

        // Only as many periods as the table budget holds: precomputing more would evict what was just computed.
        var filled = 0;
        var classes = Classes;
        var tuple = new int[classes.Count];
        for (var segment = 0; segment < Math.Min(tables.Length, MaxLiveTables); segment++)
        {
            var date = segment == 0
                ? (breakpoints.Length == 0 ? new LocalDate(2000, 1, 1) : breakpoints[0].PlusDays(-1))
                : breakpoints[segment - 1];
            var receivedAt = date.AtMidnight().WithOffset(Offset.Zero);
            Array.Clear(tuple);
            while (true)
            {
                var request = new AssistanceRequest
                {
                    Jurisdiction = jurisdiction.Jurisdiction.Id,
                    ReceivedAt = receivedAt,
                    Respondent = (Respondent)classes[0].Members[tuple[0]][0],
                    Requester = (Requester)classes[1].Members[tuple[1]][0],
                    Purpose = (Purpose)classes[2].Members[tuple[2]][0],
                    Assistance = (AssistanceKind)classes[3].Members[tuple[3]][0],
                    Authority = (Authority)classes[4].Members[tuple[4]][0],
                    Circumstances = EnumSet<Circumstance>.FromMask((ulong)classes[5].Members[tuple[5]][0]),
                    SubjectFacts = EnumSet<SubjectFact>.FromMask((ulong)classes[6].Members[tuple[6]][0]),
                };
                Lookup(request, date);
                filled++;

                var f = tuple.Length - 1;
                while (f >= 0 && ++tuple[f] == classes[f].Count)
                {
                    tuple[f] = 0;
                    f--;
                }

                if (f < 0)
                {
                    break;
                }
            }
        }

        return filled;
    }

    public int SegmentOf(LocalDate date)
    {
        int low = 0, high = breakpoints.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (breakpoints[mid] <= date)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many periods' tables are held now.</summary>
    public int LiveTableCount
    {
        get
        {
            lock (tableGate)
            {
                return liveTables.Count;
            }
        }
    }

    /// <summary>How many periods' tables fit in <see cref="MaxLiveCells"/> at once (at least one).</summary>
    public int MaxLiveTables => CellsPerSegment == 0 ? 0 : Math.Max(1, MaxLiveCells / CellsPerSegment);

    private DecisionTemplate?[] CreateTable(int segment)
    {
        lock (tableGate)
        {
            if (Volatile.Read(ref tables[segment]) is { } made)
            {
                return made;
            }

            if (liveTables.Count >= MaxLiveTables)
            {
                // Threads still holding the evicted table finish their lookups in it; later ones make a new one.
                Volatile.Write(ref tables[liveTables.Dequeue()], null);
            }

            var table = new DecisionTemplate?[CellsPerSegment];
            Volatile.Write(ref tables[segment], table);
            liveTables.Enqueue(segment);
            return table;
        }
    }

    private DecisionTemplate Fill(DecisionTemplate?[] table, int key, AssistanceRequest request, LocalDate date)
    {
        var computed = Evaluator.DecideTemplate(request, jurisdiction, date, trace: null);
        var shared = templates.GetOrAdd(Identity(computed), computed);
        Volatile.Write(ref table[key], shared);
        return shared;
    }

    private static string Identity(DecisionTemplate t) =>
        string.Join('\u0001', Vocab<Outcome>.Name(t.Outcome), string.Join(',', t.DecidingRules), string.Join(',', t.Citations),
            string.Join(',', t.Obligations), string.Join(',', t.Preempted), string.Join(',', t.Conflicts), t.ConflictsNotListed, t.Explanation);

    private static void AddPeriod(SortedSet<LocalDate> dates, EffectivePeriod period)
    {
        if (period.From is { } from)
        {
            dates.Add(from);
        }

        if (period.To is { } to)
        {
            dates.Add(to);
        }
    }

    private static FieldClasses Scalar(RequestField field, int size, Dictionary<RequestField, HashSet<(FieldTest Test, ulong Mask)>> tests) =>
        new(field, size, [.. tests[field].Select(t => (Func<int, bool>)(v => ((1UL << v) & t.Mask) != 0))]);

    private static FieldClasses Set(RequestField field, int bits, Dictionary<RequestField, HashSet<(FieldTest Test, ulong Mask)>> tests) =>
        new(field, 1 << bits, [.. tests[field].Select(t => (Func<int, bool>)(s => t.Test switch
        {
            FieldTest.AnyOf => ((ulong)s & t.Mask) != 0,
            FieldTest.AllOf => ((ulong)s & t.Mask) == t.Mask,
            FieldTest.NoneOf => ((ulong)s & t.Mask) == 0,
            FieldTest.NonEmpty => s != 0,
            _ => s == 0,
        }))]);
}
