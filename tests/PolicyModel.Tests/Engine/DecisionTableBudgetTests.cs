using NodaTime;

namespace PolicyModel.Tests.Engine;

/// <summary>
/// Decision tables are made per period on first use. With many periods of many classes they used to grow without
/// bound (601 periods of 540,672 classes took 2.5 GB); now one jurisdiction holds at most
/// <see cref="PolicyModel.Engine.DecisionTables.MaxLiveCells"/> cells and evicts the oldest table past it.
/// </summary>
public sealed class DecisionTableBudgetTests
{
    private static PolicySet ManyPeriodsOfManyClasses()
    {
        // Every subject-fact bit, circumstance bit and assistance value tested: 131,072 classes per period, so 32
        // periods' tables fill the budget; one rule per year from 2001 to 2040 makes 41 periods.
        string Rule(int i, string when, string period = """{ "from": "2000-01-01" }""") =>
            $$"""{ "id": "r{{i}}", "source": "code", "section": "{{i}}", "period": {{period}}, "binds": ["police"], "effect": "permit", "when": [ {{when}} ] }""";
        var rules = new List<string>();
        rules.AddRange(ContractNames<SubjectFact>.Names.Select(n => Rule(rules.Count, $$"""{ "subjectFacts": { "anyOf": ["{{n}}"] } }""")));
        rules.AddRange(ContractNames<Circumstance>.Names.Select(n => Rule(rules.Count, $$"""{ "circumstances": { "anyOf": ["{{n}}"] } }""")));
        rules.AddRange(ContractNames<AssistanceKind>.Names.Select(n => Rule(rules.Count, $$"""{ "assistance": ["{{n}}"] }""")));
        rules.AddRange(Enumerable.Range(2001, 40).Select(y => Rule(rules.Count, """{ "assistance": ["stop-or-arrest"] }""", $$"""{ "from": "{{y}}-01-01" }""")));
        var json = $$"""
            { "format": "policymodel/1",
              "jurisdiction": { "id": "zz", "name": "zz", "timeZone": "UTC", "level": "state" },
              "sources": [ { "id": "code", "kind": "statute", "title": "Code", "citation": "C" } ],
              "rules": [ {{string.Join(",\n", rules)}} ] }
            """;
        return PolicySet.Compile([PolicyDocument.Parse(json, "zz.json")]);
    }

    private static AssistanceRequest On(int year) => AssistanceRequest.In("zz")
        .ReceivedAt(new LocalDateTime(year, 6, 1, 12, 0).WithOffset(Offset.Zero))
        .From(Requester.LocalPolice)
        .ForPurpose(Purpose.CriminalInvestigation)
        .AskingFor(AssistanceKind.StopOrArrest)
        .Build();

    [Fact]
    public void Tables_of_many_periods_of_many_classes_stay_within_the_cell_budget_and_decide_as_the_reference()
    {
        var set = ManyPeriodsOfManyClasses();
        var tables = set.TablesOf(new JurisdictionId("zz"))!;
        tables.CellsPerSegment.Should().Be(131_072);
        tables.SegmentCount.Should().BeGreaterThan(tables.MaxLiveTables);

        foreach (var year in Enumerable.Range(2000, 41).Concat([2000, 2040, 2020]))
        {
            set.Decide(On(year)).Should().Be(set.DecideReference(On(year)));
            ((long)tables.LiveTableCount * tables.CellsPerSegment).Should().BeLessThanOrEqualTo(PolicyModel.Engine.DecisionTables.MaxLiveCells);
        }
    }
}
