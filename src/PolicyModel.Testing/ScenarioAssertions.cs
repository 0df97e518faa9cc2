using Ardalis.GuardClauses;
using FluentAssertions;
using FluentAssertions.Execution;

namespace PolicyModel.Testing;

/// <summary>Assertions on scenario results.</summary>
public static class ScenarioResultExtensions
{
    /// <summary>Fails with the scenario's report (failures, request, decision, explanation, citations) unless it passed.</summary>
    /// <param name="result">The scenario result.</param>
    public static void ShouldPass(this ScenarioResult result)
    {
        Guard.Against.Null(result);
        Execute.Assertion
            .ForCondition(result.Passed)
            .FailWith(result.ToString().Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
    }

    /// <summary>Fails with the report of every failing scenario unless all passed.</summary>
    /// <param name="results">The results.</param>
    public static void ShouldAllPass(this IEnumerable<ScenarioResult> results)
    {
        Guard.Against.Null(results);
        var failed = results.Where(r => !r.Passed).ToList();
        Execute.Assertion
            .ForCondition(failed.Count == 0)
            .FailWith(($"{failed.Count} scenario(s) failed:{Environment.NewLine}" + string.Join(Environment.NewLine + Environment.NewLine, failed))
                .Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
    }
}
