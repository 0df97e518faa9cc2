using NodaTime;
using PolicyModel.Analysis;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Cli;

/// <summary>
/// What <c>analyze</c> reports when the user gives documents with <c>--policies</c> (and not <c>--all</c>): the
/// jurisdictions their documents define or add rules to, from the first date one of their rules is in force (unless
/// dates are given), and only the findings about their own rules and presumptions: conflicts with one of their rules
/// on either side, their unreachable and preempted rules, and coverage of their rules. Gaps are every undecided request
/// of their jurisdictions in those dates (whoever's law leaves it undecided).
/// </summary>
internal sealed class AnalysisScope
{
    private readonly HashSet<string> owned;

    private AnalysisScope(IReadOnlyList<string> documents, IReadOnlyList<JurisdictionId> jurisdictions, HashSet<string> owned, LocalDate? from)
    {
        Documents = documents;
        Jurisdictions = jurisdictions;
        this.owned = owned;
        From = from;
    }

    /// <summary>Gets the names of the user's documents.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>Gets the jurisdictions the user's documents define or add rules to, in the set's order.</summary>
    public IReadOnlyList<JurisdictionId> Jurisdictions { get; }

    /// <summary>Gets the first date one of the user's rules is in force; null when one is in force since always (or there is none).</summary>
    public LocalDate? From { get; }

    /// <summary>The scope of the user's documents in <paramref name="set"/>; null (everything) with <c>--all</c>, without <c>--policies</c>, or when they hold no rule, presumption or jurisdiction.</summary>
    public static AnalysisScope? Of(PolicySet set, CommonOptions options, bool all)
    {
        if (all || options.Policies.Count == 0)
        {
            return null;
        }

        var builtIn = options.NoBuiltIns ? [] : BuiltInPolicies.Documents().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var documents = set.Documents.Where(d => !builtIn.Contains(d.Name)).ToList();
        var names = documents.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var ids = documents.Select(d => d.Jurisdiction.Id).ToHashSet();
        var jurisdictions = set.Jurisdictions.Select(j => j.Id).Where(ids.Contains).ToList();
        if (jurisdictions.Count == 0)
        {
            return null;
        }

        var rules = set.Rules.Where(r => names.Contains(r.Document)).ToList();
        var owned = rules.Select(r => r.Id.Value).Concat(set.Presumptions.Where(p => names.Contains(p.Document)).Select(p => p.Id.Value)).ToHashSet(StringComparer.Ordinal);
        LocalDate? from = rules.Count == 0 || rules.Any(r => r.Period.From is null) ? null : rules.Min(r => r.Period.From);
        return new AnalysisScope([.. documents.Select(d => d.Name)], jurisdictions, owned, from);
    }

    /// <summary>The dates analysed: those given, or from the first date one of the user's rules is in force.</summary>
    public DateRange Range(DateRange given, bool datesGiven) => datesGiven || From is null ? given : new DateRange(From, null);

    /// <summary>Whether a rule or presumption comes from the user's documents.</summary>
    public bool Owns(string id) => owned.Contains(id);

    /// <summary>The report with only the findings about the user's rules.</summary>
    public PolicyAnalysisReport Narrow(PolicyAnalysisReport report) => report with
    {
        Conflicts = [.. report.Conflicts.Where(c => Owns(c.Prohibiting.Value) || Owns(c.Other.Value))],
        Unreachable = [.. report.Unreachable.Where(u => Owns(u.Rule.Value))],
        Preemptions = [.. report.Preemptions.Where(p => Owns(p.Rule.Value))],
    };

    /// <summary>Coverage of the user's rules and presumptions only.</summary>
    public CoverageReport Narrow(CoverageReport coverage) => coverage with { Rules = [.. coverage.Rules.Where(r => Owns(r.Rule.Value))] };

    /// <summary>The line that says what is reported, for readable output.</summary>
    public string Describe() =>
        $"Scope: your documents ({string.Join(", ", Documents.Select(UntrustedText.Escape))}): {string.Join(", ", Jurisdictions)}" +
        (From is { } from ? $", from {from.ToContractText()} (when the first of your rules is in force)" : string.Empty) +
        "; findings about your rules only. Give --all for every jurisdiction and rule.";
}
