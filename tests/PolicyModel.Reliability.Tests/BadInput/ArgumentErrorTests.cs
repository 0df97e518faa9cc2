namespace PolicyModel.Reliability.Tests.BadInput;

/// <summary>Misuse of the public API gets the documented argument errors; invalid requests get problems through the <c>Try…</c> forms.</summary>
public sealed class ArgumentErrorTests
{
    [Fact]
    public void DecideAllParallel_with_zero_threads_is_an_argument_error_not_a_parallel_exception()
    {
        var requests = new[] { TestInputs.RequestFor("us-il") };

        var act = () => TestInputs.BuiltIns.DecideAllParallel(requests, new CompactDecision[1], maxDegreeOfParallelism: 0);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("maxDegreeOfParallelism");
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void DecideAllParallel_with_a_negative_thread_count_other_than_minus_one_is_an_argument_error(int threads)
    {
        var act = () => TestInputs.BuiltIns.DecideAllParallel([TestInputs.RequestFor("us")], new CompactDecision[1], threads);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("maxDegreeOfParallelism");
    }

    [Fact]
    public void DecideAllParallel_with_a_null_request_names_it_before_deciding_anything()
    {
        var requests = new[] { TestInputs.RequestFor("us"), null!, TestInputs.RequestFor("us") };
        var results = new CompactDecision[3];

        var act = () => TestInputs.BuiltIns.DecideAllParallel(requests, results);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("requests[1]");
        results.Should().OnlyContain(r => r == default, "nothing is decided when an argument is wrong");
    }

    [Fact]
    public void A_null_request_is_an_argument_null_error_in_every_decide_method()
    {
        var set = TestInputs.BuiltIns;
        AssistanceRequest request = null!;

        set.Invoking(s => s.Decide(request)).Should().Throw<ArgumentNullException>();
        set.Invoking(s => s.DecideCompact(request)).Should().Throw<ArgumentNullException>();
        set.Invoking(s => s.TryDecide(request, out _, out _)).Should().Throw<ArgumentNullException>();
        set.Invoking(s => s.Explain(request)).Should().Throw<ArgumentNullException>();
        set.Invoking(s => s.TryExplain(request, out _, out _)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void TryExplain_returns_the_problem_of_an_invalid_request_and_the_trace_of_a_valid_one()
    {
        var set = TestInputs.BuiltIns;

        set.TryExplain(TestInputs.RequestFor("zz-nowhere"), out var none, out var problem).Should().BeFalse();
        none.Should().BeNull();
        problem!.Code.Should().Be(ProblemCodes.UnknownRequestJurisdiction);

        var request = TestInputs.RequestFor("us-il-chicago");
        set.TryExplain(request, out var trace, out var noProblem).Should().BeTrue();
        noProblem.Should().BeNull();
        trace!.Decision.Outcome.Should().Be(set.Explain(request).Decision.Outcome);
        trace.Decision.Should().BeEquivalentTo(set.Decide(request));
    }
}
