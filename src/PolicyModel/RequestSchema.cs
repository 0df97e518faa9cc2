using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using NodaTime;

namespace PolicyModel;

/// <summary>
/// The one home of the request fields a policy can test: their JSON names, whether each is a set, their vocabularies,
/// sizes and masks, how to read them from an <see cref="AssistanceRequest"/> and how to name their values. The
/// document and request readers and writers, the conditions, the equivalence classes and decision tables, the
/// explanations, the analysis and the command-line tables all loop over <see cref="Fields"/> instead of naming fields.
/// </summary>
/// <remarks>
/// A request's value of a field is held as a <see cref="ulong"/>: the value's position in its vocabulary for a
/// single-valued field, the bit mask of the set (bit <c>n</c> for value <c>n</c>) for a set field.
/// </remarks>
public static class RequestSchema
{
    /// <summary>Most values of a single-valued field's vocabulary: 64 (a condition holds its values as one 64-bit mask).</summary>
    public const int MaxValues = 64;

    /// <summary>
    /// Most values of a set field's vocabulary: 7. The decision tables classify every subset of the vocabulary
    /// (2^7 = 128 subsets), and the analysis tracks a set of those classes in one 128-bit mask.
    /// </summary>
    public const int MaxSetValues = 7;

    /// <summary>
    /// Every property of a request object in the contract's order, the three that are not fields (<c>id</c>,
    /// <c>jurisdiction</c>, <c>receivedAt</c>) included: the order requests are written in.
    /// </summary>
    public static readonly IReadOnlyList<string> JsonProperties =
        [IdProperty, JurisdictionProperty, "respondent", ReceivedAtProperty, "requester", "purpose", "assistance", "authority", "location", "circumstances", "subjectFacts"];

    /// <summary>The JSON name of the request's optional id, echoed in its decision: <c>id</c>.</summary>
    public const string IdProperty = "id";

    /// <summary>The JSON name of the jurisdiction whose law decides the request: <c>jurisdiction</c>.</summary>
    public const string JurisdictionProperty = "jurisdiction";

    /// <summary>The JSON name of the time the request was received, with its offset: <c>receivedAt</c>.</summary>
    public const string ReceivedAtProperty = "receivedAt";

    /// <summary>The number of fields (the length of <see cref="Fields"/>).</summary>
    internal const int FieldCount = 8;

    // Positions in Fields: the order of the decision tables' key and of the analysis' coordinates.
    private const int RespondentAt = 0;
    private const int RequesterAt = 1;
    private const int PurposeAt = 2;
    private const int AssistanceAt = 3;
    private const int AuthorityAt = 4;
    private const int CircumstancesAt = 5;
    private const int SubjectFactsAt = 6;
    private const int LocationAt = 7;

    // Declared before the table, which uses it (static fields start in textual order).
    /// <summary>Explanations state a location as a place ("at a courthouse") rather than as <c>location courthouse</c>.</summary>
    private static readonly string[] LocationPhrases =
        ["at a courthouse", "at a school", "at a health facility", "at a place of worship", "on government property", "at another place"];

    private static readonly RequestFieldInfo[] Table =
    [
        RequestFieldInfo.Scalar<Respondent>(RequestField.Respondent, RespondentAt, "respondent", "respondent", required: false),
        RequestFieldInfo.Scalar<Requester>(RequestField.Requester, RequesterAt, "requester", "requester", required: true),
        RequestFieldInfo.Scalar<Purpose>(RequestField.Purpose, PurposeAt, "purpose", "purpose", required: true),
        RequestFieldInfo.Scalar<AssistanceKind>(RequestField.Assistance, AssistanceAt, "assistance", "assistance", required: true),
        RequestFieldInfo.Scalar<Authority>(RequestField.Authority, AuthorityAt, "authority", "authority", required: false),
        RequestFieldInfo.Set<Circumstance>(RequestField.Circumstances, CircumstancesAt, "circumstances", "circumstances"),
        RequestFieldInfo.Set<SubjectFact>(RequestField.SubjectFacts, SubjectFactsAt, "subjectFacts", "subject facts"),
        RequestFieldInfo.Scalar<Location>(RequestField.Location, LocationAt, "location", "location", required: false, phrases: LocationPhrases, since: 2),
    ];

    private static readonly RequestFieldInfo[] ByField;

