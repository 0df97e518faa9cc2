using System.Diagnostics.CodeAnalysis;
namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>
/// Decides requests against the application's policy set, with telemetry: a log event per decision (outcome,
/// jurisdiction, date and rules, never the request's id or any other personal data), an activity of the
/// <c>PolicyModel</c> <see cref="System.Diagnostics.ActivitySource"/>, and the <c>policymodel.decisions</c> and
/// <c>policymodel.decision.duration</c> instruments of the <c>PolicyModel</c> meter (see <see cref="PolicyModelTelemetry"/>).
/// Registered as a singleton by <c>AddPolicyModel</c>; thread-safe.
/// </summary>
public interface IPolicyDecider
{
    /// <summary>The compiled policy set decisions are made against.</summary>
    PolicySet Policies { get; }

    /// <summary>Decides a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision with its reasons.</returns>
    /// <exception cref="InvalidRequestException">The request is invalid (an unknown jurisdiction, for example).</exception>
    Decision Decide(AssistanceRequest request);

    /// <summary>Decides a request without throwing for an invalid one.</summary>
    /// <param name="request">The request.</param>
    /// <param name="decision">The decision, when the request is valid.</param>
    /// <param name="problem">What is wrong, when it is not.</param>
    /// <returns><see langword="true"/> when the request was decided.</returns>
    bool TryDecide(AssistanceRequest request, [NotNullWhen(true)] out Decision? decision, [NotNullWhen(false)] out Problem? problem);
}
