using System.Text.Json.Nodes;
using NodaTime;
using PolicyModel.Analysis;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Model;

/// <summary>
/// Issue 12: the request schema is the one home of the request fields. These tests go over every field and every
/// value the schema lists, so a field or value added to the schema is read, written, decided, classified, explained
/// and analysed without any further edit; and the new field <c>location</c> works end to end.
/// </summary>
public sealed class RequestSchemaTests
{
    private static readonly LocalDate Day = new(2021, 8, 2);

    public static TheoryData<string> FieldNames() => [.. RequestSchema.Fields.Select(f => f.JsonName)];

    [Fact]
    public void The_schema_holds_every_request_field_once_with_its_vocabulary()
    {
        RequestSchema.Fields.Select(f => f.Field).Should().BeEquivalentTo(Enum.GetValues<RequestField>());
        RequestSchema.Fields.Select(f => f.Position).Should().Equal(Enumerable.Range(0, RequestSchema.Fields.Count));
        RequestSchema.JsonOrder.Should().HaveCount(RequestSchema.Fields.Count);
        RequestSchema.DisplayOrder.Should().BeEquivalentTo(RequestSchema.Fields);
        foreach (var field in RequestSchema.Fields)
        {
            RequestSchema.Of(field.Field).Should().BeSameAs(field);
            RequestSchema.TryFind(field.JsonName, out var found).Should().BeTrue();
            found.Should().BeSameAs(field);
            field.ValueNames.Should().OnlyHaveUniqueItems().And.HaveCount(Enum.GetValues(field.ValueType).Length);
            field.Size.Should().BeLessThanOrEqualTo(field.IsSet ? RequestSchema.MaxSetValues : RequestSchema.MaxValues);
        }

        RequestSchema.Of(RequestField.Location).ValueNames.Should().Equal("courthouse", "school", "health-facility", "place-of-worship", "government-property", "other");
        RequestSchema.Of(RequestField.Location).ValueNames[(int)RequestSchema.Of(RequestField.Location).Default].Should().Be("other");
        RequestSchema.RequestsPerDate.Should().Be(4L * 11 * 6 * 16 * 8 * 16 * 128 * 6);
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void A_rule_keyed_on_any_value_of_any_field_is_read_decided_classified_explained_and_analysed(string name)
    {
        RequestSchema.TryFind(name, out var field).Should().BeTrue();
        for (var value = 0; value < field!.Size; value++)
        {
            if (field.Field == RequestField.Purpose && field.ValueNames[value] == "unknown")
            {
                continue; // a request of unknown purpose is decided by trying the purposes it could have (docs/semantics.md)
            }

            var valueName = field.ValueNames[value];
            var condition = field.IsSet ? Test(name, "anyOf", valueName) : When(name, valueName);
            var set = Compile(Us(), State(Rule("st-all", "permit"), Rule("st-ban", "prohibit", when: [condition])));

            var matching = WithValue(Base(), field, field.IsSet ? 1UL << value : (ulong)value);
            var other = WithValue(Base(), field, field.IsSet ? 0 : (ulong)(value == 0 ? 1 : 0));

            // Requests go through the JSON reader and writer, which loop over the schema too.
            var decided = set.Decide(RequestJson.Parse(RequestJson.Serialize(matching)));
            decided.Outcome.Should().Be(Outcome.Denied, "{0} is {1}", name, valueName);
            if (field.Field == RequestField.SubjectFacts)
            {
                // Facts about the person's status are never restated in a decision record; the rule is named instead.
                decided.Explanation.Should().NotContain(field.Phrase(field.ValueOf(matching))).And.Contain("are met");
            }
            else
            {
                decided.Explanation.Should().Contain(field.Phrase(field.ValueOf(matching)));
            }
            set.Decide(RequestJson.Parse(RequestJson.Serialize(other))).Outcome.Should().Be(Outcome.Granted);
            set.DecideReference(matching).Should().Be(set.Decide(matching));

            // The decision tables put the value (for a set field: the lists holding it) in a class apart.
            var classes = set.TablesOf("st")!.Classes[field.Position];
            classes.ClassOf[(int)field.ValueOf(matching)].Should().NotBe(classes.ClassOf[(int)field.ValueOf(other)]);

            // The analysis names the field in the groups it reports.
            var diff = PolicyAnalyzer.Diff(Compile(Us(), State(Rule("st-all", "permit"))), set, "st", Day);
            var group = diff.Outcomes.Should().ContainSingle(o => o.After == Outcome.Denied).Subject.Groups.Should().ContainSingle().Subject;
            group.IsAny(field.Field).Should().BeFalse();
            group.Contains(matching).Should().BeTrue();
            group.Contains(other).Should().BeFalse();
            group.Describe().Should().StartWith(name + " ").And.Contain(valueName);
        }
    }

    [Fact]
    public void A_rule_keyed_on_courthouse_decides_requests_with_and_without_the_location()
    {
        var set = Compile(Us(), State(
            Rule("st-all", "permit"),
            Rule("st-courthouse", "prohibit", when: [When("purpose", "civil-immigration-enforcement"), When("location", "courthouse")])));

        var atCourthouse = RequestJson.Parse("""
            {"jurisdiction": "st", "receivedAt": "2025-12-10T09:00:00-06:00", "requester": "ice-ero",
             "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest", "location": "courthouse"}
            """);
        var withoutLocation = RequestJson.Parse("""
            {"jurisdiction": "st", "receivedAt": "2025-12-10T09:00:00-06:00", "requester": "ice-ero",
             "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest"}
            """);

        atCourthouse.Location.Should().Be(Location.Courthouse);
        withoutLocation.Location.Should().Be(Location.Other);
        var denied = set.Decide(atCourthouse);
        denied.Outcome.Should().Be(Outcome.Denied);
        denied.DecidingRules.Should().StartWith(new RuleId("st-courthouse"));
        denied.Explanation.Should().Contain("at a courthouse");
        set.Decide(withoutLocation).Outcome.Should().Be(Outcome.Granted);
        set.Decide(Request("st").AtLocation(Location.School).Build()).Outcome.Should().Be(Outcome.Granted);
        set.Decide(Request("st").AtLocation(Location.Courthouse).Build()).Outcome.Should().Be(Outcome.Denied);
        RequestJson.Serialize(withoutLocation).Should().NotContain("location", "a request without the field is written as before");
        RequestJson.Serialize(atCourthouse).Should().Contain("\"location\":\"courthouse\"");
    }

    [Fact]
    public void A_location_condition_round_trips_through_the_document_writer()
    {
        var document = Parse(State(Rule("st-courthouse", "prohibit", when: [Test("location", "noneOf", "other", "school")])));

        var written = JsonNode.Parse(PolicyDocumentJson.Serialize(document))!;

        written["rules"]![0]!["when"]![0]!.ToJsonString().Should().Be("""{"location":{"noneOf":["school","other"]}}""");
        document.Rules[0].When.Should().ContainSingle().Which.Should().Be(
            new FieldCondition(RequestField.Location, FieldTest.NoneOf, (1UL << (int)Location.School) | (1UL << (int)Location.Other)));
    }

    [Fact]
    public void An_unknown_location_is_refused_with_the_vocabulary()
    {
        var act = () => RequestJson.Parse("""
            {"jurisdiction": "st", "receivedAt": "2025-12-10T09:00:00-06:00", "requester": "ice-ero",
             "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest", "location": "court"}
            """);

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.UnknownValue);
        problem.Path.Should().Be("$.location");
        problem.Message.Should().Contain("`court` is not a valid `location` value").And.Contain("`place-of-worship`");

        var set = Compile(Us(), State(Rule("st-all", "permit")));
        set.TryDecide(Request("st").Build() with { Location = (Location)6 }, out _, out var invalid).Should().BeFalse();
        invalid!.Path.Should().Be("$.location");
    }

