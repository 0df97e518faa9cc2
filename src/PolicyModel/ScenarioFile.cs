using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;
using PolicyModel.Json;
using PolicyModel.Scenarios;

namespace PolicyModel;

/// <summary>What a scenario's decision must say (contract "Scenario files").</summary>
/// <param name="Outcome">The outcome the decision must have.</param>
/// <param name="Citations">Strings each of which must occur inside one of the decision's citations; <see langword="null"/> when not checked.</param>
/// <param name="Obligations">Obligations that must be among the decision's; <see langword="null"/> when not checked.</param>
/// <param name="WithoutObligations">Obligations that must not be among the decision's; <see langword="null"/> when not checked.</param>
public sealed record ScenarioExpectation(Outcome Outcome, IReadOnlyList<string>? Citations, IReadOnlyList<Obligation>? Obligations, IReadOnlyList<Obligation>? WithoutObligations);

/// <summary>One named scenario: a request and what its decision must say.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Request">The request.</param>
/// <param name="Expect">The expectation.</param>
/// <param name="Source">The scenario file's name and the scenario's JSON path, for messages.</param>
public sealed record Scenario(string Name, AssistanceRequest Request, ScenarioExpectation Expect, string Source)
{
    /// <summary>Checks a decision against the expectation, by the contract's rules.</summary>
    /// <param name="decision">The decision for <see cref="Request"/>.</param>
    /// <returns>Every way the decision differs from the expectation (empty when it passes).</returns>
    public IReadOnlyList<string> Check(Decision decision)
    {
        Guard.Against.Null(decision);
        var failures = new List<string>();
        if (decision.Outcome != Expect.Outcome)
        {
            failures.Add($"expected outcome `{Expect.Outcome.ToContractName()}`, got `{decision.Outcome.ToContractName()}`");
        }

        foreach (var citation in Expect.Citations ?? [])
        {
            if (!decision.Citations.Any(c => c.Contains(citation, StringComparison.Ordinal)))
            {
                failures.Add($"expected a citation containing `{citation}`, got [{string.Join("; ", decision.Citations)}]");
            }
        }

        foreach (var obligation in Expect.Obligations ?? [])
        {
            if (!decision.Obligations.Contains(obligation))
            {
                failures.Add($"expected obligation `{obligation.ToContractName()}`, got [{string.Join(", ", decision.Obligations.Select(ContractNames<Obligation>.Name))}]");
            }
        }

        foreach (var obligation in Expect.WithoutObligations ?? [])
        {
            if (decision.Obligations.Contains(obligation))
            {
                failures.Add($"expected no obligation `{obligation.ToContractName()}`, but the decision has it");
            }
        }

        return failures;
    }

    /// <summary>The scenario's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

/// <summary>
/// Reads scenario files (contract "Scenario files"), strictly: errors name the file, JSON path and line. Files are
/// read as a stream, one scenario at a time, so a file of a million scenarios needs no more memory than one.
/// </summary>
public static class ScenarioFile
{
    private static readonly string[] ScenarioProperties = ["name", "request", "expect"];
    private static readonly string[] ExpectProperties = ["outcome", "citations", "obligations", "withoutObligations"];