    /// <summary>Per position, the field's domain size: the allocation-free validity check of <see cref="FirstUndefined"/>.</summary>
    private static readonly ulong[] DomainLimits;
    private static readonly FrozenDictionary<string, RequestFieldInfo> ByName;

#pragma warning disable CA1810 // the lookups and the limit checks are built together from the table
    static RequestSchema()
#pragma warning restore CA1810
    {
        ByField = new RequestFieldInfo[Table.Length];
        for (var i = 0; i < Table.Length; i++)
        {
            var field = Table[i];
            if (field.Position != i || (int)field.Field >= Table.Length || ByField[(int)field.Field] is not null)
            {
                throw new InvalidOperationException($"request schema: field `{field.JsonName}` is out of place");
            }

            if (field.Size > (field.IsSet ? MaxSetValues : MaxValues))
            {
                throw new InvalidOperationException(
                    $"request schema: field `{field.JsonName}` has {field.Size} values; a {(field.IsSet ? "set" : "single-valued")} field has at most {(field.IsSet ? MaxSetValues : MaxValues)}");
            }

            ByField[(int)field.Field] = field;
        }

        ByName = Table.ToFrozenDictionary(f => f.JsonName, StringComparer.Ordinal);
        DomainLimits = [.. Table.Select(f => (ulong)f.DomainSize)];
        Span<ulong> defaults = stackalloc ulong[FieldCount];
        Read(new AssistanceRequest { Jurisdiction = default, ReceivedAt = default, Requester = default, Purpose = default, Assistance = default }, defaults);
        foreach (var field in Table)
        {
            field.Default = defaults[field.Position];
        }

        JsonOrder = [.. JsonProperties.Select(p => TryFind(p, out var f) ? f : null).OfType<RequestFieldInfo>()];
        if (JsonOrder.Count != Table.Length)
        {
            throw new InvalidOperationException("request schema: every field needs its place among the JSON properties");
        }

        DisplayOrder = [.. new[] { RequestField.Requester, RequestField.Purpose, RequestField.Assistance, RequestField.Authority, RequestField.Respondent, RequestField.Location, RequestField.Circumstances, RequestField.SubjectFacts }.Select(Of)];
        long perDate = 1;
        foreach (var field in Table)
        {
            perDate *= field.DomainSize;
        }

        RequestsPerDate = perDate;
    }

    /// <summary>Every field, in the order of the decision tables' key (each field's <see cref="RequestFieldInfo.Position"/>).</summary>
    public static IReadOnlyList<RequestFieldInfo> Fields => Table;

    /// <summary>The fields in the contract's order (<see cref="JsonProperties"/> without the properties that are not fields).</summary>
    public static IReadOnlyList<RequestFieldInfo> JsonOrder { get; }

    /// <summary>The fields in the order explanations and reports name them: who asks, for what, what, with what, whom, where, then the sets.</summary>
    public static IReadOnlyList<RequestFieldInfo> DisplayOrder { get; }

    /// <summary>The number of distinct requests on one date and jurisdiction: the product of every field's domain.</summary>
    public static long RequestsPerDate { get; }

    /// <summary>The description of a field.</summary>
    /// <param name="field">The field.</param>
    /// <returns>Its description.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined field.</exception>
    public static RequestFieldInfo Of(RequestField field) =>
        ByField[Guard.Against.OutOfRange((int)field, nameof(field), 0, ByField.Length - 1, "not a request field")];

    /// <summary>Looks up a field by its JSON name (case-sensitive), for example <c>subjectFacts</c>.</summary>
    /// <param name="jsonName">The JSON name.</param>
    /// <param name="field">The field when found.</param>
    /// <returns><see langword="true"/> when the name is a request field.</returns>
    public static bool TryFind(string? jsonName, [NotNullWhen(true)] out RequestFieldInfo? field)
    {
        field = null;
        return jsonName is not null && ByName.TryGetValue(jsonName, out field);
    }

    /// <summary>
    /// Reads every field of <paramref name="request"/> into <paramref name="values"/> (indexed by position): the one
    /// place that reads the request's fields, kept free of allocation and branches for the decision path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Read(AssistanceRequest request, Span<ulong> values)
    {
        values[RespondentAt] = (uint)request.Respondent;
        values[RequesterAt] = (uint)request.Requester;
        values[PurposeAt] = (uint)request.Purpose;
        values[AssistanceAt] = (uint)request.Assistance;
        values[AuthorityAt] = (uint)request.Authority;
        values[CircumstancesAt] = request.Circumstances.Mask;
        values[SubjectFactsAt] = request.SubjectFacts.Mask;
        values[LocationAt] = (uint)request.Location;
    }