    [Fact]
    public void Gap_analysis_and_diff_report_the_requests_a_location_rule_leaves_or_changes()
    {
        var before = Compile(Us(), State(Rule("st-most", "permit", when: [Test("location", "noneOf", "courthouse")])));
        var after = Compile(Us(), State(
            Rule("st-most", "permit", when: [Test("location", "noneOf", "courthouse")]),
            Rule("st-courthouse", "prohibit", when: [When("location", "courthouse")], from: "2025-12-09")));

        var gap = new PolicyAnalyzer(before).Gaps("st", Day).Groups.Should().ContainSingle().Subject;
        gap.Describe().Should().Be("location courthouse");
        gap.Locations.Should().Equal(Location.Courthouse);
        gap.RequestCount.Should().Be(RequestSchema.RequestsPerDate / 6);

        var diff = new PolicyAnalyzer(after).Diff("st", new LocalDate(2025, 12, 8), new LocalDate(2025, 12, 9));
        var change = diff.Outcomes.Should().ContainSingle().Subject;
        (change.Before, change.After).Should().Be((Outcome.Discretionary, Outcome.Denied));
        change.Groups.Should().ContainSingle().Which.Describe().Should().Be("location courthouse");
    }

    private static AssistanceRequest Base() => Request("st", "2021-08-02T12:00:00-05:00").From(Requester.LocalPolice).Build();

    private static AssistanceRequest WithValue(AssistanceRequest request, RequestFieldInfo field, ulong value)
    {
        Span<ulong> values = stackalloc ulong[RequestSchema.Fields.Count];
        foreach (var f in RequestSchema.Fields)
        {
            values[f.Position] = f.ValueOf(request);
        }

        values[field.Position] = value;
        return RequestSchema.Create(request.Jurisdiction, request.ReceivedAt, values);
    }
}
