using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
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

    private static readonly JsonLimits Limits = new() { MaxDepth = 3, MaxStringLength = 4096, MaxItems = 64 };

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HH:mm>"),
    ];

    /// <summary>Parses one request object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The document name used in errors.</param>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidRequestException">The text is not a valid request; every problem is listed.</exception>
    public static AssistanceRequest Parse(string json, string name = "request")
    {
        Guard.Against.Null(json);
        var all = ReadAll(System.Text.Encoding.UTF8.GetBytes(json), name, out var wasArray);
        if (wasArray || all.Count != 1)
        {
            throw new InvalidRequestException([new Problem(ProblemCodes.WrongType, name, "$", 1, 1, "expected one request object, found an array")]);
        }

        return all[0];
    }

    /// <summary>Reads a file's requests: one request object or an array of them.</summary>
    /// <param name="utf8">The UTF-8 JSON text.</param>
    /// <param name="name">The document name used in errors (the file name).</param>
    /// <param name="wasArray">Whether the text held an array (so results are written as an array too).</param>
    /// <returns>The requests in order.</returns>
    /// <exception cref="InvalidRequestException">The text is invalid; the problems found (at most <see cref="MaxProblems"/>) are listed.</exception>
    public static IReadOnlyList<AssistanceRequest> ReadAll(ReadOnlySpan<byte> utf8, string name, out bool wasArray)
    {
        Guard.Against.NullOrWhiteSpace(name);
        var problems = new List<Problem>();
        var requests = new List<AssistanceRequest>();
        var binder = new Binder(name, problems);
        var reader = new JsonTreeReader(utf8, name, Limits, problems);
        reader.ReadStream(
            node =>
            {
                if (Bind(node, binder) is { } request)
                {
                    requests.Add(request);
                }

                return problems.Count < MaxProblems;
            },
            out wasArray,
            MaxRequests);
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        return requests;
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
            writer.WriteStartObject();
            var values = default(RequestSchema.Values);
            RequestSchema.Read(request, values);
            foreach (var property in RequestSchema.JsonProperties)
            {
                if (RequestSchema.TryFind(property, out var field))
                {
                    WriteField(writer, field, values[field.Position]);
                }
                else if (property == "receivedAt")
                {
                    // An offset with seconds (which the reader accepts) is written with its seconds: dropping them would move the instant.
                    writer.WriteString(property, (request.ReceivedAt.Offset.Seconds % 60 == 0 ? ContractText.TimePattern : SecondsOffsetPattern).Format(request.ReceivedAt));
                }
                else if (property == "jurisdiction")
                {
                    writer.WriteString(property, request.Jurisdiction.Value);
                }
                else if (request.Id is not null)
                {
                    writer.WriteString(property, request.Id);
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
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
        var props = bind.Object(node, what, RequestSchema.JsonProperties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        string? id = null;
        if (props.TryGetValue("id", out var idNode) && idNode.Kind is not JKind.String)
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

        var jurisdiction = bind.Required(props, node, "jurisdiction", what) is { } j ? bind.Id(j, "jurisdiction id") : null;
        var receivedAt = bind.Required(props, node, "receivedAt", what) is { } r ? ReadInstant(r, bind) : null;

        // Required fields first, then the optional ones, each in the contract's order: problems come in that order.
        var values = default(RequestSchema.Values);
        var complete = true;
        foreach (var field in RequestSchema.JsonOrder.Where(f => f.IsRequired).Concat(RequestSchema.JsonOrder.Where(f => !f.IsRequired)))
        {
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

        return RequestSchema.Create(new JurisdictionId(jurisdiction), receivedAt.Value, values, id);
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
