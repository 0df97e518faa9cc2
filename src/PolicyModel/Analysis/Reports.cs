using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;

namespace PolicyModel.Analysis;

/// <summary>
/// The dates an analysis covers: every local date from <see cref="From"/> to <see cref="To"/>, <b>both included</b>.
/// A missing bound is open (<see cref="All"/> covers the whole history, past and future).
/// </summary>
/// <param name="From">The first date analysed, or <see langword="null"/> for "since always".</param>
/// <param name="To">The last date analysed (inclusive), or <see langword="null"/> for "until further notice".</param>
public sealed record DateRange(LocalDate? From, LocalDate? To)
{
    /// <summary>Every date: the whole history of the policies, including the time before the first and after the last change.</summary>
    public static DateRange All { get; } = new(null, null);

    /// <summary>One date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The range holding only <paramref name="date"/>.</returns>
    public static DateRange On(LocalDate date) => new(date, date);

    /// <summary>Whether the range is empty (<see cref="To"/> before <see cref="From"/>).</summary>
    public bool IsEmpty => From is { } f && To is { } t && t < f;

    /// <summary>Whether <paramref name="date"/> is in the range.</summary>
    /// <param name="date">A local date.</param>
    /// <returns><see langword="true"/> when the range covers it.</returns>
    public bool Contains(LocalDate date) => (From is not { } f || date >= f) && (To is not { } t || date <= t);

    /// <summary>A readable form: <c>all history</c>, <c>on 2021-08-02</c>, <c>2021-01-01 to 2021-12-31</c>, <c>from 2022-01-01</c>, <c>until 2017-08-27</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "all history",
        ({ } f, { } t) when f == t => $"on {f.ToContractText()}",
        ({ } f, { } t) => $"{f.ToContractText()} to {t.ToContractText()}",
        ({ } f, null) => $"from {f.ToContractText()}",
        (null, { } t) => $"until {t.ToContractText()}",
    };
}

/// <summary>
/// A compact set of concrete requests: every combination of the listed values of each field (a product of value sets),
/// on the listed dates. Analyses report the requests they find as a few such groups (see <c>docs/analysis.md</c>).
/// </summary>
public sealed record RequestGroup
{
    private readonly EquatableArray<EquatableArray<ulong>> values;
    private readonly EquatableArray<string?> texts;

    /// <summary>A group from its values per field (indexed by <see cref="RequestFieldInfo.Position"/>, each sorted).</summary>
    internal RequestGroup(ulong[][] values, string?[] texts, IReadOnlyList<EffectivePeriod> periods, long requestCount, long caseCount)
    {
        CaseCount = caseCount;
        this.values = [.. values.Select(v => v.ToEquatableArray())];
        this.texts = texts.ToEquatableArray();
        Periods = periods.ToEquatableArray();
        RequestCount = requestCount;
    }

    /// <summary>The respondents (the agencies asked).</summary>
    public EnumSet<Respondent> Respondents => Scalars<Respondent>(RequestField.Respondent);

    /// <summary>The requesters.</summary>
    public EnumSet<Requester> Requesters => Scalars<Requester>(RequestField.Requester);

    /// <summary>The purposes.</summary>
    public EnumSet<Purpose> Purposes => Scalars<Purpose>(RequestField.Purpose);

    /// <summary>The kinds of assistance asked.</summary>
    public EnumSet<AssistanceKind> Assistance => Scalars<AssistanceKind>(RequestField.Assistance);

    /// <summary>The documents presented.</summary>
    public EnumSet<Authority> Authorities => Scalars<Authority>(RequestField.Authority);

    /// <summary>The locations.</summary>
    public EnumSet<Location> Locations => Scalars<Location>(RequestField.Location);

    /// <summary>Every list of circumstances in the group (each a set of values; the empty set is "no circumstances").</summary>
    public IReadOnlyList<EnumSet<Circumstance>> Circumstances => [.. ValuesOf(RequestField.Circumstances).Select(EnumSet<Circumstance>.FromMask)];

    /// <summary>The circumstances of the group as a readable condition over the tests the policies apply (<c>any</c>, <c>none</c>, <c>any of [...]</c>).</summary>
    public string CircumstancesText => Text(RequestField.Circumstances);

