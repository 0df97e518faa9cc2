using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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
/// Every test the decisions of a jurisdiction's chain make of each request field: the rules' and presumptions' field
/// tests, the respondents they bind, and the evaluator's own two (is the purpose unknown, are there circumstances).
/// </summary>
internal static class FieldTests
{
    public static Dictionary<RequestField, HashSet<(FieldTest Test, ulong Mask)>> Of(CompiledJurisdiction jurisdiction)
    {
        var tests = RequestSchema.Fields.ToDictionary(f => f.Field, _ => new HashSet<(FieldTest Test, ulong Mask)>());
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
        return tests;
    }
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
    private readonly FieldClasses[] classes;

    // The classes' counts and value-to-class maps as plain arrays, for the allocation-free lookup.
    private readonly int[] classCounts;
    private readonly byte[][] classOfValue;

    public DecisionTables(CompiledJurisdiction jurisdiction)
    {
        this.jurisdiction = jurisdiction;
        var tests = FieldTests.Of(jurisdiction);

        classes = [.. RequestSchema.Fields.Select(f => Classify(f, tests[f.Field]))];
        classCounts = [.. classes.Select(c => c.Count)];
        classOfValue = [.. classes.Select(c => c.ClassOf)];

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

        // Past the date the law is known to, the explanation adds a note: a segment of its own, but not a change of law.
        LawBreakpoints = [.. dates];
        if (jurisdiction.Jurisdiction.LawCurrentTo is { } currentTo && currentTo < LocalDate.MaxIsoValue)
        {
            dates.Add(currentTo.PlusDays(1));
        }

        breakpoints = [.. dates];
        tables = new DecisionTemplate?[]?[breakpoints.Length + 1];
        long cells = 1;
        foreach (var field in classes)
        {
            cells *= field.Count;
        }

        CellsPerSegment = cells <= MaxCells ? (int)cells : 0;
    }

    /// <summary>Cells per segment, or 0 when the tables are disabled (too many classes).</summary>
    public int CellsPerSegment { get; }

    public IReadOnlyList<LocalDate> Breakpoints => breakpoints;

    /// <summary>The dates on which a rule, presumption or citation changes: <see cref="Breakpoints"/> without the day after the law's date.</summary>
    public IReadOnlyList<LocalDate> LawBreakpoints { get; }

    /// <summary>The classes of every field, in <see cref="RequestSchema.Fields"/> order.</summary>
    public IReadOnlyList<FieldClasses> Classes => classes;

    public int SegmentCount => tables.Length;

    /// <summary>Number of distinct decision templates computed so far.</summary>
    public int TemplateCount => templates.Count;

    public DecisionTemplate? Lookup(AssistanceRequest request, LocalDate date)
    {
        var values = default(RequestSchema.Values);
        RequestSchema.Read(request, values);
        return Lookup(values, request, date);
    }

    /// <summary>The cell of a request whose field values (<paramref name="values"/>, valid) were read already.</summary>
    public DecisionTemplate? Lookup(in RequestSchema.Values values, AssistanceRequest request, LocalDate date) =>
        CellsPerSegment > 0 && TryLookup(values, request, date, out var template) ? template : null;

    /// <summary>
    /// The cell of a request whose field values were read already; <see langword="false"/> when a value lies outside
    /// its vocabulary (it has no class). Requires tables (<see cref="CellsPerSegment"/> above zero).
    /// </summary>
    public bool TryLookup(in RequestSchema.Values values, AssistanceRequest request, LocalDate date, [NotNullWhen(true)] out DecisionTemplate? template)
    {
        var key = 0;
        var counts = classCounts;
        var classOf = classOfValue;
        for (var f = 0; f < counts.Length; f++)
        {
            var map = classOf[f];
            var value = values[f];
            if (value >= (ulong)map.Length)
            {
                template = null;
                return false;
            }

            key = (key * counts[f]) + map[(int)value];
        }

        var segment = SegmentOf(date);
        var table = Volatile.Read(ref tables[segment]) ?? CreateTable(segment);
        template = table[key] ?? Fill(table, key, request, date);
        return true;
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

        var filled = 0;
        var tuple = new int[classes.Length];
        var values = new ulong[classes.Length];
        // Only as many periods as the table budget holds: precomputing more would evict what was just computed.
        for (var segment = 0; segment < Math.Min(tables.Length, MaxLiveTables); segment++)
        {
            var date = segment == 0
                ? (breakpoints.Length == 0 ? new LocalDate(2000, 1, 1) : breakpoints[0].PlusDays(-1))
                : breakpoints[segment - 1];
            var receivedAt = date.AtMidnight().WithOffset(Offset.Zero);
            Array.Clear(tuple);
            while (true)
            {
                for (var i = 0; i < tuple.Length; i++)
                {
                    values[i] = (ulong)classes[i].Members[tuple[i]][0];
                }

                var request = RequestSchema.Create(jurisdiction.Jurisdiction.Id, receivedAt, values);
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
        string.Join('\u0001', t.Outcome.ToContractName(), string.Join(',', t.DecidingRules), string.Join(',', t.Citations),
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

    /// <summary>The classes of one field under the tests that read it: of its values, or of a set field's subsets.</summary>
    private static FieldClasses Classify(RequestFieldInfo field, HashSet<(FieldTest Test, ulong Mask)> tests) =>
        new(field.Field, field.DomainSize, [.. tests.Select(t => (Func<int, bool>)(v =>
        {
            var value = field.MaskOf((ulong)v);
            return t.Test switch
            {
                FieldTest.AnyOf => (value & t.Mask) != 0,
                FieldTest.AllOf => (value & t.Mask) == t.Mask,
                FieldTest.NoneOf => (value & t.Mask) == 0,
                FieldTest.NonEmpty => value != 0,
                _ => value == 0,
            };
        }))]);
}
