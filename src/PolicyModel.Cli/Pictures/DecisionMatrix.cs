using NodaTime;

namespace PolicyModel.Cli.Pictures;

/// <summary>One change of one fact from the held request, as a column of the matrix names it.</summary>
/// <param name="Field">The request field changed, or null for the held request itself.</param>
/// <param name="Value">The value it takes (a contract name), or a description of the held request.</param>
/// <param name="Apply">The change applied to a request.</param>
internal sealed record FactChange(RequestField? Field, string Value, Func<AssistanceRequest, AssistanceRequest> Apply)
{
    /// <summary>The field's JSON name, or <c>held request</c>.</summary>
    public string FieldName => Field is { } changed ? RequestSchema.Of(changed).JsonName : "held request";

    /// <summary>How the column is named in one line: <c>authority: court-order</c>, <c>circumstances + crime-in-progress</c>.</summary>
    public string Label => Field switch
    {
        null => "held request",
        RequestField.Circumstances or RequestField.SubjectFacts => $"{FieldName} + {Value}",
        _ => $"{FieldName}: {Value}",
    };
}

/// <summary>One cell: the decision of one request, with its outcome and controlling (first) citation.</summary>
/// <param name="Request">The request decided (the held request with the column's change, for the row's assistance kind).</param>
/// <param name="Decision">Its decision, made by <see cref="PolicySet.Decide(AssistanceRequest)"/>.</param>
internal sealed record MatrixCell(AssistanceRequest Request, Decision Decision)
{
    /// <summary>
    /// Gets the controlling citation: the decision's first, or null when no rule decides (a <c>discretionary</c> outcome,
    /// whose citations are only those of rules that add duties, or a referral with no citation).
    /// </summary>
    public string? Citation => Decision.Outcome != Outcome.Discretionary && Decision.Citations.Count > 0 ? Decision.Citations[0] : null;

    /// <summary>Gets what the cell prints under the outcome: the controlling citation, or that no rule decides.</summary>
    public string CitationText => Citation ?? (Decision.Outcome == Outcome.Discretionary ? "no law in force decides" : "no rule decides");

    /// <summary>Whether two cells show the same thing: the same outcome and controlling citation.</summary>
    public bool ShowsAs(MatrixCell other) => Decision.Outcome == other.Decision.Outcome && Citation == other.Citation;
}

/// <summary>A column: one fact change, its cells (one per assistance kind), and the other changes whose column is the same.</summary>
/// <param name="Change">The change.</param>
/// <param name="Cells">A cell per row, in <see cref="DecisionMatrix.Rows"/> order.</param>
/// <param name="Alike">Other changes that decide every row the same way (outcome and controlling citation).</param>
internal sealed record MatrixColumn(FactChange Change, IReadOnlyList<MatrixCell> Cells, IReadOnlyList<FactChange> Alike);

/// <summary>
/// A decision matrix of one jurisdiction on one date: a row per assistance kind, a column per fact that matters.
/// Computed only through <see cref="PolicySet.Decide(AssistanceRequest)"/>, so each cell is what <c>decide</c> says
/// for its request. The method, which the picture states:
/// <list type="number">
/// <item>A <em>held request</em>: requester <c>ice-ero</c>, purpose <c>civil-immigration-enforcement</c>, authority
/// <c>none</c>, location <c>other</c>, no circumstances, no subject facts, received at noon local time on the date;
/// respondent the one that the most of the jurisdiction's own rules in force that day bind (ties in vocabulary order,
/// so <c>police</c> first; <c>police</c> when it has none).</item>
/// <item>Every change of one fact: each other value of requester, purpose, respondent, authority and location, and
/// each single circumstance and subject fact added.</item>
/// <item>The first column is the held request; then up to <see cref="MaxChanges"/> changes, those that change the
/// most outcomes of the held column (then the most controlling citations; then in the order of step 2), leaving out a
/// change that changes nothing and one whose column is the same as a column already shown (it is named as alike).</item>
/// </list>
/// </summary>
internal sealed class DecisionMatrix
{
    /// <summary>The most columns besides the held request.</summary>
    public const int MaxChanges = 5;

    private DecisionMatrix(Jurisdiction jurisdiction, LocalDate on, AssistanceRequest held, IReadOnlyList<MatrixColumn> columns, int changesTried)
    {
        Jurisdiction = jurisdiction;
        On = on;
        Held = held;
        Columns = columns;
        ChangesTried = changesTried;
    }

    /// <summary>Gets the jurisdiction.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>Gets the local date the requests are received on.</summary>
    public LocalDate On { get; }

    /// <summary>Gets the held request (its assistance kind is that of the first row).</summary>
    public AssistanceRequest Held { get; }

    /// <summary>Gets the rows: every assistance kind, in vocabulary order.</summary>
    public static IReadOnlyList<AssistanceKind> Rows => ContractNames<AssistanceKind>.All;

    /// <summary>Gets the columns: the held request first, then the changes that matter most.</summary>
    public IReadOnlyList<MatrixColumn> Columns { get; }

    /// <summary>Gets how many one-fact changes were decided to choose the columns.</summary>
    public int ChangesTried { get; }

    /// <summary>The held request's facts in words, as the picture states them.</summary>
    public string HeldFacts =>
        $"requester {Held.Requester.ToContractName()}, purpose {Held.Purpose.ToContractName()}, respondent {Held.Respondent.ToContractName()}, " +
        $"authority {Held.Authority.ToContractName()}, location {Held.Location.ToContractName()}, no circumstances, no subject facts, received at noon local time";

