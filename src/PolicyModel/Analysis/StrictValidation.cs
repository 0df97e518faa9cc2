using Ardalis.GuardClauses;

namespace PolicyModel.Analysis;

/// <summary>
/// What <c>policymodel validate --strict</c> adds to the ordinary checks: a conflict between two rules of one layer
/// (PM2016) and a rule that never decides a request (PM2017) are errors, for the rules of the given documents only.
/// Built on <see cref="PolicyAnalyzer"/> (docs/analysis.md), over the whole history of each jurisdiction the
/// documents write rules for.
/// </summary>
public static class StrictValidation
{
    /// <summary>The conflicts and unreachable rules that involve a rule of <paramref name="documents"/>.</summary>
    /// <param name="set">The compiled set holding the documents (with whatever they build on).</param>
    /// <param name="documents">The documents being validated; only their rules are reported.</param>
    /// <returns>The problems, document by document, conflicts first.</returns>
    public static IReadOnlyList<Problem> Check(PolicySet set, IReadOnlyList<PolicyDocument> documents)
    {
        Guard.Against.Null(set);
        Guard.Against.Null(documents);
        var own = new Dictionary<RuleId, (PolicyDocument Document, int Index)>();
        foreach (var document in documents)
        {
            for (var i = 0; i < document.Rules.Count; i++)
            {
                own.TryAdd(document.Rules[i].Id, (document, i));
            }
        }

        var analyzer = new PolicyAnalyzer(set);
        var problems = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var jurisdiction in documents.Select(d => d.Jurisdiction.Id).Distinct())
        {
            foreach (var conflict in analyzer.Conflicts(jurisdiction, DateRange.All))
            {
                var at = own.TryGetValue(conflict.Prohibiting, out var p) ? p : own.TryGetValue(conflict.Other, out var o) ? o : default;
                if (at.Document is not null && seen.Add($"c {conflict.Prohibiting} {conflict.Other}"))
                {
                    problems.Add(new Problem(ProblemCodes.StrictConflict, at.Document.Name, $"$.rules[{at.Index}]", null, null,
                        $"`{conflict.Prohibiting}` prohibits what `{conflict.Other}` {(EffectOf(set, conflict.Other) == Effect.Require ? "requires" : "permits")} on {conflict.CaseCount:N0} case(s) " +
                        $"(layer {ContractNames<Layer>.Name(conflict.Layer)}), and neither is an exception to the other; the prohibition prevails. " +
                        "Make one an exception to the other (`excepts`) or narrow their conditions"));
                }
            }

            foreach (var rule in analyzer.UnreachableRules(jurisdiction))
            {
                if (own.TryGetValue(rule.Rule, out var at) && seen.Add($"u {rule.Rule}"))
                {
                    problems.Add(new Problem(ProblemCodes.StrictUnreachable, at.Document.Name, $"$.rules[{at.Index}]", null, null,
                        $"the rule `{rule.Rule}` never decides a request: it {rule.Explain()}"));
                }
            }
        }

        return problems;
    }

    private static Effect? EffectOf(PolicySet set, RuleId id) => set.FindRule(id)?.Effect;
}
