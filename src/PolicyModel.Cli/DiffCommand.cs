using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using NodaTime;
using PolicyModel.Analysis;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel diff [--jurisdiction id] --from date --to date</c> (what changed between two dates) and
/// <c>policymodel diff [--jurisdiction id] --old paths --new paths [--on date]</c> (what changed between two versions of
/// the documents): the requests whose decision differs, grouped (docs/analysis.md).
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CommandSetup setup)
    {
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "The jurisdiction to compare (default: every jurisdiction)" };
        var from = new Option<string>("--from") { Description = "The earlier date (YYYY-MM-DD): compare the decisions of this date ..." };
        var to = new Option<string>("--to") { Description = "... with those of this date (YYYY-MM-DD)" };
        var on = new Option<string>("--on") { Description = "With --old/--new: compare on this date only (default: every date)" };
        var oldDocuments = SharedOptions.Paths("--old", "The old version: policy documents or folders (beside the built-ins unless --no-builtins)");
        var newDocuments = SharedOptions.Paths("--new", "The new version: policy documents or folders (beside the built-ins unless --no-builtins)");
        var detail = new Option<bool>("--detail") { Description = "Also list every exact change (each request in exactly one row)" };
        var command = setup.New(
            "diff",
            "Show the requests whose decision differs between two dates (what an amendment changed) or two versions of the documents",
            "policymodel diff --jurisdiction us-il --from 2021-08-01 --to 2021-08-02",
            "policymodel diff --old my-city-v1.json --new my-city-v2.json --on 2025-06-01",
            "policymodel diff --jurisdiction us-il --from 2021-08-01 --to 2021-08-02 --detail --json");
        command.Options.Add(jurisdiction);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(on);
        command.Options.Add(oldDocuments);
        command.Options.Add(newDocuments);
        command.Options.Add(detail);
        setup.SetAction(command, (parse, context) => Run(
            new DiffOptions
            {
                Jurisdiction = parse.GetValue(jurisdiction),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                On = parse.GetValue(on),
                Old = parse.GetValue(oldDocuments) ?? [],
                New = parse.GetValue(newDocuments) ?? [],
                Detail = parse.GetValue(detail),
                Common = context.Options,
            },
            context.Output,
            context.Stderr));
        return command;
    }

    public static int Run(DiffOptions options, Output stdout, TextWriter stderr)
    {
        var versions = options.Old.Count > 0 || options.New.Count > 0;
        if (versions && (options.Old.Count == 0 || options.New.Count == 0))
        {
            stderr.WriteLine("error: compare two versions of the documents with both --old <paths> and --new <paths>");
            return ExitCodes.InvalidInput;
        }

        if (!AnalysisOutput.TryDate(options.From, "--from", stderr, out var from)
            || !AnalysisOutput.TryDate(options.To, "--to", stderr, out var to)
            || !AnalysisOutput.TryDate(options.On, "--on", stderr, out var on))
        {
            return ExitCodes.InvalidInput;
        }

        if (versions)
        {
            if (from is not null || to is not null)
            {
                stderr.WriteLine("error: with --old/--new, compare on one date with --on <date>, or on every date without it; --from/--to compare two dates of one set of documents");
                return ExitCodes.InvalidInput;
            }

            return Versions(options, on, stdout, stderr);
        }

        if (on is not null)
        {
            stderr.WriteLine("error: --on is for --old/--new; to compare two dates give --from <date> --to <date>");
            return ExitCodes.InvalidInput;
        }

        if (from is not { } before || to is not { } after)
        {
            stderr.WriteLine("error: give the two dates to compare with --from <date> --to <date> (or two versions of the documents with --old/--new)");
            return ExitCodes.InvalidInput;
        }

        var set = PolicyLoader.Load(options.Common.Policies, !options.Common.NoBuiltIns, stderr);
        if (set is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (!AnalysisOutput.TryJurisdiction(options.Jurisdiction, set, stderr, out var jurisdiction))
        {
            return ExitCodes.InvalidInput;
        }

        var analyzer = new PolicyAnalyzer(set);
        var ids = jurisdiction is { } j ? [j] : set.Jurisdictions.Select(x => x.Id).ToList();
        var reports = ids.AsParallel().AsOrdered().Select(id => analyzer.Diff(id, before, after)).ToList();
        Write(set, reports, jurisdiction is not null, options, stdout, []);
        return ExitCodes.Success;
    }

    private static int Versions(DiffOptions options, LocalDate? on, Output stdout, TextWriter stderr)
    {
        var oldSet = PolicyLoader.Load([.. options.Common.Policies, .. options.Old], !options.Common.NoBuiltIns, stderr);
        var newSet = PolicyLoader.Load([.. options.Common.Policies, .. options.New], !options.Common.NoBuiltIns, stderr);
        if (oldSet is null || newSet is null)
        {
            return ExitCodes.InvalidInput;
        }

        JurisdictionId? jurisdiction = null;
        if (options.Jurisdiction is { } text)
        {
            if (!AnalysisOutput.TryJurisdiction(text, newSet, stderr, out jurisdiction) || !AnalysisOutput.TryJurisdiction(text, oldSet, stderr, out _))
            {
                return ExitCodes.InvalidInput;
            }
        }

        var range = on is { } date ? DateRange.On(date) : DateRange.All;
        var notes = new List<string>();
        var ids = new List<JurisdictionId>();
        if (jurisdiction is { } one)
        {
            ids.Add(one);
        }
        else
        {
            foreach (var j in newSet.Jurisdictions)
            {
                if (oldSet.TryGetJurisdiction(j.Id, out _))
                {
                    ids.Add(j.Id);
                }
                else
                {
                    notes.Add($"{j.Id}: only in the new documents");
                }
            }

            notes.AddRange(oldSet.Jurisdictions.Where(j => !newSet.TryGetJurisdiction(j.Id, out _)).Select(j => $"{j.Id}: only in the old documents"));
        }

        var reports = ids.AsParallel().AsOrdered().Select(id => PolicyAnalyzer.Diff(oldSet, newSet, id, range)).ToList();
        Write(newSet, reports, jurisdiction is not null, options, stdout, notes);
        return ExitCodes.Success;
    }

    private static void Write(PolicySet set, List<DiffReport> reports, bool single, DiffOptions options, Output output, List<string> notes)
    {
        if (options.Common.Json)
        {
            output.Writer.WriteLine(Json(reports, single, notes, options.Common.Pretty));
            return;
        }

        var w = output.Text;
        var first = true;
        foreach (var report in reports)
        {
            if (!single && report.Changes.Count == 0)
            {
                continue;
            }

            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            Readable(set, report, options.Detail, output);
        }

        if (!single)
        {
            var unchanged = reports.Where(r => r.Changes.Count == 0).Select(r => r.Jurisdiction.Value).ToList();
            if (unchanged.Count > 0)
            {
                if (!first)
                {
                    w.WriteLine();
                }

                w.WriteLine($"No decision changes in {string.Join(", ", unchanged)}.");
            }
        }

        foreach (var note in notes)
        {
            w.WriteLine(UntrustedText.Escape(note));
        }

        if (reports.Any(r => r.Changes.Count > 0))
        {
            w.WriteLine();
            w.WriteLine(output.Dim(AnalysisOutput.CasesNote));
        }
    }

    private static void Readable(PolicySet set, DiffReport report, bool detail, Output output)
    {
        var w = output.Text;
        set.TryGetJurisdiction(report.Jurisdiction, out var jurisdiction);
        var what = report.Range is { } range
            ? $"the {report.Before} and the {report.After} ({range})"
            : $"{report.Before} and {report.After}";
        var title = output.Bold($"{report.Jurisdiction} ({UntrustedText.Escape(jurisdiction?.Name)})");
        if (report.Changes.Count == 0)
        {
            w.WriteLine($"{title}: no decision differs between {what}.");
            return;
        }

        if (report.Range is null || report.Range.From == report.Range.To)
        {
            var share = 100.0 * report.CaseCount / report.CasesPerDate;
            w.WriteLine($"{title}: decisions differ between {what} in {AnalysisOutput.Count(report.CaseCount)} of the {AnalysisOutput.Count(report.CasesPerDate)} cases the rules tell apart ({share.ToString("0.0", CultureInfo.InvariantCulture)}%)");
        }
        else
        {
            // Over a range, a case whose change differs from one stretch of dates to another is in a group for each.
            w.WriteLine($"{title}: decisions differ between {what} in {AnalysisOutput.Count(report.CaseCount)} case(s), counted once for each group of dates (of the {AnalysisOutput.Count(report.CasesPerDate)} cases the rules tell apart)");
        }

        IReadOnlyList<EffectivePeriod> analysed = report.Range is null ? [] : [new EffectivePeriod(report.Range.From, report.Range.To?.PlusDays(1))];
        w.WriteLine();
        if (report.Outcomes.Count == 0)
        {
            w.WriteLine("Outcome changes: none (only citations, obligations or preemption change)");
        }
        else
        {
            w.WriteLine("Outcome changes");
            AnalysisOutput.GroupTable(
                output,
                ["before", "after"],
                report.Outcomes.Select(o => ((IReadOnlyList<string>)[output.OutcomeText(o.Before), output.OutcomeText(o.After)], o.Groups)),
                analysed);
        }

        w.WriteLine();
        w.WriteLine("Citations, obligations and preemption gained (+) or lost (-)");
        AnalysisOutput.GroupTable(
            output,
            ["change"],
            report.Items.Select(i => ((IReadOnlyList<string>)[i.Added ? output.Green(UntrustedText.Escape(i.Describe())) : output.Red(UntrustedText.Escape(i.Describe()))], i.Groups)),
            analysed);
        if (detail)
        {
            w.WriteLine();
            w.WriteLine($"Every change ({report.Changes.Count}): each request is in exactly one row");
            AnalysisOutput.GroupTable(
                output,
                ["change"],
                report.Changes.Select(c => ((IReadOnlyList<string>)[UntrustedText.Escape(c.Describe())], c.Groups)),
                analysed);
        }
    }

    private static string Json(List<DiffReport> reports, bool single, List<string> notes, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, AnalysisOutput.JsonOptions(indented)))
        {
            if (!single)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("diffs");
            }

            foreach (var report in reports)
            {
                WriteReport(writer, report);
            }

            if (!single)
            {
                writer.WriteEndArray();
                AnalysisOutput.Strings(writer, "notes", notes);
                writer.WriteEndObject();
            }
        }

        return AnalysisOutput.Finish(stream);
    }

    private static void WriteReport(Utf8JsonWriter writer, DiffReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("jurisdiction", report.Jurisdiction.Value);
        writer.WriteString("before", report.Before);
        writer.WriteString("after", report.After);
        if (report.Range is { } range)
        {
            writer.WriteString("dates", range.ToString());
        }

        writer.WriteNumber("requestCount", report.RequestCount);
        writer.WriteNumber("requestsPerDate", report.RequestsPerDate);
        writer.WriteNumber("caseCount", report.CaseCount);
        writer.WriteNumber("casesPerDate", report.CasesPerDate);
        writer.WriteStartArray("outcomes");
        foreach (var o in report.Outcomes)
        {
            writer.WriteStartObject();
            writer.WriteString("before", o.Before.ToContractName());
            writer.WriteString("after", o.After.ToContractName());
            writer.WriteNumber("requestCount", o.RequestCount);
            writer.WriteNumber("caseCount", o.CaseCount);
            AnalysisOutput.WriteGroups(writer, o.Groups);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("items");
        foreach (var i in report.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("change", i.Describe());
            writer.WriteString("kind", AnalysisOutput.Kebab(i.Kind.ToString()));
            writer.WriteString("item", i.Item);
            writer.WriteBoolean("added", i.Added);
            writer.WriteNumber("requestCount", i.RequestCount);
            writer.WriteNumber("caseCount", i.CaseCount);
            AnalysisOutput.WriteGroups(writer, i.Groups);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("changes");
        foreach (var c in report.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("before", c.Before.ToContractName());
            writer.WriteString("after", c.After.ToContractName());
            AnalysisOutput.Strings(writer, "citationsAdded", c.CitationsAdded);
            AnalysisOutput.Strings(writer, "citationsRemoved", c.CitationsRemoved);
            AnalysisOutput.Strings(writer, "obligationsAdded", c.ObligationsAdded.Select(ContractNames<Obligation>.Name));
            AnalysisOutput.Strings(writer, "obligationsRemoved", c.ObligationsRemoved.Select(ContractNames<Obligation>.Name));
            AnalysisOutput.Strings(writer, "preemptedAdded", c.PreemptedAdded.Select(r => r.Value));
            AnalysisOutput.Strings(writer, "preemptedRemoved", c.PreemptedRemoved.Select(r => r.Value));
            writer.WriteNumber("requestCount", c.RequestCount);
            writer.WriteNumber("caseCount", c.CaseCount);
            AnalysisOutput.WriteGroups(writer, c.Groups);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>The options of <c>policymodel diff</c>.</summary>
internal sealed record DiffOptions
{
    public string? Jurisdiction { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? On { get; init; }

    public IReadOnlyList<string> Old { get; init; } = [];

    public IReadOnlyList<string> New { get; init; } = [];

    public bool Detail { get; init; }

    /// <summary>Gets the options every command takes.</summary>
    public required CommonOptions Common { get; init; }
}
