using System.Text.Json;

namespace PolicyModel.Cli.Tests;

/// <summary><c>policymodel whatif</c>, and <c>decide</c> on partial requests (contract "What if, and partial requests").</summary>
public sealed class WhatIfCommandTests
{
    private const string ChicagoCivilArrest = """
        {"id":"chi-2025-01-21-0001","jurisdiction":"us-il-chicago","receivedAt":"2025-01-21T06:40:00-06:00","requester":"ice-ero",
         "purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"administrative-warrant"}
        """;

    private const string HsiArrestDocumentUnseen = """
        {"jurisdiction":"us-il-chicago","receivedAt":"2025-02-10T09:00:00-06:00","requester":"ice-hsi",
         "purpose":"criminal-immigration-enforcement","assistance":"stop-or-arrest","unknown":["authority"]}
        """;

    [Fact]
    public void Whatif_json_is_the_decision_plus_alternatives_with_changes_outcome_and_citations()
    {
        var result = CliRunner.Run(ChicagoCivilArrest, "whatif", "-", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("requestId").GetString().Should().Be("chi-2025-01-21-0001");
        root.GetProperty("outcome").GetString().Should().Be("denied");
        var alternatives = root.GetProperty("alternatives").EnumerateArray().ToList();
        alternatives.Should().OnlyContain(a => a.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "changes", "outcome", "citations" }));
        var granted = alternatives.Single(a => a.GetProperty("changes").TryGetProperty("authority", out var v) && v.GetString() == "judicial-criminal-warrant");
        granted.GetProperty("outcome").GetString().Should().Be("granted");
        granted.GetProperty("citations")[0].GetString().Should().Be("5 ILCS 805/10");
        var crime = alternatives.Single(a => a.GetProperty("changes").TryGetProperty("circumstances", out var v) && v.EnumerateArray().Select(e => e.GetString()).SequenceEqual(new[] { "crime-in-progress" }));
        crime.GetProperty("outcome").GetString().Should().Be("police-action");
        alternatives.Select(a => a.GetProperty("changes").EnumerateObject().Select(p => p.Name)).SelectMany(n => n).Should().NotContain(["jurisdiction", "receivedAt", "id"]);
    }

    [Fact]
    public void Whatif_readable_reads_aloud_and_lists_each_alternative()
    {
        var result = CliRunner.Run(ChicagoCivilArrest, "whatif", "-", "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("What if      Denied as asked (Chicago Municipal Code 2-173-020(a)(1)). It would be granted with authority judicial-criminal-warrant (5 ILCS 805/10)")
            .And.Contain("authority judicial-criminal-warrant  5 ILCS 805/10")
            .And.Contain("circumstances [crime-in-progress]");
    }

    [Fact]
    public void Vary_receivedAt_adds_the_next_date_the_outcome_changes()
    {
        const string IllinoisJail = """
            {"jurisdiction":"us-il","respondent":"jail","receivedAt":"2021-06-01T10:00:00-05:00","requester":"ice-ero",
             "purpose":"civil-immigration-enforcement","assistance":"share-release-information"}
            """;
        var result = CliRunner.Run(IllinoisJail, "whatif", "-", "--json", "--vary", "receivedAt");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var byDate = json.RootElement.GetProperty("alternatives").EnumerateArray().Single(a => a.GetProperty("changes").TryGetProperty("receivedAt", out _));
        byDate.GetProperty("changes").GetProperty("receivedAt").GetString().Should().Be("2021-08-02T00:00:00-05:00");
        byDate.GetProperty("outcome").GetString().Should().Be("denied");

        CliRunner.Run(IllinoisJail, "whatif", "-", "--vary", "jurisdiction").ExitCode.Should().Be(ExitCodes.InvalidInput);
    }

    [Fact]
    public void Whatif_of_a_partial_request_is_exit_2_naming_the_path()
    {
        var result = CliRunner.Run(HsiArrestDocumentUnseen, "whatif", "-");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("PM3002").And.Contain("$.unknown");
    }

    [Fact]
    public void Decide_prints_a_partial_decision_readable_and_as_json()
    {
        var readable = CliRunner.Run(HsiArrestDocumentUnseen, "decide", "-");
        readable.ExitCode.Should().Be(ExitCodes.Success, readable.Error);
        readable.Out.Should().Contain("DEPENDS").And.Contain("ask first about authority").And.Contain("GRANTED if authority judicial-criminal-warrant")
            .And.Contain("Explanation  Depends on authority: granted if authority is judicial-criminal-warrant");

        var result = CliRunner.Run(HsiArrestDocumentUnseen, "decide", "-", "--json");
        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var decision = DecisionJson.Parse(result.Out);
        decision.Outcome.Should().Be(Outcome.Depends);
        decision.AskFirst.Should().Be(RequestField.Authority);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("dependsOn")[0].GetProperty("when").GetProperty("authority").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("administrative-warrant", "immigration-detainer", "ncic-immigration-hit", "alien-enemies-designation");
    }

    [Fact]
    public void Decide_json_of_a_complete_request_has_no_dependsOn_or_askFirst()
    {
        var result = CliRunner.Run(ChicagoCivilArrest, "decide", "-", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.TryGetProperty("dependsOn", out _).Should().BeFalse();
        json.RootElement.TryGetProperty("askFirst", out _).Should().BeFalse();
    }
}
