using System.Text.Json.Nodes;
using NodaTime;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>
/// <c>lawCurrentTo</c>: the date to which a document's law is known. Later requests are still decided, by the last known
/// law, and the explanation says that nothing later is known (docs/policy-format.md, "Top level").
/// </summary>
public sealed class LawCurrentToTests
{
    private static JsonObject CurrentTo(JsonObject document, string date)
    {
        document["lawCurrentTo"] = date;
        return document;
    }

    private static PolicySet Set(string? usDate, string? stateDate, string? cityDate = null)
    {
        JsonObject Dated(JsonObject d, string? date) => date is null ? d : CurrentTo(d, date);
        return Compile(
            Dated(Us(), usDate),
            Dated(State(Rule("st-ban", "prohibit", when: [When("assistance", "stop-or-arrest")], from: "2020-01-01")), stateDate),
            County(),
            Dated(City(), cityDate));
    }

    private static AssistanceRequest Arrest(string jurisdiction, string receivedAt) =>
        Request(jurisdiction, receivedAt).AskingFor(AssistanceKind.StopOrArrest).Build();

    [Fact]
    public void Document_reads_lawCurrentTo_as_a_local_date()
    {
        PolicyDocument.TryParse(CurrentTo(Us(), "2026-12-06").ToJsonString(), "us.json", out var parsed, out var problems);

        problems.Should().BeEmpty();
        parsed!.LawCurrentTo.Should().Be(new LocalDate(2026, 12, 6));
    }

    [Fact]
    public void Document_with_an_invalid_lawCurrentTo_is_a_problem_with_its_path()
    {
        PolicyDocument.TryParse(CurrentTo(Us(), "2026-13-01").ToJsonString(), "us.json", out _, out var problems);

        problems.Should().ContainSingle().Which.Path.Should().Be("$.lawCurrentTo");
    }

    [Fact]
    public void Jurisdiction_is_current_to_the_earliest_date_of_its_chain_and_the_set_to_the_earliest_of_all()
    {
        var set = Set("2026-12-06", "2026-06-30", "2026-09-01");

        set.Jurisdictions.Single(j => j.Id == "us").LawCurrentTo.Should().Be(new LocalDate(2026, 12, 6));
        set.Jurisdictions.Single(j => j.Id == "st").LawCurrentTo.Should().Be(new LocalDate(2026, 6, 30));
        set.Jurisdictions.Single(j => j.Id == "co").LawCurrentTo.Should().Be(new LocalDate(2026, 6, 30), "the county states none; its state does");
        set.Jurisdictions.Single(j => j.Id == "ci").LawCurrentTo.Should().Be(new LocalDate(2026, 6, 30));
        set.LawCurrentTo.Should().Be(new LocalDate(2026, 6, 30));
    }

    [Fact]
    public void Set_without_any_lawCurrentTo_states_none_and_explains_nothing_about_it()
    {
        var set = Set(null, null);

        set.LawCurrentTo.Should().BeNull();
        set.Decide(Arrest("st", "2099-01-01T12:00:00Z")).Explanation.Should().NotContain("known only");
    }

    [Fact]
    public void Request_on_the_last_known_local_day_has_no_note_and_the_next_local_day_has_one()
    {
        var set = Set("2026-12-06", "2026-12-06");

        // 2026-12-07T05:59Z is still 2026-12-06 in Chicago (UTC-6 in winter); 06:00Z is local midnight of the 7th.
        var lastDay = set.Decide(Arrest("st", "2026-12-07T05:59:00Z"));
        var nextDay = set.Decide(Arrest("st", "2026-12-07T06:00:00Z"));

        lastDay.Outcome.Should().Be(Outcome.Denied);
        lastDay.Explanation.Should().NotContain("known only");
        nextDay.Outcome.Should().Be(Outcome.Denied, "a later request is still decided by the last known law");
        nextDay.Explanation.Should().EndWith("law is known only to 2026-12-06: later changes, if any, are not reflected.");
    }

    [Fact]
    public void Note_holds_for_the_compiled_tables_and_the_reference_evaluator_alike()
    {
        var set = Set("2026-12-06", "2026-12-06");
        set.Precompute();

        var compiled = set.Decide(Arrest("st", "2030-05-01T12:00:00Z"));
        var discretionary = set.Decide(Request("st", "2030-05-01T12:00:00Z").AskingFor(AssistanceKind.UseOfFacilities).Build());

        compiled.Explanation.Should().Contain("known only to 2026-12-06");
        discretionary.Outcome.Should().Be(Outcome.Discretionary);
        discretionary.Explanation.Should().Contain("known only to 2026-12-06");
    }
}
