using System.Diagnostics;
using System.Text;
using PolicyModel.Jurisdictions;
using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.Fuzzing;

/// <summary>
/// Issue 9, part 3: a mutation fuzzer over the document, request and decision readers, run for a fixed time with a
/// fixed seed in every test run. It starts from valid inputs (the built-in documents, the contract's request, written
/// decisions), mutates them (<see cref="Mutator"/>) and keeps mutants that the reader accepted, so later mutants reach
/// the compiler and the engine. An input that breaks a promise is written to <c>fuzz-findings/</c> beside the test
/// assembly, and the test fails naming it; a fixed finding becomes a file under <c>Fuzzing/Regressions</c>.
/// </summary>
/// <remarks>
/// The budget is <see cref="DefaultSeconds"/> seconds per target; set <c>POLICYMODEL_FUZZ_SECONDS</c> for a longer run
/// and <c>POLICYMODEL_FUZZ_SEED</c> for another sequence. The loop runs on a thread with a 1 MiB stack (the default on
/// Windows), so deep recursion shows up here as it would there.
/// </remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Seconds per target when the environment does not say.</summary>
    public const double DefaultSeconds = 4;

    private const int DefaultSeed = 20_250_121;

    private static double Seconds => double.TryParse(Environment.GetEnvironmentVariable("POLICYMODEL_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : DefaultSeconds;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("POLICYMODEL_FUZZ_SEED"), out var s) ? s : DefaultSeed;

    [Fact]
    public void Fuzz_the_policy_document_reader_compiler_and_engine() =>
        Run("document", FuzzTargets.Document,
        [
            .. BuiltInPolicies.DocumentNames.Select(n => Encoding.UTF8.GetBytes(BuiltInPolicies.ReadText(n))),
            Encoding.UTF8.GetBytes(TestInputs.ValidDocument),
            Encoding.UTF8.GetBytes(TestInputs.Define("gen-a", "us-il-chicago", "department", "\"terms\": {\"t\": {\"term\": \"civil-request\"}}, \"rules\": ["
                + TestInputs.Rule("gen-r1", "prohibit", "\"when\": [{\"term\": \"t\"}], \"excepts\": [\"gen-r2\"]") + ","
                + TestInputs.Rule("gen-r2", "permit", "\"period\": {\"from\": \"2020-01-01\", \"to\": \"2030-01-01\"}") + "]")),
        ]);

    [Fact]
    public void Fuzz_the_request_reader_and_the_engine() =>
        Run("request", FuzzTargets.Requests,
        [
            Encoding.UTF8.GetBytes(TestInputs.ValidRequest),
            Encoding.UTF8.GetBytes("[" + TestInputs.ValidRequest + "," + TestInputs.ValidRequest.Replace("us-il-chicago", "us-tx", StringComparison.Ordinal) + "]"),
            Encoding.UTF8.GetBytes(RequestJson.Serialize(TestInputs.RequestFor("us-ca") with { Purpose = Purpose.Unknown, Circumstances = EnumSet<Circumstance>.Of(Circumstance.CrimeInProgress) })),
            Encoding.UTF8.GetBytes(RequestJson.Serialize(TestInputs.RequestFor("us-il-cook") with { Respondent = Respondent.Jail, Assistance = AssistanceKind.HoldPastRelease, Authority = Authority.ImmigrationDetainer }, indented: true)),
        ]);

    [Fact]
    public void Fuzz_the_scenario_file_reader_and_runner() =>
        Run("scenario", FuzzTargets.Scenario,
        [
            .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Scenarios"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"scenarios\": []}")],
        ]);

    [Fact]
    public void Fuzz_the_decision_reader() =>
        Run("decision", FuzzTargets.Decision,
        [
            .. new[] { "us-il-chicago", "us-tx", "us-fl", "us" }.Select(j => Encoding.UTF8.GetBytes(DecisionJson.Serialize(TestInputs.BuiltIns.Decide(TestInputs.RequestFor(j) with { Id = "x-1" })))),
        ]);

    private void Run(string target, Func<byte[], FuzzTargets.Depth> fuzz, List<byte[]> seeds)
    {
        FuzzReport? report = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    report = Loop(target, fuzz, seeds, TimeSpan.FromSeconds(Seconds), Seed);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("the fuzz loop itself failed", failure);
        }

        output.WriteLine(report!.ToString());
        FuzzStatistics.Record(target, report);
        report.Findings.Should().BeEmpty("every finding is a broken promise; the inputs are in " + FindingsDirectory);
    }

    internal static string FindingsDirectory => Path.Combine(AppContext.BaseDirectory, "fuzz-findings");

    private static FuzzReport Loop(string target, Func<byte[], FuzzTargets.Depth> fuzz, List<byte[]> seeds, TimeSpan budget, int seed)
    {
        var random = new Random(seed);
        var corpus = new List<byte[]>(seeds);
        var mutator = new Mutator(random, corpus);
        var report = new FuzzReport(target, seed);
        var clock = Stopwatch.StartNew();

        // The seeds first: they must pass as they are.
        foreach (var input in seeds)
        {
            Execute(input);
        }

        while (clock.Elapsed < budget)
        {
            var parent = corpus[random.Next(corpus.Count)];
            Execute(mutator.Mutate(parent));
        }

        report.Operators = mutator.Applied;
        report.Elapsed = clock.Elapsed;
        report.CorpusSize = corpus.Count;
        return report;

        void Execute(byte[] input)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var depth = fuzz(input);
                report.Reached[depth] = report.Reached.GetValueOrDefault(depth) + 1;

                // Keep what got past the reader (bounded): later mutants of it reach the compiler and the engine.
                if (depth > FuzzTargets.Depth.Rejected && input.Length < 64 * 1024 && corpus.Count < 2_000 && !corpus.Exists(c => c.AsSpan().SequenceEqual(input)))
                {
                    corpus.Add(input);
                }
            }
            catch (Exception e)
            {
                report.Findings.Add(Save(target, input, e));
            }

            report.Executions++;
            var elapsed = Stopwatch.GetElapsedTime(started);
            report.Slowest = elapsed > report.Slowest ? elapsed : report.Slowest;
            if (elapsed > TimeSpan.FromSeconds(2))
            {
                report.Findings.Add(Save(target, input, new TimeoutException($"one execution took {elapsed.TotalSeconds:F1} s")));
            }
        }
    }

    private static string Save(string target, byte[] input, Exception e)
    {
        Directory.CreateDirectory(FindingsDirectory);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..12].ToLowerInvariant();
        var path = Path.Combine(FindingsDirectory, $"{hash}.{target}.json");
        File.WriteAllBytes(path, input);
        File.WriteAllText(path + ".txt", e.ToString());
        return $"{path}: {e.GetType().Name}: {e.Message}";
    }
}

