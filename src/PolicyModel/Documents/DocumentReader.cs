using System.Runtime.CompilerServices;
using NodaTime;
using PolicyModel.Json;

namespace PolicyModel.Documents;

/// <summary>Binds a JSON tree to a <see cref="PolicyDocument"/>, collecting every problem.</summary>
internal sealed class DocumentReader
{
    private static readonly string[] TopProperties = [Binder.SchemaProperty, "format", "lawCurrentTo", "jurisdiction", "sources", "terms", "presumptions", "preemption", "rules"];
    private static readonly string[] JurisdictionProperties = ["id", "name", "parent", "timeZone", "level"];
    private static readonly string[] SourceProperties = ["id", "kind", "title", "citation", "enacted"];
    private static readonly string[] RuleProperties = ["id", "layer", "source", "section", "period", "binds", "when", "effect", "obligations", "excepts", "preempts", "explains", "confidence"];
    private static readonly string[] PresumptionProperties = ["id", "layer", "period", "binds", "when", "presume", "explains"];

    // A presumption presumes the request's purpose (its `presume` object names that field); rules bind respondents.
    private static readonly string PurposeName = RequestSchema.Of(RequestField.Purpose).JsonName;
    private static readonly string RespondentName = RequestSchema.Of(RequestField.Respondent).JsonName;
    private static readonly string[] PresumeProperties = [PurposeName];
    private static readonly string[] PreemptionProperties = ["id", "when", "preempts", "layers", "explains"];
    private static readonly string[] PeriodProperties = ["from", "to"];
    private static readonly string[] SectionProperties = ["from", "section"];
    private static readonly string[] ConditionOperators = ["allOf", "anyOf", "not", "term", .. RequestSchema.Fields.Select(f => f.JsonName)];
    private static readonly string[] ScalarTests = ["anyOf", "noneOf"];
    private static readonly string[] SetTests = ["anyOf", "allOf", "noneOf"];

    private static readonly JsonLimits Limits = new()
    {
        MaxDepth = DocumentLimits.MaxDepth,
        MaxStringLength = DocumentLimits.MaxStringLength,
        MaxItems = DocumentLimits.MaxItems,
    };

    private readonly Binder bind;
    private readonly ConditionalWeakTable<object, SourceLocation> locations = [];

    private DocumentReader(Binder bind) => this.bind = bind;

    /// <summary>The document, or null with every problem found.</summary>
    public static PolicyDocument? Read(ReadOnlySpan<byte> utf8, string name, out IReadOnlyList<Problem> found)
    {
        var problems = new List<Problem>();
        found = problems;
        if (utf8.Length > DocumentLimits.MaxDocumentBytes)
        {
            problems.Add(TooLarge(name));
            return null;
        }

        var root = new JsonTreeReader(utf8, name, Limits, problems).ReadDocument();
        if (root is null)
        {
            return null;
        }

        var reader = new DocumentReader(new Binder(name, problems));
        var document = reader.ReadDocument(root, name);
        return problems.Count == 0 ? document : null;
    }

    /// <summary>The problem of a document over <see cref="DocumentLimits.MaxDocumentBytes"/>.</summary>
    public static Problem TooLarge(string name) => new(ProblemCodes.TooLarge, name, "$", null, null,
        $"the document is larger than {DocumentLimits.MaxDocumentBytes / (1024 * 1024)} MiB");

    private void Locate(object item, JNode node) => locations.AddOrUpdate(item, new SourceLocation(node.Path, node.Line, node.Column));

