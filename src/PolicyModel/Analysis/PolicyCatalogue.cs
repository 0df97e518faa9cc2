using Ardalis.GuardClauses;
using NodaTime;

namespace PolicyModel.Analysis;

/// <summary>
/// What a policy set holds, for people and programs that want to see it rather than decide with it: every
/// jurisdiction with its parent, zone, preemption stance, rule count and the date its law is current to, and the
/// rules and presumptions that apply in a jurisdiction (its own and its enclosing jurisdictions'), optionally only
/// those in force on a date. Immutable and thread-safe.
/// </summary>
public sealed class PolicyCatalogue
{
    private readonly PolicySet set;
    private readonly Dictionary<JurisdictionId, Jurisdiction> byId;

    private PolicyCatalogue(PolicySet set)
    {
        this.set = set;
        byId = set.Jurisdictions.ToDictionary(j => j.Id);
        Jurisdictions = [.. set.Jurisdictions.Select(Summarise)];
    }

    /// <summary>Every jurisdiction of the set, in the order the set lists them.</summary>
    public IReadOnlyList<JurisdictionSummary> Jurisdictions { get; }

    /// <summary>The catalogue of <paramref name="policies"/>.</summary>
    /// <param name="policies">A compiled policy set.</param>
    /// <returns>The catalogue.</returns>
    public static PolicyCatalogue Of(PolicySet policies)
    {
        Guard.Against.Null(policies);
        return new PolicyCatalogue(policies);
    }

    /// <summary>Whether the set has the jurisdiction <paramref name="id"/>.</summary>
    /// <param name="id">A jurisdiction id.</param>
    /// <returns><see langword="true"/> when the set defines it.</returns>
    public bool Contains(JurisdictionId id) => byId.ContainsKey(id);

    /// <summary>
    /// The rules that apply in <paramref name="jurisdiction"/>: those of the jurisdiction and of every jurisdiction
    /// enclosing it, outermost layer first, then in catalogue order; with <paramref name="on"/>, only those in force
    /// on that local date.
    /// </summary>
    /// <param name="jurisdiction">A jurisdiction of the set.</param>
    /// <param name="on">A local date of the jurisdiction, or <see langword="null"/> for every rule of its history.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentException">The set has no such jurisdiction.</exception>
    public IReadOnlyList<Rule> RulesOf(JurisdictionId jurisdiction, LocalDate? on = null)
    {
        var chain = Chain(jurisdiction);
        return [.. set.Rules
            .Select((rule, index) => (rule, index))
            .Where(r => chain.Contains(r.rule.Jurisdiction) && (on is not { } date || r.rule.Period.Contains(date)))
            .OrderBy(r => r.rule.Layer)
            .ThenBy(r => r.index)
            .Select(r => r.rule)];
    }

    /// <summary>The presumptions that apply in <paramref name="jurisdiction"/>, as <see cref="RulesOf"/> selects rules.</summary>
    /// <param name="jurisdiction">A jurisdiction of the set.</param>
    /// <param name="on">A local date, or <see langword="null"/> for all.</param>
    /// <returns>The presumptions.</returns>
    /// <exception cref="ArgumentException">The set has no such jurisdiction.</exception>
    public IReadOnlyList<Presumption> PresumptionsOf(JurisdictionId jurisdiction, LocalDate? on = null)
    {
        var chain = Chain(jurisdiction);
        return [.. set.Presumptions
            .Where(p => chain.Contains(p.Jurisdiction) && (on is not { } date || p.Period.Contains(date)))
            .OrderBy(p => p.Layer)];
    }

    /// <summary>The jurisdiction and every jurisdiction enclosing it.</summary>
    private HashSet<JurisdictionId> Chain(JurisdictionId jurisdiction)
    {
        Guard.Against.InvalidInput(jurisdiction, nameof(jurisdiction), byId.ContainsKey, $"the policy set has no jurisdiction `{jurisdiction}`");

        var chain = new HashSet<JurisdictionId>();
        for (JurisdictionId? id = jurisdiction; id is { } current && chain.Add(current) && byId.TryGetValue(current, out var j);)
        {
            id = j.Parent;
        }

        return chain;
    }

    private JurisdictionSummary Summarise(Jurisdiction jurisdiction)
    {
        var own = set.Preemptions.Where(p => p.Jurisdiction == jurisdiction.Id).ToList();
        var floor = own.Any(p => p.When.Contains(Effect.Prohibit) && (p.Preempts.Contains(Effect.Permit) || p.Preempts.Contains(Effect.Require)));
        var mandate = own.Any(p => (p.When.Contains(Effect.Require) || p.When.Contains(Effect.Permit)) && (p.Preempts.Contains(Effect.Prohibit) || p.Preempts.Contains(Effect.Refer)));
        var stance = (floor, mandate) switch
        {
            (true, true) => PreemptionStance.Mixed,
            (true, false) => PreemptionStance.Floor,
            (false, true) => PreemptionStance.Mandate,
            _ => PreemptionStance.None,
        };
        return new JurisdictionSummary(
            jurisdiction.Id,
            jurisdiction.Name,
            jurisdiction.Parent,
            jurisdiction.TimeZone.Id,
            jurisdiction.Level,
            stance,
            set.Rules.Count(r => r.Jurisdiction == jurisdiction.Id),
            set.Presumptions.Count(p => p.Jurisdiction == jurisdiction.Id),
            jurisdiction.LawCurrentTo);
    }
}