    /// <summary>Parses a scenario file, collecting every problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The file's name for problems.</param>
    /// <param name="scenarios">The scenarios in order, when the file is valid.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the file is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static bool TryParse(string json, string name, [NotNullWhen(true)] out IReadOnlyList<Scenario>? scenarios, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(json);
        Guard.Against.NullOrWhiteSpace(name);
        var found = new List<Problem>();
        var read = Collect(new ScenarioStreamReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), name), found);
        problems = found;
        scenarios = found.Count == 0 ? read : null;
        return scenarios is not null;
    }

    /// <summary>
    /// Reads a scenario file from disk through <see cref="InputFiles"/> (strict UTF-8, at most
    /// <see cref="MaxFileBytes"/>, a regular file), all of it, collecting every problem of the file.
    /// </summary>
    /// <param name="path">The file path (used as its name).</param>
    /// <param name="scenarios">The scenarios in order, when the file was read and is valid.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the file was read and is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static bool TryLoad(string path, [NotNullWhen(true)] out IReadOnlyList<Scenario>? scenarios, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.NullOrWhiteSpace(path);
        var found = new List<Problem>();
        List<Scenario> read = [.. Read(path, found)];
        problems = found;
        scenarios = found.Count == 0 ? read : null;
        return scenarios is not null;
    }

    /// <summary>Parses a scenario file, for callers that treat a bad file as a bug.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The file's name for messages.</param>
    /// <returns>The scenarios in order.</returns>
    /// <exception cref="InvalidRequestException">The file is invalid; every problem is listed.</exception>
    public static IReadOnlyList<Scenario> Parse(string json, string name) =>
        TryParse(json, name, out var scenarios, out var problems) ? scenarios : throw new InvalidRequestException(problems);

    /// <summary>Reads a scenario file from disk, all of it, for callers that treat a bad or missing file as a bug.</summary>
    /// <param name="path">The file path (used as its name).</param>
    /// <returns>The scenarios in order.</returns>
    /// <exception cref="InvalidRequestException">The file cannot be read or is invalid; every problem is listed.</exception>
    public static IReadOnlyList<Scenario> Load(string path) =>
        TryLoad(path, out var scenarios, out var problems) ? scenarios : throw new InvalidRequestException(problems);

    /// <summary>
    /// Reads a scenario file as a stream, one scenario at a time, as the enumeration goes on: memory is bounded by the
    /// largest scenario (at most 1 MiB) whatever the number of scenarios. The checks are those of
    /// <see cref="Load(string)"/>, made while reading.
    /// </summary>
    /// <param name="path">The file path (used as its name).</param>
    /// <param name="problems">
    /// Where problems go: a scenario that cannot be read adds its problems here and reading goes on at the next one (a
    /// syntax error, an unreadable file or the cap ends the file). When <see langword="null"/>, the first problem
    /// throws <see cref="InvalidRequestException"/> (with every problem of that scenario) from the enumeration.
    /// </param>
    /// <param name="maxBytes">The largest file read, in bytes (counted while reading).</param>
    /// <returns>The scenarios read, in order.</returns>
    /// <exception cref="InvalidRequestException">
    /// With no <paramref name="problems"/> collection: the file cannot be read or a scenario is invalid.
    /// </exception>
    public static IEnumerable<Scenario> Read(string path, ICollection<Problem>? problems = null, long maxBytes = MaxFileBytes)
    {
        Guard.Against.NullOrWhiteSpace(path);
        Guard.Against.NegativeOrZero(maxBytes);
        return ReadLazily(path, problems, maxBytes);
    }

    private static IEnumerable<Scenario> ReadLazily(string path, ICollection<Problem>? problems, long maxBytes)
    {
        var reader = ScenarioStreamReader.TryOpen(path, maxBytes, out var refused);
        if (reader is null)
        {
            Report([refused!], problems);
            yield break;
        }

        using (reader)
        {
            var found = new List<Problem>();
            while (reader.TryNext(out var scenario, found))
            {
                Report(found, problems);
                if (scenario is not null)
                {
                    yield return scenario;
                }
            }
        }
    }

    private static List<Scenario> Collect(ScenarioStreamReader reader, List<Problem> problems)
    {
        using (reader)
        {
            var scenarios = new List<Scenario>();
            var found = new List<Problem>();
            while (reader.TryNext(out var scenario, found))
            {
                problems.AddRange(found);
                if (scenario is not null)
                {
                    scenarios.Add(scenario);
                }
            }

            return scenarios;
        }
    }

    private static void Report(List<Problem> found, ICollection<Problem>? problems)
    {
        if (found.Count == 0)
        {
            return;
        }

        if (problems is null)
        {
            throw new InvalidRequestException([.. found]);
        }

        foreach (var problem in found)
        {
            problems.Add(problem);
        }
    }

    /// <summary>
    /// The largest scenario file read: 1 GiB (counted while reading). Files are read as a stream, so the cap bounds the
    /// time a run takes, not its memory; one scenario is at most 1 MiB.
    /// </summary>
    public const int MaxFileBytes = 1 << 30;

    /// <summary>Binds one scenario (an element of <c>scenarios</c>); <paramref name="source"/> names it in messages.</summary>
    internal static Scenario? ReadScenario(JNode node, Binder bind, string source)
    {
        const string what = "a scenario";
        var props = bind.Object(node, what, ScenarioProperties);
        if (props is null)
        {
            return null;
        }

        var name = bind.Required(props, node, "name", what) is { } n ? bind.NonEmptyString(n, "the scenario name") : null;
        var request = bind.Required(props, node, "request", what) is { } r ? RequestJson.Bind(r, bind) : null;
        ScenarioExpectation? expect = null;
        if (bind.Required(props, node, "expect", what) is { } e && bind.Object(e, "`expect`", ExpectProperties) is { } ep)
        {
            var outcome = bind.Required(ep, e, "outcome", "`expect`") is { } o ? bind.Value<Outcome>(o, "outcome") : null;
            IReadOnlyList<string>? citations = null;
            if (ep.TryGetValue("citations", out var c) && bind.Array(c, "a list of citation fragments") is { } citationNodes)
            {
                citations = [.. citationNodes.Select(x => bind.NonEmptyString(x, "a citation fragment")).OfType<string>()];
            }

            var obligations = ep.TryGetValue("obligations", out var ob) ? bind.ValueSet<Obligation>(ob, "obligation", allowEmpty: true)?.ToList() : null;
            var without = ep.TryGetValue("withoutObligations", out var wo) ? bind.ValueSet<Obligation>(wo, "obligation", allowEmpty: true)?.ToList() : null;
            if (outcome is not null)
            {
                expect = new ScenarioExpectation(outcome.Value, citations, obligations, without);
            }
        }

        return name is not null && request is not null && expect is not null
            ? new Scenario(name, request, expect, source)
            : null;
    }
}
