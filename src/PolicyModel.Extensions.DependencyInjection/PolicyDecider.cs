using System.Diagnostics.CodeAnalysis;
using System.Diagnostics;
using Ardalis.GuardClauses;
using Microsoft.Extensions.Logging;
using NodaTime.Text;

namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>The registered <see cref="IPolicyDecider"/>: the policy set's decisions, logged, traced and measured.</summary>
internal sealed class PolicyDecider(PolicySet policies, PolicyModelInstrumentation instrumentation, ILoggerFactory loggerFactory) : IPolicyDecider
{
    private readonly ILogger logger = loggerFactory.CreateLogger(PolicyModelTelemetry.DecisionsLogCategory);

    public PolicySet Policies { get; } = policies;

    public Decision Decide(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        var started = Stopwatch.GetTimestamp();
        using var activity = PolicyModelInstrumentation.ActivitySource.StartActivity(PolicyModelTelemetry.DecideActivityName);
        Decision decision;
        try
        {
            decision = Policies.Decide(request);
        }
        catch (InvalidRequestException e)
        {
            Invalid(e.Problems.Count > 0 ? e.Problems[0] : null, activity, e);
            throw;
        }

        Decided(decision, request, started, activity);
        return decision;
    }

    public bool TryDecide(AssistanceRequest request, [NotNullWhen(true)] out Decision? decision, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.Against.Null(request);
        var started = Stopwatch.GetTimestamp();
        using var activity = PolicyModelInstrumentation.ActivitySource.StartActivity(PolicyModelTelemetry.DecideActivityName);
        if (Policies.TryDecide(request, out decision, out problem))
        {
            Decided(decision!, request, started, activity);
            return true;
        }

        Invalid(problem, activity, exception: null);
        return false;
    }

    private void Decided(Decision decision, AssistanceRequest request, long started, Activity? activity)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var outcome = decision.Outcome.ToContractName();
        var jurisdiction = request.Jurisdiction.Value;
        var outcomeTag = new KeyValuePair<string, object?>(PolicyModelTelemetry.OutcomeTag, outcome);
        instrumentation.Decisions.Add(1, outcomeTag, new KeyValuePair<string, object?>(PolicyModelTelemetry.JurisdictionTag, jurisdiction));
        instrumentation.DecisionDuration.Record(elapsed.TotalMilliseconds, outcomeTag);
        if (activity is not null)
        {
            activity.SetTag(PolicyModelTelemetry.OutcomeTag, outcome);
            activity.SetTag(PolicyModelTelemetry.JurisdictionTag, jurisdiction);
            activity.SetTag(PolicyModelTelemetry.EffectiveDateTag, LocalDatePattern.Iso.Format(decision.EffectiveDate));
            activity.SetTag(PolicyModelTelemetry.RulesTag, decision.DecidingRules.Select(r => r.Value).ToArray());
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var date = LocalDatePattern.Iso.Format(decision.EffectiveDate);
            var rules = decision.DecidingRules.Count == 0 ? "(none)" : string.Join(", ", decision.DecidingRules);
            Log.RequestDecided(logger, outcome, jurisdiction, date, rules);
        }
    }

    private void Invalid(Problem? problem, Activity? activity, Exception? exception)
    {
        // The problem's message may quote request values; only its code and JSON path are reported.
        var code = problem?.Code ?? "unknown";
        instrumentation.InvalidRequests.Add(1, new KeyValuePair<string, object?>(PolicyModelTelemetry.ProblemCodeTag, code));
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, "invalid request");
            activity.SetTag(PolicyModelTelemetry.ProblemCodeTag, code);
            activity.SetTag("error.type", exception?.GetType().FullName ?? typeof(InvalidRequestException).FullName);
        }

        Log.RequestInvalid(logger, code, problem?.Path ?? "$");
    }
}
