using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>The outcome of loading: the compiled set, or every problem found.</summary>
internal sealed record PolicyLoadResult(PolicySet? Set, IReadOnlyList<Problem> Problems);

/// <summary>
/// Loads and compiles the policy set once per service provider. The options validator calls <see cref="Load"/>
/// (at host start with ValidateOnStart, or when the options are first read), so validating the options and
/// compiling the set are one step, done once, and their problems are logged once.
/// </summary>
internal sealed class PolicySetHolder(ILoggerFactory loggerFactory)
{
    private readonly Lock gate = new();
    private readonly ILogger logger = loggerFactory.CreateLogger(PolicyModelTelemetry.LoadingLogCategory);
    private PolicyLoadResult? result;

    /// <summary>The result of the first load, or null before it.</summary>
    public PolicyLoadResult? Result
    {
        get
        {
            lock (gate)
            {
                return result;
            }
        }
    }

    /// <summary>Loads and compiles on the first call; later calls return the first result.</summary>
    public PolicyLoadResult Load(PolicyModelOptions options)
    {
        lock (gate)
        {
            return result ??= Compile(options);
        }
    }

    /// <summary>The compiled set, through the validated options; throws <see cref="PolicyLoadException"/> listing every problem.</summary>
    public PolicySet GetPolicySet(IOptionsMonitor<PolicyModelOptions> options)
    {
        PolicyModelOptions value;
        try
        {
            value = options.Get(Options.DefaultName);
        }
        catch (OptionsValidationException) when (Result is { Set: null, Problems.Count: > 0 } failed)
        {
            throw new PolicyLoadException(failed.Problems);
        }

        var loaded = Load(value);
        return loaded.Set ?? throw new PolicyLoadException(loaded.Problems);
    }

    private PolicyLoadResult Compile(PolicyModelOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        PolicySet? set;
        var problems = new List<Problem>();
        if (options.UseBuiltIns && options.DocumentPaths.Count == 0 && options.Documents.Count == 0)
        {
            set = BuiltInPolicies.Load(); // compiled once per process and shared
        }
        else
        {
            IEnumerable<PolicyDocument> documents = options.UseBuiltIns ? [.. BuiltInPolicies.Documents(), .. options.Documents] : options.Documents;
            PolicySources.TryLoad(options.DocumentPaths, documents, out set, out var loadProblems);
            problems.AddRange(loadProblems);
        }

        if (set is null || problems.Count > 0)
        {
            foreach (var p in problems)
            {
                var location = p.Line is { } line ? $"{p.Document}({line},{p.Column ?? 1})" : p.Document;
                Log.PolicyDocumentProblem(logger, location, p.Code, p.Path, p.Message);
            }

            Log.PoliciesInvalid(logger, problems.Count);
            return new PolicyLoadResult(null, problems);
        }

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.PoliciesLoaded(logger, set.Documents.Count, set.Jurisdictions.Count, set.Rules.Count, elapsed);
        return new PolicyLoadResult(set, []);
    }
}
