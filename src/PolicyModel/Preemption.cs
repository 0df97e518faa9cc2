namespace PolicyModel;

/// <summary>
/// A preemption declaration of a jurisdiction (docs/semantics.md, section 7): when one of its own-layer rules with an effect
/// in <see cref="When"/> counts, counting rules with an effect in <see cref="Preempts"/> of the layers in
/// <see cref="Layers"/>, in it or nested in it, are preempted.
/// </summary>
public sealed record Preemption
{
    /// <summary>The declaration's id.</summary>
    public required string Id { get; init; }

    /// <summary>The declaring jurisdiction.</summary>
    public required JurisdictionId Jurisdiction { get; init; }

    /// <summary>The effects of the declaring layer's rules that trigger it.</summary>
    public required EnumSet<Effect> When { get; init; }

    /// <summary>The effects of more specific rules it overrides.</summary>
    public required EnumSet<Effect> Preempts { get; init; }

    /// <summary>The layers it reaches (all more specific than the declaring jurisdiction's level).</summary>
    public required EnumSet<Layer> Layers { get; init; }

    /// <summary>A sentence for explanations, or <see langword="null"/>.</summary>
    public string? Explains { get; init; }
}
