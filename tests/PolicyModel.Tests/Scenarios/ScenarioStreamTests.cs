using System.Text;

namespace PolicyModel.Tests.Scenarios;

/// <summary>
/// Scenario files are read as a stream (<see cref="ScenarioFile.Read"/>): one scenario at a time, with problems that
/// name the file, the scenario's JSON path and its line in the file, across the reader's buffer refills.
/// </summary>
public sealed class ScenarioStreamTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pm-scenarios-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Scenario(string name, string outcome = "granted", string purpose = "criminal-investigation", string jurisdiction = "us-il-chicago") => $$"""
            {
              "name": "{{name}}",
              "request": {
                "jurisdiction": "{{jurisdiction}}",
                "receivedAt": "2024-06-01T10:00:00-05:00",
                "requester": "local-police",
                "purpose": "{{purpose}}",
                "assistance": "stop-or-arrest"
              },
              "expect": { "outcome": "{{outcome}}" }
            }
        """;

    private string Write(string name, IEnumerable<string> scenarios)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "{\n  \"scenarios\": [\n" + string.Join(",\n", scenarios) + "\n  ]\n}\n", new UTF8Encoding(false));
        return path;
    }

    private static int LineOf(string path, string text) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Thousands_of_scenarios_are_read_in_order_across_buffer_refills()
    {
        // 3,000 scenarios of about 330 bytes: far more than one read of the file, so scenarios straddle refills.
        var path = Write("many.json", Enumerable.Range(0, 3000).Select(i => Scenario($"scenario {i}")));

        var scenarios = ScenarioFile.Read(path).ToList();

        scenarios.Select(s => s.Name).Should().Equal(Enumerable.Range(0, 3000).Select(i => $"scenario {i}"));
        scenarios[2999].Source.Should().Be($"{path} $.scenarios[2999]");
        new FileInfo(path).Length.Should().BeGreaterThan(10 * 64 * 1024, "ten times what one read of the file takes");
    }

    [Fact]
    public void A_problem_in_a_late_scenario_names_its_path_and_its_line_in_the_file()
    {
        var path = Write("late.json", Enumerable.Range(0, 2500).Select(i => i == 2400 ? Scenario("bad", purpose: "civil-immigration-enforcment") : Scenario($"s{i}")));

        var act = () => ScenarioFile.Load(path);

        var problem = act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.UnknownValue);
        problem.Document.Should().Be(path);
        problem.Path.Should().Be("$.scenarios[2400].request.purpose");
        problem.Line.Should().Be(LineOf(path, "civil-immigration-enforcment"));
    }

    [Fact]
    public void With_a_problem_collection_reading_goes_on_after_an_invalid_scenario()
    {
        var path = Write("mixed.json", [Scenario("first"), Scenario("second", outcome: "rejected"), Scenario("third")]);
        var problems = new List<Problem>();

        var names = ScenarioFile.Read(path, problems).Select(s => s.Name).ToList();

        names.Should().Equal("first", "third");
        problems.Should().ContainSingle().Which.Path.Should().Be("$.scenarios[1].expect.outcome");
    }

    [Fact]
    public void Without_a_collection_the_scenarios_before_a_problem_are_read_before_it_throws()
    {
        var path = Write("mixed.json", [Scenario("first"), Scenario("second", outcome: "rejected"), Scenario("third")]);
        var read = new List<string>();

        var act = () => { foreach (var scenario in ScenarioFile.Read(path)) { read.Add(scenario.Name); } };

        act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("$.scenarios[1].expect.outcome");
        read.Should().Equal("first");
    }

    [Fact]
    public void A_syntax_error_late_in_the_file_names_its_line_and_ends_the_file()
    {
        var scenarios = Enumerable.Range(0, 2000).Select(i => Scenario($"s{i}")).ToList();
        scenarios[1500] = scenarios[1500].Replace("\"expect\"", "\"expect\" \"broken\"", StringComparison.Ordinal);
        var path = Write("syntax.json", scenarios);
        var problems = new List<Problem>();

        var read = ScenarioFile.Read(path, problems).Count();

        read.Should().Be(1500);
        var problem = problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.MalformedJson);
        problem.Line.Should().Be(LineOf(path, "\"broken\""));
        problem.Message.Should().StartWith($"not valid JSON at line {problem.Line}, column");
    }

    [Fact]
    public void A_scenario_larger_than_its_cap_is_refused_by_name()
    {
        var huge = Scenario("huge").Replace("\"expect\"", $"\"padding\": \"{new string('x', 2 << 20)}\", \"expect\"", StringComparison.Ordinal);
        var path = Write("huge.json", [Scenario("small"), huge]);
        var problems = new List<Problem>();

        ScenarioFile.Read(path, problems).Select(s => s.Name).Should().Equal("small");

        problems.Should().ContainSingle().Which.Should().Match<Problem>(p => p.Code == ProblemCodes.LimitExceeded && p.Path == "$.scenarios[1]");
    }

    [Fact]
    public void The_top_object_is_checked_as_before_unknown_properties_and_a_missing_scenarios()
    {
        var path = Path.Combine(folder, "top.json");
        File.WriteAllText(path, """{ "$schema": "x", "scenarioz": [] }""");

        var act = () => ScenarioFile.Load(path);

        act.Should().Throw<InvalidRequestException>().Which.Problems.Select(p => (p.Code, p.Path)).Should().Equal(
            (ProblemCodes.UnknownProperty, "$.scenarioz"), (ProblemCodes.MissingField, "$"));
    }

    [Fact]
    public void Run_each_streams_the_same_results_as_run()
    {
        var path = Write("run.json", [Scenario("passes", jurisdiction: "zz"), Scenario("fails", outcome: "denied", jurisdiction: "zz")]);
        var set = PolicySet.Compile([PolicyDocument.Parse("""
            { "format": "policymodel/1",
              "jurisdiction": { "id": "zz", "name": "zz", "timeZone": "UTC", "level": "state" },
              "sources": [ { "id": "code", "kind": "statute", "title": "Code", "citation": "C" } ],
              "rules": [ { "id": "r", "source": "code", "section": "1", "binds": ["police"], "effect": "permit" } ] }
            """, "zz.json")]);

        var each = ScenarioRunner.RunEach(set, path).ToList();

        each.Should().Equal(ScenarioRunner.Run(set, path));
        each.Select(r => r.Passed).Should().Equal(true, false);
    }
}