    private PolicyDocument? ReadDocument(JNode root, string name)
    {
        var props = bind.Object(root, "a policy document", TopProperties);
        if (props is null)
        {
            return null;
        }

        bind.SchemaReference(props);

        if (bind.Required(props, root, "format", "a policy document") is { } formatNode && bind.String(formatNode) is { } format && format != PolicyDocument.FormatV1)
        {
            bind.Add(ProblemCodes.UnsupportedFormat, formatNode, $"unsupported format `{JNode.Shorten(format)}`; expected `{PolicyDocument.FormatV1}`");
        }

        var lawCurrentTo = props.TryGetValue("lawCurrentTo", out var cNode) ? bind.Date(cNode) : null;
        JurisdictionDeclaration? jurisdiction = null;
        if (bind.Required(props, root, "jurisdiction", "a policy document") is { } jNode)
        {
            jurisdiction = ReadJurisdiction(jNode);
        }

        var sources = props.TryGetValue("sources", out var sNode) ? ReadList(sNode, "sources", ReadSource) : [];
        var terms = props.TryGetValue("terms", out var tNode) ? ReadTerms(tNode) : new Dictionary<string, Condition>();
        var presumptions = props.TryGetValue("presumptions", out var pNode) ? ReadList(pNode, "presumptions", ReadPresumption) : [];
        var preemption = props.TryGetValue("preemption", out var eNode) ? ReadList(eNode, "preemption declarations", ReadPreemption) : [];
        var rules = props.TryGetValue("rules", out var rNode) ? ReadList(rNode, "rules", ReadRule) : [];

        CheckUnique(sources, s => s.Id, "source");
        CheckUnique(preemption, p => p.Id, "preemption declaration");
        // Ids are compared as written, so a duplicate is reported even when one of the two rules has other problems.
        CheckUniqueIds([.. Items(rNode), .. Items(pNode)], "rule or presumption");

        if (jurisdiction is null)
        {
            return null;
        }

        return new PolicyDocument(name, locations)
        {
            Jurisdiction = jurisdiction,
            LawCurrentTo = lawCurrentTo,
            Sources = sources,
            Terms = terms,
            Presumptions = presumptions,
            Preemption = preemption,
            Rules = rules,
        };
    }

    private static List<JNode> Items(JNode? list) => list is { Kind: JKind.Array } ? list.Items! : [];

