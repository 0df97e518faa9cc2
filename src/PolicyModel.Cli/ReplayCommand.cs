using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel replay &lt;log.jsonl&gt; [--policies ...]</c>: decides every logged request again and reports, per
/// record, identical or different and why. Exit 0 when all are identical, 1 when any differs, 2 when the log is invalid.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CommandSetup setup)
    {
        var log = new Argument<string>("log") { Description = "A decision log written by `policymodel serve --decision-log` (one JSON record per line)" };
        var command = setup.New(
            "replay",
            "Decide every request of a decision log again and report, per record, identical or different and why; exit 1 when any differs",
            "policymodel replay decisions.jsonl",
            "policymodel replay decisions.jsonl --policies my-city/   # after editing your documents",
            "policymodel replay decisions.jsonl --json");
        command.Arguments.Add(log);
        setup.SetAction(command, (parse, context) => Run(context, parse.GetValue(log)!));
        return command;
    }

    public static int Run(CommandContext context, string path)
    {
        var stderr = context.Stderr;
        if (!TryReadLog(path, stderr, out var records))
        {
            return ExitCodes.InvalidInput;
        }

        var set = context.LoadPolicies();
        if (set is null)
        {
            return ExitCodes.InvalidInput;
        }

        var results = new List<ReplayResult>(records.Count);
        foreach (var (line, record) in records)
        {
            if (!set.TryDecide(record.Request, out var decision, out var problem))
            {
                // A request that was decided once but is invalid now (its jurisdiction is gone) is a difference, not a bad log.
                results.Add(new ReplayResult(line, record.Decision.RequestId, false, [$"cannot be decided now: {problem!.Code} {problem.Path}: {problem.Message}"]));
                continue;
            }

            results.Add(Compare(line, record, decision!, set.Digest));
        }

        Write(context, results);
        return results.TrueForAll(r => r.Identical) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static bool TryReadLog(string path, TextWriter stderr, out List<(int Line, DecisionRecord Record)> records)
    {
        records = [];
        if (!InputFiles.TryOpen(path, out var stream, out var refused))
        {
            stderr.WriteLine(UntrustedText.Escape(refused.ToString()));
            return false;
        }

        var valid = true;
        using var reader = new StreamReader(stream, InputFiles.StrictUtf8, detectEncodingFromByteOrderMarks: false);
        try
        {
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (DecisionRecordJson.TryParse(line, path, out var record, out var problems))
                {
                    records.Add((number, record));
                }
                else
                {
                    valid = false;
                    foreach (var problem in problems.Take(RequestJson.MaxProblems))
                    {
                        stderr.WriteLine(UntrustedText.Escape((problem with { Line = number, Column = null }).ToString()));
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            stderr.WriteLine(new Problem(ProblemCodes.MalformedJson, path, "$", null, null, "the text is not valid UTF-8"));
            return false;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"{UntrustedText.Escape(path)}: error: cannot read the decision log: {UntrustedText.Escape(ex.Message)}");
            return false;
        }

        if (valid && records.Count == 0)
        {
            stderr.WriteLine($"{path}: error: the decision log holds no record");
            return false;
        }

        return valid;
    }

    /// <summary>Identical when the decision is the same (the digest and law date it was stamped with aside); each difference named.</summary>
    internal static ReplayResult Compare(int line, DecisionRecord record, Decision now, string digest)
    {
        var then = record.Decision with { PolicyDigest = null, LawCurrentTo = null };
        var reasons = new List<string>();
        if (then.Outcome != now.Outcome)
        {
            reasons.Add($"outcome {then.Outcome.ToContractName()} -> {now.Outcome.ToContractName()}");
        }

        Changes(reasons, "citation", then.Citations, now.Citations);
        Changes(reasons, "obligation", then.Obligations.Select(ContractNames<Obligation>.Name), now.Obligations.Select(ContractNames<Obligation>.Name));
        Changes(reasons, "deciding rule", then.DecidingRules.Select(r => r.Value), now.DecidingRules.Select(r => r.Value));
        Changes(reasons, "preempted rule", then.Preempted.Select(r => r.Value), now.Preempted.Select(r => r.Value));
        if (then.EffectiveDate != now.EffectiveDate)
        {
            reasons.Add($"effective date {then.EffectiveDate:uuuu-MM-dd} -> {now.EffectiveDate:uuuu-MM-dd}");
        }

        if (!then.JurisdictionChain.SequenceEqual(now.JurisdictionChain))
        {
            reasons.Add($"jurisdiction chain {string.Join(" > ", then.JurisdictionChain)} -> {string.Join(" > ", now.JurisdictionChain)}");
        }

        if (reasons.Count == 0 && !then.Equals(now with { PolicyDigest = null, LawCurrentTo = null }))
        {
            reasons.Add(then.Explanation != now.Explanation ? "explanation changed" : "the decision changed (order of its lists, or its conflicts)");
        }

        if (record.PolicyDigest != digest)
        {
            reasons.Add($"another policy set: {record.PolicyDigest} -> {digest}");
        }

        if (record.EngineVersion != DecisionRecord.CurrentEngineVersion)
        {
            reasons.Add($"another engine version: {record.EngineVersion} -> {DecisionRecord.CurrentEngineVersion}");
        }

        var identical = then.Equals(now with { PolicyDigest = null, LawCurrentTo = null });
        return new ReplayResult(line, record.Decision.RequestId, identical, reasons);
    }

    private static void Changes(List<string> reasons, string what, IEnumerable<string> then, IEnumerable<string> now)
    {
        var before = then.ToList();
        var after = now.ToList();
        if (before.SequenceEqual(after))
        {
            return;
        }

        var added = after.Except(before).ToList();
        var removed = before.Except(after).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            reasons.Add($"{what}s in another order");
            return;
        }

        reasons.AddRange(removed.Select(r => $"{what} removed: {r}"));
        reasons.AddRange(added.Select(a => $"{what} added: {a}"));
    }

    private static void Write(CommandContext context, List<ReplayResult> results)
    {
        var stdout = context.Stdout;
        if (context.Options.Json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = context.IndentJson, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartArray();
                foreach (var result in results)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line", result.Line);
                    writer.WriteString("requestId", result.RequestId);
                    writer.WriteString("result", result.Identical ? "identical" : "different");
                    writer.WriteStartArray("reasons");
                    foreach (var reason in result.Reasons)
                    {
                        writer.WriteStringValue(reason);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }

        foreach (var result in results)
        {
            var what = result.Identical ? "identical" : "DIFFERENT";
            stdout.WriteLine($"line {result.Line} ({(result.RequestId is { } id ? UntrustedText.Escape(id) : "no id")}): {what}{(result.Reasons.Count == 0 ? "" : ": " + UntrustedText.Escape(string.Join("; ", result.Reasons)))}");
        }

        var different = results.Count(r => !r.Identical);
        stdout.WriteLine($"{results.Count} record(s): {results.Count - different} identical, {different} different");
    }

    internal sealed record ReplayResult(int Line, string? RequestId, bool Identical, IReadOnlyList<string> Reasons);
}
