using Microsoft.Extensions.Logging;

namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>
/// The log events (source-generated). Decision events carry the outcome, jurisdiction, date and rule ids only:
/// never the request's id, which may identify a person, nor anything else from the request beyond its jurisdiction.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "PoliciesLoaded", Level = LogLevel.Information,
        Message = "Compiled the policy set: {DocumentCount} documents, {JurisdictionCount} jurisdictions, {RuleCount} rules in {ElapsedMilliseconds} ms")]
    public static partial void PoliciesLoaded(ILogger logger, int documentCount, int jurisdictionCount, int ruleCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, EventName = "PolicyDocumentProblem", Level = LogLevel.Error,
        Message = "{Location}: error {Code}: {JsonPath}: {ProblemMessage}")]
    public static partial void PolicyDocumentProblem(ILogger logger, string location, string code, string jsonPath, string problemMessage);

    [LoggerMessage(EventId = 3, EventName = "PoliciesInvalid", Level = LogLevel.Error,
        Message = "The policy documents are invalid ({ProblemCount} problems); no policy set was compiled")]
    public static partial void PoliciesInvalid(ILogger logger, int problemCount);

    [LoggerMessage(EventId = 10, EventName = "RequestDecided", Level = LogLevel.Information,
        Message = "Decided {Outcome} for a request to {Jurisdiction} judged on {EffectiveDate} by rules {Rules}")]
    public static partial void RequestDecided(ILogger logger, string outcome, string jurisdiction, string effectiveDate, string rules);

    [LoggerMessage(EventId = 11, EventName = "RequestInvalid", Level = LogLevel.Warning,
        Message = "Rejected an invalid request: {ProblemCode} at {JsonPath}")]
    public static partial void RequestInvalid(ILogger logger, string problemCode, string jsonPath);
}
