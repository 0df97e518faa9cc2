using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>
/// <see cref="DecisionJson.Write(IBufferWriter{byte}, CompactDecision)"/> writes a compact decision from precomputed
/// pieces (the tool's and the service's streaming path); its bytes must be exactly those the library writes for the
/// materialised decision, for every built-in jurisdiction, every kind of explanation and any request id.
/// </summary>
public sealed class CompactDecisionJsonTests
{
    private static readonly PolicySet BuiltIns = BuiltInPolicies.Load();

    private static string Library(Decision decision)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DecisionJson.Write(writer, decision);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Compact(CompactDecision decision, string? digest = null, LocalDate? lawCurrentTo = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1); // the smallest buffer: the writer asks for more as it goes
        DecisionJson.Write(buffer, decision, digest, lawCurrentTo);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Compact_json_equals_the_library_json_on_every_shared_scenario()
    {
        var requests = Directory.EnumerateFiles(Path.Combine(ScenarioCorpusTests.ScenarioRoot, "reference"), "*.json")
            .SelectMany(ScenarioFile.Load).Select(s => s.Request).Where(r => r.Unknown.IsEmpty && BuiltIns.TryDecide(r, out _, out _)).ToList();
        requests.Should().HaveCountGreaterThan(30);

        foreach (var request in requests)
        {
            var compact = BuiltIns.DecideCompact(request);
            Compact(compact).Should().Be(Library(compact.ToDecision()), RequestJson.Serialize(request));
        }
    }

    [Fact]
    public void Compact_json_equals_the_library_json_on_random_requests_of_every_jurisdiction_and_kind()
    {
        var requests = CompiledEngineDifferentialTests.RandomRequests(BuiltIns, seed: 1206, count: 20_000, firstYear: 1995, years: 35);
        var outcomes = new HashSet<Outcome>();

        foreach (var request in requests)
        {
            var compact = BuiltIns.DecideCompact(request);
            outcomes.Add(compact.Outcome);
            var expected = Library(compact.ToDecision());
            Compact(compact).Should().Be(expected);
        }

        outcomes.Should().HaveCountGreaterThanOrEqualTo(5, "the requests reach every kind of explanation");
    }

    [Theory]
    [InlineData("case-2025-0001")]
    [InlineData("")]
    [InlineData("quote \" backslash \\ slash /")]
    [InlineData("html <b>&amp;</b> 'single' +plus `tick`")]
    [InlineData("Jos\u00e9 \u00c5ngstr\u00f6m \u4e2d\u6587 \U0001F600")]
    [InlineData("tab\tnewline\ncontrol\u0001 separator\u2028")]
    public void Request_ids_are_escaped_as_the_library_escapes_them(string id)
    {
        var request = CompiledEngineDifferentialTests.RandomRequests(BuiltIns, seed: 3, count: 1, firstYear: 2020, years: 1)[0] with { Id = id };
        var compact = BuiltIns.DecideCompact(request);

        Compact(compact).Should().Be(Library(compact.ToDecision()));
    }

    [Fact]
    public void The_served_digest_and_law_date_are_written_where_the_library_writes_them()
    {
        var request = CompiledEngineDifferentialTests.RandomRequests(BuiltIns, seed: 5, count: 1, firstYear: 2020, years: 1)[0];
        var compact = BuiltIns.DecideCompact(request);
        var lawCurrentTo = new LocalDate(2025, 6, 30);
        const string digest = "sha256:0123456789abcdef";

        Compact(compact, digest, lawCurrentTo).Should().Be(Library(compact.ToDecision() with { PolicyDigest = digest, LawCurrentTo = lawCurrentTo }));
        Compact(compact, digest).Should().Be(Library(compact.ToDecision() with { PolicyDigest = digest }));
        Compact(compact, lawCurrentTo: lawCurrentTo).Should().Be(Library(compact.ToDecision() with { LawCurrentTo = lawCurrentTo }));
        Compact(compact, "<odd digest>").Should().Be(Library(compact.ToDecision() with { PolicyDigest = "<odd digest>" }));
    }

    [Fact]
    public void Early_and_late_years_are_written_with_four_digits_as_the_library_writes_them()
    {
        var template = CompiledEngineDifferentialTests.RandomRequests(BuiltIns, seed: 9, count: 1, firstYear: 2020, years: 1)[0];
        foreach (var year in new[] { AssistanceRequest.MinYear, 99, 999, AssistanceRequest.MaxYear })
        {
            var request = template with { ReceivedAt = new LocalDateTime(year, 6, 15, 12, 0).WithOffset(Offset.Zero) };
            var compact = BuiltIns.DecideCompact(request);

            Compact(compact).Should().Be(Library(compact.ToDecision()), $"year {year}");
        }
    }

    [Fact]
    public void Writing_a_warm_compact_decision_allocates_nothing()
    {
        var request = CompiledEngineDifferentialTests.RandomRequests(BuiltIns, seed: 11, count: 1, firstYear: 2020, years: 1)[0] with { Id = "r-000001" };
        var compact = BuiltIns.DecideCompact(request);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        DecisionJson.Write(buffer, compact);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            buffer.ResetWrittenCount();
            DecisionJson.Write(buffer, compact);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void A_default_compact_decision_cannot_be_written()
    {
        var write = () => DecisionJson.Write(new ArrayBufferWriter<byte>(), default(CompactDecision));

        write.Should().Throw<InvalidOperationException>();
    }
}
