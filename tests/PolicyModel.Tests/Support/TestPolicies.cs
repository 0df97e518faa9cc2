using System.Text.Json.Nodes;

namespace PolicyModel.Tests.Support;

/// <summary>
/// Builds small policy documents (format <c>policymodel/1</c>) as JSON for the tests. Every document has one source
/// <c>code</c> whose citation prefix is given (default: the jurisdiction id in upper case), and a rule's section
/// defaults to its id, so a rule <c>st-ban</c> of <c>st</c> is cited <c>ST st-ban</c>.
/// </summary>
internal static class TestPolicies
{
    /// <summary>A document that defines a jurisdiction.</summary>
    public static JsonObject Define(
        string id,
        string level,
        string? parent = null,
        string zone = "America/Chicago",
        string? citation = null,
        JsonObject[]? rules = null,
        JsonObject? terms = null,
        JsonObject[]? presumptions = null,
        JsonObject[]? preemption = null)
    {
        var jurisdiction = new JsonObject { ["id"] = id, ["name"] = $"Jurisdiction {id}" };
        if (parent is not null)
        {
            jurisdiction["parent"] = parent;
        }

        jurisdiction["timeZone"] = zone;
        jurisdiction["level"] = level;
        return Document(jurisdiction, citation ?? id.ToUpperInvariant(), rules, terms, presumptions, preemption);
    }

    /// <summary>A user's extension document: <c>jurisdiction</c> with <c>id</c> alone, adding rules to a jurisdiction defined elsewhere.</summary>
    public static JsonObject Extend(string id, string citation, JsonObject[]? rules = null, JsonObject? terms = null, JsonObject[]? presumptions = null) =>
        Document(new JsonObject { ["id"] = id }, citation, rules, terms, presumptions, null);

    /// <summary>A rule; conditions are built with <see cref="When(string, string[])"/>, <see cref="Term(string)"/> and friends.</summary>
    public static JsonObject Rule(
        string id,
        string effect,
        string[]? binds = null,
        JsonObject[]? when = null,
        string? from = null,
        string? to = null,
        string[]? obligations = null,
        string[]? excepts = null,
        string[]? preempts = null,
        string? layer = null,
        string? section = null,
        JsonArray? sections = null,
        string? explains = null)
    {
        var rule = new JsonObject { ["id"] = id };
        if (layer is not null)
        {
            rule["layer"] = layer;
        }

        rule["source"] = "code";
        rule["section"] = sections is not null ? sections : section ?? id;
        AddPeriod(rule, from, to);

        rule["binds"] = Array(binds ?? ["police", "sheriff", "jail", "local-government"]);
        if (when is not null)
        {
            rule["when"] = new JsonArray([.. when]);
        }

        rule["effect"] = effect;
        if (obligations is not null)
        {
            rule["obligations"] = Array(obligations);
        }

        if (excepts is not null)
        {
            rule["excepts"] = Array(excepts);
        }

        if (preempts is not null)
        {
            rule["preempts"] = Array(preempts);
        }

        if (explains is not null)
        {
            rule["explains"] = explains;
        }

        return rule;
    }

    /// <summary>Adds <c>period</c> when either bound is given.</summary>
    private static void AddPeriod(JsonObject target, string? from, string? to)
    {
        if (from is null && to is null)
        {
            return;
        }

        var period = new JsonObject();
        if (from is not null)
        {
            period["from"] = from;
        }

        if (to is not null)
        {
            period["to"] = to;
        }

        target["period"] = period;
    }

    /// <summary>A presumption of an <c>unknown</c> purpose.</summary>
    public static JsonObject Presumption(string id, string presume, string[]? binds = null, JsonObject[]? when = null, string? from = null, string? to = null, string? layer = null, string? explains = null)
    {
        var presumption = new JsonObject { ["id"] = id };
        if (layer is not null)
        {
            presumption["layer"] = layer;
        }

        AddPeriod(presumption, from, to);

        presumption["binds"] = Array(binds ?? ["police", "sheriff", "jail", "local-government"]);
        if (when is not null)
        {
            presumption["when"] = new JsonArray([.. when]);
        }

        presumption["presume"] = new JsonObject { ["purpose"] = presume };
        if (explains is not null)
        {
            presumption["explains"] = explains;
        }

        return presumption;
    }

    /// <summary>A preemption declaration.</summary>
    public static JsonObject Preemption(string id, string[] when, string[] preempts, string[] layers) => new()
    {
        ["id"] = id,
        ["when"] = Array(when),
        ["preempts"] = Array(preempts),
        ["layers"] = Array(layers),
    };

    /// <summary>A floor (Illinois, California): a state prohibition preempts local permissions and requirements.</summary>
    public static JsonObject Floor(string id = "floor") => Preemption(id, ["prohibit"], ["permit", "require"], ["county", "city", "department"]);

    /// <summary>A mandate (Texas, Florida): a state requirement or permission preempts local prohibitions and referrals.</summary>
    public static JsonObject Mandate(string id = "mandate") => Preemption(id, ["require", "permit"], ["prohibit", "refer"], ["county", "city", "department"]);

