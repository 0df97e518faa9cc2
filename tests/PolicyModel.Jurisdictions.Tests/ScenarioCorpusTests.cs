using PolicyModel.Jurisdictions;
using PolicyModel.Testing;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>Every scenario file under <c>scenarios/</c> (the shared reference copy and our own) decided by the built-in policies.</summary>
public sealed class ScenarioCorpusTests
{
    public static string ScenarioRoot => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>One theory case per scenario, named after it (PolicyModel.Testing, the harness users get too).</summary>
    public static TheoryData<ScenarioCase> AllScenarios() => ScenarioData.From("scenarios");

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void Scenario_decides_as_expected(ScenarioCase scenario) =>
        scenario.RunWith(BuiltInPolicies.Load()).ShouldPass();

    /// <summary>Contract "Decision": the explanation is one or two sentences a supervisor can read aloud.</summary>
    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void Explanation_is_one_or_two_sentences(ScenarioCase scenario)
    {
        var policies = BuiltInPolicies.Load();
        var decision = policies.Decide(scenario.Scenario.Request);
        var explanation = decision.Explanation;

        // Citations carry abbreviations ("Tex. Code Crim. Proc."); take every citation out before counting full stops.
        var citations = policies.Rules.Select(r => r.Provision.CitationOn(decision.EffectiveDate)).Distinct().OrderByDescending(c => c.Length);
        var text = citations.Aggregate(explanation, (t, c) => t.Replace(c, "CITATION", StringComparison.Ordinal));
        var sentences = System.Text.RegularExpressions.Regex.Count(text, @"[.!?](\s|$)");
        sentences.Should().BeInRange(1, 2, explanation);
        explanation.Should().NotContain("obstruct", "declining never suggests interfering, and it is not the explanation's to say");
    }

    [Fact]
    public void Reference_copy_matches_the_shared_scenarios_where_that_folder_exists()
    {
        var shared = FindShared();
        if (shared is null)
        {
            // A plain clone has no ../shared: the committed copy is then the reference by itself.
            Directory.EnumerateFiles(Path.Combine(ScenarioRoot, "reference"), "*.json").Should().NotBeEmpty();
            return;
        }

        var sharedFiles = Directory.EnumerateFiles(shared, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var copyFiles = Directory.EnumerateFiles(Path.Combine(ScenarioRoot, "reference"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        copyFiles.Should().Equal(sharedFiles, "tests/PolicyModel.Jurisdictions.Tests/scenarios/reference must hold exactly the files of ../shared/scenarios");
        foreach (var file in sharedFiles)
        {
            File.ReadAllText(Path.Combine(ScenarioRoot, "reference", file!)).Should().Be(
                File.ReadAllText(Path.Combine(shared, file!)), $"the reference copy of {file} must equal ../shared/scenarios/{file}");
        }
    }

    [Fact]
    public void Reference_corpus_has_every_shared_file_and_scenario()
    {
        var reference = ScenarioData.From(Path.Combine("scenarios", "reference"));
        reference.Count.Should().BeGreaterThanOrEqualTo(33, "the shared corpus had 33 scenarios in six files when it was copied");
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "scenarios");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "shared", "contract.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