    /// <summary>Every list of subject facts in the group (each a set of values).</summary>
    public IReadOnlyList<EnumSet<SubjectFact>> SubjectFacts => [.. ValuesOf(RequestField.SubjectFacts).Select(EnumSet<SubjectFact>.FromMask)];

    /// <summary>The subject facts of the group as a readable condition over the tests the policies apply.</summary>
    public string SubjectFactsText => Text(RequestField.SubjectFacts);

    /// <summary>The local dates of the group: closed-open periods, in order, never adjacent (an open bound is unbounded).</summary>
    public IReadOnlyList<EffectivePeriod> Periods { get; }

    /// <summary>
    /// The number of combinations of field values in the group, including values no rule tells apart (a raw size, not
    /// a number of requests anyone sends; <see cref="CaseCount"/> is the count to show a reader).
    /// </summary>
    public long RequestCount { get; }

    /// <summary>
    /// The number of cases in the group: combinations of the facts the policies tell apart (for each field, one class of
    /// values every rule treats alike). Each case stands for every request with those facts, whatever the facts no rule
    /// looks at; see <c>docs/analysis.md</c>.
    /// </summary>
    public long CaseCount { get; }

    /// <summary>The fields in the order <see cref="Describe"/> names them (<see cref="RequestSchema.DisplayOrder"/>).</summary>
    public static IReadOnlyList<RequestField> DisplayOrder { get; } = [.. RequestSchema.DisplayOrder.Select(f => f.Field)];

    /// <summary>
    /// The values of <paramref name="field"/> the group holds, in order, as <see cref="RequestFieldInfo.ValueOf"/> gives
    /// them: value positions for a single-valued field, masks (each one list) for a set field.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<ulong> ValuesOf(RequestField field) => values[RequestSchema.Of(field).Position];

    /// <summary>Whether the group holds a request's field values (its date is not checked; see <see cref="Periods"/>).</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when every field's value is in the group.</returns>
    public bool Contains(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        return RequestSchema.Fields.All(f => values[f.Position].Contains(f.ValueOf(request)));
    }

    /// <summary>Whether the group holds every value of <paramref name="field"/> (the field does not narrow it).</summary>
    /// <param name="field">The field.</param>
    /// <returns><see langword="true"/> when unrestricted.</returns>
    public bool IsAny(RequestField field)
    {
        var info = RequestSchema.Of(field);
        return values[info.Position].Count == info.DomainSize;
    }

    /// <summary>The group's values of a field as text: <c>any</c>, a list of names, <c>any except ...</c>, or a list field's condition.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The text.</returns>
    public string Text(RequestField field)
    {
        var info = RequestSchema.Of(field);
        return texts[info.Position] ?? ValuesText(info, values[info.Position]);
    }

    /// <summary>The group as one line: the restricted fields in <see cref="DisplayOrder"/> (<c>any request</c> when none is).</summary>
    /// <returns>For example <c>purpose civil-immigration-enforcement; assistance stop-or-arrest</c>.</returns>
    public string Describe()
    {
        var parts = DisplayOrder.Where(f => !IsAny(f)).Select(f => $"{FieldName(f)} {Text(f)}").ToList();
        return parts.Count == 0 ? "any request" : string.Join("; ", parts);
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    /// <summary>The JSON name of a field (<c>subjectFacts</c>).</summary>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    public static string FieldName(RequestField field) => RequestSchema.Of(field).JsonName;

    /// <summary>Periods as text, comma-separated.</summary>
    /// <param name="periods">The periods.</param>
    /// <returns>The text.</returns>
    public static string PeriodsText(IEnumerable<EffectivePeriod> periods)
    {
        Guard.Against.Null(periods);
        return string.Join(", ", periods.Select(p => p.ToString()));
    }

    private static string ValuesText(RequestFieldInfo field, EquatableArray<ulong> held)
    {
        var all = field.Size;
        if (held.Count == all)
        {
            return "any";
        }

        var mask = 0UL;
        foreach (var value in held)
        {
            mask |= field.MaskOf(value);
        }

        var missing = field.NamesOf(field.AllMask & ~mask);
        return all > 4 && held.Count > missing.Count + 1
            ? "any except " + string.Join(", ", missing)
            : string.Join(", ", field.NamesOf(mask));
    }

    private EnumSet<T> Scalars<T>(RequestField field)
        where T : struct, Enum
    {
        var info = RequestSchema.Of(field);
        var mask = 0UL;
        foreach (var value in values[info.Position])
        {
            mask |= info.MaskOf(value);
        }

        return EnumSet<T>.FromMask(mask);
    }
}

/// <summary>The requests no rule decides: they fall to <c>discretionary</c> (agency policy decides).</summary>
/// <param name="Jurisdiction">The jurisdiction analysed.</param>
/// <param name="Range">The dates analysed.</param>
/// <param name="Groups">The undecided requests, as compact groups.</param>
/// <param name="RequestCount">How many concrete requests the groups hold (summed over the groups).</param>
public sealed record GapReport(JurisdictionId Jurisdiction, DateRange Range, IReadOnlyList<RequestGroup> Groups, long RequestCount)
{
    /// <summary>How many cases the groups hold, summed over the groups (<see cref="RequestGroup.CaseCount"/>): the cases undecided.</summary>
    public long CaseCount => Groups.Sum(g => g.CaseCount);

