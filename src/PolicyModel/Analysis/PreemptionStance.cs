namespace PolicyModel.Analysis;

/// <summary>
/// How a jurisdiction's own preemption declarations treat the rules of the jurisdictions and layers below it
/// (docs/semantics.md): read from the declarations, never assumed from the jurisdiction's name.
/// </summary>
public enum PreemptionStance
{
    /// <summary>No preemption declaration: the jurisdiction overrides nothing below it.</summary>
    None,

    /// <summary>A floor: its prohibitions override lower permissions or requirements (lower rules may be stricter, never looser).</summary>
    Floor,

    /// <summary>A mandate: its requirements or permissions override lower prohibitions or referrals.</summary>
    Mandate,

    /// <summary>Declarations of both kinds.</summary>
    Mixed,
}
