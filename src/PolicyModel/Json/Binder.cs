using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;

namespace PolicyModel.Json;

/// <summary>Strict binding helpers over <see cref="JNode"/>: every problem is collected with code, path and line.</summary>
internal sealed class Binder(string document, List<Problem> problems)
{
    public string Document { get; } = document;

    public List<Problem> Problems { get; } = problems;

    public void Add(string code, JNode at, string message) =>
        Problems.Add(new Problem(code, Document, at.Path, at.Line, at.Column, message));

    public void Add(string code, string path, int? line, int? column, string message) =>
        Problems.Add(new Problem(code, Document, path, line, column, message));

    public Dictionary<string, JNode>? Object(JNode node, string what, IReadOnlyCollection<string> allowed)
    {
        if (node.Kind != JKind.Object)
        {
            WrongType(node, $"an object ({what})");
            return null;
        }

        var map = new Dictionary<string, JNode>(StringComparer.Ordinal);
        foreach (var (name, value) in node.Properties!)
        {
            if (!allowed.Contains(name))
            {
                Add(ProblemCodes.UnknownProperty, value, $"unknown property `{JNode.Shorten(name)}` in {what}{(Problems.Count < 1_000 ? Suggest(name, allowed) : string.Empty)}");
                continue;
            }

            map[name] = value;
        }

        return map;
    }

    /// <summary>
    /// Checks the optional <c>$schema</c> property of <paramref name="props"/>, which names the JSON Schema the text
    /// follows for editors: any string, otherwise ignored.
    /// </summary>
    public void SchemaReference(Dictionary<string, JNode> props)
    {
        if (props.TryGetValue(SchemaProperty, out var node))
        {
            String(node, "a string (the URI or relative path of the JSON Schema the text follows)");
        }
    }

    /// <summary>The property that names a text's JSON Schema (docs/policy-format.md, "JSON Schemas").</summary>
    public const string SchemaProperty = "$schema";

    public JNode? Required(Dictionary<string, JNode> props, JNode obj, string name, string what)
    {
        if (props.TryGetValue(name, out var value))
        {
            return value;
        }

        Add(ProblemCodes.MissingField, obj, $"missing required property `{name}` in {what}");
        return null;
    }

    public void WrongType(JNode node, string expected) =>
        Add(ProblemCodes.WrongType, node, $"expected {expected}, found {node.KindName}");

    public string? String(JNode node, string expected = "a string")
    {
        if (node.Kind != JKind.String)
        {
            WrongType(node, expected);
            return null;
        }

        return node.Text;
    }

    public string? NonEmptyString(JNode node, string what)
    {
        var text = String(node, $"a string ({what})");
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Add(ProblemCodes.InvalidValue, node, $"{what} must not be empty");
            return null;
        }

        return text;
    }

    public List<JNode>? Array(JNode node, string what)
    {
        if (node.Kind != JKind.Array)
        {
            WrongType(node, $"an array ({what})");
            return null;
        }

        return node.Items;
    }

    public T? Value<T>(JNode node, string field)
        where T : struct, Enum =>
        Value<T>(node, field, ContractNames<T>.Names, ContractNames<T>.Describe, static text => ContractNames<T>.TryParse(text, out var v) ? v : null);

    /// <summary>A non-empty list of distinct vocabulary values, as a set. Null after a problem.</summary>
    public EnumSet<T>? ValueSet<T>(JNode node, string field, bool allowEmpty)
        where T : struct, Enum =>
        ValueMask(node, field, allowEmpty, item => Value<T>(item, field) is { } v ? 1UL << Unsafe.As<T, int>(ref v) : null) is { } mask
            ? EnumSet<T>.FromMask(mask)
            : null;

    /// <summary>One value of a request field, as its position in the field's vocabulary. Null after a problem.</summary>
    public int? Value(JNode node, RequestFieldInfo field) =>
        Value<int>(node, field.JsonName, field.ValueNames, field.Describe, text => field.TryParse(text, out var v) ? v : null);

    /// <summary>A list of values of a request field, as a mask over its vocabulary. Null after a problem.</summary>
    public ulong? ValueMask(JNode node, RequestFieldInfo field, bool allowEmpty) =>
        ValueMask(node, field.JsonName, allowEmpty, item => Value(item, field) is { } v ? 1UL << v : null);

    private TValue? Value<TValue>(JNode node, string field, IReadOnlyList<string> names, Func<string> describe, Func<string, TValue?> parse)
        where TValue : struct
    {
        var text = String(node, $"a string (one of the `{field}` values)");
        if (text is null)
        {
            return null;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        Add(ProblemCodes.UnknownValue, node, $"`{JNode.Shorten(text)}` is not a valid `{field}` value; expected one of {describe()}{Suggest(text, names)}");
        return null;
    }

    private ulong? ValueMask(JNode node, string field, bool allowEmpty, Func<JNode, ulong?> bit)
    {
        var items = Array(node, $"a list of `{field}` values");
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0 && !allowEmpty)
        {
            Add(ProblemCodes.InvalidValue, node, $"the list of `{field}` values must not be empty");
            return null;
        }

        ulong mask = 0;
        var ok = true;
        foreach (var item in items)
        {
            if (bit(item) is { } b)
            {
                mask |= b;
            }
            else
            {
                ok = false;
            }
        }

        return ok ? mask : null;
    }

    public LocalDate? Date(JNode node)
    {
        var text = String(node, "a date string (`YYYY-MM-DD`)");
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success || text.Length != 10)
        {
            Add(ProblemCodes.InvalidDate, node, $"`{JNode.Shorten(text)}` is not a date; expected `YYYY-MM-DD`, for example `2021-08-02`");
            return null;
        }

        return result.Value;
    }

    public string? Id(JNode node, string what)
    {
        var text = String(node, $"a string ({what})");
        if (text is null)
        {
            return null;
        }

        if (!IdSyntax.IsValid(text))
        {
            Add(ProblemCodes.InvalidId, node, $"`{JNode.Shorten(text)}` is not a valid {what}: {IdSyntax.Description}");
            return null;
        }

        return text;
    }

    internal static string Suggest(string given, IEnumerable<string> candidates) =>
        Closest(given, candidates) is { } best ? $" (did you mean `{best}`?)" : string.Empty;

    /// <summary>The candidate closest to <paramref name="given"/> by edit distance, when close enough to be a typo of it.</summary>
    internal static string? Closest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = given.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var d = Distance(lowered, candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, given.Length / 4) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        // On the stack: a hostile document can have hundreds of thousands of unknown properties, each compared with every allowed name.
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