    /// <summary>The undecided requests, as compact groups.</summary>
    public IReadOnlyList<RequestGroup> Groups { get; init => field = value.ToEquatableArray(); } = Groups.ToEquatableArray();
}

/// <summary>
/// Two rules of one layer that count together on some requests, one prohibiting what the other permits or
/// requires, and neither is an exception to the other (the prohibition prevails; docs/semantics.md, section 9).
/// </summary>
/// <param name="Prohibiting">The prohibiting rule.</param>
/// <param name="Other">The permitting or requiring rule.</param>
/// <param name="Layer">The layer both belong to.</param>
/// <param name="Groups">The requests on which they meet.</param>
/// <param name="RequestCount">How many concrete requests the groups hold.</param>
public sealed record ConflictFinding(RuleId Prohibiting, RuleId Other, Layer Layer, IReadOnlyList<RequestGroup> Groups, long RequestCount)
{
    /// <summary>How many cases the groups hold, summed over the groups (<see cref="RequestGroup.CaseCount"/>): the cases on which they meet.</summary>
    public long CaseCount => Groups.Sum(g => g.CaseCount);

    /// <summary>The requests on which they meet.</summary>
    public IReadOnlyList<RequestGroup> Groups { get; init => field = value.ToEquatableArray(); } = Groups.ToEquatableArray();
}

/// <summary>Why a rule never decides a request in the periods analysed (see <see cref="UnreachableRule"/>).</summary>
public enum UnreachableReason
{
    /// <summary>Its conditions hold for no request it binds.</summary>
    NeverMatches,

    /// <summary>Whenever it matches, a counting rule is an exception to it.</summary>
    AlwaysExcepted,

    /// <summary>Whenever it matches (and is not excepted), a controlling layer preempts it.</summary>
    AlwaysPreempted,

    /// <summary>Whenever it matches it is excepted or preempted, each on some requests.</summary>
    ExceptedOrPreempted,

    /// <summary>It matches only requests of unknown purpose whose decision is a referral for the missing purpose (which lists only <c>none</c> and <c>police-action</c> rules).</summary>
    UndecidedPurpose,

    /// <summary>It counts, but its effect never produces the outcome: whenever it counts, a rule of a stronger effect (docs/semantics.md, section 8) counts too.</summary>
    Shadowed,
}

/// <summary>
/// A rule in force in some period analysed that never decides a request there: it is in no decision's
/// <c>decidingRules</c> (reasons <see cref="UnreachableReason.NeverMatches"/> to
/// <see cref="UnreachableReason.UndecidedPurpose"/>), or it is but its effect never produces the outcome
/// (<see cref="UnreachableReason.Shadowed"/>; rules with effect <c>none</c> are never shadowed).
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="Jurisdiction">The jurisdiction whose document wrote it.</param>
/// <param name="Layer">Its layer.</param>
/// <param name="Effect">Its effect.</param>
/// <param name="Citation">Its citation (the latest numbering).</param>
/// <param name="Reason">Why it never decides.</param>
/// <param name="By">The excepting rules (excepted), the preempting provisions (preempted) or the rules whose effect prevails (shadowed); empty otherwise.</param>
/// <param name="Periods">The periods analysed in which it is in force.</param>
public sealed record UnreachableRule(RuleId Rule, JurisdictionId Jurisdiction, Layer Layer, Effect Effect, string Citation, UnreachableReason Reason, IReadOnlyList<string> By, IReadOnlyList<EffectivePeriod> Periods)
{
    /// <summary>The excepting rules (excepted), the preempting provisions (preempted) or the rules whose effect prevails (shadowed); empty otherwise.</summary>
    public IReadOnlyList<string> By { get; init => field = value.ToEquatableArray(); } = By.ToEquatableArray();

