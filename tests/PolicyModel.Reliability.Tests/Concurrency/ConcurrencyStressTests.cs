using System.Collections.Concurrent;
using System.Diagnostics;
using NodaTime;
using PolicyModel.Jurisdictions;
using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.Concurrency;

/// <summary>
/// Issue 9, part 4: many threads decide on one shared policy set, through every deciding entry point and in different
/// orders, starting from cold decision tables (so they race to fill the same cells and the same time-zone cache),
/// while other threads compile and use other policy sets from the same parsed documents. Every decision must equal
/// the one a single thread got from its own set.
/// </summary>
public sealed class ConcurrencyStressTests(ITestOutputHelper output)
{
    private const int RequestCount = 30_000;
    private const int Deciders = 8;
    private const int Compilers = 2;

    [Fact]
    public void Deciding_on_a_shared_set_from_many_threads_while_other_sets_compile_gives_the_single_threaded_decisions()
    {
        var requests = Requests(seed: 9, RequestCount);
        var reference = PolicySet.Compile(TestInputs.BuiltInDocs);
        var expected = requests.Select(reference.Decide).ToArray();

        var shared = PolicySet.Compile(TestInputs.BuiltInDocs); // cold tables: the threads fill them
        var extra = PolicyDocument.Parse(TestInputs.Define("xa", "us-il", "county", "\"rules\": [" + TestInputs.Rule("xa-r", "prohibit") + "]"), "extra.json");
        var mismatches = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<Exception>();
        var running = Deciders;
        var compiles = 0;
        var decisions = 0L;
        using var start = new Barrier(Deciders + Compilers + 1);

        var threads = new List<Thread>();
        for (var t = 0; t < Deciders; t++)
        {
            var index = t;
            threads.Add(new Thread(() => Guard(() =>
            {
                start.SignalAndWait();
                try
                {
                    Decide(index);
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            })));
        }

        for (var t = 0; t < Compilers; t++)
        {
            var index = t;
            threads.Add(new Thread(() => Guard(() =>
            {
                start.SignalAndWait();
                var random = new Random(100 + index);
                while (Volatile.Read(ref running) > 0)
                {
                    var set = index == 0 ? BuiltInPolicies.LoadWith([extra]) : PolicySet.Compile([.. TestInputs.BuiltInDocs, extra]);
                    Interlocked.Increment(ref compiles);
                    for (var k = 0; k < 200; k++)
                    {
                        var i = random.Next(requests.Length);
                        Check(set.Decide(requests[i]), i, $"compiler {index}");
                    }

                    set.Decide(TestInputs.RequestFor("xa")).Outcome.Should().Be(Outcome.Denied);
                }
            })));
        }

        var clock = Stopwatch.StartNew();
        threads.ForEach(t => t.Start());
        start.SignalAndWait();

        // Meanwhile, this thread decides everything at once on all cores, on the same shared set.
        var results = new CompactDecision[requests.Length];
        shared.DecideAllParallel(requests, results);
        for (var i = 0; i < results.Length; i++)
        {
            Check(results[i].ToDecision(), i, "DecideAllParallel");
        }

        threads.ForEach(t => t.Join());
        output.WriteLine($"{Interlocked.Read(ref decisions):N0} decisions checked ({Deciders} deciding threads, DecideAllParallel, {Compilers} threads that compiled {compiles} sets) in {clock.Elapsed.TotalSeconds:F1} s");
        failures.Should().BeEmpty();
        mismatches.Should().BeEmpty();
        compiles.Should().BeGreaterThan(0);

        void Decide(int thread)
        {
            // Each thread walks the requests in its own order, through a different entry point.
            var stride = new[] { 1, 7, 13, 17, 19, 23, 29, 31 }[thread];
            var offset = thread * (RequestCount / Deciders);
            var buffer = new CompactDecision[1];
            for (var k = 0; k < requests.Length; k++)
            {
                var i = (int)(((long)k * stride + offset) % requests.Length);
                var request = requests[i];
                var decision = (thread % 4) switch
                {
                    0 => shared.Decide(request),
                    1 => shared.DecideCompact(request).ToDecision(),
                    2 => shared.TryDecide(request, out var d, out _) ? d! : throw new InvalidOperationException("TryDecide refused a valid request"),
                    _ => DecideAll(request),
                };
                Check(decision, i, $"decider {thread}");
                if (k % 97 == 0)
                {
                    Check(shared.Explain(request).Decision, i, $"decider {thread} (Explain)");
                }
            }

            Decision DecideAll(AssistanceRequest request)
            {
                shared.DecideAll([request], buffer);
                return buffer[0].ToDecision();
            }
        }

        void Check(Decision decision, int i, string who)
        {
            Interlocked.Increment(ref decisions);
            if (decision != expected[i])
            {
                mismatches.Enqueue($"{who}: request {i} ({RequestJson.Serialize(requests[i])}) got {DecisionJson.Serialize(decision, indented: false)}, expected {DecisionJson.Serialize(expected[i], indented: false)}");
            }
        }

        void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        }
    }

    [Fact]
    public void Compiling_the_same_documents_on_many_threads_at_once_gives_sets_that_decide_alike()
    {
        var requests = Requests(seed: 11, 2_000);
        var sets = new PolicySet[8];
        Parallel.For(0, sets.Length, new ParallelOptions { MaxDegreeOfParallelism = sets.Length }, i => sets[i] = PolicySet.Compile(TestInputs.BuiltInDocs));
        var expected = requests.Select(sets[0].Decide).ToList();
        Parallel.For(1, sets.Length, i => requests.Select(sets[i].Decide).Should().Equal(expected));
    }

    /// <summary>Deterministic requests over every jurisdiction and vocabulary value, many near midnight, daylight-saving changes and law changes.</summary>
    internal static AssistanceRequest[] Requests(int seed, int count)
    {
        var random = new Random(seed);
        var dates = TestInputs.BuiltIns.Rules.SelectMany(r => new[] { r.Period.From, r.Period.To }).OfType<LocalDate>()
            .Concat([new LocalDate(2025, 3, 9), new LocalDate(2025, 11, 2), new LocalDate(2021, 3, 14)]).Distinct().ToArray();
        var requests = new AssistanceRequest[count];
        for (var i = 0; i < count; i++)
        {
            var day = random.Next(3) == 0 ? new LocalDate(1995, 1, 1).PlusDays(random.Next(40 * 365)) : dates[random.Next(dates.Length)].PlusDays(random.Next(-1, 2));
            var local = day.At(new LocalTime(random.Next(24), random.Next(60)));
            requests[i] = new AssistanceRequest
            {
                Id = random.Next(4) == 0 ? null : $"c-{i}",
                Jurisdiction = TestInputs.Jurisdictions[random.Next(TestInputs.Jurisdictions.Length)],
                Respondent = (Respondent)random.Next(4),
                ReceivedAt = local.WithOffset(Offset.FromSeconds(random.Next(-48, 49) * 15 * 60)),
                Requester = (Requester)random.Next(11),
                Purpose = (Purpose)random.Next(6),
                Assistance = (AssistanceKind)random.Next(16),
                Authority = (Authority)random.Next(8),
                Circumstances = random.Next(3) == 0 ? EnumSet<Circumstance>.FromMask((ulong)random.Next(16)) : default,
                SubjectFacts = random.Next(2) == 0 ? EnumSet<SubjectFact>.FromMask((ulong)random.Next(128)) : default,
            };
        }

        return requests;
    }
}
