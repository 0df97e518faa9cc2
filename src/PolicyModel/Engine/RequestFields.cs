namespace PolicyModel.Engine;

/// <summary>
/// The request fields a what-if may change and a partial request may leave unknown: every field of the
/// <see cref="RequestSchema"/> (so not <c>id</c>, <c>jurisdiction</c> or <c>receivedAt</c>), in the contract's order,
/// with the few operations what-if and partial decisions need. A field's value is a <see cref="ulong"/> as the schema
/// holds it: the value's position for a scalar field, the bit mask of a set field.
/// </summary>
internal static class RequestFields
{
    /// <summary>The fields, in the contract's order.</summary>
    public static readonly RequestField[] All = [.. RequestSchema.JsonOrder.Select(f => f.Field)];

    public static RequestFieldInfo Info(RequestField field) => RequestSchema.Of(field);

    /// <summary>The position of a field in <see cref="All"/>.</summary>
    public static int Position(RequestField field) => Array.IndexOf(All, field);

    public static bool IsSet(RequestField field) => RequestSchema.Of(field).IsSet;

    public static int VocabularySize(RequestField field) => RequestSchema.Of(field).Size;

    public static int DomainSize(RequestField field) => RequestSchema.Of(field).DomainSize;

    public static string Name(RequestField field) => RequestSchema.Of(field).JsonName;

    public static IReadOnlyList<string> Names(RequestField field) => RequestSchema.Of(field).ValueNames;

    public static ulong Get(AssistanceRequest request, RequestField field) => RequestSchema.Of(field).ValueOf(request);

    /// <summary>The request with <paramref name="field"/> set to <paramref name="value"/> (id, jurisdiction, time and unknown facts kept).</summary>
    public static AssistanceRequest With(AssistanceRequest request, RequestField field, ulong value)
    {
        var values = default(RequestSchema.Values);
        RequestSchema.Read(request, values);
        values[RequestSchema.Of(field).Position] = value;
        var changed = RequestSchema.Create(request.Jurisdiction, request.ReceivedAt, values, request.Id);
        return request.Unknown.IsEmpty ? changed : changed with { Unknown = request.Unknown };
    }

    /// <summary>The value a partial request holds for an unknown field: <c>unknown</c> for the purpose, the contract's default otherwise (a required field's first value).</summary>
    public static ulong Placeholder(RequestField field) => Placeholder(RequestSchema.Of(field));

    public static ulong Placeholder(RequestFieldInfo field) =>
        field.Field == RequestField.Purpose ? (ulong)Purpose.Unknown : field.IsRequired ? 0 : field.Default;
}
