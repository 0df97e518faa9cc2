using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using PolicyModel.Analysis;

namespace PolicyModel.Cli;

/// <summary>Shared pieces of <c>analyze</c> and <c>diff</c>: option checks, readable group rows and JSON.</summary>
internal static class AnalysisOutput
{
    public static JsonWriterOptions JsonOptions(bool indented) => new() { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses an optional <c>YYYY-MM-DD</c> option value; writes the error and returns false when invalid.</summary>
    public static bool TryDate(string? text, string option, TextWriter stderr, out LocalDate? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            stderr.WriteLine($"error: {option}: `{text}` is not a date; expected YYYY-MM-DD (for example 2021-08-02)");
            return false;
        }

        date = result.Value;
        return true;
    }

    /// <summary>The jurisdiction named by <c>--jurisdiction</c>, checked against the set; writes the error and returns false when unknown.</summary>
    public static bool TryJurisdiction(string? text, PolicySet set, TextWriter stderr, out JurisdictionId? jurisdiction)
    {
        jurisdiction = null;
        if (text is null)
        {
            return true;
        }

        if (JurisdictionId.IsValid(text) && set.TryGetJurisdiction(new JurisdictionId(text), out _))
        {
            jurisdiction = new JurisdictionId(text);
            return true;
        }

        stderr.WriteLine($"error: --jurisdiction: `{text}` is not a jurisdiction of the policies; expected one of {string.Join(", ", set.Jurisdictions.Select(j => $"`{j.Id}`"))}");
        return false;
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The line under a report's title that says what the counts count: cases, not requests sent (docs/analysis.md,
    /// "What the counts mean").
    /// </summary>
    public const string CasesNote = "A case is one combination of the facts the rules tell apart; a group is every request with the facts it lists, whatever the others. Counts are cases, not numbers of requests.";

    /// <summary>Whether a group's periods are exactly the whole of <paramref name="analysed"/> (then the dates column is left out).</summary>
    public static bool CoversAll(RequestGroup group, IReadOnlyList<EffectivePeriod> analysed) =>
        analysed.Count == 0 || (group.Periods.Count == 1 && group.Periods[0].From == analysed[0].From && group.Periods[0].To == analysed[^1].To);

    /// <summary>
    /// Writes a table whose rows are groups: the leading cells name the finding on its first row only, then the
    /// group's size, its dates (when some group does not cover the whole range) and its description.
    /// </summary>
    public static void GroupTable(Output output, IReadOnlyList<string> header, IEnumerable<(IReadOnlyList<string> Lead, IReadOnlyList<RequestGroup> Groups)> findings, IReadOnlyList<EffectivePeriod> analysed)
    {
        var list = findings.ToList();
        var withDates = list.SelectMany(f => f.Groups).Any(g => !CoversAll(g, analysed));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (lead, groups) in list)
        {
            for (var i = 0; i < groups.Count; i++)
            {
                var row = new List<string>(i == 0 ? lead : lead.Select(_ => string.Empty));
                row.Add(Count(groups[i].CaseCount));
                if (withDates)
                {
                    row.Add(RequestGroup.PeriodsText(groups[i].Periods));
                }

                row.Add(groups[i].Describe());
                rows.Add(row);
            }
        }

        var head = new List<string>(header) { "cases" };
        if (withDates)
        {
            head.Add("dates");
        }

        head.Add("which requests");
        output.Table(head, rows);
    }

    public static void WriteGroups(Utf8JsonWriter writer, IReadOnlyList<RequestGroup> groups)
    {
        writer.WriteStartArray("groups");
        foreach (var group in groups)
        {
            WriteGroup(writer, group);
        }

        writer.WriteEndArray();
    }

    /// <summary>A group as JSON: the restricted fields only (a field left out holds every value), its periods and size.</summary>
    public static void WriteGroup(Utf8JsonWriter writer, RequestGroup group)
    {
        writer.WriteStartObject();
        writer.WriteString("description", group.Describe());
        foreach (var field in RequestGroup.DisplayOrder)
        {
            if (group.IsAny(field))
            {
                continue;
            }

            var schema = RequestSchema.Of(field);
            if (schema.IsSet)
            {
                writer.WriteString(schema.JsonName, group.Text(field));
            }
            else
            {
                Strings(writer, schema.JsonName, group.ValuesOf(field).Select(schema.ValueText));
            }
        }

        writer.WriteStartArray("periods");
        foreach (var period in group.Periods)
        {
            writer.WriteStringValue(period.ToString());
        }

        writer.WriteEndArray();
        writer.WriteNumber("requestCount", group.RequestCount);
        writer.WriteNumber("caseCount", group.CaseCount);
        writer.WriteEndObject();
    }

    public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static string Finish(MemoryStream stream) => Encoding.UTF8.GetString(stream.ToArray());

    public static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
