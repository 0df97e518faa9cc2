using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;

namespace PolicyModel;

/// <summary>
/// System.Text.Json support for the model types: <c>JsonSerializer</c> writes and reads exactly the published JSON
/// (docs/request-format.md, docs/decision-format.md), through the library's own strict readers and writers.
/// </summary>
/// <remarks>
/// <see cref="AssistanceRequest"/>, <see cref="Decision"/>, <see cref="RuleConflict"/>, the ids and every vocabulary
/// enum carry their converter as an attribute, so plain <c>JsonSerializer.Serialize(decision)</c> (and an ASP.NET
/// endpoint returning a decision) already writes the published form. <see cref="AddPolicyModel"/> adds
/// <see cref="PolicyModelJsonContext"/> as a resolver (for trimmed and native AOT applications) and the converters of
/// the types that cannot carry an attribute. Invalid input gives a <see cref="JsonException"/> whose message names
/// each problem's code, JSON path, line and column.
/// </remarks>
public static class PolicyModelJsonOptions
{
    /// <summary>
    /// Makes <paramref name="options"/> read and write the model types in their published JSON form: adds
    /// <see cref="PolicyModelJsonContext.Default"/> to its resolver chain, after any resolver already set (with none set
    /// and reflection enabled, the default resolver already serves the types through their converter attributes), and
    /// converters for <see cref="EnumSet{T}"/> of circumstances and subject facts, <see cref="LocalDate"/> and
    /// <see cref="OffsetDateTime"/>.
    /// </summary>
    /// <param name="options">The options (not yet used for serialisation: options become read-only on first use).</param>
    /// <returns>The same options, for chaining.</returns>
    public static JsonSerializerOptions AddPolicyModel(this JsonSerializerOptions options)
    {
        Guard.Against.Null(options);
        foreach (var converter in PolicyModelJsonConverters.Extra)
        {
            options.Converters.Add(converter);
        }

        // With no resolver set and reflection on (the default), the types' converter attributes already serve them;
        // otherwise (a context of the application's own, ASP.NET's resolver, native AOT) the context joins the chain.
        if (options.TypeInfoResolver is not null || !JsonSerializer.IsReflectionEnabledByDefault)
        {
            options.TypeInfoResolverChain.Add(PolicyModelJsonContext.Default);
        }

        return options;
    }
}

/// <summary>
/// The source-generated System.Text.Json context of the model types, trimming- and AOT-safe: for example
/// <c>JsonSerializer.Serialize(decision, PolicyModelJsonContext.Default.Decision)</c>. Each type is written in its
/// published form by its converter (a <see cref="Problem"/> as <c>code</c>, <c>document</c>, <c>path</c>,
/// <c>line</c>, <c>column</c>, <c>message</c>).
/// </summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(EnumSetJsonConverter<Circumstance>), typeof(EnumSetJsonConverter<SubjectFact>)])]
[JsonSerializable(typeof(AssistanceRequest))]
[JsonSerializable(typeof(IReadOnlyList<AssistanceRequest>))]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(IReadOnlyList<Decision>))]
[JsonSerializable(typeof(RuleConflict))]
[JsonSerializable(typeof(JurisdictionId))]
[JsonSerializable(typeof(RuleId))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(IReadOnlyList<Problem>))]
[JsonSerializable(typeof(EffectivePeriod))]
[JsonSerializable(typeof(EnumSet<Circumstance>))]
[JsonSerializable(typeof(EnumSet<SubjectFact>))]
[JsonSerializable(typeof(Requester))]
[JsonSerializable(typeof(Purpose))]
[JsonSerializable(typeof(AssistanceKind))]
[JsonSerializable(typeof(Authority))]
[JsonSerializable(typeof(Circumstance))]
[JsonSerializable(typeof(SubjectFact))]
[JsonSerializable(typeof(Respondent))]
[JsonSerializable(typeof(Outcome))]
[JsonSerializable(typeof(Obligation))]
[JsonSerializable(typeof(Effect))]
[JsonSerializable(typeof(Layer))]
[JsonSerializable(typeof(SourceKind))]
[JsonSerializable(typeof(Confidence))]
public sealed partial class PolicyModelJsonContext : JsonSerializerContext;

/// <summary>The converters <see cref="PolicyModelJsonOptions.AddPolicyModel"/> adds and their shared error message.</summary>
internal static class PolicyModelJsonConverters
{
    internal static readonly JsonConverter[] Extra =
        [new LocalDateJsonConverter(), new OffsetDateTimeJsonConverter(), new EnumSetJsonConverter<Circumstance>(), new EnumSetJsonConverter<SubjectFact>()];

