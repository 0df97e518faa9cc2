using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PolicyModel.Server;

/// <summary>
/// <c>GET /v1/fields</c>: how each request field is given (its label, whether it holds a set of values, whether it is
/// required, its default), from the core's request schema. With <c>GET /v1/vocabularies</c> (the values and their
/// meanings) it is all a form needs to ask for a request without naming a field itself; the web page builds its form
/// from the two.
/// </summary>
internal static partial class Endpoints
{
    private static readonly List<FieldBody> FieldBodies =
    [
        .. PolicyModel.RequestSchema.JsonOrder.Select(field => new FieldBody
        {
            Name = field.JsonName,
            Label = field.Label,
            Set = field.IsSet,
            Required = field.IsRequired,
            Default = field.IsRequired || field.IsSet ? null : field.ValueText(field.Default),
        }),
    ];

    private static void MapFields(WebApplication app) =>
        app.MapGet("/v1/fields", (HttpContext context, CancellationToken _) => Fields(context)).WithName("fields")
            .WithSummary("Every request field a request can give, in the contract's order: its name, label, whether it holds a set of values, whether it is required, and its default")
            .Returns(StatusCodes.Status200OK, typeof(List<FieldBody>), Json);

    private static Task Fields(HttpContext context)
    {
        context.Response.ContentType = Json;
        return JsonSerializer.SerializeAsync(context.Response.Body, FieldBodies, ServerJsonContext.Default.ListFieldBody, context.RequestAborted);
    }
}

/// <summary>One entry of <c>GET /v1/fields</c>.</summary>
internal sealed class FieldBody
{
    /// <summary>The field's JSON name.</summary>
    public required string Name { get; init; }

    /// <summary>The field in words, as explanations name it.</summary>
    public required string Label { get; init; }

    /// <summary>Whether the field holds a set of values (an array) rather than one.</summary>
    public required bool Set { get; init; }

    /// <summary>Whether a complete request must give the field.</summary>
    public required bool Required { get; init; }

    /// <summary>The value of an optional single-valued field that a request omits; a set field's default is the empty set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Default { get; init; }
}
