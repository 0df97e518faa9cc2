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
/// state are listed in <see cref="NotExpressible"/>, each with why; those rejections are the reader's alone, and
/// docs/policy-format.md lists them for users.
/// </summary>
public sealed class SchemaAgreementTests(ITestOutputHelper output)
{
    /// <summary>The problems a schema states: a reader that reports one of them rejects what the schema rejects.</summary>
    private static readonly HashSet<string> Structural =
    [
        ProblemCodes.MalformedJson, ProblemCodes.WrongType, ProblemCodes.UnknownProperty, ProblemCodes.MissingField,
        ProblemCodes.UnknownValue, ProblemCodes.InvalidId, ProblemCodes.UnsupportedFormat, ProblemCodes.InvalidValue,
        ProblemCodes.UnknownFieldGiven,
    ];

    /// <summary>The problems only a reader finds, and why a JSON Schema cannot state them.</summary>
    private static readonly Dictionary<string, string> NotExpressible = new()
    {
        [ProblemCodes.TooLarge] = "the size of the text in bytes: a schema sees the parsed value, not the text",
        [ProblemCodes.TooDeep] = "the nesting depth of any value: a schema describes its own structure, not a bound on every value's depth",
        [ProblemCodes.LimitExceeded] = "the readers' limits on the length of property names and numbers and on items in any array: the schemas state the lengths and counts of their own structure (maxLength, maxItems) only",
        [ProblemCodes.InvalidDate] = "a date that does not exist in the calendar (2021-02-30): the schema's pattern gives the shape only",
        [ProblemCodes.InvalidDateTime] = "a time that does not exist or is out of range (hour 25, offset beyond 18 hours, year 0 or 9999 at the calendar's end): the pattern gives the shape only",
        [ProblemCodes.EmptyPeriod] = "`to` after `from`: a schema cannot compare two values",
        [ProblemCodes.DuplicateId] = "ids unique among rules and presumptions: a schema cannot compare values across objects",
        [ProblemCodes.DuplicateProperty] = "a property given twice: a parsed object holds each name once, so a schema never sees the duplicate",
        [ProblemCodes.UnknownTimeZone] = "tzdb time-zone ids: the list is NodaTime's data, not a fixed vocabulary",
        [ProblemCodes.FileUnreadable] = "reading a file (not its content)",
        [ProblemCodes.NotARegularFile] = "reading a file (not its content)",
        [ProblemCodes.DanglingLink] = "reading a file (not its content)",
        ["PM2xxx"] = "checks across the documents of a set (parents, terms, exceptions, preemption, layers, ids in the set)",
        ["PM3xxx"] = "checks made when deciding (a jurisdiction the set has, a partial request's use)",
    };

    /// <summary>A structural code whose reason a schema cannot state in one case: the order of dated section variants.</summary>
    private const string SectionOrder = "section variants must be in increasing `from` order";

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
            (Structural.Contains(code) ^ NotExpressible.ContainsKey(Family(code))).Should().BeTrue($"{code} is classified exactly once");
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
                Agree(kind, texts.Single(), problems, name);
                break;
            default:
                throw new InvalidOperationException($"{c.Entry} has no schema");
        }
    }

    [Fact]
    public void Catalogued_inputs_without_text_are_built_in_code_or_break_a_limit_a_schema_cannot_state()
    {
        var withoutText = BadInputCatalogue.All.Where(c => c.Texts is null).ToList();

        withoutText.Should().OnlyContain(c => c.Entry == Entry.Decide || c.Entry == Entry.DecisionJson || NotExpressible.ContainsKey(Family(c.Code!)));
        BadInputCatalogue.All.Count(c => c.Texts is not null && c.Code is not null && Structural.Contains(c.Code))
            .Should().BeGreaterThan(40, "most catalogued bad inputs are structural, and each is checked against its schema");
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void A_sample_file_is_valid_to_the_schema_of_every_reader_that_accepts_it(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Schemas.Root, file));

        var accepted = Samples.Readers(bytes, file).Where(r => r.Problems.Count == 0).Select(r => r.Kind).ToList();

        accepted.Should().NotBeEmpty($"{file} is a sample of a policy document, a request file or a scenario file");
        foreach (var kind in accepted)
        {
            Schemas.Validate(kind, bytes).Should().BeNull($"the {kind} reader accepts {file}");
        }
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
    public void Every_json_example_in_the_docs_that_a_reader_accepts_is_valid_to_its_schema()
    {
        var checkedKinds = new List<SchemaKind>();
        foreach (var (file, line, text) in Samples.MarkdownBlocks())
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            foreach (var reader in Samples.Readers(bytes, file).Where(r => r.Problems.Count == 0))
            {
                Schemas.Validate(reader.Kind, bytes).Should().BeNull($"the {reader.Kind} reader accepts the example at {file}:{line}");
                checkedKinds.Add(reader.Kind);
            }
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
            PolicyDocument.Parse(text, "gen.json").Problems.Should().BeEmpty();
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
            (SchemaKind.PolicyDocument, Inputs.Utf8(Inputs.ValidDocument)),
            (SchemaKind.PolicyDocument, File.ReadAllBytes(Path.Combine(Schemas.Root, "tests/Examples.AgencyPolicy.Tests/policies/oak-park.json"))),
            (SchemaKind.RequestFile, Inputs.Utf8(Inputs.ValidRequest)),
            (SchemaKind.RequestFile, Inputs.Utf8(PartialRequests)),
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
                var verdict = Agree(kind, mutant, problems, $"a mutant of a {kind}: {Encoding.UTF8.GetString(mutant)}");
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

        Agree(SchemaKind.Request, bytes, problems, name);
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
        var bytes = Encoding.UTF8.GetBytes(template.Replace("REQUEST", Inputs.ValidRequest, StringComparison.Ordinal));
        var problems = Samples.Read(SchemaKind.ScenarioFile, bytes, "scenarios.json");

        if (code is null)
        {
            problems.Should().BeEmpty(name);
        }
        else
        {
            problems.Select(p => p.Code).Should().Contain(code, name);
        }

        Agree(SchemaKind.ScenarioFile, bytes, problems, name);
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

    /// <summary>
    /// Asserts the agreement for one text: accepted by the reader ⇒ valid to the schema; rejected with a structural
    /// problem ⇒ invalid to the schema. Returns the verdict.
    /// </summary>
    private static string Agree(SchemaKind kind, byte[] text, IReadOnlyList<Problem> problems, string what)
    {
        var schema = Schemas.Validate(kind, text);
        if (problems.Count == 0)
        {
            schema.Should().BeNull($"the reader accepts {what}");
            return "both accept";
        }

        var structural = problems.Where(IsStructural).ToList();
        if (structural.Count > 0)
        {
            schema.Should().NotBeNull($"the reader rejects {what} with {structural[0]}");
            return "both reject";
        }

        return schema is null ? "only the reader rejects" : "both reject";
    }

    private static bool IsStructural(Problem problem) =>
        Structural.Contains(problem.Code) && !(problem.Code == ProblemCodes.InvalidValue && problem.Message.Contains(SectionOrder, StringComparison.Ordinal));

    private static string Family(string code) => code.StartsWith("PM2", StringComparison.Ordinal) ? "PM2xxx" : code.StartsWith("PM3", StringComparison.Ordinal) ? "PM3xxx" : code;
}
