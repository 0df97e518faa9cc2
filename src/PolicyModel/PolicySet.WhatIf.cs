using Ardalis.GuardClauses;
using PolicyModel.Engine;

namespace PolicyModel;

/// <summary>What would change a decision, and what a partial request's decision depends on.</summary>
public sealed partial class PolicySet
{
    /// <summary>
    /// What would change the decision of <paramref name="request"/>: every change of one fact (another value; for a set
    /// field one member added or removed) that leads to another outcome, and changes of two or more facts (up to
    /// <see cref="WhatIfOptions.MaxChangedFields"/>) for outcomes no smaller change reaches. <c>jurisdiction</c>,
    /// <c>receivedAt</c> and <c>id</c> are kept (with <see cref="WhatIfOptions.VaryReceivedAt"/>, the next date on which
    /// the outcome changes is added). Computed from the compiled tables, one lookup per equivalence class.
    /// </summary>
    /// <param name="request">A complete request.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="WhatIfOptions.Default"/>.</param>
    /// <returns>The decision and its alternatives.</returns>
    /// <exception cref="InvalidRequestException">The request is invalid or partial.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="WhatIfOptions.MaxChangedFields"/> is not 1 to 3.</exception>
    public WhatIfResult WhatIf(AssistanceRequest request, WhatIfOptions? options = null)
    {
        Guard.Against.Null(request);
        options ??= WhatIfOptions.Default;
        Guard.Against.OutOfRange(options.MaxChangedFields, nameof(options), 1, 3);
        var jurisdiction = Resolve(request, out var problem) ?? throw new InvalidRequestException([problem!]);
        if (!request.Unknown.IsEmpty)
        {
            throw PartialNotAllowed("a what-if");
        }

        return Counterfactuals.WhatIf(jurisdiction, request, options);
    }

    /// <summary>
    /// Decides a partial request (<see cref="AssistanceRequest.Unknown"/>): when no value of the unknown facts can change the
    /// outcome, the usual decision; otherwise a decision with outcome <see cref="Outcome.Depends"/>, its
    /// <see cref="Decision.DependsOn"/> (each outcome with the values that lead to it, every combination covered exactly once)
    /// and <see cref="Decision.AskFirst"/>. A presumption that covers an unknown purpose still decides (Chicago police asked
    /// by an immigration agency: presumed civil). A request with no unknown facts is decided as by <see cref="Decide(AssistanceRequest)"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidRequestException">The request is invalid, or its unknown facts leave more than 2^20 combinations of classes open.</exception>
    public Decision DecidePartial(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        var values = default(RequestSchema.Values);
        var jurisdiction = Resolve(request, ref values, out var problem) ?? throw new InvalidRequestException([problem!]);
        return request.Unknown.IsEmpty ? Compact(jurisdiction, request, values).ToDecision() : Counterfactuals.DecidePartial(jurisdiction, request);
    }

    private static InvalidRequestException PartialNotAllowed(string what) =>
        new([new Problem(ProblemCodes.PartialRequest, "request", "$.unknown", null, null,
            $"the request leaves facts unknown, and {what} needs every fact; decide it with Decide or DecidePartial, or give the facts")]);
}