    /// <summary>Decides the matrix of <paramref name="jurisdiction"/> on <paramref name="on"/>.</summary>
    public static DecisionMatrix Compute(PolicySet set, Jurisdiction jurisdiction, LocalDate on)
    {
        var receivedAt = on.At(new LocalTime(12, 0)).InZoneLeniently(jurisdiction.TimeZone).ToOffsetDateTime();
        var held = new AssistanceRequest
        {
            Jurisdiction = jurisdiction.Id,
            ReceivedAt = receivedAt,
            Requester = Requester.IceEro,
            Purpose = Purpose.CivilImmigrationEnforcement,
            Assistance = Rows[0],
            Respondent = HeldRespondent(set, jurisdiction.Id, on),
        };

        var heldColumn = Decide(set, held, new FactChange(null, "as stated", r => r));
        var candidates = Changes(held).Select(change => Decide(set, held, change)).ToList();
        var ranked = candidates
            .Select((column, index) => (column, index, outcomes: Differences(column, heldColumn, outcomeOnly: true), citations: Differences(column, heldColumn, outcomeOnly: false)))
            .Where(c => c.citations > 0)
            .OrderByDescending(c => c.outcomes)
            .ThenByDescending(c => c.citations)
            .ThenBy(c => c.index)
            .Select(c => c.column);

        var shown = new List<(MatrixColumn Column, List<FactChange> Alike)> { (heldColumn, []) };
        foreach (var column in ranked)
        {
            var same = shown.Skip(1).FirstOrDefault(s => Differences(s.Column, column, outcomeOnly: false) == 0);
            if (same.Column is not null)
            {
                same.Alike.Add(column.Change);
            }
            else if (shown.Count <= MaxChanges)
            {
                shown.Add((column, []));
            }
        }

        var columns = shown.Select(s => s.Column with { Alike = s.Alike }).ToList();
        return new DecisionMatrix(jurisdiction, on, held, columns, candidates.Count);
    }

    /// <summary>The respondent the most of the jurisdiction's own rules in force on the date bind; police when none (ties in vocabulary order).</summary>
    private static Respondent HeldRespondent(PolicySet set, JurisdictionId jurisdiction, LocalDate on)
    {
        var own = set.Rules.Where(r => r.Jurisdiction == jurisdiction && r.Period.Contains(on)).ToList();
        var best = Respondent.Police;
        var most = 0;
        foreach (var respondent in ContractNames<Respondent>.All)
        {
            var count = own.Count(r => r.Binds.Contains(respondent));
            if (count > most)
            {
                best = respondent;
                most = count;
            }
        }

        return best;
    }

    /// <summary>Every change of one fact from the held request, in a fixed order: purpose, authority, requester, respondent, circumstances, subject facts, location.</summary>
    private static IEnumerable<FactChange> Changes(AssistanceRequest held)
    {
        foreach (var purpose in ContractNames<Purpose>.All.Where(p => p != held.Purpose))
        {
            yield return new FactChange(RequestField.Purpose, purpose.ToContractName(), r => r with { Purpose = purpose });
        }

        foreach (var authority in ContractNames<Authority>.All.Where(a => a != held.Authority))
        {
            yield return new FactChange(RequestField.Authority, authority.ToContractName(), r => r with { Authority = authority });
        }

        foreach (var requester in ContractNames<Requester>.All.Where(q => q != held.Requester))
        {
            yield return new FactChange(RequestField.Requester, requester.ToContractName(), r => r with { Requester = requester });
        }

        foreach (var respondent in ContractNames<Respondent>.All.Where(q => q != held.Respondent))
        {
            yield return new FactChange(RequestField.Respondent, respondent.ToContractName(), r => r with { Respondent = respondent });
        }

        foreach (var circumstance in ContractNames<Circumstance>.All)
        {
            yield return new FactChange(RequestField.Circumstances, circumstance.ToContractName(), r => r with { Circumstances = r.Circumstances.Union(EnumSet<Circumstance>.Of(circumstance)) });
        }

        foreach (var fact in ContractNames<SubjectFact>.All)
        {
            yield return new FactChange(RequestField.SubjectFacts, fact.ToContractName(), r => r with { SubjectFacts = r.SubjectFacts.Union(EnumSet<SubjectFact>.Of(fact)) });
        }

        foreach (var location in ContractNames<Location>.All.Where(l => l != held.Location))
        {
            yield return new FactChange(RequestField.Location, location.ToContractName(), r => r with { Location = location });
        }
    }

    private static MatrixColumn Decide(PolicySet set, AssistanceRequest held, FactChange change) =>
        new(change, [.. Rows.Select(kind => change.Apply(held with { Assistance = kind })).Select(request => new MatrixCell(request, set.Decide(request)))], []);

    /// <summary>How many rows two columns decide differently: by outcome, or by outcome or controlling citation.</summary>
    private static int Differences(MatrixColumn a, MatrixColumn b, bool outcomeOnly)
    {
        var count = 0;
        for (var i = 0; i < a.Cells.Count; i++)
        {
            var (x, y) = (a.Cells[i], b.Cells[i]);
            if (outcomeOnly ? x.Decision.Outcome != y.Decision.Outcome : !x.ShowsAs(y))
            {
                count++;
            }
        }

        return count;
    }
}
