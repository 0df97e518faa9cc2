using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.Concurrency;

/// <summary>
/// <see cref="CompactDecision.ObligationSet"/> read by several threads at once on freshly compiled sets. It used to
/// be filled lazily into a nullable struct, and a thread could see the "has a value" flag before the value itself:
/// an empty set of obligations for a decision that has some (about 40 times in 1.8 million reads).
/// </summary>
public sealed class ObligationSetRaceTests(ITestOutputHelper output)
{
    private const int Readers = 3;
    private const int Sets = 60;

    [Fact]
    public void Concurrent_reads_of_the_obligation_set_on_cold_decisions_never_lose_an_obligation()
    {
        var requests = ConcurrencyStressTests.Requests(seed: 19, 40_000).Where(r => TestInputs.BuiltIns.Decide(r).Obligations.Count > 0).ToArray();
        requests.Should().HaveCountGreaterThan(1_000);
        var lost = 0L;
        var reads = 0L;

        for (var s = 0; s < Sets; s++)
        {
            // Decisions of a cold set: their templates are new, and no thread has read their obligation sets yet.
            var set = PolicySet.Compile(TestInputs.BuiltInDocs);
            // One decision per template (each template has its own citation list), so that every read is a first read.
            var decisions = requests.Select(set.DecideCompact).DistinctBy(d => d.Citations, ReferenceEqualityComparer.Instance).ToArray();
            var want = decisions.Select(d => EnumSet<Obligation>.Of(TestInputs.BuiltIns.Decide(d.Request).Obligations).Mask).ToArray();
            using var start = new Barrier(Readers);
            var readers = Enumerable.Range(0, Readers).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < decisions.Length; i++)
                {
                    if (decisions[i].ObligationSet.Mask != want[i])
                    {
                        Interlocked.Increment(ref lost);
                    }
                }

                Interlocked.Add(ref reads, decisions.Length);
            })).ToList();
            readers.ForEach(t => t.Start());
            readers.ForEach(t => t.Join());
        }

        output.WriteLine($"{reads:N0} reads on {Sets} cold sets, {lost} with obligations lost");
        lost.Should().Be(0, "every thread sees every obligation");
    }
}
