using System.Text.Encodings.Web;
using System.Text.Json;
using Ardalis.GuardClauses;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>
/// Writes a <see cref="PolicyDocument"/> back as a <c>policymodel/1</c> JSON document (<c>docs/policy-format.md</c>), so
/// that documents can be saved after they are loaded: <see cref="PolicyDocument.Parse(string, string)"/> of the text
/// gives a document with the same content. Comments, property order, optional properties that held their defaults
/// and the shorthand used for a test are not kept (a scalar <c>anyOf</c> test is written as a bare list).
/// </summary>
public static class PolicyDocumentJson
{
    /// <summary>Writes a document as JSON.</summary>
    /// <param name="document">The document (as parsed).</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text (UTF-8 when saved; no byte order mark).</returns>
    public static string Serialize(PolicyDocument document, bool indented = true)
    {
        Guard.Against.Null(document);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,

            // The output is a data file, never embedded in HTML: keep non-ASCII text (section signs, dashes) readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Write(writer, document);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, PolicyDocument d)
    {
        w.WriteStartObject();
        w.WriteString("format", PolicyDocument.FormatV1);
        if (d.LawCurrentTo is { } lawCurrentTo)
        {
            w.WriteString("lawCurrentTo", lawCurrentTo.ToContractText());
        }

        WriteJurisdiction(w, d.Jurisdiction);
        if (d.Sources.Count > 0)
        {
            w.WriteStartArray("sources");
            foreach (var s in d.Sources)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("kind", s.Kind.ToContractName());
                w.WriteString("title", s.Title);
                w.WriteString("citation", s.Citation);
                if (s.Enacted is { } enacted)
                {
                    w.WriteString("enacted", enacted.ToContractText());
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (d.Terms.Count > 0)
        {
            w.WriteStartObject("terms");
            foreach (var (name, condition) in d.Terms)
            {
                w.WritePropertyName(name);
                WriteCondition(w, condition);
            }

            w.WriteEndObject();
        }

        if (d.Presumptions.Count > 0)
        {
            w.WriteStartArray("presumptions");
            foreach (var p in d.Presumptions)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id.Value);
                WriteLayer(w, p.Layer);
                WritePeriod(w, p.Period);
                WriteSet(w, "binds", p.Binds);
                WriteConditions(w, p.When);
                w.WriteStartObject("presume");
                w.WriteString(RequestSchema.Of(RequestField.Purpose).JsonName, p.Presume.ToContractName());
                w.WriteEndObject();
                WriteExplains(w, p.Explains);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (d.Preemption.Count > 0)
        {
            w.WriteStartArray("preemption");
            foreach (var p in d.Preemption)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                WriteSet(w, "when", p.When);
                WriteSet(w, "preempts", p.Preempts);
                WriteSet(w, "layers", p.Layers);
                WriteExplains(w, p.Explains);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("rules");
        foreach (var r in d.Rules)
        {
            WriteRule(w, r);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteJurisdiction(Utf8JsonWriter w, JurisdictionDeclaration j)
    {
        w.WriteStartObject("jurisdiction");
        w.WriteString("id", j.Id.Value);
        if (j.IsDefinition)
        {
            w.WriteString("name", j.Name);
            if (j.Parent is { } parent)
            {
                w.WriteString("parent", parent.Value);
            }

            w.WriteString("timeZone", j.TimeZone);
            if (j.Level is { } level)
            {
                w.WriteString("level", level.ToContractName());
            }
        }

        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, RuleDeclaration r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id.Value);
        WriteLayer(w, r.Layer);
        w.WriteString("source", r.Source);
        if (r.Sections is [{ From: null } only])
        {
            w.WriteString("section", only.Section);
        }
        else
        {
            w.WriteStartArray("section");
            foreach (var variant in r.Sections)
            {
                w.WriteStartObject();
                if (variant.From is { } from)
                {
                    w.WriteString("from", from.ToContractText());
                }

                w.WriteString("section", variant.Section);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        WritePeriod(w, r.Period);
        WriteSet(w, "binds", r.Binds);
        WriteConditions(w, r.When);
        w.WriteString("effect", r.Effect.ToContractName());
        if (!r.Obligations.IsEmpty)
        {
            WriteSet(w, "obligations", r.Obligations);
        }

        WriteIds(w, "excepts", r.Excepts);
        WriteIds(w, "preempts", r.Preempts);
        WriteExplains(w, r.Explains);
        if (r.Confidence != Confidence.Verified)
        {
            w.WriteString("confidence", r.Confidence.ToContractName());
        }

        w.WriteEndObject();
    }

    private static void WriteLayer(Utf8JsonWriter w, Layer? layer)
    {
        if (layer is { } l)
        {
            w.WriteString("layer", l.ToContractName());
        }
    }

    private static void WritePeriod(Utf8JsonWriter w, EffectivePeriod period)
    {
        if (period.From is null && period.To is null)
        {
            return;
        }

        w.WriteStartObject("period");
        if (period.From is { } from)
        {
            w.WriteString("from", from.ToContractText());
        }

        if (period.To is { } to)
        {
            w.WriteString("to", to.ToContractText());
        }

        w.WriteEndObject();
    }

    private static void WriteExplains(Utf8JsonWriter w, string? explains)
    {
        if (explains is not null)
        {
            w.WriteString("explains", explains);
        }
    }

    private static void WriteIds(Utf8JsonWriter w, string name, IReadOnlyList<RuleId> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id.Value);
        }

        w.WriteEndArray();
    }

    private static void WriteSet<T>(Utf8JsonWriter w, string name, EnumSet<T> values)
        where T : struct, Enum
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v.ToContractName());
        }

        w.WriteEndArray();
    }

    private static void WriteConditions(Utf8JsonWriter w, IReadOnlyList<Condition> when)
    {
        if (when.Count == 0)
        {
            return;
        }

        w.WriteStartArray("when");
        foreach (var c in when)
        {
            WriteCondition(w, c);
        }

        w.WriteEndArray();
    }

    private static void WriteCondition(Utf8JsonWriter w, Condition condition)
    {
        w.WriteStartObject();
        switch (condition)
        {
            case AllOfCondition all:
                w.WriteStartArray("allOf");
                foreach (var c in all.Conditions)
                {
                    WriteCondition(w, c);
                }

                w.WriteEndArray();
                break;

            case AnyOfCondition any:
                w.WriteStartArray("anyOf");
                foreach (var c in any.Conditions)
                {
                    WriteCondition(w, c);
                }

                w.WriteEndArray();
                break;

            case NotCondition not:
                w.WritePropertyName("not");
                WriteCondition(w, not.Inner);
                break;

            case TermCondition term:
                w.WriteString("term", term.Term);
                break;

            case FieldCondition field:
                WriteField(w, field);
                break;

            default:
                throw new InvalidOperationException("unreachable: conditions form a closed set");
        }

        w.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter w, FieldCondition field)
    {
        var schema = RequestSchema.Of(field.Field);
        var name = schema.JsonName;
        var isSet = schema.IsSet;
        switch (field.Test)
        {
            case FieldTest.NonEmpty:
                w.WriteString(name, "non-empty");
                return;
            case FieldTest.Empty:
                w.WriteString(name, "empty");
                return;
            case FieldTest.AnyOf when !isSet:
                WriteNames(w, name, field);
                return;
        }

        w.WriteStartObject(name);
        WriteNames(w, field.Test switch { FieldTest.AnyOf => "anyOf", FieldTest.AllOf => "allOf", _ => "noneOf" }, field);
        w.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter w, string name, FieldCondition field)
    {
        w.WriteStartArray(name);
        foreach (var value in field.ValueNames())
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
