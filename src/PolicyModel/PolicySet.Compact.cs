using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;
using PolicyModel.Engine;

namespace PolicyModel;

/// <summary>Compact decisions without exceptions, for hosts that stream many requests (the decision service's batch endpoint).</summary>
public sealed partial class PolicySet
{
    /// <summary>
    /// Decides a complete request as <see cref="DecideCompact(AssistanceRequest)"/> does, without throwing for an invalid
    /// one: the problem is the one <see cref="TryDecide"/> reports. Write the result with
    /// <see cref="DecisionJson.Write(System.Buffers.IBufferWriter{byte}, CompactDecision)"/> to stream it without
    /// materialising it.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="decision">The compact decision, when the request is valid and complete.</param>
    /// <param name="problem">What is wrong, when invalid; a partial request (<see cref="AssistanceRequest.Unknown"/>) has no compact decision and gets <see cref="ProblemCodes.PartialRequest"/>.</param>
    /// <returns><see langword="true"/> when the request was decided.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public bool TryDecideCompact(AssistanceRequest request, out CompactDecision decision, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.Against.Null(request);
        decision = default;
        var values = default(RequestSchema.Values);
        if (!TryResolve(request, ref values, out var jurisdiction, out problem))
        {
            return false;
        }

        if (!request.Unknown.IsEmpty)
        {
            problem = PartialNotAllowed("a compact decision").Problems[0];
            return false;
        }

        decision = Compact(jurisdiction, request, values);
        return true;
    }
}