    /// <summary>Reads the current JSON value and hands its text to a strict reader; its problems become a JsonException.</summary>
    internal static T ReadWith<T>(ref Utf8JsonReader reader, string what, Func<string, T> parse)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var text = document.RootElement.GetRawText();
        try
        {
            return parse(text);
        }
        catch (InvalidRequestException e)
        {
            throw Invalid(what, e.Problems);
        }
    }

    /// <summary>A JsonException that names each problem (at most five) by code, path, line and column.</summary>
    internal static JsonException Invalid(string what, IReadOnlyList<Problem> problems)
    {
        var shown = problems.Take(5).Select(p =>
            $"{p.Code} at {p.Path}{(p.Line is { } line ? $" (line {line}, column {p.Column ?? 1} of the value)" : string.Empty)}: {p.Message}");
        var more = problems.Count > 5 ? $" (and {problems.Count - 5} more)" : string.Empty;
        return new JsonException($"Not a valid {what}: {string.Join("; ", shown)}{more}");
    }

    /// <summary>A vocabulary's name in words: <c>AssistanceKind</c> is <c>assistance kind</c>.</summary>
    internal static string KindOf(Type type) =>
        string.Concat(type.Name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    internal static string ReadString(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Not a valid {what}: expected a string, found {reader.TokenType}.");
}

internal sealed class AssistanceRequestJsonConverter : JsonConverter<AssistanceRequest>
{
    public override AssistanceRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PolicyModelJsonConverters.ReadWith(ref reader, "assistance request", json => RequestJson.Parse(json));

    public override void Write(Utf8JsonWriter writer, AssistanceRequest value, JsonSerializerOptions options) =>
        writer.WriteRawValue(RequestJson.Serialize(value, writer.Options.Indented), skipInputValidation: true);
}

internal sealed class DecisionJsonConverter : JsonConverter<Decision>
{
    public override Decision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PolicyModelJsonConverters.ReadWith(ref reader, "decision", json => DecisionJson.Parse(json));

    public override void Write(Utf8JsonWriter writer, Decision value, JsonSerializerOptions options) =>
        writer.WriteRawValue(DecisionJson.Serialize(value, writer.Options.Indented), skipInputValidation: true);
}

internal sealed class RuleConflictJsonConverter : JsonConverter<RuleConflict>
{
    public override RuleConflict Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Not a valid conflict: expected an object with `prohibiting` and `other`, found {reader.TokenType}.");
        }

        RuleId? prohibiting = null, other = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            var id = RuleIdJsonConverter.ReadId(ref reader);
            switch (name)
            {
                case "prohibiting" when prohibiting is null: prohibiting = id; break;
                case "other" when other is null: other = id; break;
                default: throw new JsonException($"Not a valid conflict: unexpected or repeated property `{name}` (expected `prohibiting` and `other`).");
            }
        }

        return prohibiting is { } p && other is { } o
            ? new RuleConflict(p, o)
            : throw new JsonException("Not a valid conflict: `prohibiting` and `other` are both required.");
    }

    public override void Write(Utf8JsonWriter writer, RuleConflict value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("prohibiting", value.Prohibiting.Value);
        writer.WriteString("other", value.Other.Value);
        writer.WriteEndObject();
    }
}

internal sealed class JurisdictionIdJsonConverter : JsonConverter<JurisdictionId>
{
    public override JurisdictionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = PolicyModelJsonConverters.ReadString(ref reader, "jurisdiction id");
        return JurisdictionId.IsValid(text) ? new JurisdictionId(text) : throw new JsonException($"Not a valid jurisdiction id: `{text}` ({IdSyntax.Description}).");
    }

    public override void Write(Utf8JsonWriter writer, JurisdictionId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

internal sealed class RuleIdJsonConverter : JsonConverter<RuleId>
{
    public override RuleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadId(ref reader);

    public override void Write(Utf8JsonWriter writer, RuleId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    internal static RuleId ReadId(ref Utf8JsonReader reader)
    {
        var text = PolicyModelJsonConverters.ReadString(ref reader, "rule id");
        return IdSyntax.IsValid(text) ? new RuleId(text) : throw new JsonException($"Not a valid rule id: `{text}` ({IdSyntax.Description}).");
    }
}

/// <summary>A vocabulary value as its kebab-case name (<c>ice-ero</c>), also as a dictionary key; an unknown name is an error.</summary>
/// <typeparam name="T">The vocabulary enum.</typeparam>
internal sealed class VocabularyJsonConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly string Kind = PolicyModelJsonConverters.KindOf(typeof(T));

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(PolicyModelJsonConverters.ReadString(ref reader, Kind));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ContractNames<T>.Name(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(ContractNames<T>.Name(value));

    private static T Parse(string? name) =>
        ContractNames<T>.TryParse(name, out var value) ? value : throw new JsonException($"Not a valid {Kind}: `{name}` is not one of {ContractNames<T>.Describe()}.");
}

/// <summary>A set of vocabulary values as an array of names; a repeated or unknown name is an error.</summary>
/// <typeparam name="T">The vocabulary enum.</typeparam>
internal sealed class EnumSetJsonConverter<T> : JsonConverter<EnumSet<T>>
    where T : struct, Enum
{
    private static readonly string Kind = PolicyModelJsonConverters.KindOf(typeof(T));

    public override EnumSet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Not a valid list of {Kind} values: expected an array, found {reader.TokenType}.");
        }

        var values = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var name = PolicyModelJsonConverters.ReadString(ref reader, Kind);
            if (!ContractNames<T>.TryParse(name, out var value))
            {
                throw new JsonException($"Not a valid {Kind}: `{name}` is not one of {ContractNames<T>.Describe()}.");
            }

            values.Add(value);
        }

        return EnumSet<T>.Of(values);
    }

    public override void Write(Utf8JsonWriter writer, EnumSet<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(ContractNames<T>.Name(item));
        }

        writer.WriteEndArray();
    }
}

