using NodaTime;

namespace PolicyModel.Cli.Pictures;

/// <summary>One bar of a timeline: a rule or a presumption and the period it is in force.</summary>
/// <param name="Id">The rule or presumption id.</param>
/// <param name="IsPresumption">Whether it is a presumption (it supplies a purpose; it decides nothing itself).</param>
/// <param name="What">Its effect (with obligations) or, for a presumption, what it presumes.</param>
/// <param name="Swatch">Its colour: that of the outcome its effect leads to.</param>
/// <param name="Period">When it is in force (local dates, from inclusive, to exclusive).</param>
/// <param name="Citation">Its citation, with every numbering of its history; for a presumption its explanation.</param>
/// <param name="Details">The rest of what <c>show</c> prints for it (binds, confidence), for the tooltip.</param>
internal sealed record TimelineBar(string Id, bool IsPresumption, string What, Swatch Swatch, EffectivePeriod Period, string Citation, string Details);

/// <summary>The bars of one jurisdiction's layer.</summary>
/// <param name="Jurisdiction">The jurisdiction whose documents write the rules.</param>
/// <param name="Layer">Their layer.</param>
/// <param name="Bars">The bars, in catalogue order.</param>
internal sealed record TimelineGroup(Jurisdiction Jurisdiction, Layer Layer, IReadOnlyList<TimelineBar> Bars);

/// <summary>
/// When each rule (and presumption) that applies in a jurisdiction took effect and ended: its own and those of every
/// enclosing jurisdiction, grouped by jurisdiction and layer, outermost first, as <see cref="Analysis.PolicyCatalogue"/>
/// lists them.
/// </summary>
internal sealed class RuleTimeline
{
    private RuleTimeline(Jurisdiction jurisdiction, IReadOnlyList<TimelineGroup> groups)
    {
        Jurisdiction = jurisdiction;
        Groups = groups;
    }

    /// <summary>Gets the jurisdiction drawn.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>Gets the groups, outermost layer first.</summary>
    public IReadOnlyList<TimelineGroup> Groups { get; }

    /// <summary>Gets every bar, in drawing order.</summary>
    public IEnumerable<TimelineBar> Bars => Groups.SelectMany(g => g.Bars);

    /// <summary>The timeline of <paramref name="jurisdiction"/> in <paramref name="set"/>.</summary>
    public static RuleTimeline Of(PolicySet set, Jurisdiction jurisdiction)
    {
        var catalogue = Analysis.PolicyCatalogue.Of(set);
        var byId = set.Jurisdictions.ToDictionary(j => j.Id);
        var items = catalogue.RulesOf(jurisdiction.Id).Select(r => (r.Jurisdiction, r.Layer, Bar: Bar(r)))
            .Concat(catalogue.PresumptionsOf(jurisdiction.Id).Select(p => (p.Jurisdiction, p.Layer, Bar: Bar(p))));
        var groups = items
            .GroupBy(i => (i.Jurisdiction, i.Layer))
            .OrderBy(g => g.Key.Layer)
            .ThenBy(g => Depth(set, g.Key.Jurisdiction))
            .Select(g => new TimelineGroup(byId[g.Key.Jurisdiction], g.Key.Layer, [.. g.Select(i => i.Bar)]))
            .ToList();
        return new RuleTimeline(jurisdiction, groups);
    }

    /// <summary>The dates the timeline must show: every start and end, and the date the law is current to.</summary>
    public IEnumerable<LocalDate> Dates() =>
        Bars.SelectMany(b => new[] { b.Period.From, b.Period.To }).Append(Jurisdiction.LawCurrentTo).OfType<LocalDate>();

    private static int Depth(PolicySet set, JurisdictionId id) => set.ChainOf(id).Count;

    private static TimelineBar Bar(Rule rule)
    {
        var effect = rule.Effect.ToContractName();
        var what = rule.Obligations.IsEmpty ? effect : $"{effect} + {string.Join(", ", rule.Obligations.Select(o => o.ToContractName()))}";
        return new TimelineBar(rule.Id.Value, false, what, PictureStyle.Of(rule.Effect), rule.Period, ShowCommand.Citation(rule, null),
            $"binds {Binds(rule.Binds)}; confidence {rule.Confidence.ToContractName()}");
    }

    private static TimelineBar Bar(Presumption presumption) =>
        new(presumption.Id.Value, true, $"presumes {presumption.Presumed.ToContractName()}", PictureStyle.Of(Outcome.Discretionary), presumption.Period,
            presumption.Explains ?? $"a request of unstated purpose is treated as {presumption.Presumed.ToContractName()}",
            $"presumption; binds {Binds(presumption.Binds)}");

    private static string Binds(EnumSet<Respondent> binds) => string.Join(", ", ContractNames<Respondent>.All.Where(binds.Contains).Select(r => r.ToContractName()));
}
