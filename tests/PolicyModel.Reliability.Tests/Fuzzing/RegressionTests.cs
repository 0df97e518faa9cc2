using System.Text;
using NodaTime;

namespace PolicyModel.Reliability.Tests.Fuzzing;

/// <summary>
/// Inputs that once crashed the library, hung it or broke a promise, kept so they never do again. Each runs on a
/// thread with a 1 MiB stack (the default on Windows): before the fixes, the first four stack-overflowed there, which
/// no <c>catch</c> can stop. Files under <c>Fuzzing/Regressions</c> run through the fuzz targets (<c>*.document.json</c>,
/// <c>*.request.json</c>, <c>*.decision.json</c>).
/// </summary>
public sealed class RegressionTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions"), "*.json").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void A_saved_finding_keeps_passing_its_fuzz_target(string file)
    {
        var input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions", file));
        Func<byte[], FuzzTargets.Depth> target = file.Split('.')[^2] switch
        {
            "document" => FuzzTargets.Document,
            "request" => FuzzTargets.Requests,
            "decision" => FuzzTargets.Decision,
            var other => throw new InvalidOperationException($"unknown target `{other}` in {file}"),
        };
        OnSmallStack(() => target(input));
    }

    [Fact]
    public void A_chain_of_10000_exceptions_is_rejected_instead_of_overflowing_the_stack_while_compiling() =>
        OnSmallStack(() => Compile(ExceptionChain(10_000, forward: true)).Should().Contain(p => p.Code == ProblemCodes.TooComplex));

    [Fact]
    public void A_chain_of_10000_exceptions_is_rejected_instead_of_overflowing_the_stack_while_deciding() =>
        OnSmallStack(() => Compile(ExceptionChain(10_000, forward: false)).Should().Contain(p => p.Code == ProblemCodes.TooComplex));

    [Fact]
    public void A_chain_of_64_exceptions_the_limit_still_compiles_and_decides()
    {
        OnSmallStack(() =>
        {
            var set = BuiltInSetWith(ExceptionChain(DocumentLimits.MaxExceptionChain, forward: false));
            // r63 counts, so r62 does not, so r61 does again (an exception to an exception revives the first rule), …
            set.Decide(TestInputs.RequestFor("xa")).DecidingRules.Should().BeEquivalentTo(Enumerable.Range(0, 32).Select(i => new RuleId($"r{(2 * i) + 1}")));
        });
    }

    [Fact]
    public void Terms_nested_32_deep_the_limit_still_compile()
    {
        var terms = string.Join(',', Enumerable.Range(0, 32).Select(i => i < 31 ? $"\"t{i}\":{{\"not\":{{\"term\":\"t{i + 1}\"}}}}" : $"\"t{i}\":{{\"requester\":[\"cbp\"]}}"));
        var set = BuiltInSetWith(TestInputs.Define("xa", "us", rest: $"\"terms\": {{{terms}}}, \"rules\": [" + TestInputs.Rule("xa-r", extra: "\"when\": [{\"term\": \"t0\"}]") + "]"));
        set.Decide(TestInputs.RequestFor("xa")).Outcome.Should().Be(Outcome.Granted, "31 `not`s around `requester` cbp hold for ice-ero");
        set.Decide(TestInputs.RequestFor("xa") with { Requester = Requester.Cbp }).Outcome.Should().Be(Outcome.Discretionary);
    }

    [Fact]
    public void A_time_at_the_end_of_the_calendar_is_an_invalid_request_not_an_overflow()
    {
        var request = TestInputs.RequestFor("us-il-chicago") with { ReceivedAt = new LocalDateTime(9999, 12, 31, 23, 59, 59).WithOffset(Offset.FromHours(-18)) };
        TestInputs.BuiltIns.Invoking(s => s.Decide(request)).Should().Throw<InvalidRequestException>()
            .Which.Problems.Should().ContainSingle(p => p.Code == ProblemCodes.InvalidDateTime && p.Path == "$.receivedAt");
        TestInputs.BuiltIns.TryDecide(request, out _, out var problem).Should().BeFalse();
        problem!.Code.Should().Be(ProblemCodes.InvalidDateTime);
    }

    [Fact]
    public void The_first_and_last_supported_years_decide_in_every_time_zone()
    {
        foreach (var (year, offset) in new[] { (AssistanceRequest.MinYear, 18), (AssistanceRequest.MinYear, -18), (AssistanceRequest.MaxYear, 18), (AssistanceRequest.MaxYear, -18) })
        {
            var at = (year == AssistanceRequest.MinYear ? new LocalDateTime(year, 1, 1, 0, 0) : new LocalDateTime(year, 12, 31, 23, 59, 59)).WithOffset(Offset.FromHours(offset));
            foreach (var jurisdiction in TestInputs.Jurisdictions)
            {
                var decision = TestInputs.BuiltIns.Decide(TestInputs.RequestFor(jurisdiction) with { ReceivedAt = at });
                DecisionJson.Parse(DecisionJson.Serialize(decision)).Should().Be(decision);
            }
        }
    }

    [Fact]
    public void An_offset_with_seconds_is_written_with_its_seconds()
    {
        // Found by the fuzzer: the reader accepts `-06:00:20`, the writer wrote `-06:00`, moving the instant 20 seconds.
        var request = RequestJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions", "offset-with-seconds.request.json")));
        request.ReceivedAt.Offset.Should().Be(Offset.FromSeconds(-(6 * 3600) - 20));
        var written = RequestJson.Serialize(request);
        written.Should().Contain("\"receivedAt\":\"2025-01-21T06:40:00-06:00:20\"");
        RequestJson.Parse(written).Should().Be(request);
        RequestJson.Serialize(TestInputs.RequestFor("us")).Should().Contain("-06:00\"", "whole-minute offsets keep the contract's form");
    }

    [Fact]
    public void A_malformed_literal_is_reported_on_one_line_without_quoting_the_text_around_it()
    {
        var text = "{\"id\": \"x\", \"jurisdiction\": \"us\", \"purpose\": tJane Doe,\n \"requester\": \"cbp\"}";
        var problem = FluentActions.Invoking(() => RequestJson.Parse(text)).Should().Throw<InvalidRequestException>().Which.Problems.Single();
        problem.Code.Should().Be(ProblemCodes.MalformedJson);
        problem.Message.Should().NotContain("Jane").And.NotContain("\n");
        problem.Message.Should().Contain("invalid JSON literal; expected `true`");
    }

    [Fact]
    public void Quoted_values_with_line_breaks_and_control_characters_are_escaped_in_messages()
    {
        var problems = PublicApi.ParseDocument(TestInputs.ValidDocument.Replace("\"prohibit\"", "\"for\\nbid\\u202e\\u0000\"", StringComparison.Ordinal)).Problems;
        var message = problems.Should().ContainSingle().Which.Message;
        message.Should().StartWith("`for\\u000Abid\\u202E\\u0000` is not a");
        message.Should().NotContain("\n");
    }

    private static IReadOnlyList<Problem> Compile(string document)
    {
        var parsed = PolicyDocument.Parse(Encoding.UTF8.GetBytes(document), "chain.json");
        return PolicySet.TryCompile([.. TestInputs.BuiltInDocs, parsed], out _, out var problems) ? [] : problems;
    }

    private static PolicySet BuiltInSetWith(string document) =>
        PolicySet.Compile([.. TestInputs.BuiltInDocs, PolicyDocument.Parse(document, "extra.json")]);

    /// <summary>Rules r0 … r(n-1) where each excepts the previous one (forward: the next one).</summary>
    private static string ExceptionChain(int n, bool forward) =>
        TestInputs.Define("xa", "us", rest: "\"rules\": [" + string.Join(',', Enumerable.Range(0, n).Select(i =>
            forward
                ? TestInputs.Rule($"r{i}", extra: i < n - 1 ? $"\"excepts\": [\"r{i + 1}\"]" : "")
                : TestInputs.Rule($"r{i}", extra: i > 0 ? $"\"excepts\": [\"r{i - 1}\"]" : ""))) + "]");

    private static void OnSmallStack(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
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
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private static void OnSmallStack<T>(Func<T> action) => OnSmallStack(() => { action(); });
}
