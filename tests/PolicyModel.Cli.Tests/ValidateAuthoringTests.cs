namespace PolicyModel.Cli.Tests;

/// <summary>
/// Writing a policy document: a fictional ordinance with five typical mistakes gets all five reported, each with a
/// suggestion, in one <c>validate</c> run; <c>--strict</c> makes conflicts and unreachable rules errors.
/// </summary>
public sealed class ValidateAuthoringTests
{
    private const string Fairview = """
        {
          "format": "policymodel/1",
          "jurisdiction": { "id": "us-il-fairview", "name": "Village of Fairview (fictional)", "parent": "us-il-cok",
                            "timeZone": "America/Chicago", "level": "city" },
          "sources": [
            { "id": "village-code", "kind": "ordinance", "title": "Fairview Village Code (fictional)", "citation": "Fairview Village Code", "enacted": "2020-01-01" }
          ],
          "rules": [
            { "id": "fv-1-support", "source": "village-cod", "section": "1-1(a)", "period": { "from": "2020-01-01" },
              "binds": ["police"], "when": [ { "assistance": ["on-scene-support"] }, { "term": "civil-reqest" } ],
              "effect": "prohibit", "explains": "forbids on-scene support for civil immigration enforcement" },
            { "id": "fv-1-arrest", "source": "village-code", "section": "1-1(b)", "period": { "from": "2020-01-01" },
              "binds": ["police"], "when": [ { "assistance": ["stop-or-arrest"] }, { "term": "civil-request" } ],
              "effect": "prohibit", "explains": "forbids arrests for civil immigration enforcement" },
            { "id": "fv-1-warrant", "source": "village-code", "section": "1-1(c)", "period": { "from": "2020-01-01" },
              "binds": ["police"], "when": [ { "assistance": ["stop-or-arrest"] }, { "requester": ["ice-ero"] } ],
              "excepts": ["fv-1-arest"], "preempts": ["fv-1-suport"],
              "effect": "permit", "explains": "allows ICE arrests" },
            { "id": "fv-1-never", "source": "village-code", "section": "1-1(d)", "period": { "from": "2020-01-01" },
              "binds": ["police"], "when": [ { "assistance": ["stop-or-arrest"] }, { "assistance": ["hold-past-release"] } ],
              "effect": "prohibit", "explains": "forbids what no request asks" }
          ]
        }
        """;

    [Fact]
    public void A_fictional_ordinance_with_five_typical_mistakes_gets_all_five_with_suggestions_in_one_run()
    {
        var file = CliRunner.TempFile(Fairview);

        var result = CliRunner.Run(null, "validate", file);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Out.Should().Contain("invalid: 5 problem(s) in 1 document(s)");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(5);
        lines.Should().ContainSingle(l => l.Contains("PM2001") && l.Contains("$.jurisdiction.parent") && l.EndsWith("(did you mean `us-il-cook`?)"));
        lines.Should().ContainSingle(l => l.Contains("PM2012") && l.Contains("$.rules[0].source") && l.EndsWith("(did you mean `village-code`?)"));
        lines.Should().ContainSingle(l => l.Contains("PM2006") && l.Contains("$.rules[0].when[1]") && l.EndsWith("(did you mean `civil-request`?)"));
        lines.Should().ContainSingle(l => l.Contains("PM2003") && l.Contains("$.rules[2].excepts[0]") && l.EndsWith("(did you mean `fv-1-arrest`?)"));
        lines.Should().ContainSingle(l => l.Contains("PM2004") && l.Contains("$.rules[2].preempts[0]") && l.EndsWith("(did you mean `fv-1-support`?)"));
    }

    [Fact]
    public void Corrected_the_ordinance_is_valid_and_strict_reports_its_conflict_and_its_unreachable_rule()
    {
        var corrected = Fairview.Replace("us-il-cok", "us-il-cook", StringComparison.Ordinal)
            .Replace("village-cod\"", "village-code\"", StringComparison.Ordinal)
            .Replace("civil-reqest", "civil-request", StringComparison.Ordinal)
            .Replace("\"excepts\": [\"fv-1-arest\"], \"preempts\": [\"fv-1-suport\"],", string.Empty, StringComparison.Ordinal);
        var file = CliRunner.TempFile(corrected);

        var plain = CliRunner.Run(null, "validate", file);
        var strict = CliRunner.Run(null, "validate", file, "--strict");

        plain.ExitCode.Should().Be(ExitCodes.Success, plain.Error);
        strict.ExitCode.Should().Be(ExitCodes.InvalidInput);
        strict.Error.Should().Contain("error PM2016: $.rules[").And.Contain("`fv-1-arrest` prohibits what `fv-1-warrant` permits")
            .And.Contain("neither is an exception to the other");
        strict.Error.Should().Contain("error PM2017: $.rules[3]: the rule `fv-1-never` never decides a request: it never matches a request it binds");
        strict.Out.Should().StartWith("invalid:");
    }

    [Fact]
    public void Strict_accepts_documents_without_conflicts_or_unreachable_rules()
    {
        var policies = Path.Combine(AppContext.BaseDirectory, "policies");

        var result = CliRunner.Run(null, "validate", Path.Combine(policies, "us.json"), Path.Combine(policies, "us-tx.json"), "--no-builtins", "--strict");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("valid: 2 document(s)");
    }
}
