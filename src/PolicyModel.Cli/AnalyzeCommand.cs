using System.CommandLine;
using System.Text.Json;
using PolicyModel.Analysis;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel analyze [--jurisdiction id] [--on date | --from date --to date] [--scenarios paths] [--only sections]</c>:
/// gaps, same-layer conflicts, unreachable rules, preemption and scenario coverage (docs/analysis.md).
/// </summary>
internal static class AnalyzeCommand
{
    public static readonly string[] Sections = ["gaps", "conflicts", "unreachable", "preemption", "coverage"];

    public static Command Create(CommandSetup setup)
    {
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "The jurisdiction to analyse (default: every jurisdiction of the policies)" };
        var on = new Option<string>("--on") { Description = "Analyse one date (YYYY-MM-DD)" };
        var from = new Option<string>("--from") { Description = "First date analysed (YYYY-MM-DD, inclusive; default: since always)" };
        var to = new Option<string>("--to") { Description = "Last date analysed (YYYY-MM-DD, inclusive; default: until further notice)" };
        var scenarios = SharedOptions.Paths("--scenarios", "Scenario files or folders: report which rules they exercise and which none does");
        var only = SharedOptions.Paths("--only", "Only these sections: gaps, conflicts, unreachable, preemption, coverage");
        var all = new Option<bool>("--all") { Description = "With --policies: analyse every jurisdiction and rule, not only those of your documents" };
        var command = setup.New(
            "analyze",
            "Analyse the policies: requests no rule decides (gaps), same-layer conflicts, rules that never decide, preemption, and scenario coverage",
            "policymodel analyze --jurisdiction us-il-chicago --on 2025-01-21",
            "policymodel analyze --policies my-city.json --only gaps conflicts   # your city, your rules",
            "policymodel analyze --policies my-city.json --all                    # and all the built-in law",
            "policymodel analyze --scenarios scenarios/ --only coverage");
        command.Options.Add(jurisdiction);
        command.Options.Add(on);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(scenarios);
        command.Options.Add(only);
        command.Options.Add(all);
        setup.SetAction(command, (parse, context) => Run(
            new AnalyzeOptions
            {
                Jurisdiction = parse.GetValue(jurisdiction),
                On = parse.GetValue(on),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Scenarios = parse.GetValue(scenarios) ?? [],
                Only = parse.GetValue(only) ?? [],
                All = parse.GetValue(all),
                Common = context.Options,
            },
            context.Output,
            context.Stderr));
        return command;
    }

    public static int Run(AnalyzeOptions options, Output stdout, TextWriter stderr)
    {
        var set = PolicyLoader.Load(options.Common.Policies, !options.Common.NoBuiltIns, stderr);
        if (set is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (!AnalysisOutput.TryJurisdiction(options.Jurisdiction, set, stderr, out var jurisdiction)
            || !TryRange(options.On, options.From, options.To, stderr, out var range))
        {
            return ExitCodes.InvalidInput;
        }

        var unknown = options.Only.Where(s => !Sections.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"error: --only: {string.Join(", ", unknown.Select(s => $"`{s}`"))} is not a section; expected {string.Join(", ", Sections.Select(s => $"`{s}`"))}");
            return ExitCodes.InvalidInput;
        }

        var only = options.Only.Count == 0 ? [.. Sections] : options.Only.ToHashSet();
        IReadOnlyList<Scenario>? scenarios = null;
        if (options.Scenarios.Count > 0)
        {
            scenarios = LoadScenarios(options.Scenarios, stderr);
            if (scenarios is null)
            {
                return ExitCodes.InvalidInput;
            }
        }
        else if (options.Only.Contains("coverage"))
        {
            stderr.WriteLine("error: --only coverage needs scenario files: give them with --scenarios");
            return ExitCodes.InvalidInput;
        }

        var scope = AnalysisScope.Of(set, options.Common, options.All);
        if (scope is not null)
        {
            range = scope.Range(range, datesGiven: options.On is not null || options.From is not null || options.To is not null);
        }

        var analyzer = new PolicyAnalyzer(set);
        var reports = jurisdiction is { } j ? [analyzer.Analyze(j, range)]
            : scope is not null ? [.. scope.Jurisdictions.AsParallel().AsOrdered().Select(id => analyzer.Analyze(id, range))]
            : analyzer.AnalyzeAll(range);
        if (jurisdiction is null)
        {
            // Every jurisdiction: findings about a rule are reported under the jurisdiction that wrote it.
            reports = [.. reports.Select(r => r with
            {
                Conflicts = [.. r.Conflicts.Where(c => set.FindRule(c.Prohibiting)!.Jurisdiction == r.Jurisdiction)],
                Unreachable = [.. r.Unreachable.Where(u => u.Jurisdiction == r.Jurisdiction)],
                Preemptions = [.. r.Preemptions.Where(p => p.Jurisdiction == r.Jurisdiction)],
            })];
        }

        if (scope is not null)
        {
            reports = [.. reports.Select(scope.Narrow)];
        }

        var coverage = scenarios is null || !only.Contains("coverage") ? null : analyzer.Coverage(scenarios, jurisdiction);
        if (coverage is not null && scope is not null)
        {
            coverage = scope.Narrow(coverage);
        }

        if (options.Common.Json)
        {
            stdout.Writer.WriteLine(Json(range, scope, reports, coverage, only, options.Common.Pretty));
        }
        else
        {
            if (scope is not null)
            {
                stdout.Text.WriteLine(stdout.Dim(scope.Describe()));
                stdout.Text.WriteLine();
            }

            Readable(set, range, reports, coverage, only, stdout);
        }

        return ExitCodes.Success;
    }

    /// <summary>Checks <c>--on</c>, <c>--from</c>, <c>--to</c>: one date, or a range (either bound may be left open), or nothing for all history.</summary>
    internal static bool TryRange(string? on, string? from, string? to, TextWriter stderr, out DateRange range)
    {
        range = DateRange.All;
        if (!AnalysisOutput.TryDate(on, "--on", stderr, out var onDate)
            || !AnalysisOutput.TryDate(from, "--from", stderr, out var fromDate)
            || !AnalysisOutput.TryDate(to, "--to", stderr, out var toDate))
        {
            return false;
        }

        if (onDate is { } date)
        {
            if (fromDate is not null || toDate is not null)
            {
                stderr.WriteLine("error: give either --on <date> or --from/--to, not both");
                return false;
            }

            range = DateRange.On(date);
            return true;
        }

        if (fromDate is { } f && toDate is { } t && t < f)
        {
            stderr.WriteLine($"error: --to {t.ToContractText()} is before --from {f.ToContractText()}");
            return false;
        }

        range = new DateRange(fromDate, toDate);
        return true;
    }

    private static List<Scenario>? LoadScenarios(IReadOnlyList<string> paths, TextWriter stderr)
    {
        var files = PolicyLoader.ExpandFiles(paths, stderr, out var missing);
        if (missing)
        {
            return null;
        }

        var scenarios = new List<Scenario>();
        var invalid = false;
        foreach (var file in files)
        {
            if (ScenarioFile.TryLoad(file, out var loaded, out var problems))
            {
                scenarios.AddRange(loaded);
            }
            else
            {
                foreach (var problem in problems)
                {
                    stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
                }

                invalid = true;
            }
        }

        return invalid ? null : scenarios;
    }

    private static void Readable(PolicySet set, DateRange range, IReadOnlyList<PolicyAnalysisReport> reports, CoverageReport? coverage, HashSet<string> only, Output output)
    {
        var w = output.Text;
        var first = true;
        foreach (var report in reports)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            set.TryGetJurisdiction(report.Jurisdiction, out var jurisdiction);
            w.WriteLine(output.Bold($"{report.Jurisdiction} ({UntrustedText.Escape(jurisdiction!.Name)})") + $": {range}, {report.Periods.Count} period(s); the rules tell {AnalysisOutput.Count(report.CasesPerDate)} case(s) apart on a date");
            if (only.Contains("gaps"))
            {
                w.WriteLine();
                var gaps = report.Gaps;
                if (gaps.Groups.Count == 0)
                {
                    w.WriteLine($"Gaps: {output.Green("none")}: a rule decides every request");
                }
                else
                {
                    w.WriteLine($"Gaps: {AnalysisOutput.Count(gaps.CaseCount)} case(s) in {gaps.Groups.Count} group(s) fall to {output.Yellow("discretionary")} (no rule decides them)");
                    AnalysisOutput.GroupTable(output, [], [([], gaps.Groups)], report.Periods);
                }
            }

            if (only.Contains("conflicts"))
            {
                w.WriteLine();
                if (report.Conflicts.Count == 0)
                {
                    w.WriteLine($"Conflicts: {output.Green("none")}");
                }
                else
                {
                    w.WriteLine($"Conflicts: {output.Red(report.Conflicts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} pair(s) of rules of one layer disagree and neither is an exception to the other (the prohibition prevails)");
                    AnalysisOutput.GroupTable(
                        output,
                        ["prohibiting", "permitting or requiring", "layer"],
                        report.Conflicts.Select(c => ((IReadOnlyList<string>)[c.Prohibiting.Value, c.Other.Value, c.Layer.ToContractName()], c.Groups)),
                        report.Periods);
                }
            }

            if (only.Contains("unreachable"))
            {
                w.WriteLine();
                if (report.Unreachable.Count == 0)
                {
                    w.WriteLine($"Unreachable rules: {output.Green("none")}: every rule in force decides some request");
                }
                else
                {
                    w.WriteLine($"Unreachable rules: {output.Yellow(report.Unreachable.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} rule(s) never decide a request in their period");
                    output.Table(
                        ["rule", "jurisdiction", "effect", "citation", "in force", "why"],
                        report.Unreachable.Select(u => (IReadOnlyList<string>)
                        [
                            u.Rule.Value, u.Jurisdiction.Value, u.Effect.ToContractName(), UntrustedText.Escape(u.Citation), RequestGroup.PeriodsText(u.Periods), UntrustedText.Escape(u.Explain()),
                        ]));
                }
            }

            if (only.Contains("preemption"))
            {
                w.WriteLine();
                if (report.Preemptions.Count == 0)
                {
                    w.WriteLine("Preemption: no rule is preempted");
                }
                else
                {
                    w.WriteLine($"Preemption: {report.Preemptions.Select(p => p.Rule).Distinct().Count()} rule(s) overridden by a controlling layer");
                    AnalysisOutput.GroupTable(
                        output,
                        ["rule", "citation", "preempted by", "outcome"],
                        report.Preemptions.Select(p => ((IReadOnlyList<string>)[p.Rule.Value, UntrustedText.Escape(p.Citation), UntrustedText.Escape(p.PreemptedBy), string.Join(", ", p.Outcomes.Select(output.OutcomeText))], p.Groups)),
                        report.Periods);
                }
            }
        }

        if (only.Overlaps(["gaps", "conflicts", "preemption"]))
        {
            w.WriteLine();
            w.WriteLine(output.Dim(AnalysisOutput.CasesNote));
        }

        if (coverage is not null)
        {
            w.WriteLine();
            var exercised = coverage.Rules.Count(r => r.Exercised);
            w.WriteLine(output.Bold("Coverage") + $": {coverage.ScenarioCount} scenario(s) exercise {exercised} of {coverage.Rules.Count} rules and presumptions ({(100 * coverage.Ratio).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}%)");
            foreach (var problem in coverage.Invalid)
            {
                w.WriteLine($"  {output.Red("invalid")} {UntrustedText.Escape(problem)}");
            }

            if (coverage.Unexercised.Count > 0)
            {
                w.WriteLine("Not exercised by any scenario:");
                output.Table(
                    ["rule", "jurisdiction", "kind", "citation"],
                    coverage.Unexercised.Select(r => (IReadOnlyList<string>)[r.Rule.Value, r.Jurisdiction.Value, r.IsPresumption ? "presumption" : "rule", UntrustedText.Escape(r.Citation ?? "-")]));
            }
        }
    }

    private static string Json(DateRange range, AnalysisScope? scope, IReadOnlyList<PolicyAnalysisReport> reports, CoverageReport? coverage, HashSet<string> only, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, AnalysisOutput.JsonOptions(indented)))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("range");
            Date(writer, "from", range.From);
            Date(writer, "to", range.To);
            writer.WriteEndObject();
            if (scope is null)
            {
                writer.WriteNull("scope");
            }
            else
            {
                writer.WriteStartObject("scope");
                AnalysisOutput.Strings(writer, "documents", scope.Documents);
                AnalysisOutput.Strings(writer, "jurisdictions", scope.Jurisdictions.Select(j => j.Value));
                Date(writer, "from", scope.From);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("jurisdictions");
            foreach (var report in reports)
            {
                writer.WriteStartObject();
                writer.WriteString("jurisdiction", report.Jurisdiction.Value);
                AnalysisOutput.Strings(writer, "periods", report.Periods.Select(p => p.ToString()));
                writer.WriteNumber("requestsPerDate", report.RequestsPerDate);
                writer.WriteNumber("casesPerDate", report.CasesPerDate);
                if (only.Contains("gaps"))
                {
                    writer.WriteStartObject("gaps");
                    writer.WriteNumber("requestCount", report.Gaps.RequestCount);
                    writer.WriteNumber("caseCount", report.Gaps.CaseCount);
                    AnalysisOutput.WriteGroups(writer, report.Gaps.Groups);
                    writer.WriteEndObject();
                }

                if (only.Contains("conflicts"))
                {
                    writer.WriteStartArray("conflicts");
                    foreach (var c in report.Conflicts)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("prohibiting", c.Prohibiting.Value);
                        writer.WriteString("other", c.Other.Value);
                        writer.WriteString("layer", c.Layer.ToContractName());
                        writer.WriteNumber("requestCount", c.RequestCount);
                        writer.WriteNumber("caseCount", c.CaseCount);
                        AnalysisOutput.WriteGroups(writer, c.Groups);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                if (only.Contains("unreachable"))
                {
                    writer.WriteStartArray("unreachable");
                    foreach (var u in report.Unreachable)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("rule", u.Rule.Value);
                        writer.WriteString("jurisdiction", u.Jurisdiction.Value);
                        writer.WriteString("layer", u.Layer.ToContractName());
                        writer.WriteString("effect", u.Effect.ToContractName());
                        writer.WriteString("citation", u.Citation);
                        writer.WriteString("reason", AnalysisOutput.Kebab(u.Reason.ToString()));
                        AnalysisOutput.Strings(writer, "by", u.By);
                        AnalysisOutput.Strings(writer, "periods", u.Periods.Select(p => p.ToString()));
                        writer.WriteString("explanation", u.Explain());
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                if (only.Contains("preemption"))
                {
                    writer.WriteStartArray("preemptions");
                    foreach (var p in report.Preemptions)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("rule", p.Rule.Value);
                        writer.WriteString("jurisdiction", p.Jurisdiction.Value);
                        writer.WriteString("layer", p.Layer.ToContractName());
                        writer.WriteString("citation", p.Citation);
                        writer.WriteString("preemptedBy", p.PreemptedBy);
                        AnalysisOutput.Strings(writer, "outcomes", p.Outcomes.Select(ContractNames<Outcome>.Name));
                        writer.WriteNumber("requestCount", p.RequestCount);
                        writer.WriteNumber("caseCount", p.CaseCount);
                        AnalysisOutput.WriteGroups(writer, p.Groups);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (coverage is not null)
            {
                writer.WriteStartObject("coverage");
                writer.WriteNumber("scenarios", coverage.ScenarioCount);
                writer.WriteNumber("exercised", coverage.Rules.Count(r => r.Exercised));
                writer.WriteNumber("ruleCount", coverage.Rules.Count);
                writer.WriteStartArray("rules");
                foreach (var r in coverage.Rules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule", r.Rule.Value);
                    writer.WriteString("jurisdiction", r.Jurisdiction.Value);
                    writer.WriteString("kind", r.IsPresumption ? "presumption" : "rule");
                    if (r.Citation is { } citation)
                    {
                        writer.WriteString("citation", citation);
                    }

                    AnalysisOutput.Strings(writer, "scenarios", r.Scenarios);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                AnalysisOutput.Strings(writer, "unexercised", coverage.Unexercised.Select(r => r.Rule.Value));
                AnalysisOutput.Strings(writer, "invalid", coverage.Invalid);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return AnalysisOutput.Finish(stream);
    }

    private static void Date(Utf8JsonWriter writer, string name, NodaTime.LocalDate? date)
    {
        if (date is { } d)
        {
            writer.WriteString(name, d.ToContractText());
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

/// <summary>The options of <c>policymodel analyze</c>.</summary>
internal sealed record AnalyzeOptions
{
    public string? Jurisdiction { get; init; }

    public string? On { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Gets whether <c>--all</c> was given: with <c>--policies</c>, every jurisdiction and rule rather than the user's.</summary>
    public bool All { get; init; }

    /// <summary>Gets the options every command takes.</summary>
    public required CommonOptions Common { get; init; }
}
