using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Records;

/// <summary>The policy set's digest, the decision's optional stamps, and decision records as JSON lines.</summary>
public sealed class DigestAndRecordTests
{
    private static JsonObject[] Documents(string effect = "prohibit") =>
        [Us(), State(Rule("st-ban", effect, when: [When("assistance", "stop-or-arrest")], from: "2020-01-01")), County(), City()];

    private static PolicySet Parse(JsonObject[] documents, bool indented, string prefix = "") =>
        PolicySet.Parse(documents.Select((d, i) => ($"{prefix}doc{i}.json", d.ToJsonString(new JsonSerializerOptions { WriteIndented = indented }))));

    [Fact]
    public void Digest_is_sha256_of_the_content_whatever_the_formatting_or_file_names()
    {
        var compact = Parse(Documents(), indented: false);
        var indented = Parse(Documents(), indented: true, prefix: "other-");

        compact.Digest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        indented.Digest.Should().Be(compact.Digest);
    }

    [Fact]
    public void Digest_changes_with_any_change_of_content()
    {
        Parse(Documents("permit"), indented: false).Digest.Should().NotBe(Parse(Documents(), indented: false).Digest);
    }

    [Fact]
    public void Decision_json_writes_the_stamps_only_when_present_and_reads_them_back()
    {
        var set = Parse(Documents(), indented: false);
        var decision = set.Decide(Request("ci").Build());
        DecisionJson.Serialize(decision).Should().NotContain("policyDigest").And.NotContain("lawCurrentTo");

        var stamped = decision with { PolicyDigest = set.Digest, LawCurrentTo = new LocalDate(2026, 12, 6) };
        var json = DecisionJson.Serialize(stamped, indented: false);

        json.Should().Contain($"\"policyDigest\":\"{set.Digest}\"").And.Contain("\"lawCurrentTo\":\"2026-12-06\"");
        DecisionJson.Parse(json).Should().Be(stamped);
        DecisionJson.Parse(json).Should().NotBe(decision, "the stamps are part of the decision's value");
    }

    [Fact]
    public void Record_round_trips_as_one_line_of_json()
    {
        var set = Parse(Documents(), indented: false);
        var request = Request("ci").Build() with { Id = "case-1" };
        var record = DecisionRecord.Of(set, request, set.Decide(request), new FixedClock(NodaTime.Instant.FromUtc(2026, 12, 6, 4, 0, 30)));

        var line = DecisionRecordJson.Serialize(record);

        line.Should().NotContain("\n");
        line.Should().StartWith("{\"decidedAt\":\"2026-12-06T04:00:30Z\",\"engineVersion\":");
        var back = DecisionRecordJson.Parse(line);
        back.Decision.Should().Be(record.Decision);
        back.Request.Should().BeEquivalentTo(record.Request);
        back.PolicyDigest.Should().Be(set.Digest);
        back.DecidedAt.Should().Be(record.DecidedAt);
        back.EngineVersion.Should().Be(DecisionRecord.CurrentEngineVersion).And.NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Record_of_a_partial_decision_round_trips_with_its_dependsOn_over_a_set_field()
    {
        var set = Parse(Documents(), indented: false);
        var request = Request("ci").NotKnowing(RequestField.Assistance, RequestField.Circumstances).Build();
        var decision = set.Decide(request);
        decision.Outcome.Should().Be(Outcome.Depends);
        var record = DecisionRecord.Of(set, request, decision, new FixedClock(NodaTime.Instant.FromUtc(2026, 12, 6, 4, 0, 30)));

        var back = DecisionRecordJson.Parse(DecisionRecordJson.Serialize(record));

        back.Decision.Should().Be(decision);
        back.Decision.DependsOn.Should().OnlyContain(e => e.When.ContainsKey(RequestField.Circumstances), "each entry names every unknown field, a set field's values as whole arrays");
        back.Request.Unknown.Should().Equal(RequestField.Assistance, RequestField.Circumstances);
    }

    [Fact]
    public void Record_reader_is_strict_and_names_every_problem()
    {
        var act = () => DecisionRecordJson.Parse("""{ "decidedAt": "yesterday", "immigrationStatus": "x", "request": {} }""", "log.jsonl");

        var problems = act.Should().Throw<InvalidRequestException>().Which.Problems;
        problems.Select(p => (p.Code, p.Path)).Should().Contain([
            (ProblemCodes.InvalidDateTime, "$.decidedAt"),
            (ProblemCodes.UnknownProperty, "$.immigrationStatus"),
            (ProblemCodes.MissingField, "$"),
            (ProblemCodes.MissingField, "$.request"),
        ]);
        problems.Should().OnlyContain(p => !p.Message.Contains("\"x\"", StringComparison.Ordinal));
    }

    private sealed class FixedClock(NodaTime.Instant now) : IClock
    {
        public NodaTime.Instant GetCurrentInstant() => now;
    }
}
