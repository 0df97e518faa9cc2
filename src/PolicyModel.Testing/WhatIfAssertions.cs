using Ardalis.GuardClauses;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace PolicyModel.Testing;

/// <summary>
/// Assertions on partial decisions (<c>decision.Should().BeGrantedIf(RequestField.Authority, "judicial-criminal-warrant")</c>)
/// and on what-if results (<c>whatIf.Should().BeGrantedWith(RequestField.Authority, "judicial-criminal-warrant")</c>).
/// </summary>
public static class WhatIfAssertionExtensions
{
    /// <summary>Starts assertions on a what-if result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The assertions.</returns>
    public static WhatIfResultAssertions Should(this WhatIfResult result) => new(result);

    /// <summary>Asserts the decision is <c>depends</c> and each of <paramref name="fields"/> splits its outcomes (some entry does not list every value of it).</summary>
    /// <param name="assertions">The decision assertions.</param>
    /// <param name="fields">The unknown facts the outcome must turn on.</param>
    /// <returns>A constraint for chaining.</returns>
    public static AndConstraint<DecisionAssertions> DependOn(this DecisionAssertions assertions, params RequestField[] fields)
    {
        Guard.Against.Null(assertions);
        Guard.Against.Null(fields);
        var decision = assertions.Subject;
        var splitting = Splitting(decision);
        Check(decision, decision?.Outcome == Outcome.Depends && fields.All(splitting.Contains),
            $"to depend on {string.Join(" and ", fields.Select(f => RequestSchema.Of(f).JsonName))}",
            decision?.Outcome == Outcome.Depends ? $"it depends on {string.Join(" and ", splitting.Select(f => RequestSchema.Of(f).JsonName))}" : $"it is {Name(decision)}");
        return new AndConstraint<DecisionAssertions>(assertions);
    }

    /// <summary>Asserts the decision is <c>depends</c> and names <paramref name="field"/> as the fact to ask first.</summary>
    /// <param name="assertions">The decision assertions.</param>
    /// <param name="field">The expected fact.</param>
    /// <returns>A constraint for chaining.</returns>
    public static AndConstraint<DecisionAssertions> AskFirstAbout(this DecisionAssertions assertions, RequestField field)
    {
        Guard.Against.Null(assertions);
        var decision = assertions.Subject;
        Check(decision, decision?.AskFirst == field, $"to ask first about {RequestSchema.Of(field).JsonName}",
            decision?.AskFirst is { } f ? $"it asks first about {RequestSchema.Of(f).JsonName}" : $"it is {Name(decision)} and asks nothing");
        return new AndConstraint<DecisionAssertions>(assertions);
    }

    /// <summary>Asserts the partial decision is <c>granted</c> exactly when the scalar <paramref name="field"/> has one of <paramref name="values"/>.</summary>
    /// <param name="assertions">The decision assertions.</param>
    /// <param name="field">An unknown scalar field.</param>
    /// <param name="values">Its values (JSON names) that lead to <c>granted</c>.</param>
    /// <returns>A constraint for chaining.</returns>
    public static AndConstraint<DecisionAssertions> BeGrantedIf(this DecisionAssertions assertions, RequestField field, params string[] values) =>
        HaveOutcomeIf(assertions, Outcome.Granted, field, values);

    /// <summary>Asserts the partial decision is <c>denied</c> exactly when the scalar <paramref name="field"/> has one of <paramref name="values"/>.</summary>
    /// <param name="assertions">The decision assertions.</param>
    /// <param name="field">An unknown scalar field.</param>
    /// <param name="values">Its values (JSON names) that lead to <c>denied</c>.</param>
    /// <returns>A constraint for chaining.</returns>
    public static AndConstraint<DecisionAssertions> BeDeniedIf(this DecisionAssertions assertions, RequestField field, params string[] values) =>
        HaveOutcomeIf(assertions, Outcome.Denied, field, values);

    /// <summary>Asserts the partial decision has <paramref name="outcome"/> exactly when the scalar <paramref name="field"/> has one of <paramref name="values"/>.</summary>
    /// <param name="assertions">The decision assertions.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="field">An unknown scalar field.</param>
    /// <param name="values">Its values (JSON names).</param>
    /// <returns>A constraint for chaining.</returns>
    /// <exception cref="ArgumentException">A value is not in the field's vocabulary (for a set field, use the overload that takes <see cref="FieldValue"/>s).</exception>
    public static AndConstraint<DecisionAssertions> HaveOutcomeIf(this DecisionAssertions assertions, Outcome outcome, RequestField field, params string[] values)
    {
        Guard.Against.Null(values);
        return HaveOutcomeIf(assertions, outcome, [.. values.Select(v => FieldValue.Parse(field, v))]);
    }

