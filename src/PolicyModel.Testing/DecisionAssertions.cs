using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace PolicyModel.Testing;

/// <summary>Entry point of the decision assertions: <c>decision.Should().BeDenied().And.Cite("2-173-020(a)(6)")</c>.</summary>
public static class DecisionAssertionExtensions
{
    /// <summary>Starts assertions on a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    public static DecisionAssertions Should(this Decision decision) => new(decision);
}

/// <summary>
/// FluentAssertions (7.x) assertions on a <see cref="Decision"/> that read like the law. A failure prints the
/// request, the decision, its explanation and its citations.
/// </summary>
public sealed class DecisionAssertions : ReferenceTypeAssertions<Decision, DecisionAssertions>
{
    /// <summary>Creates the assertions.</summary>
    /// <param name="subject">The decision.</param>
    public DecisionAssertions(Decision subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "decision";

    /// <summary>Asserts the outcome is <c>denied</c>.</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> BeDenied(string because = "", params object[] becauseArgs) => HaveOutcome(Outcome.Denied, because, becauseArgs);

    /// <summary>Asserts the outcome is <c>granted</c>.</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> BeGranted(string because = "", params object[] becauseArgs) => HaveOutcome(Outcome.Granted, because, becauseArgs);

    /// <summary>Asserts the outcome is <c>required</c>.</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> BeRequired(string because = "", params object[] becauseArgs) => HaveOutcome(Outcome.Required, because, becauseArgs);

    /// <summary>Asserts the outcome is <c>police-action</c>.</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> CallForPoliceAction(string because = "", params object[] becauseArgs) => HaveOutcome(Outcome.PoliceAction, because, becauseArgs);

    /// <summary>Asserts the outcome is <c>discretionary</c>.</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> BeDiscretionary(string because = "", params object[] becauseArgs) => HaveOutcome(Outcome.Discretionary, because, becauseArgs);

    /// <summary>Asserts the outcome is <c>refer</c>.</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> BeReferred(string because = "", params object[] becauseArgs) => HaveOutcome(Outcome.Refer, because, becauseArgs);

    /// <summary>Asserts the outcome.</summary>
    /// <param name="outcome">The expected outcome.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> HaveOutcome(Outcome outcome, string because = "", params object[] becauseArgs)
    {
        Check(Subject?.Outcome == outcome, $"to be {outcome.ToContractName()}", $"it is {(Subject is null ? "null" : Subject.Outcome.ToContractName())}", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts one of the citations contains <paramref name="fragment"/> (so <c>"805/15"</c> matches <c>"5 ILCS 805/15(h)"</c>).</summary>
    /// <param name="fragment">A part of a citation.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> Cite(string fragment, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(fragment);
        Check(Subject?.Citations.Any(c => c.Contains(fragment, StringComparison.Ordinal)) == true, $"to cite `{fragment}`", "no citation contains it", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts no citation contains <paramref name="fragment"/>.</summary>
    /// <param name="fragment">A part of a citation.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> NotCite(string fragment, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(fragment);
        Check(Subject is not null && !Subject.Citations.Any(c => c.Contains(fragment, StringComparison.Ordinal)), $"not to cite `{fragment}`", "a citation contains it", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts the decision carries the obligation.</summary>
    /// <param name="obligation">The obligation.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> Impose(Obligation obligation, string because = "", params object[] becauseArgs)
    {
        Check(Subject?.Obligations.Contains(obligation) == true, $"to impose {obligation.ToContractName()}", "it does not", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts the decision does not carry the obligation.</summary>
    /// <param name="obligation">The obligation.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> NotImpose(Obligation obligation, string because = "", params object[] becauseArgs)
    {
        Check(Subject is not null && !Subject.Obligations.Contains(obligation), $"not to impose {obligation.ToContractName()}", "it does", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts the rule with id <paramref name="ruleId"/> was preempted.</summary>
    /// <param name="ruleId">The preempted rule's id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> Preempt(string ruleId, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        Check(Subject?.Preempted.Any(r => r.Value == ruleId) == true, $"to preempt {ruleId}", "it does not", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts the rule with id <paramref name="ruleId"/> was not preempted.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> NotPreempt(string ruleId, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        Check(Subject is not null && !Subject.Preempted.Any(r => r.Value == ruleId), $"not to preempt {ruleId}", "it does", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts no rule was preempted.</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> PreemptNothing(string because = "", params object[] becauseArgs)
    {
        Check(Subject is not null && Subject.Preempted.Count == 0, "to preempt nothing", $"it preempts {(Subject is null ? "?" : string.Join(", ", Subject.Preempted))}", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    /// <summary>Asserts the rule with id <paramref name="ruleId"/> is among the deciding rules.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<DecisionAssertions> BeDecidedBy(string ruleId, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        Check(Subject?.DecidingRules.Any(r => r.Value == ruleId) == true, $"to be decided by {ruleId}", "it is not", because, becauseArgs);
        return new AndConstraint<DecisionAssertions>(this);
    }

    private void Check(bool condition, string expectation, string actual, string because, object[] becauseArgs)
    {
        var report = Subject is null ? "the decision is null" : DecisionReport.Describe(Subject);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(condition)
            .FailWith(Escape($"Expected the decision {expectation}") + "{reason}" + Escape($", but {actual}.{Environment.NewLine}{report}"));
    }

    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