/// <summary>A problem as <c>{ "code", "document", "path", "line", "column", "message" }</c> (line and column may be null).</summary>
internal sealed class ProblemJsonConverter : JsonConverter<Problem>
{
    public override Problem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Not a valid problem: expected an object, found {reader.TokenType}.");
        }

        string? code = null, document = null, path = null, message = null;
        int? line = null, column = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!seen.Add(name))
            {
                throw new JsonException($"Not a valid problem: property `{name}` is repeated.");
            }

            switch (name)
            {
                case "code": code = PolicyModelJsonConverters.ReadString(ref reader, "problem code"); break;
                case "document": document = PolicyModelJsonConverters.ReadString(ref reader, "problem document"); break;
                case "path": path = PolicyModelJsonConverters.ReadString(ref reader, "problem path"); break;
                case "message": message = PolicyModelJsonConverters.ReadString(ref reader, "problem message"); break;
                case "line": line = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32(); break;
                case "column": column = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32(); break;
                default: throw new JsonException($"Not a valid problem: unknown property `{name}` (expected code, document, path, line, column, message).");
            }
        }

        return code is null || document is null || path is null || message is null
            ? throw new JsonException("Not a valid problem: `code`, `document`, `path` and `message` are required.")
            : new Problem(code, document, path, line, column, message);
    }

    public override void Write(Utf8JsonWriter writer, Problem value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteString("document", value.Document);
        writer.WriteString("path", value.Path);
        WriteNumber(writer, "line", value.Line);
        WriteNumber(writer, "column", value.Column);
        writer.WriteString("message", value.Message);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

/// <summary>A period as in policy documents: <c>{ "from": "2021-08-02", "to": null }</c> (from inclusive, to exclusive).</summary>
internal sealed class EffectivePeriodJsonConverter : JsonConverter<EffectivePeriod>
{
    private static readonly LocalDateJsonConverter Date = new();

    public override EffectivePeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Not a valid period: expected an object with `from` and `to`, found {reader.TokenType}.");
        }

        LocalDate? from = null, to = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            LocalDate? value = reader.TokenType == JsonTokenType.Null ? null : Date.Read(ref reader, typeof(LocalDate), options);
            if (!seen.Add(name) || name is not ("from" or "to"))
            {
                throw new JsonException($"Not a valid period: unexpected or repeated property `{name}` (expected `from` and `to`).");
            }

            if (name == "from")
            {
                from = value;
            }
            else
            {
                to = value;
            }
        }

        return new EffectivePeriod(from, to);
    }

    public override void Write(Utf8JsonWriter writer, EffectivePeriod value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("from");
        WriteDate(writer, value.From, options);
        writer.WritePropertyName("to");
        WriteDate(writer, value.To, options);
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, LocalDate? date, JsonSerializerOptions options)
    {
        if (date is { } d)
        {
            Date.Write(writer, d, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>A date as <c>yyyy-MM-dd</c>, as in decisions and policy documents.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = PolicyModelJsonConverters.ReadString(ref reader, "date");
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"Not a valid date: `{text}` (expected yyyy-MM-dd).");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>A date-time with its offset, as a request's <c>receivedAt</c>.</summary>
internal sealed class OffsetDateTimeJsonConverter : JsonConverter<OffsetDateTime>
{
    public override OffsetDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = PolicyModelJsonConverters.ReadString(ref reader, "date-time");
        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"Not a valid date-time: `{text}` (expected an ISO 8601 date-time with an offset, such as 2025-01-21T06:40:00-06:00).");
    }

    public override void Write(Utf8JsonWriter writer, OffsetDateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(OffsetDateTimePattern.ExtendedIso.Format(value));
}