    /// <summary>The periods analysed in which it is in force.</summary>
    public IReadOnlyList<EffectivePeriod> Periods { get; init => field = value.ToEquatableArray(); } = Periods.ToEquatableArray();


    /// <summary>The reason as a sentence fragment: <c>never matches a request it binds</c>, <c>always excepted by st-arrest-ok</c>, ...</summary>
    /// <returns>The text.</returns>
    public string Explain() => Reason switch
    {
        UnreachableReason.NeverMatches => "never matches a request it binds",
        UnreachableReason.AlwaysExcepted => $"always excepted by {string.Join(", ", By)}",
        UnreachableReason.AlwaysPreempted => $"always preempted by {string.Join(", ", By)}",
        UnreachableReason.ExceptedOrPreempted => $"always excepted or preempted (by {string.Join(", ", By)})",
        UnreachableReason.UndecidedPurpose => "matches only requests of unknown purpose that are referred for the missing purpose",
        _ => $"shadowed: whenever it counts, a rule of stronger effect prevails ({string.Join(", ", By)})",
    };
}

/// <summary>A rule overridden by a controlling layer (docs/semantics.md, section 7) on some requests.</summary>
/// <param name="Rule">The preempted rule.</param>
/// <param name="Jurisdiction">The jurisdiction whose document wrote it.</param>
/// <param name="Layer">Its layer.</param>
/// <param name="Citation">Its citation (the latest numbering).</param>
/// <param name="PreemptedBy">The citation of the controlling provision.</param>
/// <param name="Outcomes">The outcomes of the affected requests (in the vocabulary's order).</param>
/// <param name="Groups">The affected requests.</param>
/// <param name="RequestCount">How many concrete requests the groups hold.</param>
public sealed record PreemptionFinding(RuleId Rule, JurisdictionId Jurisdiction, Layer Layer, string Citation, string PreemptedBy, IReadOnlyList<Outcome> Outcomes, IReadOnlyList<RequestGroup> Groups, long RequestCount)
{
    /// <summary>How many cases the groups hold, summed over the groups (<see cref="RequestGroup.CaseCount"/>): the cases affected.</summary>
    public long CaseCount => Groups.Sum(g => g.CaseCount);

    /// <summary>The outcomes of the affected requests (in the vocabulary's order).</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init => field = value.ToEquatableArray(); } = Outcomes.ToEquatableArray();

