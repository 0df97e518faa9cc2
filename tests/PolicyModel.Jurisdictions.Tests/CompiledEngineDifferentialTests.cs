using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>
/// Issue 6: the compiled engine (decision tables keyed on equivalence classes and periods) must agree with the
/// straightforward reference evaluator for every built-in jurisdiction, every period and every class of request.
/// The tables are first filled with one member of each class; then a different, randomly chosen member of every
/// class is decided by both engines, so a partition that lumped together requests the rules tell apart would fail.
/// </summary>
public sealed class CompiledEngineDifferentialTests
{
    public static TheoryData<string> Jurisdictions() => [.. BuiltInPolicies.Load().Jurisdictions.Select(j => j.Id.Value)];

    [Theory]
    [MemberData(nameof(Jurisdictions))]
    public void Compiled_engine_agrees_with_the_reference_evaluator_on_every_class_and_period(string id)
    {
        var set = PolicySet.Compile(BuiltInPolicies.Documents());
        set.TryGetJurisdiction(id, out var jurisdiction).Should().BeTrue();
        var tables = set.TablesOf(id)!;
        tables.CellsPerSegment.Should().BeGreaterThan(0, "the built-in jurisdictions are small enough for tables");
        var random = new Random(id.GetHashCode(StringComparison.Ordinal) ^ 20261125);
        var checkedCount = 0;

        foreach (var date in RepresentativeDates(tables))
        {
            var receivedAt = date.At(new LocalTime(12, 0)).InZoneLeniently(jurisdiction!.TimeZone).ToOffsetDateTime();
            foreach (var tuple in Tuples(tables.Classes))
            {
                set.DecideCompact(Request(id, receivedAt, tables.Classes, tuple, _ => 0));
            }

            foreach (var tuple in Tuples(tables.Classes))
            {
                var request = Request(id, receivedAt, tables.Classes, tuple, n => random.Next(n));
                var compiled = set.Decide(request);
                var reference = set.DecideReference(request);
                if (!compiled.Equals(reference))
                {
                    compiled.Should().BeEquivalentTo(reference, $"the compiled engine must agree with the reference on {RequestJson.Serialize(request)}");
                }

                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Compact_decision_hot_path_does_not_allocate_after_warm_up()
    {
        var set = BuiltInPolicies.Load();
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt(new LocalDateTime(2025, 1, 21, 6, 40).WithOffset(Offset.FromHours(-6)))
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.StopOrArrest).Presenting(Authority.AdministrativeWarrant)
            .Build();
        set.DecideCompact(request);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var outcome = Outcome.Granted;
        for (var i = 0; i < 1000; i++)
        {
            outcome = set.DecideCompact(request).Outcome;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        outcome.Should().Be(Outcome.Denied);
        allocated.Should().Be(0, "a warm compact decision allocates nothing");
    }

    [Fact]
    public void After_Precompute_no_decision_allocates_not_even_the_first_of_its_kind()
    {
        var set = PolicySet.Compile(BuiltInPolicies.Documents());
        set.Precompute().Should().BeGreaterThan(0);
        var requests = RandomRequests(set, seed: 11, count: 20_000, firstYear: 1995, years: 35);
        var results = new CompactDecision[requests.Length];

        // Warm NodaTime's own zone-interval caches (shared by every set) through another set: what is measured below
        // is the engine, not the time-zone library's first look at a year.
        BuiltInPolicies.Load().DecideAll(requests, results);
        set.DecideAll(requests.AsSpan(0, 1), results);

        var before = GC.GetAllocatedBytesForCurrentThread();
        set.DecideAll(requests, results);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "every table cell was computed by Precompute");
        results[0].ToDecision().Should().Be(set.DecideReference(requests[0]));
    }

    [Fact]
    public void Batch_apis_agree_with_single_decisions()
    {
        var set = BuiltInPolicies.Load();
        var requests = RandomRequests(set, seed: 7, count: 5000, firstYear: 2005, years: 21);

        var single = new CompactDecision[requests.Length];
        set.DecideAll(requests, single);
        var parallel = new CompactDecision[requests.Length];
        set.DecideAllParallel(requests, parallel);

        for (var i = 0; i < requests.Length; i++)
        {
            parallel[i].ToDecision().Should().Be(single[i].ToDecision());
            single[i].ToDecision().Should().Be(set.DecideReference(requests[i]));
        }
    }

    /// <summary>Seeded random valid requests over every jurisdiction of the set and every value of every field of the request schema.</summary>
    internal static AssistanceRequest[] RandomRequests(PolicySet set, int seed, int count, int firstYear, int years)
    {
        var random = new Random(seed);
        var ids = set.Jurisdictions.Select(j => j.Id).ToArray();
        var values = new ulong[RequestSchema.Fields.Count];
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            foreach (var field in RequestSchema.Fields)
            {
                values[field.Position] = (ulong)random.Next(field.DomainSize);
            }

            var receivedAt = Instant.FromUtc(firstYear + random.Next(years), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), 0).WithOffset(Offset.Zero);
            return RequestSchema.Create(ids[random.Next(ids.Length)], receivedAt, values);
        })];
    }

    private static IEnumerable<LocalDate> RepresentativeDates(DecisionTables tables)
    {
        var points = tables.Breakpoints;
        if (points.Count == 0)
        {
            yield return new LocalDate(2020, 1, 1);
            yield break;
        }

        yield return points[0].PlusDays(-1);
        for (var i = 0; i < points.Count; i++)
        {
            yield return points[i];
            var next = i + 1 < points.Count ? points[i + 1] : points[i].PlusYears(5);
            if (next.PlusDays(-1) != points[i])
            {
                yield return next.PlusDays(-1);
            }
        }
    }

    private static IEnumerable<int[]> Tuples(IReadOnlyList<FieldClasses> classes)
    {
        var tuple = new int[classes.Count];
        while (true)
        {
            yield return tuple;
            var f = classes.Count - 1;
            while (f >= 0 && ++tuple[f] == classes[f].Count)
            {
                tuple[f] = 0;
                f--;
            }

            if (f < 0)
            {
                yield break;
            }
        }
    }

    private static AssistanceRequest Request(string id, OffsetDateTime receivedAt, IReadOnlyList<FieldClasses> classes, int[] tuple, Func<int, int> pick)
    {
        int Member(int field)
        {
            var members = classes[field].Members[tuple[field]];
            return members[pick(members.Length)];
        }

        var values = new ulong[classes.Count];
        for (var f = 0; f < classes.Count; f++)
        {
            values[f] = (ulong)Member(f);
        }

        return RequestSchema.Create(id, receivedAt, values, "differential");
    }
}
