using System.Text.Json;
using Ardalis.GuardClauses;
using PolicyModel.Engine;

namespace PolicyModel;

/// <summary>
/// Writes what-if results in the contract's JSON form: the decision's properties, then <c>alternatives</c>, each with
/// <c>changes</c> (the changed fields with their new values; a set field with its whole new array; <c>receivedAt</c> for a
/// change of date), <c>outcome</c> and <c>citations</c>.
/// </summary>
public static class WhatIfJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>Serialises one what-if result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(WhatIfResult result, bool indented = true)
    {
        Guard.Against.Null(result);
        return Write(writer => Write(writer, result), indented);
    }

    /// <summary>Serialises what-if results as a JSON array, in order.</summary>
    /// <param name="results">The results.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(IEnumerable<WhatIfResult> results, bool indented = true)
    {
        Guard.Against.Null(results);
        return Write(
            writer =>
            {
                writer.WriteStartArray();
                foreach (var result in results)
                {
                    Write(writer, result);
                }

                writer.WriteEndArray();
            },
            indented);
    }

    /// <summary>Writes one what-if result to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="result">The result.</param>
    public static void Write(Utf8JsonWriter writer, WhatIfResult result)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(result);
        writer.WriteStartObject();
        using (var decision = JsonSerializer.SerializeToDocument(DecisionJson.ToDto(result.Decision), DecisionJsonContext.Default.DecisionDocument))
        {
            foreach (var property in decision.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteStartArray("alternatives");
        foreach (var alternative in result.Alternatives)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("changes");
            foreach (var change in alternative.Changes)
            {
                writer.WritePropertyName(RequestFields.Name(change.Field));
                change.WriteTo(writer);
            }

            if (alternative.ReceivedAt is { } at)
            {
                writer.WriteString(RequestSchema.ReceivedAtProperty, at.ToContractText());
            }

            writer.WriteEndObject();
            writer.WriteString("outcome", ContractNames<Outcome>.Name(alternative.Outcome));
            writer.WriteStartArray("citations");
            foreach (var citation in alternative.Citations)
            {
                writer.WriteStringValue(citation);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
