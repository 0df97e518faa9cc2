using System.Text.Json;

namespace PolicyModel.Cli.Tests;

/// <summary>Issue 7: <c>policymodel analyze</c> and <c>policymodel diff</c>.</summary>
public sealed class AnalyzeDiffCommandTests
{
    private const string Us = """
        {"format":"policymodel/1","jurisdiction":{"id":"us","name":"US","timeZone":"UTC","level":"federal"},
         "sources":[{"id":"code","kind":"statute","title":"US code","citation":"US"}],"rules":[]}
        """;

    [Fact]
    public void Diff_of_us_il_across_the_Way_Forward_Act_shows_what_it_changed()
    {
        var result = CliRunner.Run(null, "diff", "--jurisdiction", "us-il", "--from", "2021-08-01", "--to", "2021-08-02", "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Error.Should().BeEmpty();
        var lines = result.Out.Split('\n');
        lines[0].Should().StartWith("us-il (State of Illinois").And.Contain("decisions differ between 2021-08-01 and 2021-08-02");
        result.Out.Should().Contain("Outcome changes").And.Contain("Citations, obligations and preemption gained (+) or lost (-)");

        // 805/15(h): civil requests for the listed kinds of help, undecided before, are now denied.
        lines.Should().Contain(l => l.StartsWith("DISCRETIONARY  DENIED", StringComparison.Ordinal) && l.Contains("purpose civil-immigration-enforcement", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("+5 ILCS 805/15(h) ", StringComparison.Ordinal)
            && l.Contains("assistance any except stop-or-arrest, share-immigration-status, inquire-immigration-status, enter-287g-agreement, detention-contract, adopt-limiting-policy", StringComparison.Ordinal));

        // 805/15(e): status questions are denied, except consular notification; 805/15(g)(2): detention contracts are referred;
        // 805/15(i): criminal cooperation is cited; 805/25: requests are recorded; 805/5 no longer covers release information.
        lines.Should().Contain(l => l.StartsWith("+5 ILCS 805/15(e) ", StringComparison.Ordinal) && l.Contains("assistance inquire-immigration-status", StringComparison.Ordinal)
            && l.Contains("subjectFacts no foreign-national-arrested", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("+5 ILCS 805/15(e) (consular notification)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("+5 ILCS 805/15(g)(2) ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("assistance detention-contract", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("+5 ILCS 805/15(i) ", StringComparison.Ordinal)
            && l.Contains("purpose criminal-immigration-enforcement, criminal-investigation; assistance on-scene-support, joint-criminal-investigation", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("+5 ILCS 805/25 ", StringComparison.Ordinal) && l.Contains("requester ice-ero, ice-hsi, cbp, other-dhs", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("-5 ILCS 805/5 ", StringComparison.Ordinal) && l.Contains("share-release-information", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("+record-request ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("DISCRETIONARY  REFER", StringComparison.Ordinal) && l.Contains("assistance detention-contract", StringComparison.Ordinal));
        lines.Length.Should().BeLessThan(40, "a change affecting millions of requests prints as a few lines");
    }

    [Fact]
    public void Diff_json_lists_outcome_changes_items_and_exact_changes()
    {
        var result = CliRunner.Run(null, "diff", "--jurisdiction", "us-il", "--from", "2021-08-01", "--to", "2021-08-02", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("jurisdiction").GetString().Should().Be("us-il");
        root.GetProperty("before").GetString().Should().Be("2021-08-01");
        root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("change").GetString()).Should().Contain(
            ["+5 ILCS 805/15(h)", "+5 ILCS 805/15(e)", "+5 ILCS 805/15(e) (consular notification)", "+5 ILCS 805/15(g)(2)", "+5 ILCS 805/15(i)", "+5 ILCS 805/25", "-5 ILCS 805/5", "+record-request"]);
        var denied = root.GetProperty("outcomes").EnumerateArray()
            .Single(o => o.GetProperty("before").GetString() == "discretionary" && o.GetProperty("after").GetString() == "denied");
        var purposes = denied.GetProperty("groups").EnumerateArray()
            .Select(g => g.TryGetProperty("purpose", out var purpose) ? string.Join(",", purpose.EnumerateArray().Select(p => p.GetString())) : "any")
            .ToList();
        purposes.Should().Contain("civil-immigration-enforcement");
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        changes.Sum(c => c.GetProperty("requestCount").GetInt64()).Should().Be(root.GetProperty("requestCount").GetInt64());
        changes.Should().Contain(c => c.GetProperty("citationsAdded").EnumerateArray().Any(x => x.GetString() == "5 ILCS 805/15(h)")
            && c.GetProperty("before").GetString() == "discretionary" && c.GetProperty("after").GetString() == "denied");
    }

    [Fact]
    public void Diff_of_Chicago_across_the_2021_amendment_shows_the_new_prohibitions_and_the_end_of_the_carve_outs()
    {
        var result = CliRunner.Run(null, "diff", "--jurisdiction", "us-il-chicago", "--from", "2021-01-26", "--to", "2021-01-27");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("+Chicago Municipal Code 2-173-020(a)(6)")
            .And.Contain("+Chicago Municipal Code 2-173-020(a)(1)")
            .And.Contain("+Chicago Municipal Code 2-173-030(a)(1)")
            .And.Contain("-Chicago Municipal Code 2-173-042(a)")
            .And.Contain("-Chicago Municipal Code 2-173-042(c)");
        result.Out.Split('\n').Should().Contain(l => l.StartsWith("DISCRETIONARY  DENIED", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_with_detail_lists_every_exact_change()
    {
        var result = CliRunner.Run(null, "diff", "--jurisdiction", "us-il", "--from", "2021-08-01", "--to", "2021-08-02", "--detail", "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("Every change (").And.Contain("discretionary -> denied; +5 ILCS 805/15(h); +5 ILCS 805/25; +record-request");
    }

    [Fact]
    public void Diff_between_two_dates_with_nothing_in_between_says_so()
    {
        var result = CliRunner.Run(null, "diff", "--jurisdiction", "us-tx", "--from", "2018-01-01", "--to", "2024-12-31");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("us-tx (").And.Contain("no decision differs between 2018-01-01 and 2024-12-31");
    }

    [Fact]
    public void Diff_of_two_versions_of_the_documents()
    {
        var oldDir = Folder(("us.json", Us), ("st.json", State("""[{"id":"st-ban","source":"code","section":"1","binds":["police"],"when":[{"assistance":["transfer-custody"]}],"effect":"prohibit"}]""")));
        var newDir = Folder(("us.json", Us), ("st.json", State("""[{"id":"st-ban","source":"code","section":"1","binds":["police"],"when":[{"assistance":["transfer-custody","transport-detainee"]}],"effect":"prohibit"}]""")));

        var result = CliRunner.Run(null, "diff", "--no-builtins", "--old", oldDir, "--new", newDir, "--jurisdiction", "st", "--on", "2024-05-01", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var change = json.RootElement.GetProperty("changes").EnumerateArray().Should().ContainSingle().Subject;
        change.GetProperty("before").GetString().Should().Be("discretionary");
        change.GetProperty("after").GetString().Should().Be("denied");
        change.GetProperty("citationsAdded").EnumerateArray().Select(c => c.GetString()).Should().Equal("ST 1");
        var group = change.GetProperty("groups").EnumerateArray().Should().ContainSingle().Subject;
        group.GetProperty("description").GetString().Should().Be("assistance transport-detainee; respondent police");

        var readable = CliRunner.Run(null, "diff", "--no-builtins", "--old", oldDir, "--new", newDir);
        readable.ExitCode.Should().Be(ExitCodes.Success, readable.Error);
        readable.Out.Should().Contain("st (State st): decisions differ between the old policies and the new policies (all history)")
            .And.Contain("No decision changes in us.");
    }

    [Theory]
    [InlineData("diff", "--jurisdiction", "us-il", "--from", "2021-13-01", "--to", "2021-08-02", "--from: `2021-13-01` is not a date; expected YYYY-MM-DD")]
    [InlineData("diff", "--jurisdiction", "us-il", "--from", "2021-08-01", "", "", "give the two dates to compare with --from <date> --to <date>")]
    [InlineData("diff", "--jurisdiction", "nowhere", "--from", "2021-08-01", "--to", "2021-08-02", "--jurisdiction: `nowhere` is not a jurisdiction of the policies")]
    [InlineData("diff", "--from", "2021-08-01", "--to", "2021-08-02", "--on", "2021-08-02", "--on is for --old/--new")]
    [InlineData("analyze", "--on", "2021-08-02", "--from", "2021-08-01", "", "", "give either --on <date> or --from/--to, not both")]
    [InlineData("analyze", "--from", "2021-08-02", "--to", "2021-08-01", "", "", "--to 2021-08-01 is before --from 2021-08-02")]
    [InlineData("analyze", "--on", "yesterday", "", "", "", "", "--on: `yesterday` is not a date")]
    [InlineData("analyze", "--only", "gaps", "--only", "typos", "", "", "--only: `typos` is not a section")]
    [InlineData("analyze", "--jurisdiction", "US-IL", "", "", "", "", "`US-IL` is not a jurisdiction of the policies; expected one of `us`,")]
    public void Invalid_options_exit_2_with_a_clear_error_and_nothing_on_standard_output(string command, string a, string b, string c, string d, string e, string f, string error)
    {
        var args = new[] { command, a, b, c, d, e, f }.Where(x => x.Length > 0).ToArray();

        var result = CliRunner.Run(null, args);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("error: ").And.Contain(error);
    }

    [Fact]
    public void Diff_of_versions_needs_both_old_and_new()
    {
        var result = CliRunner.Run(null, "diff", "--old", Folder(("us.json", Us)));

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("both --old <paths> and --new <paths>");
    }

    [Fact]
    public void Analyze_Chicago_reports_no_conflict_no_unreachable_rule_and_the_preemption_of_the_consent_rule_by_805_15_e()
    {
        var result = CliRunner.Run(null, "analyze", "--jurisdiction", "us-il-chicago", "--json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var report = json.RootElement.GetProperty("jurisdictions").EnumerateArray().Should().ContainSingle().Subject;
        report.GetProperty("jurisdiction").GetString().Should().Be("us-il-chicago");
        report.GetProperty("periods").GetArrayLength().Should().Be(16);
        report.GetProperty("conflicts").GetArrayLength().Should().Be(0);
        report.GetProperty("unreachable").GetArrayLength().Should().Be(0);
        report.GetProperty("gaps").GetProperty("groups").GetArrayLength().Should().BeGreaterThan(0);
        var preemption = report.GetProperty("preemptions").EnumerateArray().Should().ContainSingle().Subject;
        preemption.GetProperty("rule").GetString().Should().Be("chi-030-authorised");
        preemption.GetProperty("preemptedBy").GetString().Should().Be("5 ILCS 805/15(e)");
        var group = preemption.GetProperty("groups").EnumerateArray().Should().ContainSingle().Subject;
        group.GetProperty("assistance").EnumerateArray().Select(a => a.GetString()).Should().Equal("inquire-immigration-status");
        group.GetProperty("periods").EnumerateArray().Select(p => p.GetString()).Should().Equal("2021-08-02..");
    }

    [Fact]
    public void Analyze_readable_on_one_date_shows_each_section()
    {
        var result = CliRunner.Run(null, "analyze", "--jurisdiction", "us-il", "--on", "2021-08-02", "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().StartWith("us-il (State of Illinois").And.Contain("on 2021-08-02, 1 period(s)")
            .And.Contain("Gaps: ").And.Contain("fall to discretionary")
            .And.Contain("Conflicts: none")
            .And.Contain("Unreachable rules: none")
            .And.Contain("Preemption: no rule is preempted");
        result.Out.Should().NotContain("dates", "one date: no group needs a dates column");
    }

    [Fact]
    public void Analyze_user_documents_finds_their_conflict_and_unreachable_rule()
    {
        var state = State("""
            [{"id":"st-ban","source":"code","section":"ban","binds":["police"],"when":[{"assistance":["transfer-custody"]}],"effect":"prohibit"},
             {"id":"st-allow","source":"code","section":"allow","binds":["police"],"when":[{"assistance":["transfer-custody"]},{"authority":["court-order"]}],"effect":"permit"},
             {"id":"st-never","source":"code","section":"never","binds":["police"],"when":[{"assistance":["database-access"]},{"assistance":{"noneOf":["database-access"]}}],"effect":"prohibit"}]
            """);
        var folder = Folder(("us.json", Us), ("st.json", state));

        var result = CliRunner.Run(null, "analyze", "--no-builtins", "--policies", folder, "--only", "conflicts", "unreachable", "--width", "0");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().NotContain("Gaps:");
        var lines = result.Out.Split('\n');
        lines.Should().Contain(l => l.StartsWith("st-ban ", StringComparison.Ordinal) && l.Contains("st-allow", StringComparison.Ordinal)
            && l.Contains("assistance transfer-custody; authority court-order; respondent police", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("st-never ", StringComparison.Ordinal) && l.Contains("never matches a request it binds", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("st-allow ", StringComparison.Ordinal) && l.Contains("shadowed: whenever it counts, a rule of stronger effect prevails (st-ban)", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_with_scenarios_reports_coverage()
    {
        var scenarios = CliRunner.TempFile("""
            {"scenarios":[{"name":"ICE asks Chicago police to block a street","request":{"jurisdiction":"us-il-chicago","receivedAt":"2025-02-10T09:00:00-06:00",
              "requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"perimeter-or-crowd-control"},"expect":{"outcome":"denied"}}]}
            """);

        var result = CliRunner.Run(null, "analyze", "--jurisdiction", "us-il-chicago", "--on", "2025-02-10", "--scenarios", scenarios, "--only", "coverage");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("Coverage: 1 scenario(s) exercise 5 of 45 rules and presumptions")
            .And.Contain("Not exercised by any scenario:")
            .And.Contain("chi-020-a1");
        result.Out.Should().NotContain("Gaps:");

        var json = CliRunner.Run(null, "analyze", "--jurisdiction", "us-il-chicago", "--on", "2025-02-10", "--scenarios", scenarios, "--only", "coverage", "--json");
        using var document = JsonDocument.Parse(json.Out);
        var coverage = document.RootElement.GetProperty("coverage");
        coverage.GetProperty("exercised").GetInt32().Should().Be(5);
        coverage.GetProperty("unexercised").EnumerateArray().Select(r => r.GetString()).Should().Contain("chi-020-a1").And.NotContain("chi-020-a6");
    }

    [Fact]
    public void Analyze_only_coverage_needs_scenarios()
    {
        var result = CliRunner.Run(null, "analyze", "--only", "coverage");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("--only coverage needs scenario files");
    }

    private static string State(string rules) => $$"""
        {"format":"policymodel/1","jurisdiction":{"id":"st","name":"State st","parent":"us","timeZone":"America/Chicago","level":"state"},
         "sources":[{"id":"code","kind":"statute","title":"State code","citation":"ST"}],"rules":{{rules}}}
        """;

    private static string Folder(params (string Name, string Json)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "policymodel-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, json) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), json);
        }

        return folder;
    }
}
