using System.Reflection;

namespace PolicyModel;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the files PolicyModel reads: policy documents, request files and scenario
/// files. Each describes what the library's reader of that file accepts, for editors and for validating files
/// before they reach the library. The same files are in the package under <c>schemas/</c>. The readers check
/// more than a schema can say (see docs/policy-format.md, "JSON Schemas").
/// </summary>
public static class PolicyModelSchemas
{
    /// <summary>The <c>$id</c> of the policy-document schema.</summary>
    public const string PolicyDocumentId = "urn:policymodel:schema:policy-document:1";

    /// <summary>The <c>$id</c> of the request-file schema (one request object or an array of them).</summary>
    public const string RequestId = "urn:policymodel:schema:request:1";

    /// <summary>The <c>$id</c> of the scenario-file schema.</summary>
    public const string ScenarioFileId = "urn:policymodel:schema:scenario-file:1";

    private static readonly Lazy<string> PolicyDocumentText = new(() => Load("policy-document.schema.json"));
    private static readonly Lazy<string> RequestText = new(() => Load("request.schema.json"));
    private static readonly Lazy<string> ScenarioFileText = new(() => Load("scenario-file.schema.json"));

    /// <summary>The policy-document schema's text (<c>policy-document.schema.json</c>, <c>$id</c> <see cref="PolicyDocumentId"/>).</summary>
    public static string PolicyDocument => PolicyDocumentText.Value;

    /// <summary>The request-file schema's text (<c>request.schema.json</c>, <c>$id</c> <see cref="RequestId"/>).</summary>
    public static string Request => RequestText.Value;

    /// <summary>The scenario-file schema's text (<c>scenario-file.schema.json</c>, <c>$id</c> <see cref="ScenarioFileId"/>).</summary>
    public static string ScenarioFile => ScenarioFileText.Value;

    private static string Load(string fileName)
    {
        using var stream = typeof(PolicyModelSchemas).Assembly.GetManifestResourceStream("PolicyModel.Schemas." + fileName)
            ?? throw new InvalidOperationException($"the schema `{fileName}` is not embedded in {typeof(PolicyModelSchemas).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