    /// <summary>Builds a request from field values indexed by position (the inverse of <see cref="Read"/>).</summary>
    internal static AssistanceRequest Create(JurisdictionId jurisdiction, OffsetDateTime receivedAt, ReadOnlySpan<ulong> values, string? id = null) => new()
    {
        Id = id,
        Jurisdiction = jurisdiction,
        ReceivedAt = receivedAt,
        Respondent = (Respondent)values[RespondentAt],
        Requester = (Requester)values[RequesterAt],
        Purpose = (Purpose)values[PurposeAt],
        Assistance = (AssistanceKind)values[AssistanceAt],
        Authority = (Authority)values[AuthorityAt],
        Circumstances = EnumSet<Circumstance>.FromMask(values[CircumstancesAt]),
        SubjectFacts = EnumSet<SubjectFact>.FromMask(values[SubjectFactsAt]),
        Location = (Location)values[LocationAt],
    };

    /// <summary>
    /// The first field whose value in <paramref name="values"/> is outside its vocabulary, or <see langword="null"/>
    /// when every value is defined. Allocation-free.
    /// </summary>
    internal static RequestFieldInfo? FirstUndefined(ReadOnlySpan<ulong> values)
    {
        var limits = DomainLimits;
        for (var i = 0; i < limits.Length; i++)
        {
            // A value is defined when it is below the field's domain size: a position below the vocabulary's size,
            // or a mask of a set field with no bit beyond it (every such mask is below 2 to the size).
            if (values[i] >= limits[i])
            {
                return Table[i];
            }
        }

        return null;
    }

    /// <summary>The field values of a request, indexed by position; a value type that lives on the stack.</summary>
    [InlineArray(FieldCount)]
    internal struct Values
    {
        private ulong first;
    }
}

/// <summary>
/// One request field of the <see cref="RequestSchema"/>: its JSON name, whether it is a set, its vocabulary and how to
/// name and read its values.
/// </summary>
public sealed class RequestFieldInfo
{
    private readonly Func<ulong, string> valueName;
    private readonly Func<string?, (bool Found, int Value)> parse;
    private readonly string[]? phrases;

    private RequestFieldInfo(RequestField field, int position, string jsonName, string label, bool isSet, bool isRequired, Type valueType, IReadOnlyList<string> valueNames, IReadOnlyList<string> valueMeanings, Func<ulong, string> valueName, Func<string?, (bool, int)> parse, string[]? phrases, int since)
    {
        ValueMeanings = valueMeanings;
        Since = since;
        Field = field;
        Position = position;
        JsonName = jsonName;
        Label = label;
        IsSet = isSet;
        IsRequired = isRequired;
        ValueType = valueType;
        ValueNames = valueNames;
        this.valueName = valueName;
        this.parse = parse;
        this.phrases = phrases;
        AllMask = valueNames.Count == 64 ? ulong.MaxValue : (1UL << valueNames.Count) - 1;
        if (phrases is not null && phrases.Length != valueNames.Count)
        {
            throw new InvalidOperationException($"request schema: field `{jsonName}` needs one phrase per value");
        }

        for (var i = 0; i < valueMeanings.Count; i++)
        {
            if (valueMeanings[i].Length == 0)
            {
                throw new InvalidOperationException($"request schema: value `{valueNames[i]}` of field `{jsonName}` needs a meaning");
            }
        }
    }

    /// <summary>The field.</summary>
    public RequestField Field { get; }

    /// <summary>
    /// The contract revision that added the field: 1 for the first fields, 2 for <c>location</c>. A request is
    /// written with every field of revision 1 and with a later field only when it differs from its default, so a
    /// request that does not use a later field is written exactly as before the field existed.
    /// </summary>
    public int Since { get; }

    /// <summary>The field's position in <see cref="RequestSchema.Fields"/>.</summary>
    public int Position { get; }

    /// <summary>The JSON property name in requests and policy-document conditions, for example <c>subjectFacts</c>.</summary>
    public string JsonName { get; }

    /// <summary>The field in words, for explanations: <c>subject facts</c>.</summary>
    public string Label { get; }

    /// <summary>Whether a request holds a set of values (a list in JSON) rather than one value.</summary>
    public bool IsSet { get; }

    /// <summary>Whether a request must give the field (a set field or a defaulted field may be left out).</summary>
    public bool IsRequired { get; }

    /// <summary>The vocabulary enum of the field's values.</summary>
    public Type ValueType { get; }

    /// <summary>The JSON names of the vocabulary, in declaration order (value <c>n</c> is named <c>ValueNames[n]</c>).</summary>
    public IReadOnlyList<string> ValueNames { get; }

