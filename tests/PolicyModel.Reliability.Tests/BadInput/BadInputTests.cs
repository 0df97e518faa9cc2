using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.BadInput;

/// <summary>
/// Issue 9, part 1: every malformed or hostile input of <see cref="BadInputCatalogue"/> gets a clear error (its code and
/// exact JSON path, in the documented one-line form), within a bounded time and memory, and nothing but the documented
/// exceptions leaves the public API.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, BadInputCase> ByName = BadInputCatalogue.All.ToDictionary(c => c.Name);

    public static TheoryData<string> Names() => [.. BadInputCatalogue.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_is_rejected_with_a_clear_error_in_bounded_time_and_memory(string name)
    {
        var c = ByName[name];
        var call = c.Prepare();
        var (elapsed, allocated, problems) = Budget.Measure(call);
        output.WriteLine($"{c.Entry}: {elapsed.TotalMilliseconds:F0} ms, {Budget.Megabytes(allocated)} allocated, {problems.Count} problem(s)");
        foreach (var p in problems.Take(3))
        {
            output.WriteLine("  " + p);
        }

        if (c.Code is null)
        {
            problems.Should().BeEmpty("the input is allowed");
        }
        else
        {
            problems.Should().Contain(p => p.Code == c.Code && (c.Path == null || p.Path == c.Path),
                $"`{name}` must be reported as {c.Code} at {c.Path ?? "any path"}");
            foreach (var p in problems)
            {
                p.Message.Should().NotBeNullOrWhiteSpace();
                p.Message.Should().NotContain("\n", "a message is one line");
                p.Message.Length.Should().BeLessThan(1_000, "messages shorten what they quote");
                p.Path.Should().StartWith("$");
                p.Code.Should().MatchRegex("^PM[123][0-9]{3}$");
                p.ToString().Should().Contain($"error {p.Code}: {p.Path}: ");
            }
        }

        elapsed.Should().BeLessThan(c.TimeLimit * Budget.Slack, "rejecting hostile input takes bounded time");
        allocated.Should().BeLessThan(c.MemoryLimit, "rejecting hostile input takes bounded memory");
    }

    [Fact]
    public void The_catalogue_has_at_least_forty_distinct_inputs_for_every_entry_point()
    {
        BadInputCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(40);
        BadInputCatalogue.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        foreach (var entry in Enum.GetValues<Entry>())
        {
            BadInputCatalogue.All.Should().Contain(c => c.Entry == entry);
        }

        output.WriteLine($"{BadInputCatalogue.All.Count} bad inputs: "
            + string.Join(", ", BadInputCatalogue.All.GroupBy(c => c.Entry).Select(g => $"{g.Count()} for {g.Key}")));
    }

    [Fact]
    public void Every_problem_code_a_hostile_text_can_cause_is_in_the_catalogue()
    {
        string[] codes =
        [
            ProblemCodes.MalformedJson, ProblemCodes.TooLarge, ProblemCodes.TooDeep, ProblemCodes.UnknownProperty, ProblemCodes.WrongType,
            ProblemCodes.UnknownValue, ProblemCodes.MissingField, ProblemCodes.InvalidDate, ProblemCodes.EmptyPeriod, ProblemCodes.DuplicateId,
            ProblemCodes.DuplicateProperty, ProblemCodes.InvalidId, ProblemCodes.UnknownTimeZone, ProblemCodes.LimitExceeded,
            ProblemCodes.InvalidDateTime, ProblemCodes.InvalidValue, ProblemCodes.UnsupportedFormat, ProblemCodes.UnknownParent,
            ProblemCodes.ParentCycle, ProblemCodes.UnknownExceptedRule, ProblemCodes.ExceptionCycle, ProblemCodes.UnknownTerm,
            ProblemCodes.TermCycle, ProblemCodes.DuplicateJurisdiction, ProblemCodes.UnknownJurisdiction, ProblemCodes.ExceptsOuterRule,
            ProblemCodes.DuplicateRuleId, ProblemCodes.UnknownSource, ProblemCodes.LayerTooGeneral, ProblemCodes.TooComplex,
            ProblemCodes.UnknownRequestJurisdiction,
        ];
        BadInputCatalogue.All.Select(c => c.Code).Should().Contain(codes);
    }
}
