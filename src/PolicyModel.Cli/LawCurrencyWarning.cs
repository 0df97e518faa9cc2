namespace PolicyModel.Cli;

/// <summary>
/// Warns on standard error, once per jurisdiction, when a request is judged after the date to which that
/// jurisdiction's law is known (<see cref="Jurisdiction.LawCurrentTo"/>), so that nobody takes silence for "no change".
/// Thread-safe: a stream's batches are decided on several cores.
/// </summary>
internal sealed class LawCurrencyWarning(PolicySet set, TextWriter stderr)
{
    private readonly Dictionary<JurisdictionId, NodaTime.LocalDate?> knownTo = set.Jurisdictions.ToDictionary(j => j.Id, j => j.LawCurrentTo);
    private readonly HashSet<JurisdictionId> warned = [];

    /// <summary>Writes the warning for the decision's jurisdiction if it was judged past its law's date and not yet warned of.</summary>
    public void Check(Decision decision) => Check(decision.JurisdictionChain[^1], decision.EffectiveDate);

    /// <summary>Writes the warning for a request of <paramref name="jurisdiction"/> judged on <paramref name="effectiveDate"/>, if due.</summary>
    public void Check(JurisdictionId jurisdiction, NodaTime.LocalDate effectiveDate)
    {
        if (!knownTo.TryGetValue(jurisdiction, out var known) || known is not { } date || effectiveDate <= date)
        {
            return;
        }

        lock (warned)
        {
            if (warned.Add(jurisdiction))
            {
                stderr.WriteLine($"warning: the law of {jurisdiction} is known only to {date.ToContractText()}; a request judged on {effectiveDate.ToContractText()} is decided by the last known law, and later changes, if any, are not reflected");
            }
        }
    }
}
