using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Extensions.DependencyInjection.Tests;

public sealed class AddPolicyModelTests
{
    // A document with problems in two places: an unknown property and an unknown effect.
    private const string BadDocument = """
        {
          "format": "policymodel/1",
          "jurisdiction": { "id": "us-il-bad-city", "name": "Bad City", "parent": "us-il", "timeZone": "America/Chicago", "level": "city" },
          "sources": [ { "id": "bc-code", "kind": "ordinance", "title": "Bad City Code", "citation": "Bad City Code" } ],
          "rules": [
            { "id": "bc-1", "source": "bc-code", "section": "1-1", "binds": ["police"], "efect": "prohibit" },
            { "id": "bc-2", "source": "bc-code", "section": "1-2", "binds": ["police"], "effect": "forbid" }
          ]
        }
        """;

    [Fact]
    public void By_default_the_built_in_policies_are_registered_as_one_shared_set()
    {
        var logs = new TestLoggerProvider();
        using var provider = Fixtures.Provider(logs);

        var set = provider.GetRequiredService<PolicySet>();

        set.Should().BeSameAs(BuiltInPolicies.Load());
        provider.GetRequiredService<PolicySet>().Should().BeSameAs(set);
        provider.GetRequiredService<IPolicyDecider>().Policies.Should().BeSameAs(set);
        provider.GetRequiredService<IPolicyDecider>().Should().BeSameAs(provider.GetRequiredService<IPolicyDecider>());
    }

    [Fact]
    public void Documents_from_folders_and_instances_are_compiled_beside_the_built_ins()
    {
        var fromFolder = Fixtures.Provider(new TestLoggerProvider(), o => o.AddDocuments(Fixtures.PoliciesFolder));
        var fromInstance = Fixtures.Provider(new TestLoggerProvider(), o => o.AddDocuments(PolicyDocument.Load(Fixtures.OakParkFile)));
        using (fromFolder)
        using (fromInstance)
        {
            foreach (var provider in new[] { fromFolder, fromInstance })
            {
                var set = provider.GetRequiredService<PolicySet>();
                set.Jurisdictions.Select(j => j.Id.Value).Should().Contain(["us", "us-il-chicago", "us-il-oak-park"]);
            }
        }
    }

    [Fact]
    public void Without_the_built_ins_only_the_added_documents_are_compiled()
    {
        var usJson = BuiltInPolicies.ReadText("us.json");
        var ilJson = BuiltInPolicies.ReadText("us-il.json");
        using var provider = Fixtures.Provider(new TestLoggerProvider(), o =>
        {
            o.UseBuiltIns = false;
            o.AddDocuments(PolicyDocument.Parse(usJson, "us.json"), PolicyDocument.Parse(ilJson, "us-il.json"));
            o.AddDocuments(Fixtures.OakParkFile);
        });

        provider.GetRequiredService<PolicySet>().Jurisdictions.Select(j => j.Id.Value)
            .Should().BeEquivalentTo(["us", "us-il", "us-il-oak-park"]);
    }

    [Fact]
    public void The_set_is_compiled_and_validated_once_whatever_asks_for_it()
    {
        var logs = new TestLoggerProvider();
        using var provider = Fixtures.Provider(logs, o => o.AddDocuments(Fixtures.OakParkFile));

        provider.GetRequiredService<IStartupValidator>().Validate();
        var set = provider.GetRequiredService<PolicySet>();
        _ = provider.GetRequiredService<IOptions<PolicyModelOptions>>().Value;
        _ = provider.GetRequiredService<IOptionsMonitor<PolicyModelOptions>>().CurrentValue;
        provider.GetRequiredService<IPolicyDecider>().Policies.Should().BeSameAs(set);

        var loaded = logs.Entries.Where(e => e.EventId.Name == "PoliciesLoaded").Should().ContainSingle().Subject;
        loaded.Category.Should().Be(PolicyModelTelemetry.LoadingLogCategory);
        loaded.Level.Should().Be(LogLevel.Information);
        var documents = BuiltInPolicies.DocumentNames.Count + 1; // the built-ins and Oak Park, one jurisdiction each
        loaded.Message.Should().StartWith($"Compiled the policy set: {documents} documents, {documents} jurisdictions, ");
    }

