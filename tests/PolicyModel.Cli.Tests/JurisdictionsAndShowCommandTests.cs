using System.Text.Json;

namespace PolicyModel.Cli.Tests;

/// <summary><c>policymodel jurisdictions</c> and <c>policymodel show</c>: what is built in, and the rules in force on a date.</summary>
public sealed class JurisdictionsAndShowCommandTests
{
    private const string Village = """
        {"format":"policymodel/1","jurisdiction":{"id":"us-il-village","name":"Village\u001b[32m of Test","parent":"us-il","timeZone":"America/Chicago","level":"city"},
         "sources":[{"id":"code","kind":"ordinance","title":"Village Code","citation":"Village Code"}],
         "rules":[{"id":"village-ban","source":"code","section":"1-1","period":{"from":"2024-01-01"},"binds":["police"],
                   "when":[{"assistance":["database-access"]}],"effect":"prohibit"}]}
        """;

    [Fact]
    public void Jurisdictions_json_lists_every_built_in_with_parent_zone_stance_rules_and_law_date()
    {
        var result = CliRunner.Run(null, "jurisdictions", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var byId = json.RootElement.EnumerateArray().ToDictionary(j => j.GetProperty("id").GetString()!);
        byId.Keys.Should().Contain(["us", "us-il", "us-il-cook", "us-il-chicago", "us-tx", "us-fl", "us-ca"]);
        byId["us-il-chicago"].GetProperty("parent").GetString().Should().Be("us-il-cook");
        byId["us-il-chicago"].GetProperty("timeZone").GetString().Should().Be("America/Chicago");
        byId["us-il"].GetProperty("stance").GetString().Should().Be("floor");
        byId["us-tx"].GetProperty("stance").GetString().Should().Be("mandate");
        byId["us-il-cook"].GetProperty("stance").GetString().Should().Be("none");
        byId["us"].GetProperty("parent").ValueKind.Should().Be(JsonValueKind.Null);
        byId["us-tx"].GetProperty("rules").GetInt32().Should().Be(8);
        byId.Values.Should().OnlyContain(j => j.GetProperty("lawCurrentTo").GetString() == "2026-12-06");
    }

    [Fact]
    public void Jurisdictions_with_a_user_document_lists_it_with_its_chains_law_date_and_escapes_its_name()
    {
        var result = CliRunner.Run(null, "jurisdictions", "--policies", CliRunner.TempFile(Village), "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var line = result.Out.Split('\n').Single(l => l.StartsWith("us-il-village", StringComparison.Ordinal));
        // The village's document states no date; its chain is known to the earliest date its documents state (Illinois's).
        line.Should().Contain(@"Village\u001b[32m of Test").And.Contain("2026-12-06").And.NotContain("\u001b");
    }

    [Fact]
    public void Show_on_a_date_lists_only_the_rules_in_force_that_day_outermost_first()
    {
        var before = CliRunner.Run(null, "show", "us-tx", "--on", "2025-12-31", "--json");
        var after = CliRunner.Run(null, "show", "us-tx", "--on", "2026-01-01", "--json");

        after.ExitCode.Should().Be(ExitCodes.Success, after.Error);
        Ids(before.Out).Should().NotContain("tx-753-051");
        using var json = JsonDocument.Parse(after.Out);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Contain("tx-753-051").And.StartWith("us-criminal-process");
        var sb8 = rules.Single(r => r.GetProperty("id").GetString() == "tx-753-051");
        sb8.GetProperty("citation").GetString().Should().Be("Tex. Gov't Code 753.051(a)");
        sb8.GetProperty("binds").EnumerateArray().Select(b => b.GetString()).Should().Equal("sheriff", "jail");
        sb8.GetProperty("effect").GetString().Should().Be("require");
        sb8.GetProperty("confidence").GetString().Should().Be("verified");
        sb8.GetProperty("period").GetProperty("from").GetString().Should().Be("2026-01-01");
    }

    [Fact]
    public void Show_cites_a_renumbered_provision_as_printed_on_the_date_and_every_numbering_without_one()
    {
        var on2024 = CliRunner.Run(null, "show", "us-tx", "--on", "2024-06-01", "--width", "0");
        var history = CliRunner.Run(null, "show", "us-tx", "--width", "0");

        on2024.Out.Should().Contain("Tex. Code Crim. Proc. art. 2.251").And.NotContain("2A.060");
        history.Out.Should().Contain("Tex. Code Crim. Proc. art. 2.251; from 2025-01-01 Tex. Code Crim. Proc. art. 2A.060");
    }

    [Fact]
    public void Show_Chicago_includes_the_department_layer_and_the_presumption()
    {
        var result = CliRunner.Run(null, "show", "us-il-chicago", "--on", "2025-01-21", "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("cpd-supervisor").And.Contain("cpd-presume-civil").And.Contain("chi-020-a1")
            .And.NotContain("chi-042-a", "2-173-042 ended on 2021-01-27");
    }

    [Fact]
    public void Show_after_the_law_date_says_later_changes_are_not_reflected()
    {
        CliRunner.Run(null, "show", "us-il", "--on", "2027-01-01", "--width", "0").Out.Should().Contain("later changes, if any, are not reflected");
    }

    [Theory]
    [InlineData("us-zz")]
    [InlineData("US IL")]
    public void Show_of_an_unknown_jurisdiction_exits_2_naming_the_known_ones(string jurisdiction)
    {
        var result = CliRunner.Run(null, "show", jurisdiction);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("is not a jurisdiction of the policies").And.Contain("`us-il-chicago`");
    }

    [Fact]
    public void Show_with_a_malformed_date_exits_2()
    {
        var result = CliRunner.Run(null, "show", "us-il", "--on", "2025-13-01");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("--on").And.Contain("not a date");
    }

    private static IEnumerable<string?> Ids(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())];
    }
}