    /// <summary>A field test: <c>{ "field": [values] }</c>.</summary>
    public static JsonObject When(string field, params string[] values) => new() { [field] = Array(values) };

    /// <summary>A field test with an explicit operator: <c>{ "field": { "op": [values] } }</c>.</summary>
    public static JsonObject Test(string field, string op, params string[] values) => new() { [field] = new JsonObject { [op] = Array(values) } };

    /// <summary><c>{ "circumstances": "non-empty" }</c> and the like.</summary>
    public static JsonObject Is(string field, string emptiness) => new() { [field] = emptiness };

    /// <summary>A reference to a named term.</summary>
    public static JsonObject Term(string name) => new() { ["term"] = name };

    /// <summary><c>{ "not": c }</c>.</summary>
    public static JsonObject Not(JsonObject inner) => new() { ["not"] = inner };

    /// <summary><c>{ "anyOf": [...] }</c>.</summary>
    public static JsonObject AnyOf(params JsonObject[] conditions) => new() { ["anyOf"] = new JsonArray([.. conditions]) };

    /// <summary><c>{ "allOf": [...] }</c>.</summary>
    public static JsonObject AllOf(params JsonObject[] conditions) => new() { ["allOf"] = new JsonArray([.. conditions]) };

    /// <summary>A terms object.</summary>
    public static JsonObject Terms(params (string Name, JsonObject Condition)[] terms)
    {
        var result = new JsonObject();
        foreach (var (name, condition) in terms)
        {
            result[name] = condition;
        }

        return result;
    }

    /// <summary>Dated section variants: the first has no <c>from</c>.</summary>
    public static JsonArray Sections(string first, params (string From, string Section)[] later)
    {
        var result = new JsonArray(new JsonObject { ["section"] = first });
        foreach (var (from, section) in later)
        {
            result.Add(new JsonObject { ["from"] = from, ["section"] = section });
        }

        return result;
    }

    /// <summary>Parses one document, failing the test with its problems if it does not parse.</summary>
    public static PolicyDocument Parse(JsonObject document, string? name = null)
    {
        var json = document.ToJsonString();
        PolicyDocument.TryParse(json, name ?? DocumentName(document), out var parsed, out var problems);
        problems.Should().BeEmpty("the test document {0} is meant to be valid", json);
        return parsed!;
    }

    /// <summary>Parses and compiles documents, failing the test with the problems if they do not compile.</summary>
    public static PolicySet Compile(params JsonObject[] documents)
    {
        PolicySet.TryCompile(documents.Select(d => Parse(d)), out var set, out var problems);
        problems.Should().BeEmpty();
        return set!;
    }

    /// <summary>Parses documents (which must parse) and returns the problems compiling them reports.</summary>
    public static IReadOnlyList<Problem> CompileProblems(params JsonObject[] documents)
    {
        PolicySet.TryCompile(documents.Select(d => Parse(d)), out var set, out var problems).Should().BeFalse("the documents are meant to be rejected");
        set.Should().BeNull();
        return problems;
    }

    /// <summary>The federal, state, county and city documents most engine tests start from (no rules).</summary>
    public static JsonObject Us(params JsonObject[] rules) => Define("us", "federal", zone: "UTC", rules: rules);

    /// <summary>A state <c>st</c> in America/Chicago under <c>us</c>.</summary>
    public static JsonObject State(params JsonObject[] rules) => Define("st", "state", "us", rules: rules);

    /// <summary>A county <c>co</c> under <c>st</c>.</summary>
    public static JsonObject County(params JsonObject[] rules) => Define("co", "county", "st", rules: rules);

    /// <summary>A city <c>ci</c> under <c>co</c>.</summary>
    public static JsonObject City(params JsonObject[] rules) => Define("ci", "city", "co", rules: rules);

    private static string DocumentName(JsonObject document) =>
        document["jurisdiction"]!["id"]!.GetValue<string>() + (document["jurisdiction"]!["name"] is null ? ".ext" : string.Empty) + ".json";

    private static JsonObject Document(JsonObject jurisdiction, string citation, JsonObject[]? rules, JsonObject? terms, JsonObject[]? presumptions, JsonObject[]? preemption)
    {
        var document = new JsonObject
        {
            ["format"] = "policymodel/1",
            ["jurisdiction"] = jurisdiction,
            ["sources"] = new JsonArray(new JsonObject
            {
                ["id"] = "code",
                ["kind"] = "statute",
                ["title"] = $"The code of {jurisdiction["id"]}",
                ["citation"] = citation,
            }),
        };
        if (terms is not null)
        {
            document["terms"] = terms;
        }

        if (presumptions is not null)
        {
            document["presumptions"] = new JsonArray([.. presumptions]);
        }

        if (preemption is not null)
        {
            document["preemption"] = new JsonArray([.. preemption]);
        }

        document["rules"] = new JsonArray([.. rules ?? []]);
        return document;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