    /// <summary>
    /// Asserts the partial decision has <paramref name="outcome"/> exactly when its unknown field (that of <paramref name="values"/>)
    /// has one of <paramref name="values"/> (for a set field, whole sets): every entry of <see cref="Decision.DependsOn"/> lists either
    /// only these values (and has the outcome) or none of them (and has another outcome).
    /// </summary>
    /// <param name="assertions">The decision assertions.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="values">Values of one field.</param>
    /// <returns>A constraint for chaining.</returns>
    public static AndConstraint<DecisionAssertions> HaveOutcomeIf(this DecisionAssertions assertions, Outcome outcome, params FieldValue[] values)
    {
        Guard.Against.Null(assertions);
        Guard.Against.Null(values);
        Guard.Against.InvalidInput(values, nameof(values), v => v.Length > 0 && v.All(x => x.Field == v[0].Field), "give one or more values of one field");

        var field = values[0].Field;
        var decision = assertions.Subject;
        var ok = decision?.Outcome == Outcome.Depends && decision.DependsOn.All(e => e.When.TryGetValue(field, out var listed)
            && (listed.All(values.Contains) ? e.Outcome == outcome : !listed.Any(values.Contains) && e.Outcome != outcome));
        Check(decision, ok, $"to be {ContractNames<Outcome>.Name(outcome)} exactly if {RequestSchema.Of(field).JsonName} is {string.Join(" or ", values.Select(v => v.IsSet ? $"[{string.Join(", ", v.Names)}]" : v.ToString()))}",
            decision?.Outcome == Outcome.Depends ? $"it reads: {decision.Explanation}" : $"it is {Name(decision)}");
        return new AndConstraint<DecisionAssertions>(assertions);
    }

    private static HashSet<RequestField> Splitting(Decision? decision)
    {
        var fields = new HashSet<RequestField>();
        if (decision is null || decision.DependsOn.Count == 0)
        {
            return fields;
        }

        var all = decision.DependsOn.SelectMany(e => e.When).GroupBy(w => w.Key);
        foreach (var field in all)
        {
            var distinct = field.SelectMany(w => w.Value).Distinct().Count();
            if (field.Any(w => w.Value.Count < distinct))
            {
                fields.Add(field.Key);
            }
        }

        return fields;
    }

    private static string Name(Decision? decision) => decision is null ? "null" : ContractNames<Outcome>.Name(decision.Outcome);

    private static void Check(Decision? decision, bool condition, string expectation, string actual) =>
        Execute.Assertion
            .ForCondition(condition)
            .FailWith(Escape($"Expected the decision {expectation}, but {actual}.{Environment.NewLine}{(decision is null ? string.Empty : DecisionJson.Serialize(decision))}"));

    internal static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}

/// <summary>FluentAssertions (7.x) assertions on a <see cref="WhatIfResult"/>; a failure prints the decision's outcome and every alternative.</summary>
public sealed class WhatIfResultAssertions : ReferenceTypeAssertions<WhatIfResult, WhatIfResultAssertions>
{
    /// <summary>Creates the assertions.</summary>
    /// <param name="subject">The what-if result.</param>
    public WhatIfResultAssertions(WhatIfResult subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "what-if";

    /// <summary>Asserts that changing <paramref name="field"/> to <paramref name="value"/> alone leads to <c>granted</c>.</summary>
    /// <param name="field">A scalar field.</param>
    /// <param name="value">Its new value (JSON name).</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<WhatIfResultAssertions> BeGrantedWith(RequestField field, string value) => HaveAlternative(Outcome.Granted, FieldValue.Parse(field, value));

    /// <summary>Asserts that changing <paramref name="field"/> to <paramref name="value"/> alone leads to <c>denied</c>.</summary>
    /// <param name="field">A scalar field.</param>
    /// <param name="value">Its new value (JSON name).</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<WhatIfResultAssertions> BeDeniedWith(RequestField field, string value) => HaveAlternative(Outcome.Denied, FieldValue.Parse(field, value));

    /// <summary>Asserts an alternative makes exactly <paramref name="changes"/> (a set field with its whole new set) and leads to <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="changes">The changes.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<WhatIfResultAssertions> HaveAlternative(Outcome outcome, params FieldValue[] changes)
    {
        Guard.Against.Null(changes);
        var found = Subject?.Alternatives.FirstOrDefault(a => a.ReceivedAt is null && a.Changes.Count == changes.Length && changes.All(a.Changes.Contains));
        Check(found?.Outcome == outcome, $"to be {ContractNames<Outcome>.Name(outcome)} with {Describe(changes)}",
            found is null ? "no alternative makes exactly that change" : $"that change leads to {ContractNames<Outcome>.Name(found.Outcome)}");
        return new AndConstraint<WhatIfResultAssertions>(this);
    }

    /// <summary>Asserts no alternative leads to <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>A constraint for chaining.</returns>
    public AndConstraint<WhatIfResultAssertions> NotReach(Outcome outcome)
    {
        var found = Subject?.Alternatives.FirstOrDefault(a => a.Outcome == outcome);
        Check(found is null, $"to offer no way to {ContractNames<Outcome>.Name(outcome)}", $"{Describe(found?.Changes ?? [])} leads to it");
        return new AndConstraint<WhatIfResultAssertions>(this);
    }

    private static string Describe(IEnumerable<FieldValue> changes) =>
        string.Join(" and ", changes.Select(c => c.IsSet ? $"{c.FieldName} [{string.Join(", ", c.Names)}]" : $"{c.FieldName} {c}"));

    private void Check(bool condition, string expectation, string actual)
    {
        var report = Subject is null ? "the what-if is null"
            : $"{Subject.Explanation}{Environment.NewLine}{string.Join(Environment.NewLine, Subject.Alternatives.Select(a => $"  {ContractNames<Outcome>.Name(a.Outcome)}: {(a.ReceivedAt is { } at ? $"receivedAt {at}" : Describe(a.Changes))}"))}";
        Execute.Assertion
            .ForCondition(condition)
            .FailWith(WhatIfAssertionExtensions.Escape($"Expected the what-if {expectation}, but {actual}.{Environment.NewLine}{report}"));
    }
}