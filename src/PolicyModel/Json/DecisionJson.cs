using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.GuardClauses;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>Writes decisions in the contract's JSON form through a source-generated System.Text.Json context.</summary>
public static class DecisionJson
{
    /// <summary>Serialises one decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Decision decision, bool indented = true)
    {
        Guard.Against.Null(decision);
        return JsonSerializer.Serialize(ToDto(decision), indented ? DecisionJsonContext.Indented.DecisionDocument : DecisionJsonContext.Default.DecisionDocument);
    }

    /// <summary>Serialises decisions as a JSON array, in order.</summary>
    /// <param name="decisions">The decisions.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(IEnumerable<Decision> decisions, bool indented = true)
    {
        Guard.Against.Null(decisions);
        var list = decisions.Select(ToDto).ToList();
        return JsonSerializer.Serialize(list, indented ? DecisionJsonContext.Indented.ListDecisionDocument : DecisionJsonContext.Default.ListDecisionDocument);
    }

    /// <summary>Writes one decision to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="decision">The decision.</param>
    public static void Write(Utf8JsonWriter writer, Decision decision)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(decision);
        JsonSerializer.Serialize(writer, ToDto(decision), DecisionJsonContext.Default.DecisionDocument);
    }

    internal static DecisionDocument ToDto(Decision d) => new()
    {
        RequestId = d.RequestId,
        Outcome = Vocab<Outcome>.Name(d.Outcome),
        EffectiveDate = Texts.Date(d.EffectiveDate),
        JurisdictionChain = [.. d.JurisdictionChain.Select(j => j.Value)],
        DecidingRules = [.. d.DecidingRules.Select(r => r.Value)],
        Citations = [.. d.Citations],
        Obligations = [.. d.Obligations.Select(Vocab<Obligation>.Name)],
        Preempted = [.. d.Preempted.Select(r => r.Value)],
        Conflicts = d.Conflicts.Count == 0 ? null : [.. d.Conflicts.Select(c => new ConflictDocument { Prohibiting = c.Prohibiting.Value, Other = c.Other.Value })],
        Explanation = d.Explanation,
    };
}

/// <summary>The JSON shape of a decision (contract "Decision").</summary>
internal sealed class DecisionDocument
{
    public string? RequestId { get; init; }

    public required string Outcome { get; init; }

    public required string EffectiveDate { get; init; }

    public required List<string> JurisdictionChain { get; init; }

    public required List<string> DecidingRules { get; init; }

    public required List<string> Citations { get; init; }

    public required List<string> Obligations { get; init; }

    public required List<string> Preempted { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ConflictDocument>? Conflicts { get; init; }

    public required string Explanation { get; init; }
}

internal sealed class ConflictDocument
{
    public required string Prohibiting { get; init; }

    public required string Other { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DecisionDocument))]
[JsonSerializable(typeof(List<DecisionDocument>))]
internal sealed partial class DecisionJsonContext : JsonSerializerContext
{
    private static DecisionJsonContext? indented;

    public static DecisionJsonContext Indented => indented ??= new DecisionJsonContext(new JsonSerializerOptions(Default.Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
