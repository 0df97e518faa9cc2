using System.Text;
using NodaTime;

namespace PolicyModel.Reliability.Tests.Fuzzing;

/// <summary>
/// The fuzz targets: each takes arbitrary bytes, feeds them to a public reader and, when they are accepted, onwards
/// (compile, decide, explain, write and read back). A target returns normally when the library behaved as documented:
/// problems returned or a documented exception thrown, and every round trip exact. Anything else throws
/// <see cref="FuzzFinding"/> or lets the unexpected exception escape.
/// </summary>
internal static class FuzzTargets
{
    private static readonly AssistanceRequest[] Probes = BuildProbes();

    /// <summary>How deep into the library an input got (for the report).</summary>
    public enum Depth
    {
        Rejected,
        Parsed,
        Compiled,
        Decided,
    }

    /// <summary>A policy document: parse, save and reload, compile beside the built-ins, decide probes in its jurisdictions.</summary>
    public static Depth Document(byte[] input)
    {
        if (!PolicyDocument.TryParse(input, "fuzz.json", out var document, out var documentProblems))
        {
            CheckProblems(documentProblems);
            return Depth.Rejected;
        }

        var saved = PolicyDocumentJson.Serialize(document);
        if (!PolicyDocument.TryParse(saved, "fuzz.json", out var reloaded, out var reloadProblems))
        {
            throw new FuzzFinding($"a saved document does not load: {reloadProblems[0]}");
        }

        if (DocumentComparer.Difference(document, reloaded) is { } difference)
        {
            throw new FuzzFinding($"save and load changed the document: {difference}");
        }

        // A mutant of a built-in document replaces the original, so mutated real laws reach the compiler and the engine.
        var others = TestInputs.BuiltInDocs.Where(d => !(d.Jurisdiction.Id == document.Jurisdiction.Id && d.Jurisdiction.IsDefinition && document.Jurisdiction.IsDefinition));
        if (!PolicySet.TryCompile([.. others, document], out var set, out var problems))
        {
            CheckProblems(problems);
            return Depth.Parsed;
        }

        var chain = set.ChainOf(document.Jurisdiction.Id);
        foreach (var probe in Probes)
        {
            foreach (var jurisdiction in chain.TakeLast(2))
            {
                Decide(set, probe with { Jurisdiction = jurisdiction });
            }
        }

        set.Explain(Probes[0] with { Jurisdiction = document.Jurisdiction.Id });
        return Depth.Decided;
    }

    /// <summary>A request file: read, decide each request, write and read back the request and the decision.</summary>
    public static Depth Requests(byte[] input)
    {
        IReadOnlyList<AssistanceRequest> requests;
        try
        {
            requests = RequestJson.ReadAll(input, "fuzz.json", out _);
        }
        catch (InvalidRequestException e)
        {
            CheckProblems(e.Problems);
            return Depth.Rejected;
        }

        var decided = false;
        foreach (var request in requests.Take(50))
        {
            if (RequestJson.Parse(RequestJson.Serialize(request)) != request)
            {
                throw new FuzzFinding("a request written and read back differs");
            }

            decided |= Decide(TestInputs.BuiltIns, request);
        }

        return decided ? Depth.Decided : Depth.Parsed;
    }

    private static readonly string ScenarioPath = Path.Combine(Path.GetTempPath(), $"pm-fuzz-scenario-{Environment.ProcessId}.json");

    /// <summary>
    /// A scenario file: written to disk and loaded through the input-file reader (strict UTF-8, byte order marks,
    /// size cap), then every scenario run against the built-ins.
    /// </summary>
    public static Depth Scenario(byte[] input)
    {
        File.WriteAllBytes(ScenarioPath, input);
        IReadOnlyList<PolicyModel.Scenario> scenarios;
        try
        {
            scenarios = ScenarioFile.Load(ScenarioPath);
        }
        catch (InvalidRequestException e)
        {
            CheckProblems(e.Problems);
            return Depth.Rejected;
        }

        foreach (var scenario in scenarios)
        {
            var result = ScenarioRunner.Run(TestInputs.BuiltIns, scenario);
            if (result.Decision is not null && result.Decision != TestInputs.BuiltIns.Decide(scenario.Request))
            {
                throw new FuzzFinding("a scenario's decision differs from deciding its request");
            }
        }

        return scenarios.Count > 0 ? Depth.Decided : Depth.Parsed;
    }

