using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyModel.Extensions.DependencyInjection.Tests;

public sealed class DecisionTelemetryTests : IDisposable
{
    private readonly TestLoggerProvider logs = new();
    private readonly ServiceProvider provider;
    private readonly IPolicyDecider decider;

    public DecisionTelemetryTests()
    {
        provider = Fixtures.Provider(logs);
        decider = provider.GetRequiredService<IPolicyDecider>();
    }

    public void Dispose() => provider.Dispose();

    [Fact]
    public void A_decision_is_logged_with_outcome_jurisdiction_date_and_rules_but_not_the_request_id()
    {
        var decision = decider.Decide(Fixtures.ChicagoPerimeter());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.RequestId.Should().Be(Fixtures.PersonalRequestId, "the caller still gets its id back");
        var entry = logs.Entries.Where(e => e.Category == PolicyModelTelemetry.DecisionsLogCategory).Should().ContainSingle().Subject;
        entry.EventId.Should().Be(new EventId(10, "RequestDecided"));
        entry.Level.Should().Be(LogLevel.Information);
        entry.State.Should().Contain(
        [
            new("Outcome", "denied"),
            new("Jurisdiction", "us-il-chicago"),
            new("EffectiveDate", "2025-02-10"),
            new("Rules", string.Join(", ", decision.DecidingRules)),
        ]);
        entry.Message.Should().Be($"Decided denied for a request to us-il-chicago judged on 2025-02-10 by rules {string.Join(", ", decision.DecidingRules)}");
        logs.Entries.Should().NotContain(e => e.AllText.Contains(Fixtures.PersonalRequestId, StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_request_is_logged_by_code_and_path_only()
    {
        var request = Fixtures.ChicagoPerimeter() with { Jurisdiction = "us-zz" };

        FluentActions.Invoking(() => decider.Decide(request)).Should().Throw<InvalidRequestException>();
        decider.TryDecide(request, out var decision, out var problem).Should().BeFalse();

        decision.Should().BeNull();
        problem!.Code.Should().Be("PM3001");
        var entries = logs.Entries.Where(e => e.Category == PolicyModelTelemetry.DecisionsLogCategory).ToList();
        entries.Should().HaveCount(2).And.OnlyContain(e => e.EventId.Name == "RequestInvalid" && e.Level == LogLevel.Warning);
        entries[0].Message.Should().Be("Rejected an invalid request: PM3001 at $.jurisdiction");
        logs.Entries.Should().NotContain(e => e.AllText.Contains(Fixtures.PersonalRequestId, StringComparison.Ordinal));
    }

    [Fact]
    public void TryDecide_is_logged_like_Decide()
    {
        decider.TryDecide(Fixtures.ChicagoPerimeter(), out var decision, out var problem).Should().BeTrue();

        decision!.Outcome.Should().Be(Outcome.Denied);
        problem.Should().BeNull();
        logs.Entries.Should().ContainSingle(e => e.EventId.Name == "RequestDecided");
    }

    [Fact]
    public void Decisions_are_counted_by_outcome_and_timed_in_milliseconds()
    {
        var measurements = new List<(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PolicyModelTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, object?>(tags.ToArray())));
            }
        }

        listener.SetMeasurementEventCallback<long>(Record<long>);
        listener.SetMeasurementEventCallback<double>(Record<double>);
        listener.Start();

        decider.Decide(Fixtures.ChicagoPerimeter());
        decider.Decide(Fixtures.ChicagoPerimeter());
        decider.TryDecide(Fixtures.ChicagoPerimeter() with { Jurisdiction = "us-zz" }, out _, out _);
        decider.Decide(Fixtures.ChicagoPerimeter() with { Purpose = Purpose.CriminalInvestigation, Jurisdiction = "us-tx" });

        var decisions = measurements.Where(m => m.Instrument == PolicyModelTelemetry.DecisionsCounter).ToList();
        decisions.Should().HaveCount(3).And.OnlyContain(m => m.Value == 1 && m.Unit == "{decision}");
        decisions.Count(m => Equals(m.Tags[PolicyModelTelemetry.OutcomeTag], "denied") && Equals(m.Tags[PolicyModelTelemetry.JurisdictionTag], "us-il-chicago"))
            .Should().Be(2);
        decisions.Should().ContainSingle(m => Equals(m.Tags[PolicyModelTelemetry.JurisdictionTag], "us-tx"))
            .Which.Tags[PolicyModelTelemetry.OutcomeTag].Should().NotBe("denied");

        var durations = measurements.Where(m => m.Instrument == PolicyModelTelemetry.DecisionDurationHistogram).ToList();
        durations.Should().HaveCount(3).And.OnlyContain(m => m.Value >= 0 && m.Value < 10_000 && m.Unit == "ms");
        durations.Should().OnlyContain(m => m.Tags.ContainsKey(PolicyModelTelemetry.OutcomeTag));

        measurements.Should().ContainSingle(m => m.Instrument == PolicyModelTelemetry.InvalidRequestsCounter)
            .Which.Tags.Should().Equal(new Dictionary<string, object?> { [PolicyModelTelemetry.ProblemCodeTag] = "PM3001" });
        measurements.Should().NotContain(m => m.Tags.Values.Any(v => Equals(v, Fixtures.PersonalRequestId)));
    }

    [Fact]
    public void Each_decision_is_an_activity_tagged_with_outcome_and_jurisdiction()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PolicyModelTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (activities)
                {
                    activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var decision = decider.Decide(Fixtures.ChicagoPerimeter());
        decider.TryDecide(Fixtures.ChicagoPerimeter() with { Jurisdiction = "us-zz" }, out _, out _);

        activities.Should().HaveCount(2).And.OnlyContain(a => a.OperationName == PolicyModelTelemetry.DecideActivityName);
        var decided = activities[0];
        decided.GetTagItem(PolicyModelTelemetry.OutcomeTag).Should().Be("denied");
        decided.GetTagItem(PolicyModelTelemetry.JurisdictionTag).Should().Be("us-il-chicago");
        decided.GetTagItem(PolicyModelTelemetry.EffectiveDateTag).Should().Be("2025-02-10");
        ((string[])decided.GetTagItem(PolicyModelTelemetry.RulesTag)!).Should().Equal(decision.DecidingRules.Select(r => r.Value));
        decided.Status.Should().Be(ActivityStatusCode.Unset);

        var invalid = activities[1];
        invalid.Status.Should().Be(ActivityStatusCode.Error);
        invalid.GetTagItem(PolicyModelTelemetry.ProblemCodeTag).Should().Be("PM3001");
        activities.SelectMany(a => a.TagObjects).Should().NotContain(t => Equals(t.Value, Fixtures.PersonalRequestId));
    }

    [Fact]
    public void The_meter_comes_from_the_registered_meter_factory()
    {
        using var factory = new TestMeterFactory();
        using var own = Fixtures.Provider(new TestLoggerProvider(), more: s => s.AddSingleton<IMeterFactory>(factory));

        own.GetRequiredService<IPolicyDecider>().Decide(Fixtures.ChicagoPerimeter());

        factory.Meters.Should().ContainSingle().Which.Name.Should().Be(PolicyModelTelemetry.MeterName);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Meters { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Meters.Add(meter);
            return meter;
        }

        public void Dispose() => Meters.ForEach(m => m.Dispose());
    }
}
