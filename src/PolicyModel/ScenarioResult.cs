namespace PolicyModel;

/// <summary>The result of one scenario: its decision and every way the decision differs from the expectation.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Decision">The decision, or <see langword="null"/> when the request could not be decided.</param>
/// <param name="Failures">What differs (empty when it passes).</param>
public sealed record ScenarioResult(Scenario Scenario, Decision? Decision, IReadOnlyList<string> Failures)
{
    /// <summary>What differs (empty when it passes).</summary>
    public IReadOnlyList<string> Failures { get; init => field = value.ToEquatableArray(); } = Failures.ToEquatableArray();


    /// <summary>Whether the decision met every expectation.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>A report: the scenario, the failures, the request and the decision.</summary>
    /// <returns>Multi-line text.</returns>
    public override string ToString() =>
        $"{(Passed ? "PASS" : "FAIL")} {Scenario.Name} ({Scenario.Source}){(Passed ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, Failures.Select(f => "  " + f)))}"
        + (Decision is null || Passed ? string.Empty : Environment.NewLine + DecisionReport.Describe(Decision, Scenario.Request));
}
