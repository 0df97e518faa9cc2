using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using Ardalis.GuardClauses;
using PolicyModel.Engine;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>
/// Writes decisions in the contract's JSON form through a source-generated System.Text.Json context, and reads them
/// back strictly (for consumers that store decisions, and for round-trip tests).
/// </summary>
public static partial class DecisionJson
{
    private static readonly string[] Properties = ["requestId", "outcome", "effectiveDate", "jurisdictionChain", "decidingRules", "citations", "obligations", "preempted", "conflicts", "conflictsNotListed", "explanation", "dependsOn", "askFirst", "policyDigest", "lawCurrentTo"];
    private static readonly string[] EntryProperties = ["when", "outcome"];
    private static readonly string[] ConflictProperties = ["prohibiting", "other"];

    // An explanation quotes up to a few rules' `explains` phrases (4,096 characters each), so strings may be longer than in documents.
    // A partial decision's `dependsOn[i].when.<set field>[j]` is six levels deep.
    private static readonly JsonLimits Limits = new() { MaxDepth = 6, MaxStringLength = 1 << 20, MaxItems = 1_000_000 };

    /// <summary>
    /// Reads one decision in the contract's JSON form, as <see cref="Serialize(Decision, bool)"/> writes it, collecting
    /// every problem. Strict like the request reader: unknown or duplicate properties, unknown values, missing fields and
    /// malformed text are problems with their JSON path. <c>conflicts</c> may be omitted (no conflicts); <c>requestId</c>
    /// may be omitted or <c>null</c>.
    /// </summary>
    /// <param name="json">The JSON text of one decision object.</param>
    /// <param name="name">The document name used in problems.</param>
    /// <param name="decision">The decision, equal (<see cref="Decision.Equals(Decision)"/>) to the one that was written, when the text is valid.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the text is a valid decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static bool TryParse(string json, string name, [NotNullWhen(true)] out Decision? decision, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(json);
        Guard.Against.NullOrWhiteSpace(name);
        return OneObjectReader.TryRead(json, name, Limits, Bind, "a decision object", out decision, out problems);
    }

    /// <summary>Reads one decision, for callers that treat a bad decision as a bug (<see cref="TryParse"/> returns the problems instead).</summary>
    /// <param name="json">The JSON text of one decision object.</param>
    /// <param name="name">The document name used in errors.</param>
    /// <returns>The decision; equal (<see cref="Decision.Equals(Decision)"/>) to the one that was written.</returns>
    /// <exception cref="InvalidRequestException">The text is not a valid decision; every problem is listed.</exception>
    public static Decision Parse(string json, string name = "decision") =>
        TryParse(json, name, out var decision, out var problems) ? decision : throw new InvalidRequestException(problems);

    internal static Decision? Bind(JNode node, Binder bind)
    {
        const string what = "a decision";
        var props = bind.Object(node, what, Properties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        string? requestId = null;
        if (props.TryGetValue("requestId", out var idNode) && idNode.Kind != JKind.Null)
        {
            requestId = bind.String(idNode, "a string (the request's id) or `null`");
        }

        var outcome = bind.Required(props, node, "outcome", what) is { } o ? bind.Value<Outcome>(o, "outcome") : null;
        var date = bind.Required(props, node, "effectiveDate", what) is { } d ? bind.Date(d) : null;
        var chain = bind.Required(props, node, "jurisdictionChain", what) is { } jc ? List(jc, bind, "jurisdiction id", n => bind.Id(n, "jurisdiction id") is { } v ? (true, new JurisdictionId(v)) : (false, default)) : null;
        var deciding = bind.Required(props, node, "decidingRules", what) is { } dr ? List(dr, bind, "rule id", n => RuleIdOf(n, bind)) : null;
        var citations = bind.Required(props, node, "citations", what) is { } ci ? List(ci, bind, "citation", n => bind.NonEmptyString(n, "a citation") is { } v ? (true, v) : (false, string.Empty)) : null;
        var obligations = bind.Required(props, node, "obligations", what) is { } ob ? List(ob, bind, "obligation", n => bind.Value<Obligation>(n, "obligation") is { } v ? (true, v) : (false, default)) : null;
        var preempted = bind.Required(props, node, "preempted", what) is { } pr ? List(pr, bind, "rule id", n => RuleIdOf(n, bind)) : null;
        var conflicts = props.TryGetValue("conflicts", out var cf) ? List(cf, bind, "conflict", n => Conflict(n, bind) is { } v ? (true, v) : (false, null!)) : [];
        long notListed = 0;
        if (props.TryGetValue("conflictsNotListed", out var nl) && !TryCount(nl, bind, out notListed))
        {
            return null;
        }

        var explanation = bind.Required(props, node, "explanation", what) is { } ex ? bind.String(ex) : null;
        var dependsOn = props.TryGetValue("dependsOn", out var dn) ? List(dn, bind, "dependsOn entry", n => Entry(n, bind) is { } v ? (true, v) : (false, null!)) : [];
        RequestField? askFirst = null;
        if (props.TryGetValue("askFirst", out var af) && bind.String(af, "a request field name") is { } askName)
        {
            if (RequestSchema.TryFind(askName, out var field))
            {
                askFirst = field.Field;
            }
            else
            {
                bind.Add(ProblemCodes.UnknownValue, af, $"`{JNode.Shorten(askName)}` is not a request field that can be unknown");
            }
        }

        var digest = props.TryGetValue("policyDigest", out var pd) ? bind.NonEmptyString(pd, "a policy digest") : null;
        var lawCurrentTo = props.TryGetValue("lawCurrentTo", out var lc) ? bind.Date(lc) : null;
        if (bind.Problems.Count != start || outcome is null || date is null || chain is null || deciding is null || citations is null
            || obligations is null || preempted is null || conflicts is null || explanation is null || dependsOn is null)
        {
            return null;
        }

        return new Decision
        {
            RequestId = requestId,
            Outcome = outcome.Value,
            EffectiveDate = date.Value,
            JurisdictionChain = chain,
            DecidingRules = deciding,
            Citations = citations,
            Obligations = obligations,
            Preempted = preempted,
            Conflicts = conflicts,
            ConflictsNotListed = notListed,
            Explanation = explanation,
            DependsOn = dependsOn,
            AskFirst = askFirst,
            PolicyDigest = digest,
            LawCurrentTo = lawCurrentTo,
        };
    }

    private static DependsOnEntry? Entry(JNode node, Binder bind)
    {
        const string what = "a dependsOn entry";
        var props = bind.Object(node, what, EntryProperties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        var outcome = bind.Required(props, node, "outcome", what) is { } o ? bind.Value<Outcome>(o, "outcome") : null;
        var when = new Dictionary<RequestField, IReadOnlyList<FieldValue>>();
        if (bind.Required(props, node, "when", what) is { } w && bind.Object(w, "the values of the unknown facts", [.. RequestFields.All.Select(RequestFields.Name)]) is { } fields)
        {
            foreach (var field in RequestFields.All)
            {
                if (fields.TryGetValue(RequestFields.Name(field), out var values) && List(values, bind, "value", v => Value(field, v, bind)) is { } list)
                {
                    when[field] = list;
                }
            }
        }

        return bind.Problems.Count == start && outcome is not null ? new DependsOnEntry(when, outcome.Value) : null;
    }

    /// <summary>One value of a field: a name, or for a set field an array of names.</summary>
    private static (bool Ok, FieldValue Value) Value(RequestField field, JNode node, Binder bind)
    {
        var name = RequestFields.Name(field);
        var names = RequestFields.IsSet(field)
            ? bind.Array(node, $"an array of `{name}` values")?.Select(n => bind.String(n, $"a `{name}` value")).ToList()
            : [bind.String(node, $"a `{name}` value")];
        if (names is null || names.Any(n => n is null))
        {
            return (false, default);
        }

        try
        {
            return (true, FieldValue.Parse(field, names!));
        }
        catch (ArgumentException ex)
        {
            bind.Add(ProblemCodes.UnknownValue, node, ex.Message.Split(" (Parameter", 2)[0]);
            return (false, default);
        }
    }

    private static bool TryCount(JNode node, Binder bind, out long count)
    {
        count = 0;
        if (node.Kind != JKind.Number || !long.TryParse(node.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count))
        {
            bind.WrongType(node, "a whole number of 0 or more");
            return false;
        }

        return true;
    }

    private static (bool Ok, RuleId Value) RuleIdOf(JNode node, Binder bind) => bind.Id(node, "rule id") is { } id ? (true, new RuleId(id)) : (false, default);

    private static RuleConflict? Conflict(JNode node, Binder bind)
    {
        const string what = "a conflict";
        var props = bind.Object(node, what, ConflictProperties);
        if (props is null)
        {
            return null;
        }

        var prohibiting = bind.Required(props, node, "prohibiting", what) is { } p ? RuleIdOf(p, bind) : (false, default);
        var other = bind.Required(props, node, "other", what) is { } o ? RuleIdOf(o, bind) : (false, default);
        return prohibiting.Ok && other.Ok ? new RuleConflict(prohibiting.Value, other.Value) : null;
    }

    private static List<T>? List<T>(JNode node, Binder bind, string what, Func<JNode, (bool Ok, T Value)> item)
    {
        if (bind.Array(node, $"a list of {what}s") is not { } items)
        {
            return null;
        }

        var result = new List<T>(items.Count);
        var ok = true;
        foreach (var n in items)
        {
            var (good, value) = item(n);
            ok &= good;
            if (good)
            {
                result.Add(value);
            }
        }

        return ok ? result : null;
    }

    /// <summary>
    /// The JSON Schema (draft 2020-12) of one decision object as <see cref="Serialize(Decision, bool)"/> writes it:
    /// each property with its type and the required ones. For tools that describe decisions (the decision service's
    /// OpenAPI document).
    /// </summary>
    /// <returns>A new schema object each call (the caller may change it).</returns>
    public static JsonObject JsonSchema()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(DecisionJsonContext.Default.DecisionDocument, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        return schema;
    }

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
        Outcome = d.Outcome.ToContractName(),
        EffectiveDate = d.EffectiveDate.ToContractText(),
        JurisdictionChain = [.. d.JurisdictionChain.Select(j => j.Value)],
        DecidingRules = [.. d.DecidingRules.Select(r => r.Value)],
        Citations = [.. d.Citations],
        Obligations = [.. d.Obligations.Select(ContractNames<Obligation>.Name)],
        Preempted = [.. d.Preempted.Select(r => r.Value)],
        Conflicts = d.Conflicts.Count == 0 ? null : [.. d.Conflicts.Select(c => new ConflictDocument { Prohibiting = c.Prohibiting.Value, Other = c.Other.Value })],
        ConflictsNotListed = d.ConflictsNotListed == 0 ? null : d.ConflictsNotListed,
        Explanation = d.Explanation,
        AskFirst = d.AskFirst is { } field ? RequestFields.Name(field) : null,
        DependsOn = d.DependsOn.Count == 0 ? null : [.. d.DependsOn.Select(e => new DependsOnDocument { When = e.When, Outcome = ContractNames<Outcome>.Name(e.Outcome) })],
        PolicyDigest = d.PolicyDigest,
        LawCurrentTo = d.LawCurrentTo?.ToContractText(),
    };
}