    /// <summary>A decision: read, write and read back.</summary>
    public static Depth Decision(byte[] input)
    {
        Decision decision;
        try
        {
            decision = DecisionJson.Parse(Encoding.UTF8.GetString(input));
        }
        catch (InvalidRequestException e)
        {
            CheckProblems(e.Problems);
            return Depth.Rejected;
        }

        if (DecisionJson.Parse(DecisionJson.Serialize(decision)) != decision)
        {
            throw new FuzzFinding("a decision written and read back differs");
        }

        return Depth.Parsed;
    }

    private static bool Decide(PolicySet set, AssistanceRequest request)
    {
        Decision decision;
        try
        {
            decision = set.Decide(request);
        }
        catch (InvalidRequestException e)
        {
            // Only an unknown jurisdiction is possible for a request the reader accepted.
            if (e.Problems.Count != 1 || e.Problems[0].Code != ProblemCodes.UnknownRequestJurisdiction)
            {
                throw new FuzzFinding($"a request the reader accepted was refused: {e.Problems[0]}");
            }

            return false;
        }

        if (set.DecideCompact(request).ToDecision() != decision)
        {
            throw new FuzzFinding("Decide and DecideCompact disagree");
        }

        if (DecisionJson.Parse(DecisionJson.Serialize(decision)) != decision)
        {
            throw new FuzzFinding("a decision written and read back differs");
        }

        foreach (var id in decision.DecidingRules)
        {
            if (set.FindRule(id) is null && set.Presumptions.All(p => p.Id != id))
            {
                throw new FuzzFinding($"the deciding rule {id} is not in the set");
            }
        }

        return true;
    }

    private static void CheckProblems(IReadOnlyList<Problem> problems)
    {
        if (problems.Count == 0)
        {
            throw new FuzzFinding("rejected without a problem");
        }

        foreach (var p in problems)
        {
            if (p.Code.Length != 6 || !p.Code.StartsWith("PM", StringComparison.Ordinal) || !p.Path.StartsWith('$') || string.IsNullOrWhiteSpace(p.Message)
                || p.Message.Contains('\n', StringComparison.Ordinal))
            {
                throw new FuzzFinding($"a malformed problem: {p}");
            }
        }
    }

    private static AssistanceRequest[] BuildProbes()
    {
        var probes = new List<AssistanceRequest>();
        var time = new LocalDateTime(2025, 3, 1, 12, 0).WithOffset(Offset.FromHours(-6));
        foreach (var purpose in new[] { Purpose.CivilImmigrationEnforcement, Purpose.Unknown, Purpose.CriminalInvestigation })
        {
            foreach (var respondent in new[] { Respondent.Police, Respondent.Jail })
            {
                probes.Add(new AssistanceRequest
                {
                    Jurisdiction = "us",
                    ReceivedAt = time,
                    Requester = Requester.IceEro,
                    Purpose = purpose,
                    Assistance = AssistanceKind.HoldPastRelease,
                    Authority = Authority.ImmigrationDetainer,
                    Respondent = respondent,
                    Circumstances = purpose == Purpose.Unknown ? EnumSet<Circumstance>.Of(Circumstance.CrimeInProgress) : default,
                });
            }
        }

        probes.Add(probes[0] with { ReceivedAt = new LocalDateTime(1995, 6, 1, 0, 0).WithOffset(Offset.Zero), Assistance = AssistanceKind.StopOrArrest });
        return [.. probes];
    }
}

/// <summary>The library broke a promise on a fuzzed input without throwing an unexpected exception.</summary>
internal sealed class FuzzFinding(string message) : Exception(message);
