using System.Text.Json;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>
/// Writes a <see cref="DecisionTrace"/> as JSON: the local date and time zone, the notes, every rule considered with
/// its layer, effect, status and citation, and the decision in the contract's form.
/// </summary>
public static class DecisionTraceJson
{
    /// <summary>Writes one trace to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="trace">The trace.</param>
    public static void Write(Utf8JsonWriter writer, DecisionTrace trace)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(trace);
        writer.WriteStartObject();
        writer.WriteString("localDate", trace.LocalDate.ToContractText());
        writer.WriteString("timeZone", trace.TimeZone);
        writer.WriteStartArray("notes");
        foreach (var note in trace.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rules");
        foreach (var rule in trace.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", rule.Rule.Value);
            writer.WriteString("jurisdiction", rule.Jurisdiction.Value);
            writer.WriteString("layer", rule.Layer.ToContractName());
            writer.WriteString("effect", rule.Effect.ToContractName());
            writer.WriteString("status", rule.Status.ToContractName());
            if (rule.Detail is not null)
            {
                writer.WriteString("detail", rule.Detail);
            }

            writer.WriteString("citation", rule.Citation);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("decision");
        DecisionJson.Write(writer, trace.Decision);
        writer.WriteEndObject();
    }
}
