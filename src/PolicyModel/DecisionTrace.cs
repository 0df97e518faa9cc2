using NodaTime;
using PolicyModel.Engine;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>What happened to one rule during a decision.</summary>
public enum RuleStatus
{
    /// <summary>The rule does not bind the respondent asked.</summary>
    NotBinding,
    /// <summary>The rule is not in force on the local date.</summary>
    NotInForce,
    /// <summary>A condition of the rule did not hold.</summary>
    NotMatched,
    /// <summary>The rule matched but a counting rule is an exception to it.</summary>
    Excepted,
    /// <summary>The rule matched and counted but a controlling layer preempted it.</summary>
    Preempted,
    /// <summary>The rule counts towards the decision.</summary>
    Counts,
}

/// <summary>One rule considered during a decision.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Jurisdiction">Its jurisdiction.</param>
/// <param name="Layer">Its layer.</param>
/// <param name="Citation">Its citation on the decision's date.</param>
/// <param name="Effect">Its effect.</param>
/// <param name="Status">What happened to it.</param>
/// <param name="Detail">Why: the condition that did not hold, or the excepting or preempting provision.</param>
public sealed record RuleTrace(RuleId Rule, JurisdictionId Jurisdiction, Layer Layer, string Citation, Effect Effect, RuleStatus Status, string? Detail);

/// <summary>A decision with its full reasoning: the local date, each rule of each layer considered, and notes on presumptions.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="LocalDate">The local date used.</param>
/// <param name="TimeZone">The time zone that produced it.</param>
/// <param name="Rules">Every rule of the chain, most specific layer first.</param>
/// <param name="Notes">Presumptions applied and unknown-purpose variants.</param>
public sealed record DecisionTrace(Decision Decision, LocalDate LocalDate, string TimeZone, IReadOnlyList<RuleTrace> Rules, IReadOnlyList<string> Notes)
{
    /// <summary>Every rule of the chain, most specific layer first.</summary>
    public IReadOnlyList<RuleTrace> Rules { get; init => field = value.ToEquatableArray(); } = Rules.ToEquatableArray();

    /// <summary>Presumptions applied and unknown-purpose variants.</summary>
    public IReadOnlyList<string> Notes { get; init => field = value.ToEquatableArray(); } = Notes.ToEquatableArray();
}

internal sealed class DecisionTraceBuilder
{
    private readonly Dictionary<RuleId, RuleTrace> rules = [];
    private readonly List<RuleId> order = [];
    private readonly List<string> notes = [];
    private LocalDate date;
    private string zone = string.Empty;
    private Dictionary<RuleId, int> positions = [];

    public void Start(AssistanceRequest request, CompiledJurisdiction jurisdiction, LocalDate localDate)
    {
        date = localDate;
        zone = jurisdiction.Jurisdiction.TimeZone.Id;
        positions = jurisdiction.Rules.Select((r, i) => (r.Rule.Id, i)).ToDictionary(p => p.Id, p => p.i);
        notes.Add($"received {request.ReceivedAt.ToInstant()} is {localDate.ToContractText()} in {zone}");
    }

    public void Presumption(Presumption presumption, bool applied)
    {
        if (applied)
        {
            notes.Add($"purpose `unknown` presumed `{presumption.Presumed.ToContractName()}` by {presumption.Id}");
        }
    }

    public void Variants(Outcome civil, Outcome criminal) =>
        notes.Add($"purpose unknown: as civil-immigration-enforcement {civil.ToContractName()}, as criminal-investigation {criminal.ToContractName()}"
            + (civil == criminal ? " (they agree: decided as given)" : " (they differ)"));

    public void Rule(CompiledRule rule, RuleStatus status, int? failedCondition, string? by = null)
    {
        string? detail = status switch
        {
            RuleStatus.NotMatched when failedCondition is { } i and >= 0 =>
                $"condition {i + 1} did not hold: {Unmet(rule.Rule.Conditions[i])}",
            RuleStatus.Excepted => $"excepted by {by}",
            RuleStatus.Preempted => $"preempted by {by}",
            RuleStatus.NotInForce => $"in force {rule.Rule.Period}",
            RuleStatus.NotBinding => $"binds {rule.Rule.Binds}",
            _ => null,
        };
        if (!rules.ContainsKey(rule.Rule.Id))
        {
            order.Add(rule.Rule.Id);
        }

        rules[rule.Rule.Id] = new RuleTrace(rule.Rule.Id, rule.Rule.Jurisdiction, rule.Rule.Layer, rule.Rule.Provision.CitationOn(date), rule.Rule.Effect, status, detail);
    }

    /// <summary>The trace, rules in the chain's order: most specific layer first, then catalogue order.</summary>
    public DecisionTrace Build(Decision decision) =>
        new(decision, date, zone, [.. order.OrderBy(id => positions.GetValueOrDefault(id, int.MaxValue)).Select(id => rules[id])], notes);

    /// <summary>
    /// What about the request made a condition fail, said as a fact about the request with what the rule needs:
    /// <c>circumstances were given (the rule needs none)</c>, <c>assistance is not one of a, b</c>.
    /// </summary>
    internal static string Unmet(Condition condition) => condition switch
    {
        FieldCondition f when RequestSchema.Of(f.Field) is var field => (f.Test, field.IsSet) switch
        {
            (FieldTest.Empty, _) => $"{field.Label} were given (the rule needs none)",
            (FieldTest.NonEmpty, _) => $"no {field.Label} were given (the rule needs at least one)",
            (FieldTest.AnyOf, false) => $"{field.Label} is not {OneOf(f)}",
            (FieldTest.AnyOf, true) => $"{field.Label} include none of {string.Join(", ", f.ValueNames())} (the rule needs at least one)",
            (FieldTest.NoneOf, false) => $"{field.Label} is {OneOf(f)}, which the rule excludes",
            (FieldTest.NoneOf, true) => $"{field.Label} include {OneOf(f)}, which the rule excludes",
            _ => $"{field.Label} lack one of {string.Join(", ", f.ValueNames())} (the rule needs all of them)",
        },
        TermCondition t => $"the term `{t.Term}` does not hold for this request",
        NotCondition n => $"{Describe(n.Inner)} holds (the rule needs it not to)",
        _ => $"{Describe(condition)} does not hold for this request",
    };

    private static string OneOf(FieldCondition f) =>
        f.ValueNames().Count == 1 ? f.ValueNames()[0] : $"one of {string.Join(", ", f.ValueNames())}";

    internal static string Describe(Condition condition) => condition switch
    {
        FieldCondition f => f.Test switch
        {
            FieldTest.NonEmpty => $"{RequestSchema.Of(f.Field).JsonName} is not empty",
            FieldTest.Empty => $"{RequestSchema.Of(f.Field).JsonName} is empty",
            FieldTest.AnyOf => $"{RequestSchema.Of(f.Field).JsonName} is one of {string.Join(", ", f.ValueNames())}",
            FieldTest.NoneOf => $"{RequestSchema.Of(f.Field).JsonName} is none of {string.Join(", ", f.ValueNames())}",
            _ => $"{RequestSchema.Of(f.Field).JsonName} has all of {string.Join(", ", f.ValueNames())}",
        },
        TermCondition t => $"term `{t.Term}`",
        NotCondition n => $"not ({Describe(n.Inner)})",
        AllOfCondition a => $"all of ({string.Join("; ", a.Conditions.Select(Describe))})",
        AnyOfCondition a => $"any of ({string.Join("; ", a.Conditions.Select(Describe))})",
        _ => condition.ToString() ?? string.Empty,
    };
}
