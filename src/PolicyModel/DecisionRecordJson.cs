using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime.Text;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>
/// Writes a <see cref="DecisionRecord"/> as one line of JSON and reads it back strictly:
/// <c>{"decidedAt": "…Z", "engineVersion": "…", "policyDigest": "sha256:…", "request": {…}, "decision": {…}}</c>,
/// the request and decision in exactly the contract's JSON.
/// </summary>
public static class DecisionRecordJson
{
    private static readonly string[] Properties = ["decidedAt", "engineVersion", "policyDigest", "request", "decision"];

    // A decision nests as deep as DecisionJson allows (a partial decision's dependsOn, entry, when, a set field's values
    // and each whole array); a record adds one level.
    private static readonly JsonLimits Limits = new() { MaxDepth = 7, MaxStringLength = 1 << 20, MaxItems = 100_000 };

    /// <summary>Writes a record as one line of JSON (no line break inside, none at the end).</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(DecisionRecord record)
    {
        Guard.Against.Null(record);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, record);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a record to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="record">The record.</param>
    public static void Write(Utf8JsonWriter writer, DecisionRecord record)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(record);
        writer.WriteStartObject();
        writer.WriteString("decidedAt", InstantPattern.ExtendedIso.Format(record.DecidedAt));
        writer.WriteString("engineVersion", record.EngineVersion);
        writer.WriteString("policyDigest", record.PolicyDigest);
        writer.WritePropertyName("request");
        RequestJson.Write(writer, record.Request);
        writer.WritePropertyName("decision");
        DecisionJson.Write(writer, record.Decision);
        writer.WriteEndObject();
    }

    /// <summary>Reads one record, as <see cref="Serialize(DecisionRecord)"/> writes it, collecting every problem.</summary>
    /// <param name="json">The JSON text of one record.</param>
    /// <param name="name">The name used in problems (for example the log file and line).</param>
    /// <param name="record">The record, when the text is a valid record.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the text is a valid record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static bool TryParse(string json, string name, [NotNullWhen(true)] out DecisionRecord? record, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(json);
        Guard.Against.NullOrWhiteSpace(name);
        return OneObjectReader.TryRead(json, name, Limits, Bind, "a decision record object", out record, out problems);
    }

    /// <summary>Reads one record, for callers that treat a bad record as a bug.</summary>
    /// <param name="json">The JSON text of one record.</param>
    /// <param name="name">The name used in errors (for example the log file and line).</param>
    /// <returns>The record.</returns>
    /// <exception cref="InvalidRequestException">The text is not a valid record; every problem is listed.</exception>
    public static DecisionRecord Parse(string json, string name = "record") =>
        TryParse(json, name, out var record, out var problems) ? record : throw new InvalidRequestException(problems);

    private static DecisionRecord? Bind(JNode node, Binder bind)
    {
        const string what = "a decision record";
        var props = bind.Object(node, what, Properties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        NodaTime.Instant? decidedAt = null;
        if (bind.Required(props, node, "decidedAt", what) is { } at && bind.String(at, "an ISO 8601 instant (`2026-12-06T04:00:00Z`)") is { } text)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(text);
            if (parsed.Success)
            {
                decidedAt = parsed.Value;
            }
            else
            {
                bind.Add(ProblemCodes.InvalidDateTime, at, $"`{JNode.Shorten(text)}` is not an ISO 8601 instant in UTC, for example `2026-12-06T04:00:00Z`");
            }
        }

        var version = bind.Required(props, node, "engineVersion", what) is { } v ? bind.NonEmptyString(v, "an engine version") : null;
        var digest = bind.Required(props, node, "policyDigest", what) is { } d ? bind.NonEmptyString(d, "a policy digest") : null;
        var request = bind.Required(props, node, "request", what) is { } r ? RequestJson.Bind(r, bind) : null;
        var decision = bind.Required(props, node, "decision", what) is { } dn ? DecisionJson.Bind(dn, bind) : null;
        if (bind.Problems.Count != start || decidedAt is null || version is null || digest is null || request is null || decision is null)
        {
            return null;
        }

        return new DecisionRecord { DecidedAt = decidedAt.Value, EngineVersion = version, PolicyDigest = digest, Request = request, Decision = decision };
    }
}