/// <summary>The JSON shape of a decision (contract "Decision").</summary>
internal sealed class DecisionDocument
{
    public string? RequestId { get; init; }

    public required string Outcome { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AskFirst { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<DependsOnDocument>? DependsOn { get; init; }

    public required string EffectiveDate { get; init; }

    public required List<string> JurisdictionChain { get; init; }

    public required List<string> DecidingRules { get; init; }

    public required List<string> Citations { get; init; }

    public required List<string> Obligations { get; init; }

    public required List<string> Preempted { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ConflictDocument>? Conflicts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ConflictsNotListed { get; init; }

    public required string Explanation { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PolicyDigest { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LawCurrentTo { get; init; }
}

/// <summary>One entry of a partial decision's <c>dependsOn</c>.</summary>
internal sealed class DependsOnDocument
{
    [JsonConverter(typeof(WhenConverter))]
    public required IReadOnlyDictionary<RequestField, IReadOnlyList<FieldValue>> When { get; init; }

    public required string Outcome { get; init; }
}

/// <summary>Writes <c>when</c>: each unknown field's JSON name with its values (a set field's values as arrays).</summary>
internal sealed class WhenConverter : JsonConverter<IReadOnlyDictionary<RequestField, IReadOnlyList<FieldValue>>>
{
    public override IReadOnlyDictionary<RequestField, IReadOnlyList<FieldValue>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("decisions are read by DecisionJson.Parse");

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<RequestField, IReadOnlyList<FieldValue>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var field in RequestFields.All.Where(value.ContainsKey))
        {
            writer.WriteStartArray(RequestFields.Name(field));
            foreach (var v in value[field])
            {
                v.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
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
