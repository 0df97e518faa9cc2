using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyModel.Reliability.Tests.Schemas;

/// <summary>
/// The JSON Schemas say what the code says: each vocabulary enum lists the code's contract names in the code's order,
/// the request's properties and partial-request rules are those of <see cref="RequestSchema"/>, the copies of the request
/// definition agree, and the package serves the repository's files under their <c>$id</c>s. A test fails when a
/// committed schema is stale; its message shows the part to paste.
/// </summary>
public sealed class SchemaVocabularyTests
{
    public static TheoryData<SchemaKind> Files => [SchemaKind.PolicyDocument, SchemaKind.RequestFile, SchemaKind.ScenarioFile];

    /// <summary>Every vocabulary each schema file defines in <c>$defs</c>, by name, with the code's names.</summary>
    private static readonly Dictionary<SchemaKind, Dictionary<string, IReadOnlyList<string>>> Vocabularies = new()
    {
        [SchemaKind.PolicyDocument] = new()
        {
            ["obligation"] = ContractNames<Obligation>.Names,
            ["effect"] = ContractNames<Effect>.Names,
            ["layer"] = ContractNames<Layer>.Names,
            ["sourceKind"] = ContractNames<SourceKind>.Names,
            ["confidence"] = ContractNames<Confidence>.Names,
        },
        [SchemaKind.RequestFile] = new()
        {
            ["field"] = [.. RequestSchema.JsonOrder.Select(f => f.JsonName)],
        },
        [SchemaKind.ScenarioFile] = new()
        {
            ["field"] = [.. RequestSchema.JsonOrder.Select(f => f.JsonName)],
            ["outcome"] = ContractNames<Outcome>.Names,
            ["obligation"] = ContractNames<Obligation>.Names,
        },
    };