    /// <summary>
    /// The meaning of each value in the contract's words, one sentence each, in vocabulary order (value <c>n</c> means
    /// <c>ValueMeanings[n]</c>): the help text of forms and service descriptions.
    /// </summary>
    public IReadOnlyList<string> ValueMeanings { get; }

    /// <summary>The number of values of the vocabulary.</summary>
    public int Size => ValueNames.Count;

    /// <summary>The mask with one bit set per value of the vocabulary.</summary>
    public ulong AllMask { get; }

    /// <summary>
    /// The value a request has when it leaves the field out (the position of the default value, or the empty mask of
    /// a set field); meaningless for a required field.
    /// </summary>
    public ulong Default { get; internal set; }

    /// <summary>How many distinct values a request can hold: the vocabulary's size, or for a set field 2 to that power.</summary>
    public int DomainSize => IsSet ? 1 << Size : Size;

    /// <summary>The field's value in <paramref name="request"/>: the value's position, or a set field's mask.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The value.</returns>
    public ulong ValueOf(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        Span<ulong> values = stackalloc ulong[RequestSchema.FieldCount];
        RequestSchema.Read(request, values);
        return values[Position];
    }

    /// <summary>The mask a condition tests a value against: one bit for a single value, the set itself for a set field.</summary>
    /// <param name="value">A value as <see cref="ValueOf"/> gives it.</param>
    /// <returns>The mask.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong MaskOf(ulong value) => IsSet ? value : 1UL << (int)value;

    /// <summary>Whether <paramref name="value"/> (as <see cref="ValueOf"/> gives it) lies inside the vocabulary.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when defined.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDefined(ulong value) => IsSet ? (value & ~AllMask) == 0 : value < (ulong)Size;

    /// <summary>Looks up one value by its exact JSON name.</summary>
    /// <param name="name">The JSON name.</param>
    /// <param name="value">The value's position in the vocabulary when found.</param>
    /// <returns><see langword="true"/> when the name belongs to the vocabulary.</returns>
    public bool TryParse(string? name, out int value)
    {
        (var found, value) = parse(name);
        return found;
    }

    /// <summary>The JSON names of the values in <paramref name="mask"/>, in vocabulary order.</summary>
    /// <param name="mask">A mask over the vocabulary.</param>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> NamesOf(ulong mask)
    {
        var names = new List<string>();
        for (var m = mask & AllMask; m != 0; m &= m - 1)
        {
            names.Add(valueName((ulong)System.Numerics.BitOperations.TrailingZeroCount(m)));
        }

        return names;
    }

    /// <summary>The vocabulary as a readable list for error messages: <c>`a`, `b`, `c`</c>.</summary>
    /// <returns>The backtick-quoted names joined by commas.</returns>
    public string Describe() => string.Join(", ", ValueNames.Select(n => $"`{n}`"));

    /// <summary>A request's value in words: the value's name, or a set's names joined by <c>and</c> (<c>none</c> when empty).</summary>
    /// <param name="value">A value as <see cref="ValueOf"/> gives it.</param>
    /// <returns>The text.</returns>
    public string ValueText(ulong value) =>
        !IsSet ? valueName(value) : value == 0 ? "none" : string.Join(" and ", NamesOf(value));

    /// <summary>The fact a request's value states, as explanations write it: <c>requester ice-ero</c>, <c>at a courthouse</c>.</summary>
    /// <param name="value">A value as <see cref="ValueOf"/> gives it.</param>
    /// <returns>The phrase.</returns>
    public string Phrase(ulong value) => phrases is not null && !IsSet ? phrases[value] : $"{Label} {ValueText(value)}";

    /// <inheritdoc/>
    public override string ToString() => JsonName;

    internal static RequestFieldInfo Scalar<T>(RequestField field, int position, string jsonName, string label, bool required, string[]? phrases = null, int since = 1)
        where T : struct, Enum =>
        new(field, position, jsonName, label, isSet: false, required, typeof(T), ContractNames<T>.Names, ContractNames<T>.Meanings, v => ContractNames<T>.Names[(int)v], Parse<T>, phrases, since);

    internal static RequestFieldInfo Set<T>(RequestField field, int position, string jsonName, string label)
        where T : struct, Enum =>
        new(field, position, jsonName, label, isSet: true, isRequired: false, typeof(T), ContractNames<T>.Names, ContractNames<T>.Meanings, v => ContractNames<T>.Names[(int)v], Parse<T>, phrases: null, since: 1);

    private static (bool, int) Parse<T>(string? name)
        where T : struct, Enum =>
        ContractNames<T>.TryParse(name, out var value) ? (true, Unsafe.As<T, int>(ref value)) : (false, 0);
}
