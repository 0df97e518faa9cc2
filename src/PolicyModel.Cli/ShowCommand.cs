using System.CommandLine;
using System.Text.Json;
using NodaTime;
using PolicyModel.Analysis;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel show &lt;jurisdiction&gt; [--on date]</c>: the rules and presumptions that apply in a jurisdiction (its
/// own and its enclosing jurisdictions'), outermost layer first, with period, respondents bound, effect, citation and
/// confidence; with <c>--on</c>, only those in force that day, cited as they are printed that day.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(CommandSetup setup)
    {
        var jurisdiction = new Argument<string>("jurisdiction") { Description = "A jurisdiction id, for example us-il-chicago" };
        var on = new Option<string>("--on") { Description = "Only the rules in force on this local date (YYYY-MM-DD), cited as printed that day" };
        var command = setup.New(
            "show",
            "Show the rules that apply in a jurisdiction, with their periods, citations and confidence",
            "policymodel show us-il-chicago --on 2025-01-21",
            "policymodel show us-tx                 # every rule of its history",
            "policymodel show us-il --on 2021-08-02 --json");
        command.Arguments.Add(jurisdiction);
        command.Options.Add(on);
        setup.SetAction(command, (parse, context) => Run(context, parse.GetValue(jurisdiction)!, parse.GetValue(on)));
        return command;
    }

    public static int Run(CommandContext context, string jurisdictionText, string? onText)
    {
        if (!AnalysisOutput.TryDate(onText, "--on", context.Stderr, out var on))
        {
            return ExitCodes.InvalidInput;
        }

        var set = context.LoadPolicies();
        if (set is null)
        {
            return ExitCodes.InvalidInput;
        }

        var catalogue = PolicyCatalogue.Of(set);
        if (!JurisdictionId.IsValid(jurisdictionText) || !catalogue.Contains(new JurisdictionId(jurisdictionText)))
        {
            context.Stderr.WriteLine($"error: `{UntrustedText.Escape(jurisdictionText)}` is not a jurisdiction of the policies; expected one of {string.Join(", ", set.Jurisdictions.Select(j => $"`{j.Id}`"))}");
            return ExitCodes.InvalidInput;
        }

        var id = new JurisdictionId(jurisdictionText);
        var summary = catalogue.Jurisdictions.Single(j => j.Id == id);
        var rules = catalogue.RulesOf(id, on);
        var presumptions = catalogue.PresumptionsOf(id, on);
        if (context.Options.Json)
        {
            context.Stdout.WriteLine(Json(summary, on, rules, presumptions, context.IndentJson));
            return ExitCodes.Success;
        }

        var output = context.Output;
        var when = on is { } d ? $"rules in force on {d.ToContractText()}" : "every rule of its history";
        var current = summary.LawCurrentTo is { } c ? $"law current to {c.ToContractText()}" : "no law date stated";
        output.Text.WriteLine($"{id} ({UntrustedText.Escape(summary.Name)}): {when}; {current}");
        if (on is { } day && summary.LawCurrentTo is { } known && day > known)
        {
            output.Text.WriteLine(output.Yellow($"note: {day.ToContractText()} is after {known.ToContractText()}: these are the last known rules; later changes, if any, are not reflected"));
        }

        output.Text.WriteLine();
        if (rules.Count == 0)
        {
            output.Text.WriteLine("(no rule)");
        }
        else
        {
            output.Table(
                ["layer", "rule", "period", "binds", "effect", "citation", "confidence"],
                rules.Select(r => (IReadOnlyList<string>)
                [
                    ContractNames<Layer>.Name(r.Layer),
                    r.Id.Value,
                    r.Period.ToString(),
                    Binds(r.Binds),
                    Effect(r),
                    UntrustedText.Escape(Citation(r, on)),
                    ContractNames<Confidence>.Name(r.Confidence),
                ]));
        }

        if (presumptions.Count > 0)
        {
            output.Text.WriteLine();
            output.Table(
                ["layer", "presumption", "period", "binds", "presumes"],
                presumptions.Select(p => (IReadOnlyList<string>)
                [
                    ContractNames<Layer>.Name(p.Layer), p.Id.Value, p.Period.ToString(), Binds(p.Binds), ContractNames<Purpose>.Name(p.Presumed),
                ]));
        }

        output.Text.WriteLine();
        output.Text.WriteLine(output.Dim("binds: P police, S sheriff, J jail, G local-government; periods are local dates, from inclusive, to exclusive"));
        return ExitCodes.Success;
    }

    /// <summary>The citation as printed on <paramref name="on"/>, or every numbering of its history (joined by "; from …").</summary>
    internal static string Citation(Rule rule, LocalDate? on)
    {
        if (on is { } date)
        {
            return rule.Provision.CitationOn(date);
        }

        var sections = rule.Provision.Sections;
        return string.Join("; ", sections.Select((v, i) =>
            (i == 0 ? string.Empty : $"from {v.From!.Value.ToContractText()} ") + rule.Provision.CitationOn(v.From ?? LocalDate.MinIsoValue)));
    }

    private static string Effect(Rule rule)
    {
        var effect = ContractNames<PolicyModel.Effect>.Name(rule.Effect);
        return rule.Obligations.IsEmpty ? effect : $"{effect} + {string.Join(", ", rule.Obligations.Select(ContractNames<Obligation>.Name))}";
    }

    /// <summary>The respondents bound as letters in the vocabulary's order (<c>PSJG</c>).</summary>
    private static string Binds(EnumSet<Respondent> binds) =>
        string.Concat(ContractNames<Respondent>.All.Where(binds.Contains).Select(r => r switch
        {
            Respondent.Police => 'P',
            Respondent.Sheriff => 'S',
            Respondent.Jail => 'J',
            _ => 'G',
        }));

    private static string Json(JurisdictionSummary summary, LocalDate? on, IReadOnlyList<Rule> rules, IReadOnlyList<Presumption> presumptions, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, AnalysisOutput.JsonOptions(indented)))
        {
            writer.WriteStartObject();
            writer.WriteString("jurisdiction", summary.Id.Value);
            OptionalDate(writer, "on", on);
            OptionalDate(writer, "lawCurrentTo", summary.LawCurrentTo);
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id.Value);
                writer.WriteString("jurisdiction", rule.Jurisdiction.Value);
                writer.WriteString("layer", ContractNames<Layer>.Name(rule.Layer));
                Period(writer, rule.Period);
                AnalysisOutput.Strings(writer, "binds", ContractNames<Respondent>.All.Where(rule.Binds.Contains).Select(ContractNames<Respondent>.Name));
                writer.WriteString("effect", ContractNames<PolicyModel.Effect>.Name(rule.Effect));
                AnalysisOutput.Strings(writer, "obligations", rule.Obligations.Select(ContractNames<Obligation>.Name));
                writer.WriteString("citation", Citation(rule, on));
                writer.WriteString("confidence", ContractNames<Confidence>.Name(rule.Confidence));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("presumptions");
            foreach (var presumption in presumptions)
            {
                writer.WriteStartObject();
                writer.WriteString("id", presumption.Id.Value);
                writer.WriteString("jurisdiction", presumption.Jurisdiction.Value);
                writer.WriteString("layer", ContractNames<Layer>.Name(presumption.Layer));
                Period(writer, presumption.Period);
                AnalysisOutput.Strings(writer, "binds", ContractNames<Respondent>.All.Where(presumption.Binds.Contains).Select(ContractNames<Respondent>.Name));
                writer.WriteString("presumes", ContractNames<Purpose>.Name(presumption.Presumed));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Period(Utf8JsonWriter writer, EffectivePeriod period)
    {
        writer.WriteStartObject("period");
        OptionalDate(writer, "from", period.From);
        OptionalDate(writer, "to", period.To);
        writer.WriteEndObject();
    }

    private static void OptionalDate(Utf8JsonWriter writer, string name, LocalDate? date)
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
