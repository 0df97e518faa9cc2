using PolicyModel.Analysis;

namespace PolicyModel.Reliability.Tests.Budgets;

/// <summary>
/// A 9 KB document whose rules split every field value splits the requests into 69 million classes; analysing it
/// used to pass 12 GB and keep growing. Analysis now refuses it at once with a problem that says how large the space is.
/// </summary>
public sealed class AnalysisBudgetTests
{
    /// <summary>One rule per value of every field (and per bit of the list fields), so every value is a class of its own.</summary>
    internal static string EveryValueSplit()
    {
        var rules = new List<string>();
        void Add(string field, IEnumerable<string> values, bool list)
        {
            foreach (var value in values)
            {
                var test = list ? $$"""{ "anyOf": ["{{value}}"] }""" : $"""["{value}"]""";
                rules.Add(TestInputs.Rule($"r{rules.Count}", "permit", $$""" "when": [ { "{{field}}": {{test}} } ] """));
            }
        }

        Add("requester", ContractNames<Requester>.Names, list: false);
        Add("purpose", ContractNames<Purpose>.Names.Where(n => n != "unknown"), list: false);
        Add("assistance", ContractNames<AssistanceKind>.Names, list: false);
        Add("authority", ContractNames<Authority>.Names, list: false);
        Add("respondent", ContractNames<Respondent>.Names, list: false);
        Add("circumstances", ContractNames<Circumstance>.Names, list: true);
        Add("subjectFacts", ContractNames<SubjectFact>.Names, list: true);
        return TestInputs.Define("zz", rest: $"\"rules\": [ {string.Join(",\n", rules)} ]");
    }

    [Fact]
    public void Analysis_of_69_million_classes_refuses_at_once_saying_how_large_the_space_is()
    {
        var document = EveryValueSplit();
        var set = PolicySet.Compile([PolicyDocument.Parse(document, "split.json")]);

        var act = () => new PolicyAnalyzer(set).AnalyzeAll();

        var refused = act.Should().Throw<AnalysisTooLargeException>().Which;
        refused.Problem.Code.Should().Be(ProblemCodes.AnalysisTooLarge);
        refused.Problem.Message.Should().Contain("69,206,016 classes").And.Contain("2,000,000");
        document.Length.Should().BeLessThan(16_000);
    }

    [Fact]
    public void A_diff_of_69_million_classes_refuses_the_same_way()
    {
        var set = PolicySet.Compile([PolicyDocument.Parse(EveryValueSplit(), "split.json")]);

        var act = () => PolicyAnalyzer.Diff(set, set, new JurisdictionId("zz"));

        act.Should().Throw<AnalysisTooLargeException>().Which.Problem.Message.Should().Contain("69,206,016");
    }
}
