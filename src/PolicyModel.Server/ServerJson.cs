using System.Text.Json.Serialization;

namespace PolicyModel.Server;

/// <summary>The body of <c>GET /healthz</c>.</summary>
internal sealed class HealthBody
{
    public required string Status { get; init; }

    public required string PolicyDigest { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LawCurrentTo { get; init; }
}

/// <summary>One entry of <c>GET /v1/jurisdictions</c>.</summary>
internal sealed class JurisdictionBody
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Parent { get; init; }

    public required string TimeZone { get; init; }

    public required string Level { get; init; }
}

/// <summary>One value of a vocabulary with its meaning (<c>GET /v1/vocabularies</c>).</summary>
internal sealed class VocabularyValueBody
{
    public required string Value { get; init; }

    public required string Meaning { get; init; }
}

/// <summary>An RFC 9457 problem-details body with the request's problems.</summary>
internal sealed class ProblemBody
{
    public string Type { get; init; } = "about:blank";

    public required string Title { get; init; }

    public required int Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Detail { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ProblemItem>? Errors { get; init; }
}

/// <summary>One problem of a request: its stable code, JSON path and message (as the CLI reports them).</summary>
internal sealed class ProblemItem
{
    public required string Code { get; init; }

    public required string Path { get; init; }

    public required string Message { get; init; }
}

/// <summary>An invalid line of a batch, written in its place in the output stream.</summary>
internal sealed class BatchErrorLine
{
    public required int Line { get; init; }

    public required List<ProblemItem> Errors { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WhatIfSchema))]
[JsonSerializable(typeof(List<FieldBody>))]
[JsonSerializable(typeof(HealthBody))]
[JsonSerializable(typeof(List<JurisdictionBody>))]
[JsonSerializable(typeof(Dictionary<string, List<VocabularyValueBody>>))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(BatchErrorLine))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
