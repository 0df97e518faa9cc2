using System.CommandLine;
using System.Text.Json;
using PolicyModel.Analysis;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel jurisdictions</c>: every jurisdiction of the policies (the built-ins, and the user's with
/// <c>--policies</c>) with its name, parent, time zone, preemption stance, rule count and the date its law is current to.
/// </summary>
internal static class JurisdictionsCommand
{
    public static Command Create(CommandSetup setup)
    {
        var command = setup.New(
            "jurisdictions",
            "List every jurisdiction: name, parent, time zone, preemption stance, number of rules, and the date its law is current to",
            "policymodel jurisdictions",
            "policymodel jurisdictions --json",
            "policymodel jurisdictions --policies my-city.json   # the built-ins and your own");
        setup.SetAction(command, (_, context) => Run(context));
        return command;
    }

    public static int Run(CommandContext context)
    {
        var set = context.LoadPolicies();
        if (set is null)
        {
            return ExitCodes.InvalidInput;
        }

        var summaries = PolicyCatalogue.Of(set).Jurisdictions;
        if (context.Options.Json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, AnalysisOutput.JsonOptions(context.IndentJson)))
            {
                writer.WriteStartArray();
                foreach (var j in summaries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", j.Id.Value);
                    writer.WriteString("name", j.Name);
                    if (j.Parent is { } parent)
                    {
                        writer.WriteString("parent", parent.Value);
                    }
                    else
                    {
                        writer.WriteNull("parent");
                    }

                    writer.WriteString("timeZone", j.TimeZone);
                    writer.WriteString("level", ContractNames<Layer>.Name(j.Level));
                    writer.WriteString("stance", StanceName(j.Stance));
                    writer.WriteNumber("rules", j.Rules);
                    writer.WriteNumber("presumptions", j.Presumptions);
                    if (j.LawCurrentTo is { } date)
                    {
                        writer.WriteString("lawCurrentTo", date.ToContractText());
                    }
                    else
                    {
                        writer.WriteNull("lawCurrentTo");
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            context.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return ExitCodes.Success;
        }

        context.Output.Table(
            ["id", "name", "parent", "time zone", "stance", "rules", "law current to"],
            summaries.Select(j => (IReadOnlyList<string>)
            [
                j.Id.Value,
                UntrustedText.Escape(j.Name),
                j.Parent?.Value ?? "-",
                j.TimeZone,
                StanceName(j.Stance),
                j.Presumptions > 0 ? $"{j.Rules} (+{j.Presumptions} presumption{(j.Presumptions == 1 ? string.Empty : "s")})" : j.Rules.ToString(System.Globalization.CultureInfo.InvariantCulture),
                j.LawCurrentTo is { } date ? date.ToContractText() : "not stated",
            ]));
        return ExitCodes.Success;
    }

    /// <summary>The stance as the docs name it: <c>floor</c>, <c>mandate</c>, <c>mixed</c> or <c>none</c>.</summary>
    public static string StanceName(PreemptionStance stance) => stance switch
    {
        PreemptionStance.Floor => "floor",
        PreemptionStance.Mandate => "mandate",
        PreemptionStance.Mixed => "mixed",
        _ => "none",
    };
}