    /// <summary>The <c>$defs</c> name of a request field's vocabulary: the field's name, singular for a set field.</summary>
    private static string VocabularyName(RequestFieldInfo field) => field.IsSet ? field.JsonName[..^1] : field.JsonName;

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_request_field_vocabulary_in_a_schema_equals_the_code_schema(SchemaKind kind)
    {
        var defs = Schemas.Json(kind).GetProperty("$defs");
        foreach (var field in RequestSchema.Fields)
        {
            defs.TryGetProperty(VocabularyName(field), out var def).Should().BeTrue($"{Schemas.FileNames[kind]} defines the vocabulary of `{field.JsonName}`");
            Enum(def).Should().Equal(field.ValueNames, $"$defs/{VocabularyName(field)} of {Schemas.FileNames[kind]} is stale; paste {Paste(field.ValueNames)}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_other_vocabulary_in_a_schema_equals_the_contract_names(SchemaKind kind)
    {
        var defs = Schemas.Json(kind).GetProperty("$defs");
        foreach (var (name, names) in Vocabularies[kind])
        {
            Enum(defs.GetProperty(name)).Should().Equal(names, $"$defs/{name} of {Schemas.FileNames[kind]} is stale; paste {Paste(names)}");
        }
    }

    [Fact]
    public void A_policy_condition_can_test_every_request_field_with_its_vocabulary()
    {
        var defs = Schemas.Json(SchemaKind.PolicyDocument).GetProperty("$defs");
        var operators = defs.GetProperty("condition").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        operators.Should().BeEquivalentTo(["allOf", "anyOf", "not", "term", .. RequestSchema.Fields.Select(f => f.JsonName)]);
        foreach (var field in RequestSchema.Fields)
        {
            // A test of a field takes a non-empty list of its values; `binds` and the respondent test share `respondents`.
            var list = field.Field == RequestField.Respondent ? "respondents" : VocabularyName(field) + "List";
            defs.GetProperty(field.JsonName + "Test").GetRawText().Should().Contain($"\"#/$defs/{list}\"");
            defs.GetProperty(list).GetProperty("items").GetProperty("$ref").GetString().Should().Be($"#/$defs/{VocabularyName(field)}");
        }
    }

    [Fact]
    public void The_request_object_has_the_code_schemas_properties_and_its_required_fields()
    {
        var request = Schemas.Json(SchemaKind.RequestFile).GetProperty("$defs").GetProperty("request");

        request.GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().Equal(["$schema", .. RequestSchema.JsonProperties, "unknown"]);
        request.GetProperty("required").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("jurisdiction", "receivedAt");
        foreach (var field in RequestSchema.Fields)
        {
            var property = request.GetProperty("properties").GetProperty(field.JsonName).GetRawText();
            property.Should().Contain($"\"#/$defs/{VocabularyName(field)}\"", $"`{field.JsonName}` takes values of its vocabulary");
            property.Contains("\"array\"", StringComparison.Ordinal).Should().Be(field.IsSet, $"`{field.JsonName}` is a list exactly when it is a set field");
        }
    }

    [Fact]
    public void The_partial_request_rules_are_generated_from_the_code_schema()
    {
        // Per field: listed as unknown, the field must not be given; otherwise a required field must be given.
        var expected = new JsonArray([.. RequestSchema.JsonOrder.Select(UnknownRule)]);
        var actual = Schemas.Json(SchemaKind.RequestFile).GetProperty("$defs").GetProperty("request").GetProperty("allOf");

        JsonElement.DeepEquals(actual, JsonSerializer.SerializeToElement(expected)).Should().BeTrue(
            $"$defs/request/allOf of request.schema.json is stale; paste {expected.ToJsonString()}");
    }

    [Fact]
    public void The_scenario_files_request_definitions_are_the_request_schemas()
    {
        var request = Schemas.Json(SchemaKind.RequestFile).GetProperty("$defs");
        var scenario = Schemas.Json(SchemaKind.ScenarioFile).GetProperty("$defs");

        foreach (var def in request.EnumerateObject())
        {
            scenario.TryGetProperty(def.Name, out var copy).Should().BeTrue($"scenario-file.schema.json has $defs/{def.Name} (a scenario holds a request)");
            JsonElement.DeepEquals(copy, def.Value).Should().BeTrue($"$defs/{def.Name} of scenario-file.schema.json is a copy of request.schema.json's");
        }
    }

    [Fact]
    public void The_document_schema_reads_the_format_the_library_reads()
    {
        Schemas.Json(SchemaKind.PolicyDocument).GetProperty("properties").GetProperty("format").GetProperty("const").GetString()
            .Should().Be(PolicyDocument.FormatV1);
    }

    [Fact]
    public void The_package_serves_the_repositorys_schema_files_under_their_ids()
    {
        var served = new[]
        {
            (SchemaKind.PolicyDocument, PolicyModelSchemas.PolicyDocument, PolicyModelSchemas.PolicyDocumentId),
            (SchemaKind.RequestFile, PolicyModelSchemas.Request, PolicyModelSchemas.RequestId),
            (SchemaKind.ScenarioFile, PolicyModelSchemas.ScenarioFile, PolicyModelSchemas.ScenarioFileId),
        };

        foreach (var (kind, text, id) in served)
        {
            text.Should().Be(Schemas.Text(kind), $"the embedded {Schemas.FileNames[kind]} is the repository's");
            var json = Schemas.Json(kind);
            json.GetProperty("$id").GetString().Should().Be(id);
            json.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        }

        Directory.EnumerateFiles(Schemas.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(served.Select(s => Schemas.FileNames[s.Item1]),
            "every schema in schemas/ is served by PolicyModelSchemas");
        served.Select(s => s.Item3).Should().OnlyHaveUniqueItems().And.OnlyContain(id => Uri.IsWellFormedUriString(id, UriKind.Absolute));
    }

    private static JsonObject UnknownRule(RequestFieldInfo field)
    {
        var rule = new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["required"] = new JsonArray("unknown"),
                ["properties"] = new JsonObject { ["unknown"] = new JsonObject { ["contains"] = new JsonObject { ["const"] = field.JsonName } } },
            },
            ["then"] = new JsonObject { ["not"] = new JsonObject { ["required"] = new JsonArray(field.JsonName) } },
        };
        if (field.IsRequired)
        {
            rule["else"] = new JsonObject { ["required"] = new JsonArray(field.JsonName) };
        }

        return rule;
    }

    private static List<string?> Enum(JsonElement def) => [.. def.GetProperty("enum").EnumerateArray().Select(e => e.GetString())];

    private static string Paste(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => $"\"{n}\"")) + "]";
}
