using System.Text;
using System.Text.Json;
using Json.Schema;

namespace PolicyModel.Reliability.Tests.Schemas;

/// <summary>The kinds of file PolicyModel reads that have a JSON Schema.</summary>
public enum SchemaKind
{
    /// <summary>A policy document: <c>schemas/policy-document.schema.json</c>.</summary>
    PolicyDocument,

    /// <summary>A request file (one request object or an array of them): <c>schemas/request.schema.json</c>.</summary>
    RequestFile,

    /// <summary>One request object (what <c>RequestJson.Parse</c> takes): the request schema's <c>$defs/request</c>.</summary>
    Request,

    /// <summary>A scenario file: <c>schemas/scenario-file.schema.json</c>.</summary>
    ScenarioFile,
}

/// <summary>
/// The repository's JSON Schemas (<c>schemas/</c>), built once with JsonSchema.Net, and the validation of JSON texts
/// against them as an editor or a pipeline would do it.
/// </summary>
internal static class Schemas
{
    /// <summary>The repository's root (the folder of PolicyModel.sln).</summary>
    public static readonly string Root = FindRoot();

    /// <summary>The folder of the schemas.</summary>
    public static readonly string Folder = Path.Combine(Root, "schemas");

    /// <summary>The file name of each schema.</summary>
    public static readonly IReadOnlyDictionary<SchemaKind, string> FileNames = new Dictionary<SchemaKind, string>
    {
        [SchemaKind.PolicyDocument] = "policy-document.schema.json",
        [SchemaKind.RequestFile] = "request.schema.json",
        [SchemaKind.Request] = "request.schema.json",
        [SchemaKind.ScenarioFile] = "scenario-file.schema.json",
    };

    private static readonly Lazy<IReadOnlyDictionary<SchemaKind, JsonSchema>> Built = new(Build);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of a schema file.</summary>
    public static string Text(SchemaKind kind) => File.ReadAllText(Path.Combine(Folder, FileNames[kind]));

    /// <summary>Parses a schema file.</summary>
    public static JsonElement Json(SchemaKind kind) => JsonDocument.Parse(Text(kind)).RootElement.Clone();

    /// <summary>
    /// Validates <paramref name="utf8"/> against the schema of <paramref name="kind"/>: <see langword="null"/> when it
    /// is valid, otherwise why not. Text that is not JSON (by RFC 8259: no comments, no trailing commas, valid UTF-8) is
    /// invalid before any schema is applied; a leading UTF-8 byte order mark is an encoding mark, not JSON, and is
    /// skipped as the readers skip it.
    /// </summary>
    public static string? Validate(SchemaKind kind, ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            _ = StrictUtf8.GetCharCount(utf8);
            // At most 64 levels (System.Text.Json's default, which the validator's messages need); the readers stop at 32.
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            return "not JSON: " + e.Message;
        }

        using (document)
        {
            try
            {
                var result = Built.Value[kind].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                return result.IsValid ? null : Describe(result);
            }
            catch (InvalidOperationException e)
            {
                // System.Text.Json parses a lone surrogate escape (`"\ud800"`) but cannot read it as a string:
                // not JSON text a validator (or RFC 8259's interoperable JSON) accepts.
                return "not JSON strings: " + e.Message;
            }
        }
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(5)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static Dictionary<SchemaKind, JsonSchema> Build()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var built = new Dictionary<SchemaKind, JsonSchema>
        {
            [SchemaKind.PolicyDocument] = JsonSchema.FromText(Text(SchemaKind.PolicyDocument), options),
            [SchemaKind.RequestFile] = JsonSchema.FromText(Text(SchemaKind.RequestFile), options),
            [SchemaKind.ScenarioFile] = JsonSchema.FromText(Text(SchemaKind.ScenarioFile), options),
        };

        // One request object: the definition every request file and scenario uses, by its absolute URI.
        built[SchemaKind.Request] = JsonSchema.FromText($$"""{ "$ref": "{{PolicyModelSchemas.RequestId}}#/$defs/request" }""", options);
        return built;
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