    /// <summary>The affected requests.</summary>
    public IReadOnlyList<RequestGroup> Groups { get; init => field = value.ToEquatableArray(); } = Groups.ToEquatableArray();
}

/// <summary>Everything the analysis of one jurisdiction finds over a range of dates.</summary>
/// <param name="Jurisdiction">The jurisdiction.</param>
/// <param name="Range">The dates analysed.</param>
/// <param name="Periods">The periods analysed: the range cut at every date on which a rule, presumption or citation of the chain changes.</param>
/// <param name="RequestsPerDate">How many concrete requests exist on one date (every combination of field values).</param>
/// <param name="Gaps">Requests no rule decides.</param>
/// <param name="Conflicts">Same-layer conflicts.</param>
/// <param name="Unreachable">Rules of the chain that never decide a request of this jurisdiction in their periods.</param>
/// <param name="Preemptions">Rules preempted, with the requests affected.</param>
public sealed record PolicyAnalysisReport(
    JurisdictionId Jurisdiction,
    DateRange Range,
    IReadOnlyList<EffectivePeriod> Periods,
    long RequestsPerDate,
    GapReport Gaps,
    IReadOnlyList<ConflictFinding> Conflicts,
    IReadOnlyList<UnreachableRule> Unreachable,
    IReadOnlyList<PreemptionFinding> Preemptions)
{
    /// <summary>How many cases exist on one date: combinations of the facts the jurisdiction's policies tell apart (<see cref="RequestGroup.CaseCount"/>).</summary>
    public long CasesPerDate { get; init; }

    /// <summary>The periods analysed: the range cut at every date on which a rule, presumption or citation of the chain changes.</summary>
    public IReadOnlyList<EffectivePeriod> Periods { get; init => field = value.ToEquatableArray(); } = Periods.ToEquatableArray();

    /// <summary>Same-layer conflicts.</summary>
    public IReadOnlyList<ConflictFinding> Conflicts { get; init => field = value.ToEquatableArray(); } = Conflicts.ToEquatableArray();

    /// <summary>Rules of the chain that never decide a request of this jurisdiction in their periods.</summary>
    public IReadOnlyList<UnreachableRule> Unreachable { get; init => field = value.ToEquatableArray(); } = Unreachable.ToEquatableArray();

    /// <summary>Rules preempted, with the requests affected.</summary>
    public IReadOnlyList<PreemptionFinding> Preemptions { get; init => field = value.ToEquatableArray(); } = Preemptions.ToEquatableArray();
}

/// <summary>How often scenarios exercise one rule or presumption.</summary>
/// <param name="Rule">The rule or presumption id.</param>
/// <param name="Jurisdiction">The jurisdiction whose document wrote it.</param>
/// <param name="IsPresumption">Whether it is a presumption.</param>
/// <param name="Citation">The rule's citation (latest numbering), or <see langword="null"/> for a presumption.</param>
/// <param name="Scenarios">The names of the scenarios whose decision lists it among the deciding rules.</param>
public sealed record RuleCoverage(RuleId Rule, JurisdictionId Jurisdiction, bool IsPresumption, string? Citation, IReadOnlyList<string> Scenarios)
{
    /// <summary>The names of the scenarios whose decision lists it among the deciding rules.</summary>
    public IReadOnlyList<string> Scenarios { get; init => field = value.ToEquatableArray(); } = Scenarios.ToEquatableArray();


    /// <summary>Whether some scenario exercises it.</summary>
    public bool Exercised => Scenarios.Count > 0;
}

/// <summary>Which rules a set of scenarios exercises: a rule is exercised when it is among a scenario decision's deciding rules.</summary>
/// <param name="Rules">Every rule and presumption considered, in catalogue order.</param>
/// <param name="ScenarioCount">How many scenarios were decided.</param>
/// <param name="Invalid">Scenarios whose request could not be decided, with the problem.</param>
public sealed record CoverageReport(IReadOnlyList<RuleCoverage> Rules, int ScenarioCount, IReadOnlyList<string> Invalid)
{
    /// <summary>Every rule and presumption considered, in catalogue order.</summary>
    public IReadOnlyList<RuleCoverage> Rules { get; init => field = value.ToEquatableArray(); } = Rules.ToEquatableArray();

    /// <summary>Scenarios whose request could not be decided, with the problem.</summary>
    public IReadOnlyList<string> Invalid { get; init => field = value.ToEquatableArray(); } = Invalid.ToEquatableArray();


    /// <summary>The rules and presumptions no scenario exercises.</summary>
    public IReadOnlyList<RuleCoverage> Unexercised => [.. Rules.Where(r => !r.Exercised)];

