using System.Text;
using CsCheck;
using PolicyModel.Reliability.Tests.BadInput;
using PolicyModel.Reliability.Tests.Fuzzing;
using PolicyModel.Reliability.Tests.Properties;
using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.Schemas;

/// <summary>
/// The shipped JSON Schemas and the readers agree on every sample: what a reader accepts, its schema accepts; what a
/// reader rejects for a reason a schema can state (syntax, a wrong type, an unknown or missing property, a value
/// outside a vocabulary, an id's or a date's shape, an empty list), its schema rejects. The reasons a schema cannot
/// state are listed in <see cref="SchemaAgreement.NotExpressible"/>, each with why; those rejections are the reader's alone, and
/// docs/policy-format.md lists them for users.
/// </summary>
public sealed class SchemaAgreementTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, BadInputCase> ByName = BadInputCatalogue.All.ToDictionary(c => c.Name);

    public static TheoryData<string> CatalogueNames() => [.. BadInputCatalogue.All.Where(c => c.Texts is not null).Select(c => c.Name)];

    public static TheoryData<string> SampleFiles() => [.. Samples.Files()];

    [Fact]
    public void Every_problem_code_is_either_stated_by_the_schemas_or_listed_with_the_reason_it_is_not()
    {
        var codes = typeof(ProblemCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        codes.Should().NotBeEmpty();
        foreach (var code in codes)
        {
            (SchemaAgreement.Structural.Contains(code) ^ SchemaAgreement.NotExpressible.ContainsKey(SchemaAgreement.Family(code))).Should().BeTrue($"{code} is classified exactly once");
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void A_catalogued_bad_input_is_judged_alike_by_its_reader_and_its_schema(string name)
    {
        var c = ByName[name];
        var problems = c.Prepare()();
        var texts = c.Texts!();
        switch (c.Entry)
        {
            case Entry.PolicySet:
                // Each document of a set case is valid on its own (the set is what is wrong): each is valid to the schema.
                foreach (var text in texts)
                {
                    Schemas.Validate(SchemaKind.PolicyDocument, text).Should().BeNull("the document reader accepts each document of a set case");
                }

                break;
            case Entry.Document or Entry.RequestJson:
                var kind = c.Entry == Entry.Document ? SchemaKind.PolicyDocument : c.OneRequest ? SchemaKind.Request : SchemaKind.RequestFile;
                SchemaAgreement.Agree(kind, texts.Single(), problems, name);
                break;
            default:
                throw new InvalidOperationException($"{c.Entry} has no schema");
        }
    }

    [Fact]
    public void Catalogued_inputs_without_text_are_built_in_code_or_break_a_limit_a_schema_cannot_state()
    {
        var withoutText = BadInputCatalogue.All.Where(c => c.Texts is null).ToList();

        withoutText.Should().OnlyContain(c => c.Entry == Entry.Decide || c.Entry == Entry.DecisionJson || SchemaAgreement.NotExpressible.ContainsKey(SchemaAgreement.Family(c.Code!)));
        BadInputCatalogue.All.Count(c => c.Texts is not null && c.Code is not null && SchemaAgreement.Structural.Contains(c.Code))
            .Should().BeGreaterThan(40, "most catalogued bad inputs are structural, and each is checked against its schema");
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void A_sample_file_is_judged_alike_by_every_reader_and_its_schema(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Schemas.Root, file));

        var accepted = Samples.Readers(bytes, file).Where(r => r.Problems.Count == 0).Select(r => r.Kind).ToList();

        accepted.Should().NotBeEmpty($"{file} is a sample of a policy document, a request file or a scenario file");
        SchemaAgreement.AgreeWithEveryReader(bytes, file);
    }

    [Fact]
    public void Every_sample_names_the_schema_of_its_kind_by_a_relative_path_an_editor_resolves()
    {
        var files = Samples.FilesNamingTheirSchema().ToList();

        files.Should().HaveCountGreaterThan(30);
        foreach (var file in files)
        {
            var path = Path.Combine(Schemas.Root, file);
            var bytes = File.ReadAllBytes(path);
            var kind = Samples.Readers(bytes, file).First(r => r.Problems.Count == 0).Kind;
            using var json = System.Text.Json.JsonDocument.Parse(bytes);
            json.RootElement.TryGetProperty("$schema", out var reference).Should().BeTrue($"{file} names its schema");
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference.GetString()!));
            target.Should().Be(Path.Combine(Schemas.Folder, Schemas.FileNames[kind]), $"{file} is a {kind}");
        }
    }

    [Fact]
    public void Every_json_example_in_the_docs_is_judged_alike_by_every_reader_and_its_schema()
    {
        var checkedKinds = new List<SchemaKind>();
        foreach (var (file, line, text) in Samples.MarkdownBlocks())
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            SchemaAgreement.AgreeWithEveryReader(bytes, $"the example at {file}:{line}");
            checkedKinds.AddRange(Samples.Readers(bytes, file).Where(r => r.Problems.Count == 0).Select(r => r.Kind));
        }

        output.WriteLine(string.Join(", ", checkedKinds.GroupBy(k => k).Select(g => $"{g.Key}: {g.Count()}")));
        checkedKinds.Should().Contain([SchemaKind.PolicyDocument, SchemaKind.RequestFile, SchemaKind.ScenarioFile], "the docs show every kind of file");
    }

    [Fact]
    public void Generated_valid_documents_and_requests_are_valid_to_their_schemas()
    {
        Generators.Documents.Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            PolicyDocument.TryParse(text, "gen.json", out _, out var problems).Should().BeTrue(string.Join("; ", problems));
            Schemas.Validate(SchemaKind.PolicyDocument, bytes).Should().BeNull(text);
        }, iter: 200, writeLine: output.WriteLine);

        Generators.Requests.Sample(request =>
        {
            var text = RequestJson.Serialize(request);
            Schemas.Validate(SchemaKind.Request, Encoding.UTF8.GetBytes(text)).Should().BeNull(text);
            Schemas.Validate(SchemaKind.RequestFile, Encoding.UTF8.GetBytes("[" + text + "," + text + "]")).Should().BeNull(text);
        }, iter: 500, writeLine: output.WriteLine);
    }

    [Fact]
    public void Mutated_samples_are_judged_alike_by_the_readers_and_the_schemas()
    {
        var seeds = new (SchemaKind Kind, byte[] Text)[]
        {
            (SchemaKind.PolicyDocument, TestInputs.Utf8(TestInputs.ValidDocument)),
            (SchemaKind.PolicyDocument, File.ReadAllBytes(Path.Combine(Schemas.Root, "tests/Examples.AgencyPolicy.Tests/policies/oak-park.json"))),
            (SchemaKind.RequestFile, TestInputs.Utf8(TestInputs.ValidRequest)),
            (SchemaKind.RequestFile, TestInputs.Utf8(PartialRequests)),
            (SchemaKind.ScenarioFile, File.ReadAllBytes(Path.Combine(Schemas.Root, "tests/Examples.AgencyPolicy.Tests/scenarios/oak-park-today.json"))),
        };
        var random = new Random(20261206);
        var mutator = new Mutator(random, [.. seeds.Select(s => s.Text)]);
        var verdicts = new Dictionary<string, int>();
        foreach (var (kind, text) in seeds)
        {
            for (var i = 0; i < 400; i++)
            {
                var mutant = mutator.Mutate(text);
                var problems = Samples.Read(kind, mutant, "mutant.json");
                var verdict = SchemaAgreement.Agree(kind, mutant, problems, $"a mutant of a {kind}: {Encoding.UTF8.GetString(mutant)}");
                verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            }
        }

        output.WriteLine(string.Join(", ", verdicts.Select(v => $"{v.Key}: {v.Value}")));
        verdicts.Keys.Should().Contain(["both accept", "both reject"], "the mutants exercise both sides");
    }

    [Theory]
    [InlineData("a partial request giving a field it lists as unknown", """{"jurisdiction":"us","receivedAt":"2025-01-21T06:40:00Z","requester":"cbp","purpose":"unknown","assistance":"stop-or-arrest","unknown":["requester"]}""", ProblemCodes.UnknownFieldGiven)]
    [InlineData("a partial request listing a field twice", """{"jurisdiction":"us","receivedAt":"2025-01-21T06:40:00Z","purpose":"unknown","assistance":"stop-or-arrest","unknown":["requester","requester"]}""", ProblemCodes.InvalidValue)]
    [InlineData("a partial request listing its jurisdiction as unknown", """{"jurisdiction":"us","receivedAt":"2025-01-21T06:40:00Z","requester":"cbp","purpose":"unknown","assistance":"stop-or-arrest","unknown":["jurisdiction"]}""", ProblemCodes.UnknownValue)]
    [InlineData("a request missing a required field it does not list as unknown", """{"jurisdiction":"us","receivedAt":"2025-01-21T06:40:00Z","purpose":"unknown","assistance":"stop-or-arrest","unknown":["location"]}""", ProblemCodes.MissingField)]
    [InlineData("a request whose $schema is a number", """{"$schema":2020,"jurisdiction":"us","receivedAt":"2025-01-21T06:40:00Z","requester":"cbp","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.WrongType)]
    [InlineData("a partial request (valid)", """{"$schema":"request.schema.json","jurisdiction":"us","receivedAt":"2025-01-21T06:40:00Z","assistance":"stop-or-arrest","location":"school","unknown":["requester","purpose"]}""", null)]
    public void Partial_requests_and_schema_references_are_judged_alike(string name, string text, string? code)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var problems = Samples.Read(SchemaKind.Request, bytes, "request.json");

        if (code is null)
        {
            problems.Should().BeEmpty(name);
        }
        else
        {
            problems.Select(p => p.Code).Should().Contain(code, name);
        }

        SchemaAgreement.Agree(SchemaKind.Request, bytes, problems, name);
    }

    [Theory]
    [InlineData("a scenario file whose $schema is an object", """{"$schema":{},"scenarios":[]}""", ProblemCodes.WrongType)]
    [InlineData("a scenario without an expectation", """{"scenarios":[{"name":"n","request":REQUEST}]}""", ProblemCodes.MissingField)]
    [InlineData("a scenario with an empty name", """{"scenarios":[{"name":" ","request":REQUEST,"expect":{"outcome":"denied"}}]}""", ProblemCodes.InvalidValue)]
    [InlineData("an expectation of an unknown outcome", """{"scenarios":[{"name":"n","request":REQUEST,"expect":{"outcome":"rejected"}}]}""", ProblemCodes.UnknownValue)]
    [InlineData("an expectation with an unknown property", """{"scenarios":[{"name":"n","request":REQUEST,"expect":{"outcome":"denied","reason":"x"}}]}""", ProblemCodes.UnknownProperty)]
    [InlineData("an obligation outside the vocabulary", """{"scenarios":[{"name":"n","request":REQUEST,"expect":{"outcome":"denied","obligations":["notify"]}}]}""", ProblemCodes.UnknownValue)]
    [InlineData("a citation fragment that is a number", """{"scenarios":[{"name":"n","request":REQUEST,"expect":{"outcome":"denied","citations":[5]}}]}""", ProblemCodes.WrongType)]
    [InlineData("a scenario's request with an unknown property", """{"scenarios":[{"name":"n","request":{"jurisdiction":"us","receivedAt":"2025-01-21T06:40:00Z","requester":"cbp","purpose":"unknown","assistance":"stop-or-arrest","status":"x"},"expect":{"outcome":"denied"}}]}""", ProblemCodes.UnknownProperty)]
    [InlineData("scenarios as an object", """{"scenarios":{}}""", ProblemCodes.WrongType)]
    [InlineData("a scenario file with every optional part (valid)", """{"$schema":"scenario-file.schema.json","scenarios":[{"name":"n","request":REQUEST,"expect":{"outcome":"depends","citations":["5 ILCS"],"obligations":[],"withoutObligations":["record-request"]}}]}""", null)]
    public void Scenario_files_are_judged_alike(string name, string template, string? code)
    {
        var bytes = Encoding.UTF8.GetBytes(template.Replace("REQUEST", TestInputs.ValidRequest, StringComparison.Ordinal));
        var problems = Samples.Read(SchemaKind.ScenarioFile, bytes, "scenarios.json");

        if (code is null)
        {
            problems.Should().BeEmpty(name);
        }
        else
        {
            problems.Select(p => p.Code).Should().Contain(code, name);
        }

        SchemaAgreement.Agree(SchemaKind.ScenarioFile, bytes, problems, name);
    }

    /// <summary>A request file of partial requests, for the mutants.</summary>
    private const string PartialRequests = """
        [
          { "$schema": "request.schema.json", "id": "p-1", "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00",
            "requester": "ice-ero", "assistance": "stop-or-arrest", "location": "courthouse", "circumstances": ["crime-in-progress"], "unknown": ["purpose", "authority"] },
          { "jurisdiction": "us-tx", "receivedAt": "2025-01-21T06:40:00.5-06:00", "requester": "cbp", "purpose": "unknown", "assistance": "hold-past-release",
            "authority": "immigration-detainer", "subjectFacts": ["in-custody"] }
        ]
        """;
}
