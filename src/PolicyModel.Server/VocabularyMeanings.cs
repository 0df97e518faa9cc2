namespace PolicyModel.Server;

/// <summary>
/// The request's vocabularies with the meaning of each value, for the web page's help text and
/// <c>GET /v1/vocabularies</c>: derived from <see cref="RequestSchema"/>, the one home of the fields, their values and
/// what the values mean.
/// </summary>
internal static class VocabularyMeanings
{
    /// <summary>Every request field with a vocabulary, in the contract's order, with each value and its meaning.</summary>
    public static Dictionary<string, List<VocabularyValueBody>> All() =>
        RequestSchema.JsonOrder.ToDictionary(
            field => field.JsonName,
            field => field.ValueNames.Select((value, i) => new VocabularyValueBody { Value = value, Meaning = field.ValueMeanings[i] }).ToList(),
            StringComparer.Ordinal);
}
