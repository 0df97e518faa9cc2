using System.Reflection;
using Ardalis.GuardClauses;
using NodaTime;

namespace PolicyModel;

/// <summary>
/// One decision as an audit record: the request, the decision, the digest of the policy set that decided, the engine
/// version and the time it was decided. A record holds nothing the request did not hold: the request's own fields
/// and what the engine derived from them.
/// </summary>
public sealed record DecisionRecord
{
    /// <summary>The engine version of this build (the PolicyModel assembly's informational version).</summary>
    public static string CurrentEngineVersion { get; } =
        typeof(PolicySet).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PolicySet).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The request decided.</summary>
    public required AssistanceRequest Request { get; init; }

    /// <summary>The decision.</summary>
    public required Decision Decision { get; init; }

    /// <summary>The digest of the policy set that decided (<see cref="PolicySet.Digest"/>).</summary>
    public required string PolicyDigest { get; init; }

    /// <summary>The engine version that decided (<see cref="CurrentEngineVersion"/> when the record was made).</summary>
    public required string EngineVersion { get; init; }

    /// <summary>When the host decided (from its clock; the engine itself never reads one).</summary>
    public required Instant DecidedAt { get; init; }

    /// <summary>A record of a decision just made with <paramref name="set"/>.</summary>
    /// <param name="set">The policy set that decided.</param>
    /// <param name="request">The request.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="clock">The host's clock.</param>
    /// <returns>The record.</returns>
    public static DecisionRecord Of(PolicySet set, AssistanceRequest request, Decision decision, IClock clock)
    {
        Guard.Against.Null(set);
        Guard.Against.Null(request);
        Guard.Against.Null(decision);
        Guard.Against.Null(clock);
        return new DecisionRecord
        {
            Request = request,
            Decision = decision,
            PolicyDigest = set.Digest,
            EngineVersion = CurrentEngineVersion,
            DecidedAt = clock.GetCurrentInstant(),
        };
    }
}

/// <summary>
/// Where a host keeps its decision records (for example one JSON line per decision in a file, written with
/// <see cref="DecisionRecordJson"/>). Implementations must be thread-safe and should not block the caller for long:
/// <see cref="Record"/> is called on the path of a decision.
/// </summary>
public interface IDecisionLog
{
    /// <summary>Keeps one record.</summary>
    /// <param name="record">The record.</param>
    void Record(DecisionRecord record);
}
