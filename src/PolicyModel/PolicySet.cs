using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;
using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel;

/// <summary>
/// A compiled, immutable set of policy documents. Thread-safe: any number of threads may call
/// <see cref="Decide(AssistanceRequest)"/> at once. The engine never reads the clock: the request's
/// <c>receivedAt</c> is the only time it uses.
/// </summary>
public sealed partial class PolicySet
{
    private readonly Dictionary<JurisdictionId, CompiledJurisdiction> jurisdictions;
    private readonly Dictionary<RuleId, CompiledRule> rulesById;
    private readonly (string Text, CompiledJurisdiction Compiled)[] byReference;

    internal PolicySet(
        IReadOnlyList<PolicyDocument> documents,
        Dictionary<JurisdictionId, CompiledJurisdiction> jurisdictions,
        Dictionary<RuleId, CompiledRule> rulesById,
        IReadOnlyList<CompiledRule> rules,
        IReadOnlyList<CompiledPresumption> presumptions,
        IReadOnlyList<CompiledPreemption> preemptions)
    {
        Documents = documents;
        this.jurisdictions = jurisdictions;
        this.rulesById = rulesById;
        byReference = [.. jurisdictions.Select(j => (string.IsInterned(j.Key.Value) ?? j.Key.Value, j.Value))];
        Jurisdictions = [.. jurisdictions.Values.OrderBy(j => j.Index).Select(j => j.Jurisdiction)];
        Rules = [.. rules.Select(r => r.Rule)];
        Presumptions = [.. presumptions.Select(p => p.Presumption)];
        Preemptions = [.. preemptions.Select(p => p.Preemption)];
        LawCurrentTo = Jurisdictions.Where(j => j.LawCurrentTo is not null).Select(j => j.LawCurrentTo).Min();
    }

    /// <summary>The documents the set was compiled from, in the order given.</summary>
    public IReadOnlyList<PolicyDocument> Documents { get; }

    /// <summary>
    /// The date to which the set's law is known: the earliest <c>lawCurrentTo</c> stated by its documents, or
    /// <see langword="null"/> when no document states one. A request judged on a later local date is still decided,
    /// by the rules in force on the last known date; its explanation then says that nothing later is known. Each
    /// jurisdiction's own date (that of its chain) is <see cref="Jurisdiction.LawCurrentTo"/>.
    /// </summary>
    public LocalDate? LawCurrentTo { get; }

    /// <summary>Every jurisdiction of the set.</summary>
    public IReadOnlyList<Jurisdiction> Jurisdictions { get; }

    /// <summary>Every rule of the set, in catalogue order (document order, then rule order).</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Every presumption of the set.</summary>
    public IReadOnlyList<Presumption> Presumptions { get; }

    /// <summary>Every preemption declaration of the set.</summary>
    public IReadOnlyList<Preemption> Preemptions { get; }

