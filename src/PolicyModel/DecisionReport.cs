using System.Text;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>Readable text of a request and its decision, printed by failing assertions and scenario results.</summary>
public static class DecisionReport
{
    /// <summary>Describes a decision, and the request it decided when given (a decision does not hold its request).</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="request">The request decided, or <see langword="null"/>.</param>
    /// <returns>Multi-line text without braces (safe inside assertion messages).</returns>
    public static string Describe(Decision decision, AssistanceRequest? request = null)
    {
        Guard.Against.Null(decision);
        var text = new StringBuilder();
        if (request is { } r)
        {
            text.AppendLine("Request:");
            text.AppendLine($"  jurisdiction {r.Jurisdiction}, received {r.ReceivedAt.ToContractText()}");
            text.AppendLine("  " + string.Join(", ", RequestSchema.DisplayOrder.Select(f => $"{f.JsonName} {(f.IsSet ? $"[{string.Join(", ", f.NamesOf(f.ValueOf(r)))}]" : f.ValueText(f.ValueOf(r)))}")));
        }

        text.AppendLine("Decision:");
        text.AppendLine($"  outcome {decision.Outcome.ToContractName()} on {decision.EffectiveDate.ToContractText()} ({string.Join(" > ", decision.JurisdictionChain)})");
        text.AppendLine($"  citations: {(decision.Citations.Count == 0 ? "none" : string.Join("; ", decision.Citations))}");
        text.AppendLine($"  obligations: {(decision.Obligations.Count == 0 ? "none" : string.Join(", ", decision.Obligations.Select(ContractNames<Obligation>.Name)))}");
        text.AppendLine($"  deciding rules: {(decision.DecidingRules.Count == 0 ? "none" : string.Join(", ", decision.DecidingRules))}");
        text.AppendLine($"  preempted: {(decision.Preempted.Count == 0 ? "none" : string.Join(", ", decision.Preempted))}");
        text.Append($"  explanation: {decision.Explanation}");
        return text.ToString().Replace('{', '(').Replace('}', ')');
    }
}
