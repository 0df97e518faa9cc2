using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>The activity source and the meter's instruments (one per service provider; the meter comes from <see cref="IMeterFactory"/> when one is registered).</summary>
internal sealed class PolicyModelInstrumentation : IDisposable
{
    private static readonly string? Version =
        typeof(PolicyModelInstrumentation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>The process-wide activity source (activity sources are meant to be static).</summary>
    public static readonly ActivitySource ActivitySource = new(PolicyModelTelemetry.ActivitySourceName, Version);

    // Decisions take microseconds: the default OpenTelemetry buckets (0, 5, 10, 25 ms, …) would put them all in one.
    private static readonly IReadOnlyList<double> DurationBuckets =
        [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 25, 50, 100];

    private readonly Meter? ownedMeter;

    public PolicyModelInstrumentation(IMeterFactory? meterFactory)
    {
        var options = new MeterOptions(PolicyModelTelemetry.MeterName) { Version = Version };
        var meter = meterFactory?.Create(options) ?? (ownedMeter = new Meter(options));
        Decisions = meter.CreateCounter<long>(PolicyModelTelemetry.DecisionsCounter, "{decision}", "Decisions made, by outcome and jurisdiction.");
        DecisionDuration = meter.CreateHistogram<double>(PolicyModelTelemetry.DecisionDurationHistogram, "ms", "The time one decision took.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        InvalidRequests = meter.CreateCounter<long>(PolicyModelTelemetry.InvalidRequestsCounter, "{request}", "Requests rejected as invalid, by problem code.");
    }

    public Counter<long> Decisions { get; }

    public Histogram<double> DecisionDuration { get; }

    public Counter<long> InvalidRequests { get; }

    public void Dispose() => ownedMeter?.Dispose();
}