    /// <summary>
    /// Compiles documents into a policy set, checking them as a whole: jurisdictions and their parents, unique
    /// ids, sources, terms, exceptions and preemption.
    /// </summary>
    /// <param name="documents">The parsed documents.</param>
    /// <param name="set">The compiled set, when the documents have no problems.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the set was compiled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    public static bool TryCompile(IEnumerable<PolicyDocument> documents, [NotNullWhen(true)] out PolicySet? set, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(documents);
        var compiler = new PolicyCompiler(NoNulls(documents));
        set = compiler.Compile();
        problems = compiler.Problems;
        return set is not null;
    }

    /// <summary>
    /// Compiles documents into a policy set, for callers that treat bad documents as a bug (<see cref="TryCompile(IEnumerable{PolicyDocument}, out PolicySet?, out IReadOnlyList{Problem})"/>
    /// returns the problems instead).
    /// </summary>
    /// <param name="documents">The parsed documents.</param>
    /// <returns>The compiled set.</returns>
    /// <exception cref="PolicyLoadException">The documents have problems; every problem is listed.</exception>
    public static PolicySet Compile(IEnumerable<PolicyDocument> documents) =>
        TryCompile(documents, out var set, out var problems) ? set : throw new PolicyLoadException(problems);

    /// <summary>Compiles documents, returning the problems instead of throwing.</summary>
    /// <param name="documents">The parsed documents.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>The set, or <see langword="null"/> when there were problems.</returns>
    [Obsolete("Use TryCompile(documents, out set, out problems), which returns whether the set was compiled.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static PolicySet? TryCompile(IEnumerable<PolicyDocument> documents, out IReadOnlyList<Problem> problems) =>
        TryCompile(documents, out var set, out problems) ? set : null;

    /// <summary>
    /// Parses and compiles JSON documents in one step: every problem of every document, and the set's problems when
    /// every document parsed.
    /// </summary>
    /// <param name="documents">Pairs of document name and JSON text.</param>
    /// <param name="set">The compiled set, when there were no problems.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the set was compiled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/>, a name or a text is <see langword="null"/>.</exception>
    public static bool TryParse(IEnumerable<(string Name, string Json)> documents, [NotNullWhen(true)] out PolicySet? set, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(documents);
        var parsed = new List<PolicyDocument>();
        var found = new List<Problem>();
        foreach (var (name, json) in documents)
        {
            if (PolicyDocument.TryParse(json, name, out var document, out var documentProblems))
            {
                parsed.Add(document);
            }

            found.AddRange(documentProblems);
        }

        if (found.Count > 0)
        {
            set = null;
            problems = found;
            return false;
        }

        return TryCompile(parsed, out set, out problems);
    }

    /// <summary>Parses and compiles JSON documents in one step, for callers that treat bad documents as a bug.</summary>
    /// <param name="documents">Pairs of document name and JSON text.</param>
    /// <returns>The compiled set.</returns>
    /// <exception cref="PolicyLoadException">Any document has problems; every problem of every document is listed.</exception>
    public static PolicySet Parse(IEnumerable<(string Name, string Json)> documents) =>
        TryParse(documents, out var set, out var problems) ? set : throw new PolicyLoadException(problems);

    /// <summary>A new set with <paramref name="documents"/> compiled beside this set's documents, or every problem of the combination.</summary>
    /// <param name="documents">More documents (for example a user's own, beside the built-in ones).</param>
    /// <param name="set">The combined set, when there were no problems.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the combined set was compiled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    public bool TryWith(IEnumerable<PolicyDocument> documents, [NotNullWhen(true)] out PolicySet? set, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(documents);
        return TryCompile(Documents.Concat(documents), out set, out problems);
    }

    /// <summary>A new set with <paramref name="documents"/> compiled beside this set's documents.</summary>
    /// <param name="documents">More documents (for example a user's own, beside the built-in ones).</param>
    /// <returns>The combined set.</returns>
    /// <exception cref="PolicyLoadException">The combined documents have problems.</exception>
    public PolicySet With(IEnumerable<PolicyDocument> documents) =>
        TryWith(documents, out var set, out var problems) ? set : throw new PolicyLoadException(problems);

    /// <summary>The documents, checked one by one for <see langword="null"/> as the compiler reads them.</summary>
    private static IEnumerable<PolicyDocument> NoNulls(IEnumerable<PolicyDocument> documents)
    {
        var index = 0;
        foreach (var document in documents)
        {
            Guard.Against.Null(document, $"{nameof(documents)}[{index}]");
            index++;
            yield return document;
        }
    }

    /// <summary>Looks up a jurisdiction.</summary>
    /// <param name="id">The id.</param>
    /// <param name="jurisdiction">The jurisdiction when found.</param>
    /// <returns><see langword="true"/> when the set has it.</returns>
    public bool TryGetJurisdiction(JurisdictionId id, [NotNullWhen(true)] out Jurisdiction? jurisdiction)
    {
        jurisdiction = id.Value is not null && jurisdictions.TryGetValue(id, out var j) ? j.Jurisdiction : null;
        return jurisdiction is not null;
    }

    /// <summary>The chain of a jurisdiction, outermost first (<c>us</c>, <c>us-il</c>, …).</summary>
    /// <param name="id">The jurisdiction.</param>
    /// <returns>The chain.</returns>
    /// <exception cref="KeyNotFoundException">The set has no such jurisdiction.</exception>
    public IReadOnlyList<JurisdictionId> ChainOf(JurisdictionId id) =>
        jurisdictions.TryGetValue(id, out var j) ? j.ChainIds : throw new KeyNotFoundException($"no jurisdiction `{id}` in this policy set");

    /// <summary>Looks up a rule by id.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns>The rule, or <see langword="null"/>.</returns>
    public Rule? FindRule(RuleId id) => id.Value is not null && rulesById.TryGetValue(id, out var r) ? r.Rule : null;

    /// <summary>Decides a request (docs/semantics.md).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision with its reasons.</returns>
    /// <exception cref="InvalidRequestException">The request is invalid: an unknown jurisdiction, a value outside its vocabulary, an over-long id.</exception>
    /// <remarks>A partial request (with <see cref="AssistanceRequest.Unknown"/> facts) is decided by <see cref="DecidePartial(AssistanceRequest)"/>.</remarks>
    public Decision Decide(AssistanceRequest request) => request?.Unknown.IsEmpty == false ? DecidePartial(request) : DecideCompact(request!).ToDecision();

    /// <summary>
    /// Decides a request without allocating (after the first request of its kind): the result points at a
    /// precomputed decision shared by every request of the same equivalence class and period; call
    /// <see cref="CompactDecision.ToDecision"/> for the full <see cref="Decision"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The compact decision.</returns>
    /// <exception cref="InvalidRequestException">The request is invalid, or partial (a partial request has no compact decision: use <see cref="Decide(AssistanceRequest)"/>).</exception>
    public CompactDecision DecideCompact(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        var values = default(RequestSchema.Values);
        var jurisdiction = Resolve(request, ref values, out var problem, checkFields: false) ?? throw new InvalidRequestException([problem!]);
        if (!request.Unknown.IsEmpty)
        {
            throw PartialNotAllowed("a compact decision");
        }

        // The decision tables check the field values as they look them up (a value outside its vocabulary has no
        // class); without tables the values are checked first.
        var date = jurisdiction.LocalDateOf(request.ReceivedAt.ToInstant());
        if (jurisdiction.Tables is { CellsPerSegment: > 0 } tables)
        {
            return tables.TryLookup(values, request, date, out var template)
                ? new CompactDecision(template, request, date)
                : throw new InvalidRequestException([FieldProblem(values)!]);
        }

        return FieldProblem(values) is { } invalid
            ? throw new InvalidRequestException([invalid])
            : new CompactDecision(Evaluator.DecideTemplate(request, jurisdiction, date, trace: null), request, date);
    }

    private static CompactDecision Compact(CompiledJurisdiction jurisdiction, AssistanceRequest request, in RequestSchema.Values values)
    {
        var date = jurisdiction.LocalDateOf(request.ReceivedAt.ToInstant());
        var template = jurisdiction.Tables?.Lookup(values, request, date) ?? Evaluator.DecideTemplate(request, jurisdiction, date, trace: null);
        return new CompactDecision(template, request, date);
    }

    /// <summary>
    /// Computes now every decision the compiled tables can hold (every period of every jurisdiction, every class of
    /// request), so that no later decision allocates or runs the reference evaluator, not even the first of its kind.
    /// Without this, each table cell is filled the first time a request of its kind arrives. Takes on the order of a
    /// second for the built-in policies; thread-safe, and calling it twice does no harm.
    /// </summary>
    /// <returns>The number of table cells computed.</returns>
    public int Precompute()
    {
        var cells = 0;
        foreach (var jurisdiction in jurisdictions.Values)
        {
            cells += jurisdiction.Tables?.Precompute() ?? 0;
        }

        return cells;
    }

    /// <summary>Decides requests in order into <paramref name="results"/>, on the calling thread, without allocating.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="results">Where to write the decisions; at least as long as <paramref name="requests"/>.</param>
    /// <exception cref="InvalidRequestException">A request is invalid (results before it are written).</exception>
    public void DecideAll(ReadOnlySpan<AssistanceRequest> requests, Span<CompactDecision> results)
    {
        Guard.Against.OutOfRange(results.Length, nameof(results), requests.Length, int.MaxValue);
        for (var i = 0; i < requests.Length; i++)
        {
            results[i] = DecideCompact(requests[i]);
        }
    }

    /// <summary>Decides requests on all cores into <paramref name="results"/> (same order as <paramref name="requests"/>).</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="results">Where to write the decisions; at least as long as <paramref name="requests"/>.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use; -1 (default) for all cores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> or <paramref name="results"/> is <see langword="null"/>, or a request is.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="results"/> is shorter than <paramref name="requests"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than -1.</exception>
    /// <exception cref="AggregateException">A request is invalid (wraps <see cref="InvalidRequestException"/>).</exception>
    public void DecideAllParallel(AssistanceRequest[] requests, CompactDecision[] results, int maxDegreeOfParallelism = -1)
    {
        Guard.Against.Null(requests);
        Guard.Against.Null(results);
        Guard.Against.OutOfRange(results.Length, nameof(results), requests.Length, int.MaxValue);
        Guard.Against.InvalidInput(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism), d => d == -1 || d > 0, "use -1 for all cores, or a positive number of threads");
        if (Array.IndexOf(requests, null) is var firstNull and >= 0)
        {
            Guard.Against.Null(requests[firstNull], $"{nameof(requests)}[{firstNull}]");
        }
        var chunk = Math.Max(1024, requests.Length / (Environment.ProcessorCount * 8));
        Parallel.For(0, (requests.Length + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
        {
            var end = Math.Min(requests.Length, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                results[i] = DecideCompact(requests[i]);
            }
        });
    }

    /// <summary>Decides with the straightforward reference evaluator (no tables): the yardstick of the differential test.</summary>
    internal Decision DecideReference(AssistanceRequest request)
    {
        var scratch = default(RequestSchema.Values);
        var jurisdiction = TryResolve(request, ref scratch, out var resolved, out var problem) ? resolved : throw new InvalidRequestException([problem]);
        return Evaluator.Decide(request, jurisdiction, trace: null);
    }

    internal DecisionTables? TablesOf(JurisdictionId id) => jurisdictions[id].Tables;

    /// <summary>The compiled form of a jurisdiction (policy analysis enumerates its decision tables' classes and periods).</summary>
    internal CompiledJurisdiction CompiledJurisdictionOf(JurisdictionId id) => jurisdictions[id];

    /// <summary>Decides a request without throwing for an invalid one.</summary>
    /// <param name="request">The request.</param>
    /// <param name="decision">The decision, when valid.</param>
    /// <param name="problem">What is wrong, when invalid.</param>
    /// <returns><see langword="true"/> when the request was decided.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public bool TryDecide(AssistanceRequest request, [NotNullWhen(true)] out Decision? decision, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.Against.Null(request);
        var scratch = default(RequestSchema.Values);
        if (!TryResolve(request, ref scratch, out var jurisdiction, out problem))
        {
            decision = null;
            return false;
        }

        if (request.Unknown.IsEmpty)
        {
            decision = Compact(jurisdiction, request, scratch).ToDecision();
            return true;
        }

        try
        {
            decision = Counterfactuals.DecidePartial(jurisdiction, request);
            return true;
        }
        catch (InvalidRequestException ex) when (ex.Problems.Count > 0)
        {
            decision = null;
            problem = ex.Problems[0];
            return false;
        }
    }

    /// <summary>Decides many requests in order.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>The decisions, in the same order.</returns>
    /// <exception cref="InvalidRequestException">A request is invalid.</exception>
    public IReadOnlyList<Decision> DecideAll(IEnumerable<AssistanceRequest> requests)
    {
        Guard.Against.Null(requests);
        return [.. requests.Select(Decide)];
    }

    /// <summary>Decides a request and records the full reasoning (each layer, each rule in force, why it matched or not).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision and its trace.</returns>
    /// <exception cref="InvalidRequestException">The request is invalid.</exception>
    public DecisionTrace Explain(AssistanceRequest request)
    {
        Guard.Against.Null(request);
        var problem = Validate(request);
        if (problem is not null)
        {
            throw new InvalidRequestException([problem]);
        }

        if (!request.Unknown.IsEmpty)
        {
            throw PartialNotAllowed("an explanation");
        }

        var trace = new DecisionTraceBuilder();
        var decision = Evaluator.Decide(request, jurisdictions[request.Jurisdiction], trace);
        return trace.Build(decision);
    }

    /// <summary>Decides a request with its full reasoning, as <see cref="Explain"/>, without throwing for an invalid one.</summary>
    /// <param name="request">The request.</param>
    /// <param name="trace">The decision and its trace, when the request is valid.</param>
    /// <param name="problem">What is wrong, when the request is invalid or partial (an explanation needs every fact).</param>
    /// <returns><see langword="true"/> when the request was decided.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public bool TryExplain(AssistanceRequest request, [NotNullWhen(true)] out DecisionTrace? trace, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.Against.Null(request);
        trace = null;
        var scratch = default(RequestSchema.Values);
        if (!TryResolve(request, ref scratch, out var jurisdiction, out problem))
        {
            return false;
        }

        if (!request.Unknown.IsEmpty)
        {
            problem = PartialNotAllowed("an explanation").Problems[0];
            return false;
        }

        var builder = new DecisionTraceBuilder();
        trace = builder.Build(Evaluator.Decide(request, jurisdiction, builder));
        return true;
    }

    internal CompiledRule Compiled(RuleId id) => rulesById[id];

    internal Problem? Validate(AssistanceRequest request)
    {
        var scratch = default(RequestSchema.Values);
        TryResolve(request, ref scratch, out _, out var problem);
        return problem;
    }

    /// <summary>The request's jurisdiction, or null with the problem that makes the request invalid. Allocation-free for a valid request.</summary>
    private bool TryResolve(AssistanceRequest request, ref RequestSchema.Values values, [NotNullWhen(true)] out CompiledJurisdiction? resolved, [NotNullWhen(false)] out Problem? problem)
    {
        resolved = Resolve(request, ref values, out problem);
        return resolved is not null;
    }

    /// <summary>The request's jurisdiction, or null with the problem that makes the request invalid.</summary>
    private CompiledJurisdiction? Resolve(AssistanceRequest request, out Problem? problem)
    {
        var scratch = default(RequestSchema.Values);
        return Resolve(request, ref scratch, out problem);
    }

    /// <summary>
    /// The request's jurisdiction, or null with the problem that makes the request invalid; reads the request's field
    /// values into <paramref name="values"/> and, unless <paramref name="checkFields"/> is false, checks them.
    /// </summary>
    private CompiledJurisdiction? Resolve(AssistanceRequest request, ref RequestSchema.Values values, out Problem? problem, bool checkFields = true)
    {
        const string Doc = "request";
        problem = null;
        if (request.Jurisdiction.Value is null)
        {
            problem = new Problem(ProblemCodes.MissingField, Doc, "$.jurisdiction", null, null, "missing required property `jurisdiction`");
            return null;
        }

        // Requests nearly always carry one of a few id strings; compare references before hashing.
        CompiledJurisdiction? jurisdiction = null;
        foreach (var (text, compiled) in byReference)
        {
            if (ReferenceEquals(text, request.Jurisdiction.Value))
            {
                jurisdiction = compiled;
                break;
            }
        }

        if (jurisdiction is null && !jurisdictions.TryGetValue(request.Jurisdiction, out jurisdiction))
        {
            problem = new Problem(ProblemCodes.UnknownRequestJurisdiction, Doc, "$.jurisdiction", null, null,
                $"`{request.Jurisdiction}` is not a jurisdiction of this policy set{Json.Binder.Suggest(request.Jurisdiction.Value ?? string.Empty, Jurisdictions.Select(j => j.Id.Value))}; expected one of {string.Join(", ", Jurisdictions.Select(j => $"`{j.Id}`"))}");
            return null;
        }

        if (request.ReceivedAt.Year is < AssistanceRequest.MinYear or > AssistanceRequest.MaxYear)
        {
            // Beyond these years converting the time to an instant or a local date could overflow NodaTime's range.
            problem = new Problem(ProblemCodes.InvalidDateTime, Doc, "$.receivedAt", null, null,
                $"the year {request.ReceivedAt.Year} is outside the supported range {AssistanceRequest.MinYear:D4} to {AssistanceRequest.MaxYear}");
            return null;
        }

        if (request.Id is { Length: > AssistanceRequest.MaxIdLength })
        {
            problem = new Problem(ProblemCodes.LimitExceeded, Doc, "$.id", null, null, $"the request id is longer than {AssistanceRequest.MaxIdLength} characters");
            return null;
        }

        if (request.Id is { } id && id.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0
            && System.Text.Unicode.Utf8.FromUtf16(id, stackalloc byte[AssistanceRequest.MaxIdLength * 3], out _, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            // Only code can build such an id (JSON text cannot carry it); a decision written as JSON would silently alter it.
            problem = new Problem(ProblemCodes.InvalidValue, Doc, "$.id", null, null, "the request id is not well-formed Unicode text (it holds an unpaired surrogate)");
            return null;
        }

        RequestSchema.Read(request, values);
        if (checkFields && FieldProblem(values) is { } fieldProblem)
        {
            problem = fieldProblem;
            return null;
        }

        return jurisdiction;
    }

    /// <summary>The problem of the first field whose value lies outside its vocabulary, if any.</summary>
    private static Problem? FieldProblem(in RequestSchema.Values values)
    {
        if (RequestSchema.FirstUndefined(values) is not { } field)
        {
            return null;
        }

        return new Problem(ProblemCodes.UnknownValue, "request", "$." + field.JsonName, null, null,
            field.IsSet ? "a value outside the vocabulary" : $"`{(int)values[field.Position]}` is not a valid `{field.JsonName}` value");
    }
}