    [Fact]
    public void A_bad_document_fails_the_first_resolution_with_every_problem_listed_and_logged()
    {
        using var file = new Fixtures.TempFile(BadDocument);
        var logs = new TestLoggerProvider();
        using var provider = Fixtures.Provider(logs, o => o.AddDocuments(file.Folder));

        var thrown = FluentActions.Invoking(() => provider.GetRequiredService<IPolicyDecider>())
            .Should().Throw<PolicyLoadException>().Which;

        thrown.Problems.Should().HaveCountGreaterThanOrEqualTo(2);
        thrown.Problems.Should().OnlyContain(p => p.Document == file.Path && p.Line != null);
        thrown.Problems.Select(p => p.Path).Should().Contain(["$.rules[0].efect", "$.rules[1].effect"]);
        thrown.Message.Should().Contain("bad-city.json(");

        // Asking again gives the same answer without compiling again.
        FluentActions.Invoking(() => provider.GetRequiredService<PolicySet>()).Should().Throw<PolicyLoadException>();
        var errors = logs.Entries.Where(e => e.Category == PolicyModelTelemetry.LoadingLogCategory && e.Level == LogLevel.Error).ToList();
        errors.Where(e => e.EventId.Name == "PolicyDocumentProblem").Should().HaveCount(thrown.Problems.Count);
        errors.Where(e => e.EventId.Name == "PolicyDocumentProblem").Select(e => e.Message)
            .Should().Contain(m => m.Contains("bad-city.json(", StringComparison.Ordinal) && m.Contains("$.rules[0].efect", StringComparison.Ordinal));
        errors.Where(e => e.EventId.Name == "PoliciesInvalid").Should().ContainSingle();
    }

    [Fact]
    public void A_bad_document_fails_startup_validation_with_every_problem_listed()
    {
        using var file = new Fixtures.TempFile(BadDocument);
        using var provider = Fixtures.Provider(new TestLoggerProvider(), o => o.AddDocuments(file.Path));

        // What the generic host runs at start (options registered with ValidateOnStart).
        var thrown = FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().Which;

        thrown.OptionsType.Should().Be<PolicyModelOptions>();
        thrown.Failures.Should().Contain(f => f.StartsWith("PolicyModel: the policy documents are invalid", StringComparison.Ordinal));
        thrown.Failures.Should().Contain(f => f.Contains("$.rules[0].efect", StringComparison.Ordinal));
        FluentActions.Invoking(() => provider.GetRequiredService<PolicySet>())
            .Should().Throw<PolicyLoadException>().Which.Problems.Should().NotBeEmpty();
    }

    [Fact]
    public void A_document_that_conflicts_with_the_built_ins_is_a_compile_problem()
    {
        // Oak Park twice: the second definition of its jurisdiction is a set-level problem.
        using var provider = Fixtures.Provider(new TestLoggerProvider(), o => o
            .AddDocuments(Fixtures.OakParkFile)
            .AddDocuments(PolicyDocument.Load(Fixtures.OakParkFile)));

        FluentActions.Invoking(() => provider.GetRequiredService<PolicySet>())
            .Should().Throw<PolicyLoadException>().Which.Problems.Should().NotBeEmpty();
    }

    [Fact]
    public void A_missing_file_or_folder_fails_validation()
    {
        var missing = Path.Combine(AppContext.BaseDirectory, "no-such-policies");
        using var provider = Fixtures.Provider(new TestLoggerProvider(), o => o.AddDocuments(missing));

        FluentActions.Invoking(() => provider.GetRequiredService<PolicySet>())
            .Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Be($"PolicyModel: {missing}: no such file or folder");
    }

    [Fact]
    public void Nothing_to_load_fails_validation()
    {
        using var provider = Fixtures.Provider(new TestLoggerProvider(), o => o.UseBuiltIns = false);

        FluentActions.Invoking(() => provider.GetRequiredService<IPolicyDecider>())
            .Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("no policies to load");
    }

    [Fact]
    public void Logging_and_meter_factory_are_optional()
    {
        var services = new ServiceCollection();
        services.AddPolicyModel();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IPolicyDecider>().Decide(Fixtures.ChicagoPerimeter()).Outcome.Should().Be(Outcome.Denied);
    }

    [Fact]
    public void Options_reject_empty_paths_and_null_documents_at_once()
    {
        var options = new PolicyModelOptions();

        FluentActions.Invoking(() => options.AddDocuments(" ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => options.AddDocuments((PolicyDocument)null!)).Should().Throw<ArgumentNullException>();
        options.UseBuiltIns.Should().BeTrue();
        options.AddDocuments("a.json", "policies").DocumentPaths.Should().Equal("a.json", "policies");
    }
}
