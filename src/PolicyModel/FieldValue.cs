using Ardalis.GuardClauses;
using PolicyModel.Engine;

namespace PolicyModel;

/// <summary>
/// One value of one request field: a what-if change (<see cref="WhatIfAlternative.Changes"/>) or a value a partial
/// decision depends on (<see cref="DependsOnEntry.When"/>). For a scalar field it is one vocabulary value; for a set
/// field (<c>circumstances</c>, <c>subjectFacts</c>) it is a whole set, as the contract's JSON writes it: an array.
/// </summary>
public readonly record struct FieldValue
{
    private FieldValue(RequestField field, ulong raw)
    {
        Field = field;
        Raw = raw;
    }

    /// <summary>The field.</summary>
    public RequestField Field { get; }

    /// <summary>The value: the enum value of a scalar field, the bit mask of a set field.</summary>
    public ulong Raw { get; }

    /// <summary>The field's JSON name (<c>authority</c>, <c>subjectFacts</c>).</summary>
    public string FieldName => RequestFields.Name(Field);

    /// <summary>Whether the field holds a set of values (written as an array).</summary>
    public bool IsSet => RequestFields.IsSet(Field);

    /// <summary>The JSON names: one for a scalar field, the members (in declaration order, possibly none) for a set field.</summary>
    public IReadOnlyList<string> Names => IsSet ? RequestSchema.Of(Field).NamesOf(Raw) : [RequestSchema.Of(Field).ValueNames[(int)Raw]];

    /// <summary>The value of <paramref name="field"/> in <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value.</returns>
    public static FieldValue Of(AssistanceRequest request, RequestField field)
    {
        Guard.Against.Null(request);
        return new FieldValue(field, RequestFields.Get(request, field));
    }

    /// <summary>A value from its JSON names: exactly one name for a scalar field, the members (any number) for a set field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="names">The names, for example <c>judicial-criminal-warrant</c>, or <c>crime-in-progress</c> for circumstances.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">A name is not in the field's vocabulary, or a scalar field got other than one name.</exception>
    public static FieldValue Parse(RequestField field, params IEnumerable<string> names)
    {
        Guard.Against.Null(names);
        var list = names.ToList();
        Guard.Against.InvalidInput(list, nameof(names), l => RequestFields.IsSet(field) || l.Count == 1, $"`{RequestFields.Name(field)}` takes exactly one value");

        var info = RequestSchema.Of(field);
        ulong raw = 0;
        foreach (var name in list)
        {
            var index = 0;
            Guard.Against.InvalidInput(name, nameof(names), n => info.TryParse(n, out index), $"`{name}` is not a `{info.JsonName}` value; expected one of {info.Describe()}");

            raw = info.IsSet ? raw | (1UL << index) : (ulong)index;
        }

        return new FieldValue(field, raw);
    }

    /// <summary>Whether <paramref name="request"/> holds this value in this value's field.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool IsIn(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        return RequestFields.Get(request, Field) == Raw;
    }

    /// <summary>The request with this value in this value's field.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The changed request.</returns>
    public AssistanceRequest ApplyTo(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        return RequestFields.With(request, Field, Raw);
    }

    /// <summary>The value as the explanations read it: the name, or for a set its members joined by <c>and</c> (<c>none</c> when empty).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => RequestSchema.Of(Field).ValueText(Raw);

    /// <summary>Writes the value as the contract's JSON does: a string, or an array of strings for a set field.</summary>
    internal void WriteTo(System.Text.Json.Utf8JsonWriter writer)
    {
        if (!IsSet)
        {
            writer.WriteStringValue(Names[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var name in Names)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }

    internal static FieldValue FromRaw(RequestField field, ulong raw) => new(field, raw);
}
