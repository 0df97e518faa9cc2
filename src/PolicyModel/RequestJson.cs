using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using PolicyModel.Engine;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>
/// Reads and writes assistance requests in the contract's JSON form. Reading is strict: unknown properties,
/// unknown values, duplicate properties, missing fields and times without an offset are errors naming the
/// JSON path and line; nothing is defaulted silently except the contract's own defaults.
/// </summary>
public static class RequestJson
{
    /// <summary>Most requests in one file: 1,000,000.</summary>
    public const int MaxRequests = 1_000_000;

    /// <summary>Most problems reported for one file before reading stops: 100.</summary>
    public const int MaxProblems = 100;

    /// <summary>
    /// The properties of a request object: the schema's, <c>unknown</c> (a partial request) and <c>$schema</c> (the
    /// JSON Schema the request follows, for editors; ignored).
    /// </summary>
    private static readonly string[] Properties = [.. RequestSchema.JsonProperties, "unknown", Binder.SchemaProperty];

    private static readonly JsonLimits Limits = new() { MaxDepth = 3, MaxStringLength = 4096, MaxItems = 64 };

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HH:mm>"),
    ];

    /// <summary>Parses one request object, collecting every problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The document name used in problems.</param>
    /// <param name="request">The request, when the text is a valid request.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the text is one valid request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static bool TryParse(string json, string name, [NotNullWhen(true)] out AssistanceRequest? request, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(json);
        request = null;
        if (!TryReadAll(System.Text.Encoding.UTF8.GetBytes(json), name, out var all, out var wasArray, out problems))
        {
            return false;
        }

        if (wasArray || all.Count != 1)
        {
            problems = [new Problem(ProblemCodes.WrongType, name, "$", 1, 1, "expected one request object, found an array")];
            return false;
        }

        request = all[0];
        return true;
    }

    /// <summary>Parses one request object named <c>request</c> in problems, collecting every problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="request">The request, when the text is a valid request.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the text is one valid request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string json, [NotNullWhen(true)] out AssistanceRequest? request, out IReadOnlyList<Problem> problems) =>
        TryParse(json, "request", out request, out problems);

    /// <summary>Parses one request object, for callers that treat a bad request as a bug (<see cref="TryParse(string, string, out AssistanceRequest?, out IReadOnlyList{Problem})"/> returns the problems instead).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The document name used in errors.</param>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidRequestException">The text is not a valid request; every problem is listed.</exception>
    public static AssistanceRequest Parse(string json, string name = "request") =>
        TryParse(json, name, out var request, out var problems) ? request : throw new InvalidRequestException(problems);

    /// <summary>Reads a file's requests: one request object or an array of them, collecting the problems.</summary>
    /// <param name="utf8">The UTF-8 JSON text.</param>
    /// <param name="name">The document name used in problems (the file name).</param>
    /// <param name="requests">The requests in order, when every one is valid.</param>
    /// <param name="wasArray">Whether the text held an array (so results are written as an array too).</param>
    /// <param name="problems">The problems found (at most about <see cref="MaxProblems"/>; empty on success).</param>
    /// <returns>Whether the text holds only valid requests.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static bool TryReadAll(ReadOnlySpan<byte> utf8, string name, [NotNullWhen(true)] out IReadOnlyList<AssistanceRequest>? requests, out bool wasArray, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.NullOrWhiteSpace(name);

        // Nearly every record (a line of JSON Lines, a body of one request) is one plain request object: read straight
        // from its bytes. Anything else, errors included, goes through the strict tree reader below.
        if (PlainRequestReader.TryRead(utf8) is { } plain)
        {
            wasArray = false;
            requests = [plain];
            problems = [];
            return true;
        }

        return TryReadStrict(utf8, name, out requests, out wasArray, out problems);
    }

    /// <summary>The strict reader alone (every form, every problem): what <see cref="TryReadAll"/> falls back on.</summary>
    internal static IReadOnlyList<AssistanceRequest> ReadStrict(ReadOnlySpan<byte> utf8, string name, out bool wasArray) =>
        TryReadStrict(utf8, name, out var requests, out wasArray, out var problems) ? requests : throw new InvalidRequestException(problems);

    /// <summary>The strict reader alone, collecting the problems.</summary>
    private static bool TryReadStrict(ReadOnlySpan<byte> utf8, string name, [NotNullWhen(true)] out IReadOnlyList<AssistanceRequest>? requests, out bool wasArray, out IReadOnlyList<Problem> problems)
    {
        var found = new List<Problem>();
        var read = new List<AssistanceRequest>();
        var binder = new Binder(name, found);
        var reader = new JsonTreeReader(utf8, name, Limits, found);
        reader.ReadStream(
            node =>
            {
                if (Bind(node, binder) is { } request)
                {
                    read.Add(request);
                }

                return found.Count < MaxProblems;
            },
            out wasArray,
            MaxRequests);
        problems = found;
        requests = found.Count == 0 ? read : null;
        return requests is not null;
    }

    /// <summary>Reads a file's requests, for callers that treat bad requests as a bug.</summary>
    /// <param name="utf8">The UTF-8 JSON text.</param>
    /// <param name="name">The document name used in errors (the file name).</param>
    /// <param name="wasArray">Whether the text held an array (so results are written as an array too).</param>
    /// <returns>The requests in order.</returns>
    /// <exception cref="InvalidRequestException">The text is invalid; the problems found (at most <see cref="MaxProblems"/>) are listed.</exception>
    public static IReadOnlyList<AssistanceRequest> ReadAll(ReadOnlySpan<byte> utf8, string name, out bool wasArray) =>
        TryReadAll(utf8, name, out var requests, out wasArray, out var problems) ? requests : throw new InvalidRequestException(problems);

    /// <summary>
    /// The JSON Schema (draft 2020-12) of one request object, built from <see cref="RequestSchema"/>: each property
    /// with its type, each field's vocabulary as an <c>enum</c> with the values' meanings in its description, the
    /// required properties, and no others. For tools that describe requests (the decision service's OpenAPI document,
    /// a form); the strict reader stays the judge of a request (it also checks dates, ids and limits).
    /// </summary>
    /// <returns>A new schema object each call (the caller may change it).</returns>
    public static JsonObject JsonSchema()
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in RequestSchema.JsonProperties)
        {
            JsonObject schema;
            if (RequestSchema.TryFind(property, out var field))
            {
                var values = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. field.ValueNames.Select(n => JsonValue.Create(n))]) };
                schema = field.IsSet ? new JsonObject { ["type"] = "array", ["items"] = values, ["uniqueItems"] = true } : values;
                schema["description"] = $"The {field.Label}: " + string.Join(" ", field.ValueNames.Select((n, i) => $"`{n}`: {field.ValueMeanings[i]}"));
            }
            else if (property == RequestSchema.ReceivedAtProperty)
            {
                schema = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When the request was received: an ISO 8601 date-time with its offset." };
            }
            else if (property == RequestSchema.JurisdictionProperty)
            {
                schema = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$", ["maxLength"] = 64, ["description"] = "The jurisdiction whose law decides the request." };
            }
            else
            {
                schema = new JsonObject { ["type"] = "string", ["maxLength"] = AssistanceRequest.MaxIdLength, ["description"] = "An id of the caller's own, echoed in the decision." };
            }

            properties[property] = schema;
            if (field?.IsRequired != false && property != RequestSchema.IdProperty)
            {
                required.Add((JsonNode?)JsonValue.Create(property));
            }
        }

        properties["unknown"] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. RequestSchema.JsonOrder.Select(f => JsonValue.Create(f.JsonName))]) },
            ["uniqueItems"] = true,
            ["description"] = "Fields whose facts are not known (a partial request): the decision says what it depends on.",
        };
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
    }

    /// <summary>Writes a request in the contract's JSON form: every field with its default, except that a field added in a later contract revision (<c>location</c>) is written only when it differs from its default.</summary>
    /// <param name="request">The request.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(AssistanceRequest request, bool indented = false)
    {
        Guard.Against.Null(request);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, request);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a request object (every field, defaults included) to a JSON writer.</summary>
    internal static void Write(Utf8JsonWriter writer, AssistanceRequest request)
    {
        writer.WriteStartObject();
        var values = default(RequestSchema.Values);
        RequestSchema.Read(request, values);
        foreach (var property in RequestSchema.JsonProperties)
        {
            if (RequestSchema.TryFind(property, out var field))
            {
                if (!request.Unknown.Contains(field.Field))
                {
                    WriteField(writer, field, values[field.Position]);
                }
            }
            else if (property == RequestSchema.ReceivedAtProperty)
            {
                // An offset with seconds (which the reader accepts) is written with its seconds: dropping them would move the instant.
                writer.WriteString(property, (request.ReceivedAt.Offset.Seconds % 60 == 0 ? ContractText.TimePattern : SecondsOffsetPattern).Format(request.ReceivedAt));
            }
            else if (property == RequestSchema.JurisdictionProperty)
            {
                writer.WriteString(property, request.Jurisdiction.Value);
            }
            else if (request.Id is not null)
            {
                writer.WriteString(property, request.Id);
            }
        }

        if (!request.Unknown.IsEmpty)
        {
            writer.WriteStartArray("unknown");
            foreach (var field in RequestSchema.JsonOrder.Where(f => request.Unknown.Contains(f.Field)))
            {
                writer.WriteStringValue(field.JsonName);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes one field; a field added in a later contract revision only when it differs from its default, so that a
    /// request that does not use it is written exactly as before.
    /// </summary>
    private static void WriteField(Utf8JsonWriter writer, RequestFieldInfo field, ulong value)
    {
        if (field.Since > 1 && value == field.Default)
        {
            return;
        }

        if (!field.IsSet)
        {
            writer.WriteString(field.JsonName, field.ValueText(value));
            return;
        }

        writer.WriteStartArray(field.JsonName);
        foreach (var name in field.NamesOf(value))
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }

    internal static AssistanceRequest? Bind(JNode node, Binder bind)
    {
        const string what = "a request";
        var props = bind.Object(node, what, Properties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        bind.SchemaReference(props);
        string? id = null;
        if (props.TryGetValue(RequestSchema.IdProperty, out var idNode) && idNode.Kind is not JKind.String)
        {
            // The id may be personal (a name, a case number): never quote it, whatever its type.
            bind.Add(ProblemCodes.WrongType, idNode, $"expected a string (the caller's reference), found {(idNode.Kind is JKind.Number ? "a number" : idNode.KindName)}");
        }
        else if (idNode is not null && bind.String(idNode) is { } idText)
        {
            if (idText.Length > AssistanceRequest.MaxIdLength)
            {
                bind.Add(ProblemCodes.LimitExceeded, idNode, $"the request id is longer than {AssistanceRequest.MaxIdLength} characters");
            }

            id = idText;
        }

        var unknown = props.TryGetValue("unknown", out var un) ? Unknown(un, props, bind) : EnumSet<RequestField>.Empty;
        var jurisdiction = bind.Required(props, node, RequestSchema.JurisdictionProperty, what) is { } j ? bind.Id(j, "jurisdiction id") : null;
        var receivedAt = bind.Required(props, node, RequestSchema.ReceivedAtProperty, what) is { } r ? ReadInstant(r, bind) : null;

        // Required fields first, then the optional ones, each in the contract's order: problems come in that order.
        // A field the request lists as unknown needs no value: it holds a placeholder, which deciding ignores.
        var values = default(RequestSchema.Values);
        var complete = unknown is not null;
        foreach (var field in RequestSchema.JsonOrder.Where(f => f.IsRequired).Concat(RequestSchema.JsonOrder.Where(f => !f.IsRequired)))
        {
            if (unknown is { } u && u.Contains(field.Field))
            {
                values[field.Position] = RequestFields.Placeholder(field);
                continue;
            }

            var given = field.IsRequired ? bind.Required(props, node, field.JsonName, what) : props.GetValueOrDefault(field.JsonName);
            ulong? value = given is null ? (field.IsRequired ? null : field.Default)
                : field.IsSet ? bind.ValueMask(given, field, allowEmpty: true)
                : (ulong?)bind.Value(given, field);
            values[field.Position] = value ?? 0;
            complete &= value is not null;
        }

        if (bind.Problems.Count != start || jurisdiction is null || receivedAt is null || !complete)
        {
            return null;
        }

        var request = RequestSchema.Create(new JurisdictionId(jurisdiction), receivedAt.Value, values, id);
        return unknown!.Value.IsEmpty ? request : request with { Unknown = unknown.Value };
    }

    /// <summary>The <c>unknown</c> list: names of request fields, each at most once, none of them also given a value.</summary>
    private static EnumSet<RequestField>? Unknown(JNode node, Dictionary<string, JNode> props, Binder bind)
    {
        if (bind.Array(node, "a list of the request fields not known yet") is not { } items)
        {
            return null;
        }

        var fields = EnumSet<RequestField>.Empty;
        var ok = true;
        foreach (var item in items)
        {
            var name = bind.String(item, "a request field name");
            if (name is null)
            {
                ok = false;
            }
            else if (!RequestSchema.TryFind(name, out var field))
            {
                var expected = string.Join(", ", RequestSchema.JsonOrder.Select(f => $"`{f.JsonName}`"));
                bind.Add(ProblemCodes.UnknownValue, item, RequestSchema.JsonProperties.Contains(name)
                    ? $"`{name}` cannot be unknown: a request always states its jurisdiction and time (and its id, when it has one); expected one of {expected}"
                    : $"`{JNode.Shorten(name)}` is not a request field that can be unknown; expected one of {expected}");
                ok = false;
            }
            else if (fields.Contains(field.Field))
            {
                bind.Add(ProblemCodes.InvalidValue, item, $"`{name}` is listed twice");
                ok = false;
            }
            else if (props.ContainsKey(name))
            {
                bind.Add(ProblemCodes.UnknownFieldGiven, item, $"`{name}` is listed as unknown but the request also gives it; remove one of the two");
                ok = false;
            }
            else
            {
                fields = fields.Add(field.Field);
            }
        }

        return ok ? fields : null;
    }

    private static readonly OffsetDateTimePattern SecondsOffsetPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm:ss>");

    internal static OffsetDateTime? ParseReceivedAt(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var pattern in OffsetPatterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                return result.Value;
            }
        }

        return null;
    }

    private static OffsetDateTime? ReadInstant(JNode node, Binder bind)
    {
        var text = bind.String(node, "an ISO 8601 date-time string with an offset");
        if (text is null)
        {
            return null;
        }

        if (ParseReceivedAt(text) is { } parsed)
        {
            if (parsed.Year is < AssistanceRequest.MinYear or > AssistanceRequest.MaxYear)
            {
                bind.Add(ProblemCodes.InvalidDateTime, node, $"`{JNode.Shorten(text)}` is outside the supported range: the year must be {AssistanceRequest.MinYear:D4} to {AssistanceRequest.MaxYear}");
                return null;
            }

            return parsed;
        }

        var local = LocalDateTimePattern.ExtendedIso.Parse(text);
        var message = local.Success
            ? $"`{JNode.Shorten(text)}` has no offset; write the offset the time was taken in, for example `{JNode.Shorten(text)}-06:00` or `{JNode.Shorten(text)}Z`"
            : $"`{JNode.Shorten(text)}` is not an ISO 8601 date-time with an offset, for example `2025-01-21T06:40:00-06:00` or `2021-08-02T04:30:00Z`";
        bind.Add(ProblemCodes.InvalidDateTime, node, message);
        return null;
    }
}
