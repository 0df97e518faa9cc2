using System.Text;
using System.Text.Json;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Json;

/// <summary>Contract "Decision": property names and order, kebab-case values.</summary>
public sealed class DecisionJsonTests
{
    private static readonly string[] ContractOrder =
        ["requestId", "outcome", "effectiveDate", "jurisdictionChain", "decidingRules", "citations", "obligations", "preempted", "explanation"];

    private static readonly PolicySet Set = Compile(
        Us(Rule("us-emergency", "police-action", when: [Is("circumstances", "non-empty")])),
        Define("st", "state", "us", citation: "5 ILCS",
            rules: [Rule("st-ban", "prohibit", section: "805/15(a)", obligations: ["release-when-eligible", "record-request"])],
            preemption: [Floor()]),
        County(),
        City(
            Rule("ci-supervisor", "none", binds: ["police"], obligations: ["supervisor-to-scene"]),
            Rule("ci-allow", "permit")));

    [Fact]
    public void Contract_decision_has_the_contract_properties_in_order()
    {
        var decision = Set.Decide(Request("ci", "2021-08-02T03:00:00Z").WithId("chi-1").Build());

        using var json = JsonDocument.Parse(DecisionJson.Serialize(decision));
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal(ContractOrder);
        root.GetProperty("requestId").GetString().Should().Be("chi-1");
        root.GetProperty("outcome").GetString().Should().Be("denied");
        root.GetProperty("effectiveDate").GetString().Should().Be("2021-08-01");
        Strings(root, "jurisdictionChain").Should().Equal("us", "st", "co", "ci");
        Strings(root, "decidingRules").Should().Equal("st-ban", "ci-supervisor");
        Strings(root, "citations").Should().Equal("5 ILCS 805/15(a)", "CI ci-supervisor");
        Strings(root, "obligations").Should().Equal("supervisor-to-scene", "record-request", "release-when-eligible");
        Strings(root, "preempted").Should().Equal("ci-allow");
        root.GetProperty("explanation").GetString().Should().Be(decision.Explanation).And.StartWith("Denied: 5 ILCS 805/15(a)");
    }

    [Fact]
    public void Contract_decision_enumeration_values_are_kebab_case()
    {
        var decision = Set.Decide(Request("ci").WithCircumstances(Circumstance.CrimeInProgress).Build());

        using var json = JsonDocument.Parse(DecisionJson.Serialize(decision, indented: false));

        json.RootElement.GetProperty("outcome").GetString().Should().Be("police-action");
        Strings(json.RootElement, "obligations").Should().Equal("supervisor-to-scene", "record-request");
    }

    [Fact]
    public void Contract_decision_without_an_id_has_a_null_requestId_and_empty_lists_are_written()
    {
        var set = Compile(Us());

        using var json = JsonDocument.Parse(DecisionJson.Serialize(set.Decide(Request("us").Build())));
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal(ContractOrder);
        root.GetProperty("requestId").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("outcome").GetString().Should().Be("discretionary");
        root.GetProperty("decidingRules").GetArrayLength().Should().Be(0);
        root.GetProperty("preempted").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Contract_decision_conflicts_are_an_optional_extra_property_and_the_contract_properties_keep_their_order()
    {
        var set = Compile(Us(), State(Rule("st-ban", "prohibit"), Rule("st-allow", "permit")));

        using var json = JsonDocument.Parse(DecisionJson.Serialize(set.Decide(Request("st").Build())));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        names.Where(ContractOrder.Contains).Should().Equal(ContractOrder);
        var conflict = json.RootElement.GetProperty("conflicts").EnumerateArray().Should().ContainSingle().Subject;
        conflict.GetProperty("prohibiting").GetString().Should().Be("st-ban");
        conflict.GetProperty("other").GetString().Should().Be("st-allow");
    }

    [Fact]
    public void Contract_command_line_many_decisions_are_an_array_in_request_order()
    {
        var decisions = Set.DecideAll([Request("ci").WithId("a").Build(), Request("st").WithId("b").Build()]);

        using var json = JsonDocument.Parse(DecisionJson.Serialize(decisions));

        json.RootElement.EnumerateArray().Select(d => d.GetProperty("requestId").GetString()).Should().Equal("a", "b");
    }

    [Fact]
    public void Contract_decision_written_to_a_json_writer_is_the_same_object()
    {
        var decision = Set.Decide(Request("ci").WithId("w").Build());
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            DecisionJson.Write(writer, decision);
        }

        using var written = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        using var serialised = JsonDocument.Parse(DecisionJson.Serialize(decision, indented: false));
        written.RootElement.GetRawText().Should().Be(serialised.RootElement.GetRawText());
    }

    private static IEnumerable<string?> Strings(JsonElement root, string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetString());
}
