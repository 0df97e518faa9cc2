namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>
/// The names under which PolicyModel reports telemetry, for OpenTelemetry and logging configuration:
/// <c>.AddSource(PolicyModelTelemetry.ActivitySourceName)</c> and <c>.AddMeter(PolicyModelTelemetry.MeterName)</c>.
/// No name, tag or log property ever holds the request's id or any other personal data.
/// </summary>
public static class PolicyModelTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one activity per decision.</summary>
    public const string ActivitySourceName = "PolicyModel";

    /// <summary>The name of the activity started for each decision.</summary>
    public const string DecideActivityName = "PolicyModel.Decide";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "PolicyModel";

    /// <summary>Counter of decisions made, tagged with <see cref="OutcomeTag"/> and <see cref="JurisdictionTag"/>.</summary>
    public const string DecisionsCounter = "policymodel.decisions";

    /// <summary>Histogram of the time one decision took, in milliseconds, tagged with <see cref="OutcomeTag"/>.</summary>
    public const string DecisionDurationHistogram = "policymodel.decision.duration";

    /// <summary>Counter of requests rejected as invalid, tagged with <see cref="ProblemCodeTag"/>.</summary>
    public const string InvalidRequestsCounter = "policymodel.requests.invalid";

    /// <summary>Tag: the decision's outcome in the contract's vocabulary (<c>denied</c>, <c>granted</c>, …).</summary>
    public const string OutcomeTag = "policymodel.outcome";

    /// <summary>Tag: the requested jurisdiction's id (<c>us-il-chicago</c>); set only for a decided request.</summary>
    public const string JurisdictionTag = "policymodel.jurisdiction";

    /// <summary>Activity tag: the local date the request was judged on (<c>2025-01-21</c>).</summary>
    public const string EffectiveDateTag = "policymodel.effective_date";

    /// <summary>Activity tag: the ids of the deciding rules.</summary>
    public const string RulesTag = "policymodel.rules";

    /// <summary>Tag: the problem code of an invalid request (<c>PM3001</c>).</summary>
    public const string ProblemCodeTag = "policymodel.problem_code";

    /// <summary>The logger category of decision events.</summary>
    public const string DecisionsLogCategory = "PolicyModel.Decisions";

    /// <summary>The logger category of policy-loading events.</summary>
    public const string LoadingLogCategory = "PolicyModel.Loading";
}