    private void CheckUniqueIds(IEnumerable<JNode> items, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var idNode = item.Properties?.FirstOrDefault(p => p.Key == "id").Value;
            if (idNode is { Kind: JKind.String, Text: { } id } && IdSyntax.IsValid(id) && !seen.Add(id))
            {
                bind.Add(ProblemCodes.DuplicateId, item.Path, item.Line, item.Column, $"the {what} id `{id}` is used twice in this document");
            }
        }
    }

    private void CheckUnique<T>(IEnumerable<T> items, Func<T, string> id, string what)
        where T : notnull
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(id(item)) && locations.TryGetValue(item, out var where))
            {
                bind.Add(ProblemCodes.DuplicateId, where.Path, where.Line, where.Column, $"the {what} id `{id(item)}` is used twice in this document");
            }
        }
    }

    private List<T> ReadList<T>(JNode node, string what, Func<JNode, T?> read)
        where T : class
    {
        var result = new List<T>();
        if (bind.Array(node, what) is not { } items)
        {
            return result;
        }

        foreach (var item in items)
        {
            if (read(item) is { } value)
            {
                Locate(value, item);
                result.Add(value);
            }
        }

        return result;
    }

    private JurisdictionDeclaration? ReadJurisdiction(JNode node)
    {
        const string what = "the jurisdiction";
        var props = bind.Object(node, what, JurisdictionProperties);
        if (props is null)
        {
            return null;
        }

        var id = bind.Required(props, node, "id", what) is { } idNode ? bind.Id(idNode, "jurisdiction id") : null;
        var isDefinition = props.Count > 1;
        string? name = null;
        string? zone = null;
        Layer? level = null;
        JurisdictionId? parent = null;
        var ok = id is not null;
        if (isDefinition)
        {
            var defining = "a jurisdiction definition (a document that only adds rules to a jurisdiction defined elsewhere gives `id` alone)";
            name = bind.Required(props, node, "name", defining) is { } n ? bind.NonEmptyString(n, "the jurisdiction name") : null;
            if (bind.Required(props, node, "timeZone", defining) is { } z && bind.NonEmptyString(z, "the time-zone id") is { } zoneText)
            {
                if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneText) is null)
                {
                    bind.Add(ProblemCodes.UnknownTimeZone, z, $"`{JNode.Shorten(zoneText)}` is not a tzdb time-zone id; expected for example `America/Chicago` or `UTC`");
                }
                else
                {
                    zone = zoneText;
                }
            }

            level = bind.Required(props, node, "level", defining) is { } l ? bind.Value<Layer>(l, "level") : null;
            if (props.TryGetValue("parent", out var p) && bind.Id(p, "jurisdiction id") is { } parentId)
            {
                parent = new JurisdictionId(parentId);
            }

            ok &= name is not null && zone is not null && level is not null;
        }

        return ok ? new JurisdictionDeclaration(new JurisdictionId(id!), name, parent, zone, level) : null;
    }

    private LegalSource? ReadSource(JNode node)
    {
        const string what = "a source";
        var props = bind.Object(node, what, SourceProperties);
        if (props is null)
        {
            return null;
        }

        var id = bind.Required(props, node, "id", what) is { } i ? bind.Id(i, "source id") : null;
        var kind = bind.Required(props, node, "kind", what) is { } k ? bind.Value<SourceKind>(k, "kind") : null;
        var title = bind.Required(props, node, "title", what) is { } t ? bind.NonEmptyString(t, "the source title") : null;
        var citation = bind.Required(props, node, "citation", what) is { } c ? bind.String(c) : null;
        LocalDate? enacted = null;
        var ok = true;
        if (props.TryGetValue("enacted", out var e))
        {
            enacted = bind.Date(e);
            ok = enacted is not null;
        }

        return ok && id is not null && kind is not null && title is not null && citation is not null
            ? new LegalSource(id, kind.Value, title, citation.Trim(), enacted)
            : null;
    }

    private Dictionary<string, Condition> ReadTerms(JNode node)
    {
        var result = new Dictionary<string, Condition>(StringComparer.Ordinal);
        if (node.Kind != JKind.Object)
        {
            bind.WrongType(node, "an object whose properties are term names and whose values are conditions");
            return result;
        }

        foreach (var (name, value) in node.Properties!)
        {
            if (!IdSyntax.IsValid(name))
            {
                bind.Add(ProblemCodes.InvalidId, value, $"`{JNode.Shorten(name)}` is not a valid term name: {IdSyntax.Description}");
                continue;
            }

            if (ReadCondition(value) is { } condition)
            {
                result[name] = condition;
            }
        }

        return result;
    }

    private RuleDeclaration? ReadRule(JNode node)
    {
        const string what = "a rule";
        var props = bind.Object(node, what, RuleProperties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        var id = bind.Required(props, node, "id", what) is { } i ? bind.Id(i, "rule id") : null;
        var source = bind.Required(props, node, "source", what) is { } s ? bind.Id(s, "source id") : null;
        var sections = bind.Required(props, node, "section", what) is { } sec ? ReadSections(sec) : null;
        var binds = bind.Required(props, node, "binds", what) is { } b ? bind.ValueSet<Respondent>(b, RespondentName, allowEmpty: false) : null;
        var effect = bind.Required(props, node, "effect", what) is { } e ? bind.Value<Effect>(e, "effect") : null;
        var layer = props.TryGetValue("layer", out var l) ? bind.Value<Layer>(l, "layer") : null;
        var period = props.TryGetValue("period", out var p) ? ReadPeriod(p) : EffectivePeriod.Always;
        var when = props.TryGetValue("when", out var w) ? ReadConditions(w) : [];
        var obligations = props.TryGetValue("obligations", out var o) ? bind.ValueSet<Obligation>(o, "obligation", allowEmpty: true) : EnumSet<Obligation>.Empty;
        var excepts = props.TryGetValue("excepts", out var x) ? ReadIds(x, "rule id") : [];
        var preempts = props.TryGetValue("preempts", out var pr) ? ReadIds(pr, "rule id") : [];
        var explains = props.TryGetValue("explains", out var ex) ? bind.NonEmptyString(ex, "`explains`") : null;
        var confidence = props.TryGetValue("confidence", out var c) ? bind.Value<Confidence>(c, "confidence") : Confidence.Verified;

        if (bind.Problems.Count != start || id is null || source is null || sections is null || binds is null || effect is null
            || period is null || when is null || obligations is null || excepts is null || preempts is null || confidence is null)
        {
            return null;
        }

        var rule = new RuleDeclaration
        {
            Id = new RuleId(id),
            Layer = layer,
            Source = source,
            Sections = sections,
            Period = period.Value,
            Binds = binds.Value,
            When = when,
            Effect = effect.Value,
            Obligations = obligations.Value,
            Excepts = excepts,
            Preempts = preempts,
            Explains = explains,
            Confidence = confidence.Value,
        };
        Locate(rule, node);
        if (props.TryGetValue("excepts", out var xNode))
        {
            Locate(rule.Excepts, xNode);
        }

        if (props.TryGetValue("preempts", out var pNode))
        {
            Locate(rule.Preempts, pNode);
        }

        return rule;
    }

    private PresumptionDeclaration? ReadPresumption(JNode node)
    {
        const string what = "a presumption";
        var props = bind.Object(node, what, PresumptionProperties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        var id = bind.Required(props, node, "id", what) is { } i ? bind.Id(i, "presumption id") : null;
        var binds = bind.Required(props, node, "binds", what) is { } b ? bind.ValueSet<Respondent>(b, RespondentName, allowEmpty: false) : null;
        var layer = props.TryGetValue("layer", out var l) ? bind.Value<Layer>(l, "layer") : null;
        var period = props.TryGetValue("period", out var p) ? ReadPeriod(p) : EffectivePeriod.Always;
        var when = props.TryGetValue("when", out var w) ? ReadConditions(w) : [];
        var explains = props.TryGetValue("explains", out var ex) ? bind.NonEmptyString(ex, "`explains`") : null;
        Purpose? presume = null;
        if (bind.Required(props, node, "presume", what) is { } pr && bind.Object(pr, "`presume`", PresumeProperties) is { } presumeProps
            && bind.Required(presumeProps, pr, PurposeName, "`presume`") is { } purposeNode)
        {
            presume = bind.Value<Purpose>(purposeNode, PurposeName);
            if (presume == Purpose.Unknown)
            {
                bind.Add(ProblemCodes.InvalidValue, purposeNode, "a presumption cannot presume the purpose `unknown`");
                presume = null;
            }
        }

        if (bind.Problems.Count != start || id is null || binds is null || period is null || when is null || presume is null)
        {
            return null;
        }

        return new PresumptionDeclaration
        {
            Id = new RuleId(id),
            Layer = layer,
            Period = period.Value,
            Binds = binds.Value,
            When = when,
            Presume = presume.Value,
            Explains = explains,
        };
    }

    private PreemptionDeclaration? ReadPreemption(JNode node)
    {
        const string what = "a preemption declaration";
        var props = bind.Object(node, what, PreemptionProperties);
        if (props is null)
        {
            return null;
        }

        var start = bind.Problems.Count;
        var id = bind.Required(props, node, "id", what) is { } i ? bind.Id(i, "preemption id") : null;
        var when = bind.Required(props, node, "when", what) is { } w ? bind.ValueSet<Effect>(w, "effect", allowEmpty: false) : null;
        var preempts = bind.Required(props, node, "preempts", what) is { } p ? bind.ValueSet<Effect>(p, "effect", allowEmpty: false) : null;
        var layers = bind.Required(props, node, "layers", what) is { } l ? bind.ValueSet<Layer>(l, "layer", allowEmpty: false) : null;
        var explains = props.TryGetValue("explains", out var ex) ? bind.NonEmptyString(ex, "`explains`") : null;
        if (bind.Problems.Count != start || id is null || when is null || preempts is null || layers is null)
        {
            return null;
        }

        return new PreemptionDeclaration { Id = id, When = when.Value, Preempts = preempts.Value, Layers = layers.Value, Explains = explains };
    }

    private EffectivePeriod? ReadPeriod(JNode node)
    {
        var props = bind.Object(node, "a period", PeriodProperties);
        if (props is null)
        {
            return null;
        }

        LocalDate? from = null;
        LocalDate? to = null;
        var ok = true;
        if (props.TryGetValue("from", out var f))
        {
            from = bind.Date(f);
            ok &= from is not null;
        }

        if (props.TryGetValue("to", out var t))
        {
            to = bind.Date(t);
            ok &= to is not null;
        }

        if (!ok)
        {
            return null;
        }

        var period = new EffectivePeriod(from, to);
        if (period.IsEmpty)
        {
            bind.Add(ProblemCodes.EmptyPeriod, node, $"the period is empty: `to` ({to!.Value.ToContractText()}) must be after `from` ({from!.Value.ToContractText()}); periods are closed-open [from, to)");
            return null;
        }

        return period;
    }

    private List<SectionVariant>? ReadSections(JNode node)
    {
        if (node.Kind == JKind.String)
        {
            return bind.NonEmptyString(node, "the section") is { } text ? [new SectionVariant(null, text)] : null;
        }

        if (node.Kind != JKind.Array)
        {
            bind.WrongType(node, "a string (the section) or a list of dated variants `{ \"from\": ..., \"section\": ... }`");
            return null;
        }

        if (node.Items!.Count == 0)
        {
            bind.Add(ProblemCodes.InvalidValue, node, "the list of section variants must not be empty");
            return null;
        }

        var result = new List<SectionVariant>();
        var ok = true;
        for (var index = 0; index < node.Items.Count; index++)
        {
            var item = node.Items[index];
            var props = bind.Object(item, "a section variant", SectionProperties);
            if (props is null)
            {
                ok = false;
                continue;
            }

            var section = bind.Required(props, item, "section", "a section variant") is { } s ? bind.NonEmptyString(s, "the section") : null;
            LocalDate? from = null;
            if (props.TryGetValue("from", out var f))
            {
                from = bind.Date(f);
                if (from is null)
                {
                    ok = false;
                }
                else if (index == 0)
                {
                    bind.Add(ProblemCodes.InvalidValue, f, "the first section variant applies from the start and has no `from`");
                    ok = false;
                }
                else if (result.Count > 0 && result[^1].From is { } previous && from <= previous)
                {
                    bind.Add(ProblemCodes.InvalidValue, f, "section variants must be in increasing `from` order");
                    ok = false;
                }
            }
            else if (index > 0)
            {
                bind.Add(ProblemCodes.MissingField, item, "missing required property `from` in a section variant after the first");
                ok = false;
            }

            if (section is null)
            {
                ok = false;
                continue;
            }

            result.Add(new SectionVariant(from, section));
        }

        return ok ? result : null;
    }

    private List<RuleId>? ReadIds(JNode node, string what)
    {
        if (bind.Array(node, $"a list of {what}s") is not { } items)
        {
            return null;
        }

        var result = new List<RuleId>();
        var ok = true;
        foreach (var item in items)
        {
            if (bind.Id(item, what) is { } id)
            {
                result.Add(new RuleId(id));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private List<Condition>? ReadConditions(JNode node)
    {
        if (bind.Array(node, "a list of conditions that must all hold") is not { } items)
        {
            return null;
        }

        var result = new List<Condition>();
        var ok = true;
        foreach (var item in items)
        {
            if (ReadCondition(item) is { } c)
            {
                result.Add(c);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private Condition? ReadCondition(JNode node)
    {
        var props = bind.Object(node, "a condition", ConditionOperators);
        if (props is null)
        {
            return null;
        }

        if (props.Count != 1)
        {
            if (props.Count == 0 && node.Properties!.Count == 0)
            {
                bind.Add(ProblemCodes.InvalidValue, node, "a condition needs exactly one operator: `allOf`, `anyOf`, `not`, `term` or a request field");
            }
            else if (props.Count > 1)
            {
                bind.Add(ProblemCodes.InvalidValue, node, $"a condition has exactly one operator, found {props.Count} ({string.Join(", ", props.Keys.Select(k => $"`{k}`"))}); combine them with `allOf`");
            }

            return null;
        }

        var (op, value) = props.First();
        Condition? result = op switch
        {
            "allOf" => ReadConditions(value) is { } all ? new AllOfCondition(all) : null,
            "anyOf" => ReadAnyOf(value),
            "not" => ReadCondition(value) is { } inner ? new NotCondition(inner) : null,
            "term" => bind.Id(value, "term name") is { } term ? new TermCondition(term) : null,
            _ => RequestSchema.TryFind(op, out var field) ? (field.IsSet ? ReadSetField(value, field) : ReadScalar(value, field)) : null,
        };
        if (result is not null)
        {
            Locate(result, node);
        }

        return result;
    }

    private AnyOfCondition? ReadAnyOf(JNode value)
    {
        var list = ReadConditions(value);
        if (list is { Count: 0 })
        {
            bind.Add(ProblemCodes.InvalidValue, value, "`anyOf` needs at least one condition");
            return null;
        }

        return list is null ? null : new AnyOfCondition(list);
    }

    private FieldCondition? ReadScalar(JNode value, RequestFieldInfo field)
    {
        var name = field.JsonName;
        if (value.Kind == JKind.Array)
        {
            return bind.ValueMask(value, field, allowEmpty: false) is { } set ? new FieldCondition(field.Field, FieldTest.AnyOf, set) : null;
        }

        if (value.Kind != JKind.Object)
        {
            bind.WrongType(value, $"a list of `{name}` values, or `{{ \"anyOf\": [...] }}` / `{{ \"noneOf\": [...] }}`");
            return null;
        }

        var props = bind.Object(value, $"a `{name}` test", ScalarTests);
        if (props is null || !ExactlyOne(value, props, ScalarTests))
        {
            return null;
        }

        var (test, list) = props.First();
        return bind.ValueMask(list, field, allowEmpty: false) is { } values
            ? new FieldCondition(field.Field, test == "anyOf" ? FieldTest.AnyOf : FieldTest.NoneOf, values)
            : null;
    }

    private FieldCondition? ReadSetField(JNode value, RequestFieldInfo field)
    {
        var name = field.JsonName;
        if (value.Kind == JKind.String)
        {
            switch (value.Text)
            {
                case "non-empty":
                    return new FieldCondition(field.Field, FieldTest.NonEmpty, 0);
                case "empty":
                    return new FieldCondition(field.Field, FieldTest.Empty, 0);
                default:
                    bind.Add(ProblemCodes.UnknownValue, value, $"`{JNode.Shorten(value.Text)}` is not a `{name}` test; expected `non-empty`, `empty` or an object with `anyOf`, `allOf` or `noneOf`");
                    return null;
            }
        }

        if (value.Kind != JKind.Object)
        {
            bind.WrongType(value, $"`non-empty`, `empty`, or an object with `anyOf`, `allOf` or `noneOf` (a `{name}` test)");
            return null;
        }

        var props = bind.Object(value, $"a `{name}` test", SetTests);
        if (props is null || !ExactlyOne(value, props, SetTests))
        {
            return null;
        }

        var (test, list) = props.First();
        return bind.ValueMask(list, field, allowEmpty: false) is { } values
            ? new FieldCondition(field.Field, test switch { "anyOf" => FieldTest.AnyOf, "allOf" => FieldTest.AllOf, _ => FieldTest.NoneOf }, values)
            : null;
    }

    private bool ExactlyOne(JNode node, Dictionary<string, JNode> props, string[] allowed)
    {
        if (props.Count == 1)
        {
            return true;
        }

        if (props.Count == 0 && node.Properties!.Count > 0)
        {
            return false; // the unknown property was reported
        }

        bind.Add(ProblemCodes.InvalidValue, node, $"a field test has exactly one of {string.Join(", ", allowed.Select(a => $"`{a}`"))}");
        return false;
    }
}
