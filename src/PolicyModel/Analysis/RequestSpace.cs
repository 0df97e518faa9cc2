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
    public const int Fields = 7;
    public const int CircumstancesField = 5;
    public const int FactsField = 6;

    /// <summary>The request field of each position.</summary>
    public static readonly RequestField[] FieldAt =
    [
        RequestField.Respondent, RequestField.Requester, RequestField.Purpose, RequestField.Assistance, RequestField.Authority,
        RequestField.Circumstances, RequestField.SubjectFacts,
    ];

    private RequestSpace(int[][][] members, ListFieldText circumstances, ListFieldText facts)
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
        CircumstancesText = circumstances;
        FactsText = facts;
        ValueMasks = new UInt128[Fields][];
        for (var f = 0; f < Fields; f++)
        {
            ValueMasks[f] = new UInt128[Counts[f]];
            for (var c = 0; c < Counts[f]; c++)
            {
                if (f is CircumstancesField or FactsField)
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

    public ListFieldText CircumstancesText { get; }

    public ListFieldText FactsText { get; }

    /// <summary>
    /// Per field and class, the class as a <see cref="Box"/> coordinate: a mask of values for scalar fields
    /// (at most 16 values), a mask of class indices for the list fields (at most 128 classes).
    /// </summary>
    public UInt128[][] ValueMasks { get; }

    /// <summary>Concrete requests per date: every combination of field values.</summary>
    public static long RequestsPerDate =>
        (long)Vocab<Respondent>.All.Count * Vocab<Requester>.All.Count * Vocab<Purpose>.All.Count * Vocab<AssistanceKind>.All.Count
        * Vocab<Authority>.All.Count * (1L << Vocab<Circumstance>.All.Count) * (1L << Vocab<SubjectFact>.All.Count);

    public static RequestSpace Of(CompiledJurisdiction jurisdiction)
    {
        var tables = TablesOf(jurisdiction);
        var tests = Tests.Of(jurisdiction);
        return new RequestSpace(
            [.. tables.Classes.Select(c => c.Members)],
            new ListFieldText(RequestField.Circumstances, Vocab<Circumstance>.All.Count, tests[RequestField.Circumstances]),
            new ListFieldText(RequestField.SubjectFacts, Vocab<SubjectFact>.All.Count, tests[RequestField.SubjectFacts]));
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

        var testsA = Tests.Of(a);
        var testsB = Tests.Of(b);
        return new RequestSpace(
            members,
            new ListFieldText(RequestField.Circumstances, Vocab<Circumstance>.All.Count, testsA[RequestField.Circumstances].Concat(testsB[RequestField.Circumstances])),
            new ListFieldText(RequestField.SubjectFacts, Vocab<SubjectFact>.All.Count, testsA[RequestField.SubjectFacts].Concat(testsB[RequestField.SubjectFacts])));
    }

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
        var at = new OffsetDateTime(new LocalDateTime(2000, 1, 1, 12, 0), Offset.Zero);
        for (var cell = 0; cell < CellCount; cell++)
        {
            Decode(cell, c);
            all[cell] = new AssistanceRequest
            {
                Jurisdiction = jurisdiction,
                ReceivedAt = at,
                Respondent = (Respondent)Members[0][c[0]][0],
                Requester = (Requester)Members[1][c[1]][0],
                Purpose = (Purpose)Members[2][c[2]][0],
                Assistance = (AssistanceKind)Members[3][c[3]][0],
                Authority = (Authority)Members[4][c[4]][0],
                Circumstances = EnumSet<Circumstance>.FromMask((ulong)Members[5][c[5]][0]),
                SubjectFacts = EnumSet<SubjectFact>.FromMask((ulong)Members[6][c[6]][0]),
            };
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

/// <summary>The field tests of a jurisdiction's chain (rules and presumptions), as the decision tables collect them.</summary>
internal static class Tests
{
    public static Dictionary<RequestField, List<(FieldTest Test, ulong Mask)>> Of(CompiledJurisdiction jurisdiction)
    {
        var tests = Enum.GetValues<RequestField>().ToDictionary(f => f, _ => new List<(FieldTest, ulong)>());
        void Add(FieldPredicate p) => tests[p.Field].Add((p.Test, p.Mask));
        foreach (var rule in jurisdiction.Rules)
        {
            rule.Predicate.VisitTests(Add);
        }

        foreach (var presumption in jurisdiction.Presumptions)
        {
            presumption.Predicate.VisitTests(Add);
        }

        // The evaluator reads whether circumstances are empty (domain section 4.6 step 7, 4.7).
        tests[RequestField.Circumstances].Add((FieldTest.Empty, 0));
        return tests;
    }
}
