using CsCheck;
using PolicyModel.Jurisdictions;
using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.Properties;

/// <summary>
/// Issue 9, part 2: policy documents round-trip through save (<see cref="PolicyDocumentJson.Serialize"/>) and load
/// (<see cref="PolicyDocument.Parse(string, string)"/>) unchanged, and random policies compile or report problems
/// without throwing.
/// </summary>
public sealed class DocumentProperties(ITestOutputHelper output)
{
    [Fact]
    public void A_random_well_formed_document_survives_save_and_load_unchanged() =>
        Generators.Documents.Sample(text =>
        {
            var loaded = PublicApi.ParseDocument(text, "generated.json");
            loaded.Problems.Should().BeEmpty("the generator writes well-formed documents");
            var saved = PolicyDocumentJson.Serialize(loaded.Document!);
            var reloaded = PublicApi.ParseDocument(saved, "generated.json");
            reloaded.Problems.Should().BeEmpty("a saved document loads");
            DocumentComparer.Difference(loaded.Document!, reloaded.Document!).Should().BeNull();
            PolicyDocumentJson.Serialize(reloaded.Document!).Should().Be(saved, "saving is deterministic");
            PolicyDocumentJson.Serialize(reloaded.Document!, indented: false).Should().NotContain("\n");
        }, iter: 1_000, writeLine: output.WriteLine);

    [Fact]
    public void The_built_in_documents_survive_save_and_load_and_the_saved_set_decides_the_same()
    {
        var saved = BuiltInPolicies.DocumentNames.Zip(TestInputs.BuiltInDocs)
            .Select(p => PolicyDocument.Parse(PolicyDocumentJson.Serialize(p.Second), p.First)).ToList();
        foreach (var (original, copy) in TestInputs.BuiltInDocs.Zip(saved))
        {
            DocumentComparer.Difference(original, copy).Should().BeNull(original.Name);
        }

        var copySet = PolicySet.Compile(saved);
        Generators.Requests.Sample(request => copySet.Decide(request).Should().Be(TestInputs.BuiltIns.Decide(request)),
            iter: DecisionProperties.Iterations, writeLine: output.WriteLine);
    }

    [Fact]
    public void Random_policies_beside_the_built_ins_compile_or_report_problems_and_then_decide_without_throwing()
    {
        var compiled = 0;
        var rejected = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        Gen.Select(Generators.CompilableDocuments, Generators.Requests.Array[8]).Sample((text, requests) =>
        {
            var document = PolicyDocument.Parse(text, "generated.json");
            var (set, problems) = PublicApi.Compile([.. TestInputs.BuiltInDocs, document]);
            if (set is null)
            {
                problems.Should().OnlyContain(p => p.Code.StartsWith("PM2", StringComparison.Ordinal));
                foreach (var code in problems.Select(p => p.Code).Distinct())
                {
                    rejected.AddOrUpdate(code, 1, (_, n) => n + 1);
                }

                return;
            }

            Interlocked.Increment(ref compiled);

            var jurisdictions = set.Jurisdictions.Select(j => j.Id).ToArray();
            for (var i = 0; i < requests.Length; i++)
            {
                var request = requests[i] with { Jurisdiction = jurisdictions[i % jurisdictions.Length] };
                var (decision, problem) = PublicApi.Decide(set, request);
                problem.Should().BeNull();
                decision!.DecidingRules.All(id => set.FindRule(id) != null || set.Presumptions.Any(p => p.Id == id)).Should().BeTrue("deciding rules exist");
                decision.Citations.Should().OnlyHaveUniqueItems();
                DecisionJson.Parse(DecisionJson.Serialize(decision)).Should().Be(decision);
            }
        }, iter: 300, writeLine: output.WriteLine);
        output.WriteLine($"{compiled} of 300 random policies compiled; the others were rejected with {string.Join(", ", rejected.OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value}"))}");
        compiled.Should().BeGreaterThan(60, "enough random policies compile for their decisions to be tested");
    }
}