    /// <summary>The share of rules and presumptions exercised, 0 to 1 (1 when there are none).</summary>
    public double Ratio => Rules.Count == 0 ? 1 : (double)Rules.Count(r => r.Exercised) / Rules.Count;
}

/// <summary>
/// One kind of change between two decisions, and the requests it affects. A request's decision changes when its
/// outcome, its set of citations, its obligations or its preempted rules differ.
/// </summary>
/// <param name="Before">The outcome before.</param>
/// <param name="After">The outcome after.</param>
/// <param name="CitationsAdded">Citations the decision gains (in the new decision's order).</param>
/// <param name="CitationsRemoved">Citations the decision loses (in the old decision's order).</param>
/// <param name="ObligationsAdded">Obligations the decision gains.</param>
/// <param name="ObligationsRemoved">Obligations the decision loses.</param>
/// <param name="PreemptedAdded">Rules newly preempted.</param>
/// <param name="PreemptedRemoved">Rules no longer preempted.</param>
/// <param name="Groups">The requests whose decision changes this way.</param>
/// <param name="RequestCount">How many concrete requests the groups hold.</param>
public sealed record DecisionChange(
    Outcome Before,
    Outcome After,
    IReadOnlyList<string> CitationsAdded,
    IReadOnlyList<string> CitationsRemoved,
    IReadOnlyList<Obligation> ObligationsAdded,
    IReadOnlyList<Obligation> ObligationsRemoved,
    IReadOnlyList<RuleId> PreemptedAdded,
    IReadOnlyList<RuleId> PreemptedRemoved,
    IReadOnlyList<RequestGroup> Groups,
    long RequestCount)
{
    /// <summary>How many cases change this way, summed over the groups (<see cref="RequestGroup.CaseCount"/>).</summary>
    public long CaseCount => Groups.Sum(g => g.CaseCount);

    /// <summary>Citations the decision gains (in the new decision's order).</summary>
    public IReadOnlyList<string> CitationsAdded { get; init => field = value.ToEquatableArray(); } = CitationsAdded.ToEquatableArray();

    /// <summary>Citations the decision loses (in the old decision's order).</summary>
    public IReadOnlyList<string> CitationsRemoved { get; init => field = value.ToEquatableArray(); } = CitationsRemoved.ToEquatableArray();

    /// <summary>Obligations the decision gains.</summary>
    public IReadOnlyList<Obligation> ObligationsAdded { get; init => field = value.ToEquatableArray(); } = ObligationsAdded.ToEquatableArray();

    /// <summary>Obligations the decision loses.</summary>
    public IReadOnlyList<Obligation> ObligationsRemoved { get; init => field = value.ToEquatableArray(); } = ObligationsRemoved.ToEquatableArray();

    /// <summary>Rules newly preempted.</summary>
    public IReadOnlyList<RuleId> PreemptedAdded { get; init => field = value.ToEquatableArray(); } = PreemptedAdded.ToEquatableArray();

    /// <summary>Rules no longer preempted.</summary>
    public IReadOnlyList<RuleId> PreemptedRemoved { get; init => field = value.ToEquatableArray(); } = PreemptedRemoved.ToEquatableArray();

    /// <summary>The requests whose decision changes this way.</summary>
    public IReadOnlyList<RequestGroup> Groups { get; init => field = value.ToEquatableArray(); } = Groups.ToEquatableArray();


    /// <summary>Whether the outcome itself changes.</summary>
    public bool OutcomeChanged => Before != After;

    /// <summary>The change in one line: <c>discretionary -> denied; +5 ILCS 805/15(h); +record-request</c>.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var parts = new List<string> { $"{Before.ToContractName()} -> {After.ToContractName()}" };
        parts.AddRange(CitationsAdded.Select(c => "+" + c));
        parts.AddRange(CitationsRemoved.Select(c => "-" + c));
        parts.AddRange(ObligationsAdded.Select(o => "+" + o.ToContractName()));
        parts.AddRange(ObligationsRemoved.Select(o => "-" + o.ToContractName()));
        parts.AddRange(PreemptedAdded.Select(r => $"+preempted {r}"));
        parts.AddRange(PreemptedRemoved.Select(r => $"-preempted {r}"));
        return string.Join("; ", parts);
    }
}

/// <summary>The requests whose outcome changes from one value to another (whatever else changes with it).</summary>
/// <param name="Before">The outcome before.</param>
/// <param name="After">The outcome after.</param>
/// <param name="Groups">The requests.</param>
/// <param name="RequestCount">How many concrete requests the groups hold.</param>
public sealed record OutcomeChange(Outcome Before, Outcome After, IReadOnlyList<RequestGroup> Groups, long RequestCount)
{
    /// <summary>How many cases the groups hold, summed over the groups (<see cref="RequestGroup.CaseCount"/>): the cases whose outcome changes.</summary>
    public long CaseCount => Groups.Sum(g => g.CaseCount);

