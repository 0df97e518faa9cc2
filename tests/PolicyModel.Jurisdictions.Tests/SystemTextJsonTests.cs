using System.Text.Json;
using PolicyModel.Jurisdictions;
using PolicyModel.Testing;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>
/// System.Text.Json writes and reads the model types in their published form (docs/decision-format.md,
/// docs/request-format.md), through options.AddPolicyModel(), the source-generated PolicyModelJsonContext alone
/// (no reflection), and the converter attributes (plain JsonSerializer calls).
/// </summary>
public sealed class SystemTextJsonTests
{
    private static readonly PolicySet Policies = BuiltInPolicies.Load();
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().AddPolicyModel();
    private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true }.AddPolicyModel();

    /// <summary>Only the source-generated context: what a trimmed or native AOT application has.</summary>
    private static readonly JsonSerializerOptions ContextOnly = new() { TypeInfoResolver = PolicyModelJsonContext.Default };

    public static TheoryData<ScenarioCase> SharedScenarios() => ScenarioData.From(Path.Combine("scenarios", "reference"));

    [Theory]
    [MemberData(nameof(SharedScenarios))]
    public void A_decision_serialises_exactly_as_DecisionJson_writes_it(ScenarioCase scenario)
    {
        var decision = Policies.Decide(scenario.Scenario.Request);
        var expected = DecisionJson.Serialize(decision, indented: false);

        JsonSerializer.Serialize(decision, Indented).Should().Be(DecisionJson.Serialize(decision), "indented options write DecisionJson's indented form");
        JsonSerializer.Serialize(decision, Options).Should().Be(expected);
        JsonSerializer.Serialize(decision, PolicyModelJsonContext.Default.Decision).Should().Be(expected);
        JsonSerializer.Serialize(decision, ContextOnly).Should().Be(expected);
        JsonSerializer.Serialize(decision).Should().Be(expected, "the converter attribute serves plain JsonSerializer calls (an ASP.NET endpoint)");
    }

    [Theory]
    [MemberData(nameof(SharedScenarios))]
    public void A_decision_reads_back_equal(ScenarioCase scenario)
    {
        var decision = Policies.Decide(scenario.Scenario.Request);

        var copy = JsonSerializer.Deserialize(JsonSerializer.Serialize(decision, Options), PolicyModelJsonContext.Default.Decision);

        (copy == decision).Should().BeTrue("the decision read back equals the one written");
    }

    [Theory]
    [MemberData(nameof(SharedScenarios))]
    public void A_request_round_trips_in_the_published_form(ScenarioCase scenario)
    {
        var request = scenario.Scenario.Request;

        var json = JsonSerializer.Serialize(request, Options);

        json.Should().Be(RequestJson.Serialize(request));
        JsonSerializer.Deserialize<AssistanceRequest>(json, Options).Should().Be(request);
        JsonSerializer.Deserialize(json, PolicyModelJsonContext.Default.AssistanceRequest).Should().Be(request);
    }

    [Fact]
    public void Lists_of_requests_and_decisions_serialise_as_arrays_of_the_published_form()
    {
        var requests = ScenarioCatalog.Find(Path.Combine("scenarios", "reference")).Take(3).Select(l => l.Load().Request).ToList();
        var decisions = requests.Select(r => Policies.Decide(r)).ToList();

        JsonSerializer.Serialize<IReadOnlyList<Decision>>(decisions, ContextOnly).Should().Be(DecisionJson.Serialize(decisions, indented: false));
        JsonSerializer.Deserialize<IReadOnlyList<AssistanceRequest>>(JsonSerializer.Serialize<IReadOnlyList<AssistanceRequest>>(requests, Options), ContextOnly)
            .Should().Equal(requests);
    }

    [Fact]
    public void AddPolicyModel_keeps_the_callers_own_types_serialisable()
    {
        var withContext = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() }.AddPolicyModel();
        var decision = Policies.Decide(AssistanceRequest.In("us-tx").ReceivedAt("2024-03-01T10:00:00-06:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.HoldPastRelease).Build());

        var json = JsonSerializer.Serialize(new Wrapper("a", decision), withContext);

        json.Should().Be($$"""{"Name":"a","Decision":{{DecisionJson.Serialize(decision, indented: false)}}}""");
        JsonSerializer.Serialize(new Wrapper("a", decision), Options).Should().Be(json);
    }

    [Fact]
    public void An_invalid_request_gives_a_JsonException_naming_the_path_and_code_not_internals()
    {
        const string json = """{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00", "requester": "ice-ero", "purpose": "deportation", "assistance": "stop-or-arrest" }""";

        var act = () => JsonSerializer.Deserialize<AssistanceRequest>(json, Options);

        var e = act.Should().Throw<JsonException>().Which;
        e.Message.Should().StartWith("Not a valid assistance request: PM")
            .And.Contain("$.purpose").And.Contain("deportation").And.NotContain(" at PolicyModel.");
        e.InnerException.Should().BeNull("the problem is the whole story; no internal exception is attached");
    }

    [Fact]
    public void A_request_nested_in_a_caller_type_reports_where_it_sits()
    {
        const string json = """{ "note": "x", "request": { "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40", "requester": "ice-ero", "purpose": "unknown", "assistance": "stop-or-arrest" } }""";

        var act = () => JsonSerializer.Deserialize<Envelope>(json, Options);

        var e = act.Should().Throw<JsonException>().Which;
        e.Path.Should().Be("$.request");
        e.Message.Should().Contain("$.receivedAt").And.Contain("offset");
    }

    [Fact]
    public void An_unknown_property_in_a_decision_is_an_error_with_its_path()
    {
        var decision = Policies.Decide(AssistanceRequest.In("us-il-chicago").ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.PerimeterOrCrowdControl).Build());
        var json = DecisionJson.Serialize(decision).Replace("\"outcome\"", "\"status\":1,\"outcome\"", StringComparison.Ordinal);

        var act = () => JsonSerializer.Deserialize(json, PolicyModelJsonContext.Default.Decision);

        act.Should().Throw<JsonException>().WithMessage("Not a valid decision: PM*$.status*");
    }

    [Fact]
    public void Vocabulary_values_are_their_kebab_case_names_also_as_dictionary_keys()
    {
        JsonSerializer.Serialize(Outcome.PoliceAction).Should().Be("\"police-action\"");
        JsonSerializer.Serialize(Obligation.SupervisorToScene, ContextOnly).Should().Be("\"supervisor-to-scene\"");
        JsonSerializer.Deserialize<Requester>("\"ice-ero\"", ContextOnly).Should().Be(Requester.IceEro);
        JsonSerializer.Serialize(new Dictionary<Outcome, int> { [Outcome.Denied] = 3 }).Should().Be("""{"denied":3}""");

        var act = () => JsonSerializer.Deserialize<Purpose>("\"civil\"", ContextOnly);
        act.Should().Throw<JsonException>().WithMessage("Not a valid purpose: `civil` is not one of `civil-immigration-enforcement`*");
    }

    [Fact]
    public void Ids_conflicts_periods_and_fact_sets_have_their_published_shapes()
    {
        JsonSerializer.Serialize(new JurisdictionId("us-il-chicago"), ContextOnly).Should().Be("\"us-il-chicago\"");
        JsonSerializer.Serialize(new RuleConflict(new RuleId("a-1"), new RuleId("b-2")), ContextOnly).Should().Be("""{"prohibiting":"a-1","other":"b-2"}""");
        JsonSerializer.Deserialize<RuleConflict>("""{"other":"b-2","prohibiting":"a-1"}""", ContextOnly).Should().Be(new RuleConflict(new RuleId("a-1"), new RuleId("b-2")));
        var period = new EffectivePeriod(new NodaTime.LocalDate(2021, 8, 2), null);
        JsonSerializer.Serialize(period, ContextOnly).Should().Be("""{"from":"2021-08-02","to":null}""");
        JsonSerializer.Deserialize<EffectivePeriod>("""{"from":"2021-08-02","to":null}""", ContextOnly).Should().Be(period);
        var facts = EnumSet<SubjectFact>.Of(SubjectFact.InCustody, SubjectFact.GangDatabase);
        JsonSerializer.Serialize(facts, Options).Should().Be("""["gang-database","in-custody"]""");
        (JsonSerializer.Deserialize<EnumSet<SubjectFact>>(JsonSerializer.Serialize(facts, Options), Options) == facts).Should().BeTrue();
        JsonSerializer.Serialize(new Problem("PM1006", "r.json", "$.purpose", 1, 2, "m"), ContextOnly)
            .Should().Be("""{"code":"PM1006","document":"r.json","path":"$.purpose","line":1,"column":2,"message":"m"}""");

        var bad = () => JsonSerializer.Deserialize<RuleId>("\"Not An Id\"", ContextOnly);
        bad.Should().Throw<JsonException>().WithMessage("Not a valid rule id: `Not An Id`*");
    }

    public sealed record Envelope(
        [property: System.Text.Json.Serialization.JsonPropertyName("note")] string Note,
        [property: System.Text.Json.Serialization.JsonPropertyName("request")] AssistanceRequest Request);

    public sealed record Wrapper(string Name, Decision Decision);
}
