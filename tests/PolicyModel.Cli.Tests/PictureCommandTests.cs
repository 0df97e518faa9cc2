using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using PolicyModel.Cli.Pictures;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Cli.Tests;

/// <summary>
/// <c>policymodel matrix</c> and <c>policymodel timeline</c>: the pictures say what <c>decide</c> and <c>show</c> say,
/// escape what documents write, come out the same in every culture, and the ones committed in docs/pictures are current.
/// </summary>
public sealed class PictureCommandTests
{
    private const string Regenerate = "scripts/update-pictures";

    /// <summary>A root jurisdiction (no built-ins needed) whose name and citation try to break out of the markup.</summary>
    private const string Hostile = """
        {"format":"policymodel/1","jurisdiction":{"id":"xx-hostile","name":"Town <script>alert(1)</script> & \"Co\"","timeZone":"America/Chicago","level":"city"},
         "lawCurrentTo":"2026-01-01",
         "sources":[{"id":"code","kind":"ordinance","title":"Code","citation":"Town Code <b>&amp;</b>"}],
         "rules":[{"id":"town-ban","source":"code","section":"1-1 </text><script>x</script>","period":{"from":"2024-01-01"},"binds":["police"],
                   "when":[{"assistance":["database-access"]}],"effect":"prohibit"}]}
        """;

    private const string Undated = """
        {"format":"policymodel/1","jurisdiction":{"id":"xx-undated","name":"Undated","timeZone":"America/Chicago","level":"city"},
         "sources":[{"id":"code","kind":"ordinance","title":"Code","citation":"Code"}],
         "rules":[{"id":"undated-ban","source":"code","section":"1","binds":["police"],"when":[{"assistance":["database-access"]}],"effect":"prohibit"}]}
        """;

    private static readonly string Root = FindRoot();

