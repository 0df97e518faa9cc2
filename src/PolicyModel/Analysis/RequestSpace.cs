using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel.Analysis;

/// <summary>
/// The requests of one analysis, partitioned into cells: a cell is one equivalence class per field (the classes of
/// <see cref="FieldClasses"/>, or for two policy sets their common refinement), so every concrete request of a cell
/// is decided alike on any date of a period. Fields are in the order of <see cref="DecisionTables.Classes"/>.
/// </summary>
internal sealed class RequestSpace
{
    public const int Fields = RequestSchema.FieldCount;

    private RequestSpace(int[][][] members, ListFieldText?[] texts)
    {
        Members = members;
        Counts = [.. members.Select(m => m.Length)];
        long cells = 1;
        foreach (var count in Counts)
        {
            cells *= count;
        }

        AnalysisLimits.CheckClasses(cells);

        CellCount = (int)cells;
        Texts = texts;
        ValueMasks = new UInt128[Fields][];
        foreach (var field in RequestSchema.Fields)
        {
            var f = field.Position;
            ValueMasks[f] = new UInt128[Counts[f]];
            for (var c = 0; c < Counts[f]; c++)
            {
                if (field.IsSet)
                {
                    ValueMasks[f][c] = UInt128.One << c;
                }
                else
                {
                    foreach (var value in members[f][c])
                    {
                        ValueMasks[f][c] |= UInt128.One << value;
                    }
                }
            }
        }
    }

    private CachedRequests? requests;

    /// <summary>Field, class, then the class's values (enum values, or a list field's bit masks).</summary>
    public int[][][] Members { get; }

    public int[] Counts { get; }

    public int CellCount { get; }

    /// <summary>Per field position, how to describe a set of a list field's lists (null for single-valued fields).</summary>
    public ListFieldText?[] Texts { get; }

    /// <summary>
    /// Per field and class, the class as a <see cref="Box"/> coordinate: a mask of values for scalar fields
    /// (at most 64 values), a mask of class indices for the list fields (at most 128 classes).
    /// </summary>
    public UInt128[][] ValueMasks { get; }

    public static RequestSpace Of(CompiledJurisdiction jurisdiction)
    {
        var tables = TablesOf(jurisdiction);
        var tests = FieldTests.Of(jurisdiction);
        return new RequestSpace([.. tables.Classes.Select(c => c.Members)], TextsOf(tests));
    }

    /// <summary>The common refinement of two jurisdictions' partitions: values are in one class when both partitions put them in one class.</summary>
    public static RequestSpace Refine(CompiledJurisdiction a, CompiledJurisdiction b)
    {
        var classesA = TablesOf(a).Classes;
        var classesB = TablesOf(b).Classes;
        var members = new int[Fields][][];
        for (var f = 0; f < Fields; f++)
        {
            var byPair = new Dictionary<(int, int), List<int>>();
            var order = new List<(int, int)>();
            for (var value = 0; value < classesA[f].ClassOf.Length; value++)
            {
                var key = (classesA[f].ClassOf[value], classesB[f].ClassOf[value]);
                if (!byPair.TryGetValue(key, out var list))
                {
                    byPair[key] = list = [];
                    order.Add(key);
                }

                list.Add(value);
            }

            members[f] = [.. order.Select(k => byPair[k].ToArray())];
        }

        var testsA = FieldTests.Of(a);
        var testsB = FieldTests.Of(b);
        return new RequestSpace(members, TextsOf(testsA.ToDictionary(t => t.Key, t => t.Value.Union(testsB[t.Key]).ToHashSet())));
    }

    private static ListFieldText?[] TextsOf(Dictionary<RequestField, HashSet<(FieldTest Test, ulong Mask)>> tests) =>
        [.. RequestSchema.Fields.Select(f => f.IsSet ? new ListFieldText(f, tests[f.Field]) : null)];

    public void Decode(int cell, Span<int> classes)
    {
        for (var f = Fields - 1; f >= 0; f--)
        {
            classes[f] = cell % Counts[f];
            cell /= Counts[f];
        }
    }

    /// <summary>
    /// A request of each cell (the first value of each class). Its <c>receivedAt</c> is arbitrary: analysis decides
    /// on explicit local dates (<see cref="Evaluator.DecideTemplate"/> takes the date apart from the request).
    /// </summary>
    public AssistanceRequest[] Requests(JurisdictionId jurisdiction)
    {
        var cached = requests;
        if (cached is not null && cached.Jurisdiction == jurisdiction)
        {
            return cached.Requests;
        }

        var all = new AssistanceRequest[CellCount];
        Span<int> c = stackalloc int[Fields];
        Span<ulong> values = stackalloc ulong[Fields];
        var at = new OffsetDateTime(new LocalDateTime(2000, 1, 1, 12, 0), Offset.Zero);
        for (var cell = 0; cell < CellCount; cell++)
        {
            Decode(cell, c);
            for (var f = 0; f < Fields; f++)
            {
                values[f] = (ulong)Members[f][c[f]][0];
            }

            all[cell] = RequestSchema.Create(jurisdiction, at, values);
        }

        requests = new CachedRequests(jurisdiction, all);
        return all;
    }

    /// <summary>The cell as a box (one class per field) in period <paramref name="period"/>.</summary>
    public Box BoxOf(int cell, int period)
    {
        Span<int> c = stackalloc int[Fields];
        Decode(cell, c);
        var box = default(Box);
        for (var f = 0; f < Fields; f++)
        {
            box[f] = ValueMasks[f][c[f]];
        }

        box[Box.PeriodField] = UInt128.One << period;
        return box;
    }

    private sealed record CachedRequests(JurisdictionId Jurisdiction, AssistanceRequest[] Requests);

    private static DecisionTables TablesOf(CompiledJurisdiction jurisdiction) =>
        jurisdiction.Tables ?? throw new InvalidOperationException($"jurisdiction `{jurisdiction.Jurisdiction.Id}` has no decision tables");
}
