using System.Text.Json;

namespace PolicyModel.Cli.Tests;

/// <summary>
/// <c>analyze --policies</c> reports on the user's own documents (their jurisdictions, from when their rules are in
/// force, findings about their rules, coverage of their rules); <c>--all</c> and the built-ins alone report everything.
/// Counts are cases, the combinations of facts the rules tell apart.
/// </summary>
public sealed class AnalyzeScopeTests
{
    /// <summary>A village under Illinois with two rules in force from 2024 that conflict, and one that never matches.</summary>
    private const string Village = """
        {"format":"policymodel/1","jurisdiction":{"id":"us-il-village","name":"Village of Test","parent":"us-il","timeZone":"America/Chicago","level":"city"},
         "sources":[{"id":"code","kind":"ordinance","title":"Village Code","citation":"Village Code"}],
         "rules":[{"id":"village-ban","source":"code","section":"1-1","period":{"from":"2024-01-01"},"binds":["police"],"when":[{"assistance":["database-access"]}],"effect":"prohibit"},
                  {"id":"village-allow","source":"code","section":"1-2","period":{"from":"2024-03-01"},"binds":["police"],"when":[{"assistance":["database-access"]},{"authority":["court-order"]}],"effect":"permit"},
                  {"id":"village-never","source":"code","section":"1-3","period":{"from":"2024-01-01"},"binds":["police"],"when":[{"assistance":["database-access"]},{"assistance":{"noneOf":["database-access"]}}],"effect":"prohibit"}]}
        """;

    [Fact]
    public void With_policies_analyze_reports_only_the_users_jurisdiction_from_when_its_rules_are_in_force_and_its_own_rules()
    {
        var result = CliRunner.Run(null, "analyze", "--policies", CliRunner.TempFile(Village), "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("range").GetProperty("from").GetString().Should().Be("2024-01-01", "the first date one of the village's rules is in force");
        root.GetProperty("scope").GetProperty("jurisdictions").EnumerateArray().Select(j => j.GetString()).Should().Equal("us-il-village");
        var report = root.GetProperty("jurisdictions").EnumerateArray().Should().ContainSingle().Subject;
        report.GetProperty("jurisdiction").GetString().Should().Be("us-il-village");
        report.GetProperty("gaps").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("periods").EnumerateArray())
            .Should().OnlyContain(p => string.CompareOrdinal(p.GetString(), "2024-01-01") >= 0, "nothing from before the village's law");
        report.GetProperty("conflicts").EnumerateArray().Select(c => (c.GetProperty("prohibiting").GetString(), c.GetProperty("other").GetString()))
            .Should().Equal(("village-ban", "village-allow"));
        report.GetProperty("unreachable").EnumerateArray().Select(u => u.GetProperty("rule").GetString()).Should().OnlyContain(r => r!.StartsWith("village-", StringComparison.Ordinal))
            .And.Contain("village-never");
    }

    [Fact]
    public void All_reports_every_jurisdiction_over_all_history_as_without_policies()
    {
        var file = CliRunner.TempFile(Village);
        using var all = JsonDocument.Parse(CliRunner.Run(null, "analyze", "--policies", file, "--all", "--json", "--only", "unreachable").Out);
        using var builtIns = JsonDocument.Parse(CliRunner.Run(null, "analyze", "--json", "--only", "unreachable").Out);

        all.RootElement.GetProperty("scope").ValueKind.Should().Be(JsonValueKind.Null);
        builtIns.RootElement.GetProperty("scope").ValueKind.Should().Be(JsonValueKind.Null);
        all.RootElement.GetProperty("range").GetProperty("from").ValueKind.Should().Be(JsonValueKind.Null);
        var ids = all.RootElement.GetProperty("jurisdictions").EnumerateArray().Select(j => j.GetProperty("jurisdiction").GetString()).ToList();
        ids.Should().Contain(["us", "us-il", "us-il-chicago", "us-il-village"]);
        ids.Should().HaveCount(builtIns.RootElement.GetProperty("jurisdictions").GetArrayLength() + 1);
    }

    [Fact]
    public void Given_dates_are_kept_and_coverage_counts_only_the_users_rules()
    {
        var scenarios = CliRunner.TempFile("""
            {"scenarios":[{"name":"database access in the village","request":{"jurisdiction":"us-il-village","receivedAt":"2024-06-01T09:00:00-05:00",
              "requester":"ice-ero","purpose":"civil-immigration-enforcement","respondent":"police","assistance":"database-access"},"expect":{"outcome":"denied"}}]}
            """);

        var result = CliRunner.Run(null, "analyze", "--policies", CliRunner.TempFile(Village), "--on", "2024-06-01", "--scenarios", scenarios, "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("range").GetProperty("from").GetString().Should().Be("2024-06-01");
        var coverage = json.RootElement.GetProperty("coverage");
        coverage.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("rule").GetString()).Should().BeEquivalentTo("village-ban", "village-allow", "village-never");
        coverage.GetProperty("exercised").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Readable_output_says_the_scope_and_counts_cases_not_requests()
    {
        var result = CliRunner.Run(null, "analyze", "--policies", CliRunner.TempFile(Village), "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var lines = result.Out.Split('\n');
        lines[0].Should().StartWith("Scope: your documents (").And.Contain("us-il-village, from 2024-01-01").And.Contain("--all");
        lines.Should().Contain(l => l.StartsWith("us-il-village (Village of Test): from 2024-01-01", StringComparison.Ordinal) && l.Contains("case(s) apart on a date", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Gaps: ", StringComparison.Ordinal) && l.Contains(" case(s) in ", StringComparison.Ordinal));
        result.Out.Should().NotContain("requests per date").And.Contain("Counts are cases, not numbers of requests.");
    }

    [Fact]
    public void Cases_per_date_multiply_the_classes_of_facts_the_rules_tell_apart_and_a_groups_cases_never_exceed_its_requests()
    {
        using var json = JsonDocument.Parse(CliRunner.Run(null, "analyze", "--jurisdiction", "us-il-chicago", "--on", "2025-01-21", "--json", "--only", "gaps").Out);
        var report = json.RootElement.GetProperty("jurisdictions")[0];
        var cases = report.GetProperty("casesPerDate").GetInt64();
        cases.Should().BePositive().And.BeLessThan(report.GetProperty("requestsPerDate").GetInt64());
        var groups = report.GetProperty("gaps").GetProperty("groups").EnumerateArray().ToList();
        groups.Should().NotBeEmpty().And.OnlyContain(g => g.GetProperty("caseCount").GetInt64() >= 1 && g.GetProperty("caseCount").GetInt64() <= g.GetProperty("requestCount").GetInt64());
        report.GetProperty("gaps").GetProperty("caseCount").GetInt64().Should().Be(groups.Sum(g => g.GetProperty("caseCount").GetInt64())).And.BeLessThan(cases);
    }
}