/// <summary>What one fuzz run did.</summary>
internal sealed class FuzzReport(string target, int seed)
{
    public string Target { get; } = target;

    public long Executions { get; set; }

    public TimeSpan Elapsed { get; set; }

    public TimeSpan Slowest { get; set; }

    public int CorpusSize { get; set; }

    public Dictionary<FuzzTargets.Depth, long> Reached { get; } = [];

    public Dictionary<string, long> Operators { get; set; } = [];

    public List<string> Findings { get; } = [];

    public override string ToString() =>
        $"fuzz {Target}: seed {seed}, {Executions:N0} executions in {Elapsed.TotalSeconds:F1} s ({Executions / Math.Max(Elapsed.TotalSeconds, 0.001):N0}/s), "
        + $"slowest {Slowest.TotalMilliseconds:F0} ms, corpus {CorpusSize}, reached {string.Join(", ", Reached.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:N0}"))}; "
        + $"mutations {string.Join(", ", Operators.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}"))}; "
        + $"{Findings.Count} finding(s){(Findings.Count == 0 ? "" : ":" + Environment.NewLine + string.Join(Environment.NewLine, Findings))}";
}

/// <summary>Totals over the fuzz runs of this test process, appended to <c>fuzz-findings/summary.txt</c> for CI logs.</summary>
internal static class FuzzStatistics
{
    private static readonly Lock Gate = new();

    public static void Record(string target, FuzzReport report)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(FuzzTests.FindingsDirectory);
            File.AppendAllText(Path.Combine(FuzzTests.FindingsDirectory, "summary.txt"), $"{DateTime.UtcNow:O} {report}{Environment.NewLine}");
        }
    }
}