    [Fact]
    public void Committed_pictures_in_docs_are_what_the_tool_draws_for_every_built_in_jurisdiction()
    {
        var folder = Path.Combine(Root, "docs", "pictures");
        var stale = new List<string>();
        var expected = new List<string>();
        foreach (var jurisdiction in BuiltInPolicies.Load().Jurisdictions)
        {
            foreach (var kind in new[] { "matrix", "timeline" })
            {
                var name = $"{kind}-{jurisdiction.Id}.svg";
                expected.Add(name);
                var drawn = CliRunner.Run(null, kind, jurisdiction.Id.Value);
                drawn.ExitCode.Should().Be(ExitCodes.Success, drawn.Error);
                var committed = Path.Combine(folder, name);
                if (!File.Exists(committed) || File.ReadAllText(committed) != drawn.Out)
                {
                    stale.Add(name);
                }
            }
        }

        var extra = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).Except(expected).Order(StringComparer.Ordinal).ToList() : [];
        stale.Should().BeEmpty($"docs/pictures must show what the tool draws today; run `{Regenerate}` and commit the pictures");
        extra.Should().BeEmpty($"docs/pictures holds only the pictures of the built-in jurisdictions; run `{Regenerate}` after removing the stale ones");
    }

    [Fact]
    public void Jurisdictions_page_shows_both_pictures_in_each_built_in_jurisdictions_section()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "jurisdictions.md"));
        foreach (var jurisdiction in BuiltInPolicies.Load().Jurisdictions)
        {
            var heading = page.IndexOf($"(`{jurisdiction.Id}`)\n", StringComparison.Ordinal);
            heading.Should().BePositive($"docs/jurisdictions.md has a section for {jurisdiction.Id}");
            var next = page.IndexOf("\n## ", heading, StringComparison.Ordinal);
            var section = page[heading..(next < 0 ? page.Length : next)];
            section.Should().Contain($"(pictures/matrix-{jurisdiction.Id}.svg)").And.Contain($"(pictures/timeline-{jurisdiction.Id}.svg)");
        }
    }

    [Theory]
    [InlineData("us-il-chicago", 0, 0)]
    [InlineData("us-tx", 3, 1)]
    [InlineData("us-il-cook", 4, 2)]
    [InlineData("us-ca", 10, 4)]
    public void A_matrix_cell_is_what_decide_says_for_its_request(string jurisdiction, int row, int column)
    {
        var set = BuiltInPolicies.Load();
        set.TryGetJurisdiction(new JurisdictionId(jurisdiction), out var j).Should().BeTrue();
        var matrix = DecisionMatrix.Compute(set, j!, j!.LawCurrentTo!.Value);
        var cell = matrix.Columns[Math.Min(column, matrix.Columns.Count - 1)].Cells[row];

        var decided = CliRunner.Run(null, "decide", CliRunner.TempFile(RequestJson.Serialize(cell.Request)), "--json");

        decided.ExitCode.Should().Be(ExitCodes.Success, decided.Error);
        using var json = JsonDocument.Parse(decided.Out);
        json.RootElement.GetProperty("outcome").GetString().Should().Be(cell.Decision.Outcome.ToContractName());
        json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).Should().Equal(cell.Decision.Citations);
        var svg = CliRunner.Run(null, "matrix", jurisdiction).Out;
        svg.Should().Contain($">{cell.Decision.Outcome.ToContractName()}</text>");
    }

    [Fact]
    public void Matrix_holds_the_stated_request_and_lists_every_assistance_kind_with_outcome_words()
    {
        var result = CliRunner.Run(null, "matrix", "us-il-chicago", "--on", "2025-01-21");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var svg = XDocument.Parse(result.Out);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Nodes().OfType<XText>().FirstOrDefault()?.Value).ToList();
        texts.Should().Contain(ContractNames<AssistanceKind>.Names).And.Contain("held request").And.Contain("denied");
        result.Out.Should().Contain("on 2025-01-21").And.Contain("requester ice-ero, purpose civil-immigration-enforcement, respondent police, authority none")
            .And.Contain("Chicago Municipal Code 2-173-020(a)(1)");
        svg.Root!.Attribute("role")!.Value.Should().Be("img");
    }

    [Fact]
    public void Matrix_defaults_to_the_date_the_law_is_current_to()
    {
        var byDefault = CliRunner.Run(null, "matrix", "us-tx");
        var onThatDay = CliRunner.Run(null, "matrix", "us-tx", "--on", "2026-12-06");

        byDefault.ExitCode.Should().Be(ExitCodes.Success, byDefault.Error);
        byDefault.Out.Should().Be(onThatDay.Out).And.Contain("on 2026-12-06");
    }

    [Fact]
    public void Matrix_holds_the_respondent_most_of_the_jurisdictions_own_rules_bind()
    {
        var cook = CliRunner.Run(null, "matrix", "us-il-cook");

        // Cook County's ordinance binds the sheriff and the jail, never police: a police matrix would show only Illinois law.
        cook.Out.Should().Contain("respondent sheriff");
    }

    [Fact]
    public void Html_matrix_is_a_table_with_the_cells_as_text_and_the_explanation_in_titles()
    {
        var result = CliRunner.Run(null, "matrix", "us-il-chicago", "--format", "html");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().StartWith("<!DOCTYPE html>").And.Contain("<table>").And.Contain("<th scope=\"row\">stop-or-arrest</th>")
            .And.Contain("<strong>denied</strong><br>Chicago Municipal Code 2-173-020(a)(1)").And.Contain("Denied:");
    }

    [Fact]
    public void Timeline_shows_every_rule_of_the_chain_with_its_dates_and_open_ends_to_the_law_date()
    {
        var result = CliRunner.Run(null, "timeline", "us-il-chicago");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var svg = XDocument.Parse(result.Out);
        var catalogue = Analysis.PolicyCatalogue.Of(BuiltInPolicies.Load());
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Nodes().OfType<XText>().FirstOrDefault()?.Value).ToList();
        texts.Should().Contain(catalogue.RulesOf(new JurisdictionId("us-il-chicago")).Select(r => r.Id.Value));
        texts.Should().Contain("prohibit \u00b7 from 2006-03-29 to 2021-01-27", "chi-2006-030 ended when the 2021 ordinance replaced it")
            .And.Contain("prohibit \u00b7 from 2021-01-27 in force")
            .And.Contain("law current to 2026-12-06");
        result.Out.Should().Contain("Chicago Municipal Code 2-173-030(a)(1)").And.Contain("United States (federal rules only) (us), federal layer");
    }

    [Fact]
    public void Html_timeline_has_the_picture_and_the_bars_as_a_table()
    {
        var result = CliRunner.Run(null, "timeline", "us-tx", "--format", "html");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("<svg").And.Contain("<td>tx-753-051</td>").And.Contain("Tex. Gov&#39;t Code 753.051(a)");
    }

    [Theory]
    [InlineData("matrix")]
    [InlineData("timeline")]
    public void Text_from_documents_is_escaped_in_svg_and_html(string command)
    {
        var policies = CliRunner.TempFile(Hostile);
        foreach (var format in new[] { "svg", "html" })
        {
            var result = CliRunner.Run(null, command, "xx-hostile", "--no-builtins", "--policies", policies, "--format", format);

            result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
            result.Out.Should().NotContain("<script").And.NotContain("<b>").And.NotContain("</text><script>")
                .And.Contain("Town &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;");
            if (format == "svg")
            {
                var texts = XDocument.Parse(result.Out).Descendants().Select(e => e.Name.LocalName).Distinct();
                texts.Should().NotContain(["script", "b"]);
            }
        }
    }

    [Theory]
    [InlineData("matrix")]
    [InlineData("timeline")]
    public void Unknown_jurisdiction_exits_2_with_the_closest_id(string command)
    {
        var result = CliRunner.Run(null, command, "us-il-chicgo");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("`us-il-chicgo` is not a jurisdiction").And.Contain("did you mean `us-il-chicago`?");
        result.Out.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_id_date_or_format_and_json_are_refused()
    {
        CliRunner.Run(null, "matrix", "US IL").ExitCode.Should().Be(ExitCodes.InvalidInput);
        var date = CliRunner.Run(null, "matrix", "us-tx", "--on", "2025-13-01");
        date.ExitCode.Should().Be(ExitCodes.InvalidInput);
        date.Error.Should().Contain("--on: `2025-13-01` is not a date");
        CliRunner.Run(null, "timeline", "us-tx", "--format", "png").ExitCode.Should().Be(ExitCodes.Failure);
        var json = CliRunner.Run(null, "matrix", "us-tx", "--json");
        json.ExitCode.Should().Be(ExitCodes.Failure);
        json.Error.Should().Contain("--json is not one of its formats");
    }

    [Fact]
    public void Matrix_of_a_jurisdiction_without_a_law_date_needs_on()
    {
        var policies = CliRunner.TempFile(Undated);

        var without = CliRunner.Run(null, "matrix", "xx-undated", "--no-builtins", "--policies", policies);
        var with = CliRunner.Run(null, "matrix", "xx-undated", "--no-builtins", "--policies", policies, "--on", "2026-01-01");

        without.ExitCode.Should().Be(ExitCodes.InvalidInput);
        without.Error.Should().Contain("give the date with --on");
        with.ExitCode.Should().Be(ExitCodes.Success, with.Error);
        with.Out.Should().Contain(">denied</text>");
    }

    [Fact]
    public void Output_option_writes_the_file_and_nothing_on_standard_output()
    {
        var path = Path.Combine(Path.GetTempPath(), "policymodel-cli-tests", Guid.NewGuid().ToString("N") + ".svg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var result = CliRunner.Run(null, "timeline", "us-fl", "--output", path);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().BeEmpty();
        File.ReadAllText(path).Should().Be(CliRunner.Run(null, "timeline", "us-fl").Out);
        CliRunner.Run(null, "timeline", "us-fl", "--output", Path.Combine(path, "no", "such.svg")).ExitCode.Should().Be(ExitCodes.Failure);
    }

    [Fact]
    public void Pictures_are_the_same_in_every_culture()
    {
        var set = BuiltInPolicies.Load();
        set.TryGetJurisdiction(new JurisdictionId("us-il-chicago"), out var chicago).Should().BeTrue();
        string Draw() => MatrixPicture.Svg(DecisionMatrix.Compute(set, chicago!, new NodaTime.LocalDate(2021, 8, 2)), "policymodel matrix") +
            TimelinePicture.Svg(RuleTimeline.Of(set, chicago!), "policymodel timeline");
        var invariant = WithCulture(CultureInfo.InvariantCulture, Draw);

        // The tool runs in invariant-globalization mode, where named cultures are not available: a culture with a decimal
        // comma, another minus sign and digit grouping stands in for any other.
        var other = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        other.NumberFormat.NumberDecimalSeparator = ",";
        other.NumberFormat.NumberGroupSeparator = ".";
        other.NumberFormat.NegativeSign = "\u2212";
        var drawnElsewhere = WithCulture(other, Draw);

        drawnElsewhere.Should().Be(invariant);
        invariant.Should().MatchRegex("x=\"[0-9]+\\.[0-9]\"", "coordinates with a fraction are written with a point");
    }

    [Theory]
    [InlineData("matrix", "policymodel matrix us-il-chicago")]
    [InlineData("timeline", "policymodel timeline us-il-chicago")]
    public void Help_shows_an_example(string command, string example)
    {
        var result = CliRunner.Run(null, command, "--help");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Out.Should().Contain("Examples:").And.Contain(example).And.Contain("--format").And.Contain("--output");
    }

    private static string WithCulture(CultureInfo culture, Func<string> draw)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return draw();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyModel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyModel.sln not found above " + AppContext.BaseDirectory);
    }
}
