using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolicyModel.Server;

/// <summary>
/// Describes requests and decisions in the OpenAPI document by the core's own JSON Schemas
/// (<see cref="RequestJson.JsonSchema"/>, built from the request schema, and <see cref="DecisionJson.JsonSchema"/>):
/// the service restates neither the fields nor their vocabularies.
/// </summary>
internal static class ContractSchemas
{
    private static readonly JsonObject Request = RequestJson.JsonSchema();
    private static readonly JsonObject Decision = DecisionJson.JsonSchema();

    /// <summary>The schema transformer: fills the schema of <see cref="AssistanceRequest"/> and <see cref="PolicyModel.Decision"/>.</summary>
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var source = context.JsonTypeInfo.Type == typeof(AssistanceRequest) ? Request
            : context.JsonTypeInfo.Type == typeof(PolicyModel.Decision) ? Decision
            : null;
        if (source is not null)
        {
            Fill(schema, source);
        }

        return Task.CompletedTask;
    }

    /// <summary>Copies the keywords the core's schemas use into an OpenAPI schema.</summary>
    private static void Fill(OpenApiSchema target, JsonObject source)
    {
        target.Type = source["type"] switch
        {
            JsonArray types => types.Select(t => TypeOf(t!.GetValue<string>())).Aggregate((a, b) => a | b),
            JsonValue type => TypeOf(type.GetValue<string>()),
            _ => null,
        };
        target.Description = (string?)source["description"];
        target.Format = (string?)source["format"];
        target.Pattern = (string?)source["pattern"];
        target.MaxLength = (int?)source["maxLength"];
        target.UniqueItems = (bool?)source["uniqueItems"];
        if (source["enum"] is JsonArray values)
        {
            target.Enum = [.. values.Select(v => v!.DeepClone())];
        }

        if (source["items"] is JsonObject items)
        {
            target.Items = Schema(items);
        }

        if (source["properties"] is JsonObject properties)
        {
            target.Properties = properties.ToDictionary(p => p.Key, p => (IOpenApiSchema)Schema(p.Value as JsonObject ?? []), StringComparer.Ordinal);
        }

        if (source["required"] is JsonArray required)
        {
            target.Required = new HashSet<string>(required.Select(r => r!.GetValue<string>()), StringComparer.Ordinal);
        }

        if (source["additionalProperties"] is JsonValue additional && !additional.GetValue<bool>())
        {
            target.AdditionalPropertiesAllowed = false;
        }
    }

    private static OpenApiSchema Schema(JsonObject source)
    {
        var schema = new OpenApiSchema();
        Fill(schema, source);
        return schema;
    }

    private static JsonSchemaType TypeOf(string name) => Enum.Parse<JsonSchemaType>(name, ignoreCase: true);
}