    /// <summary>The requests.</summary>
    public IReadOnlyList<RequestGroup> Groups { get; init => field = value.ToEquatableArray(); } = Groups.ToEquatableArray();
}

/// <summary>What a <see cref="ItemChange"/> adds to or removes from decisions.</summary>
public enum ChangeKind
{
    /// <summary>A citation (a provision now or no longer behind the decision).</summary>
    Citation,

    /// <summary>An obligation.</summary>
    Obligation,

    /// <summary>A preempted rule.</summary>
    Preempted,
}

/// <summary>The requests whose decision gains (or loses) one citation, obligation or preempted rule (whatever else changes with it).</summary>
/// <param name="Kind">What is gained or lost.</param>
/// <param name="Item">The citation, the obligation's name or the rule id.</param>
/// <param name="Added">Whether decisions gain it (otherwise they lose it).</param>
/// <param name="Groups">The requests.</param>
/// <param name="RequestCount">How many concrete requests the groups hold.</param>
public sealed record ItemChange(ChangeKind Kind, string Item, bool Added, IReadOnlyList<RequestGroup> Groups, long RequestCount)
{
    /// <summary>How many cases the groups hold, summed over the groups (<see cref="RequestGroup.CaseCount"/>): the cases whose decision gains or loses the item.</summary>
    public long CaseCount => Groups.Sum(g => g.CaseCount);

    /// <summary>The requests.</summary>
    public IReadOnlyList<RequestGroup> Groups { get; init => field = value.ToEquatableArray(); } = Groups.ToEquatableArray();


    /// <summary>The change as text: <c>+5 ILCS 805/15(h)</c>, <c>-record-request</c>, <c>+preempted chi-030-authorised</c>.</summary>
    /// <returns>The text.</returns>
    public string Describe() => (Added ? "+" : "-") + (Kind == ChangeKind.Preempted ? "preempted " : string.Empty) + Item;
}

/// <summary>
/// The requests whose decision differs between two dates or two versions of the documents, in three views: by
/// outcome change, by citation or obligation gained or lost (a request may be in several), and the exact changes
/// (a partition of the requests that change).
/// </summary>
/// <param name="Jurisdiction">The jurisdiction compared.</param>
/// <param name="Before">What the old decisions come from (a date, or the old documents).</param>
/// <param name="After">What the new decisions come from.</param>
/// <param name="Range">For a comparison of two document versions, the dates compared; for two dates, <see langword="null"/>.</param>
/// <param name="Outcomes">The outcome changes, by the number of requests affected.</param>
/// <param name="Items">The citations, obligations and preempted rules gained or lost: citations first, in the order of the new then the old decisions.</param>
/// <param name="Changes">The exact changes, outcome changes first, then by the number of requests affected.</param>
/// <param name="RequestCount">How many concrete requests change.</param>
/// <param name="RequestsPerDate">How many concrete requests exist on one date.</param>
public sealed record DiffReport(
    JurisdictionId Jurisdiction,
    string Before,
    string After,
    DateRange? Range,
    IReadOnlyList<OutcomeChange> Outcomes,
    IReadOnlyList<ItemChange> Items,
    IReadOnlyList<DecisionChange> Changes,
    long RequestCount,
    long RequestsPerDate)
{
    /// <summary>How many cases change: the sum over <see cref="Changes"/> (<see cref="RequestGroup.CaseCount"/>).</summary>
    public long CaseCount => Changes.Sum(c => c.CaseCount);

    /// <summary>How many cases exist on one date: combinations of the facts either version of the policies tells apart.</summary>
    public long CasesPerDate { get; init; }

    /// <summary>The outcome changes, by the number of requests affected.</summary>
    public IReadOnlyList<OutcomeChange> Outcomes { get; init => field = value.ToEquatableArray(); } = Outcomes.ToEquatableArray();

    /// <summary>The citations, obligations and preempted rules gained or lost: citations first, in the order of the new then the old decisions.</summary>
    public IReadOnlyList<ItemChange> Items { get; init => field = value.ToEquatableArray(); } = Items.ToEquatableArray();

    /// <summary>The exact changes, outcome changes first, then by the number of requests affected.</summary>
    public IReadOnlyList<DecisionChange> Changes { get; init => field = value.ToEquatableArray(); } = Changes.ToEquatableArray();
}
