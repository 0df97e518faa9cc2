using System.Text;
using NodaTime;

namespace PolicyModel.Cli.Pictures;

/// <summary>Draws a <see cref="RuleTimeline"/>: a bar per rule from the day it took effect to the day it ended, an arrow where it is still in force.</summary>
internal static class TimelinePicture
{
    private const double Margin = 16;
    private const double Width = 1200;
    private const double LabelWidth = 350;
    private const double Gap = 14;
    private const double GroupHeight = 28;
    private const double RowHeight = 36;
    private const double Arrow = 7;

    /// <summary>The picture's title.</summary>
    public static string Title(RuleTimeline timeline) =>
        $"{timeline.Jurisdiction.Name} ({timeline.Jurisdiction.Id}): when each rule was in force";

    /// <summary>How to read it, in one sentence.</summary>
    public static string Method(RuleTimeline timeline)
    {
        var current = timeline.Jurisdiction.LawCurrentTo is { } date ? date.ToContractText() : null;
        var open = current is null ? "an arrow: no end date" : $"an arrow: still in force when the law was last checked ({current})";
        return "The rules of the jurisdiction and of every jurisdiction enclosing it, by jurisdiction and layer, outermost first. " +
            $"Each bar runs from the day the rule took effect to the day it ended (local dates; the end day is the first day out of force); {open}; " +
            "a dashed bar is a presumption. The colour is that of the outcome the rule's effect leads to, and the effect is written under the bar.";
    }

    /// <summary>The timeline as one SVG picture.</summary>
    public static string Svg(RuleTimeline timeline, string command)
    {
        var svg = new Svg();
        var textChars = Markup.Fits(Width - (2 * Margin), 12);
        var y = Margin + 18;
        svg.Text(Margin, y, Title(timeline), 18, PictureStyle.Ink, "600");
        y += 6;
        foreach (var line in Markup.Wrap(Method(timeline), textChars, 4))
        {
            y += 16;
            svg.Text(Margin, y, line, 12, PictureStyle.Muted);
        }

        var axis = Axis.Of(timeline);
        y += 34;
        var axisY = y;
        var rows = timeline.Groups.Count * GroupHeight + timeline.Groups.Sum(g => g.Bars.Count) * RowHeight;
        foreach (var year in axis.Years())
        {
            var x = axis.X(new LocalDate(year, 1, 1));
            svg.Line(x, axisY - 4, x, axisY + rows, PictureStyle.Rule);
            svg.Text(x, axisY - 8, Markup.Num(year), 11, PictureStyle.Muted, anchor: "middle");
        }

        if (timeline.Jurisdiction.LawCurrentTo is { } current)
        {
            var x = axis.X(current);
            svg.Line(x, axisY - 20, x, axisY + rows, "#9a6700", 1.5, "4 3");
            svg.Text(x, axisY - 24, $"law current to {current.ToContractText()}", 11, "#633c01", "600", "end");
        }

        y = axisY;
        foreach (var group in timeline.Groups)
        {
            svg.Rect(Margin, y, Width - (2 * Margin), GroupHeight - 4, PictureStyle.Band);
            svg.Text(Margin + 6, y + 17, $"{group.Jurisdiction.Name} ({group.Jurisdiction.Id}), {group.Layer.ToContractName()} layer", 13, PictureStyle.Ink, "600");
            y += GroupHeight;
            foreach (var bar in group.Bars)
            {
                Row(svg, axis, timeline, group, bar, y);
                y += RowHeight;
            }
        }

        foreach (var line in Markup.Wrap(Footer(timeline, command), textChars, 3))
        {
            y += 16;
            svg.Text(Margin, y, line, 11, PictureStyle.Muted);
        }

        return svg.Document(Width, y + Margin, Title(timeline), $"{Method(timeline)} {Describe(timeline)}");
    }

    /// <summary>The timeline as a standalone HTML page: the picture, then the same bars as a table.</summary>
    public static string Html(RuleTimeline timeline, string command)
    {
        var html = new StringBuilder();
        var picture = Svg(timeline, command);
        html.Append(picture);
        html.Append("<table>\n<thead>\n<tr><th scope=\"col\">jurisdiction</th><th scope=\"col\">layer</th><th scope=\"col\">rule</th><th scope=\"col\">in force</th><th scope=\"col\">effect</th><th scope=\"col\">citation</th></tr>\n</thead>\n<tbody>\n");
        foreach (var group in timeline.Groups)
        {
            foreach (var bar in group.Bars)
            {
                html.Append("<tr><td>").Append(Markup.Text(group.Jurisdiction.Id.Value)).Append("</td><td>").Append(group.Layer.ToContractName())
                    .Append("</td><td>").Append(Markup.Text(bar.Id)).Append("</td><td>").Append(Markup.Text(Dates(bar.Period, timeline)))
                    .Append("</td><td>").Append(Markup.Text(bar.What)).Append("</td><td>").Append(Markup.Text(bar.Citation)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
        return HtmlPage.Of(Title(timeline), html.ToString());
    }

    private static void Row(Svg svg, Axis axis, RuleTimeline timeline, TimelineGroup group, TimelineBar bar, double top)
    {
        svg.Group($"{bar.Id} ({group.Jurisdiction.Id}, {group.Layer.ToContractName()} layer)\n{bar.Citation}\n{bar.What}\nin force {Dates(bar.Period, timeline)}\n{bar.Details}");
        svg.Text(Margin + 6, top + 14, Markup.Shorten(bar.Id, Markup.Fits(LabelWidth - 12, 12)), 12, PictureStyle.Ink, "600");
        svg.Text(Margin + 6, top + 28, Markup.Shorten(bar.Citation, Markup.Fits(LabelWidth - 12, 10.5)), 10.5, PictureStyle.Muted);
        var start = bar.Period.From is { } from ? axis.X(from) : axis.Left;
        var open = bar.Period.To is null;
        var end = bar.Period.To is { } to ? axis.X(to) : axis.X(axis.Reference);
        var barTop = top + 4;
        const double barHeight = 13;
        svg.Rect(start, barTop, Math.Max(2, end - start), barHeight, bar.IsPresumption ? "#ffffff" : bar.Swatch.Fill, bar.Swatch.Stroke, 2, bar.IsPresumption ? "4 2" : null);
        if (open)
        {
            svg.Polygon(bar.Swatch.Stroke, end, barTop - 2, end + Arrow, barTop + (barHeight / 2), end, barTop + barHeight + 2);
        }

        if (bar.Period.From is null)
        {
            svg.Polygon(bar.Swatch.Stroke, start, barTop - 2, start - Arrow, barTop + (barHeight / 2), start, barTop + barHeight + 2);
        }

        var label = $"{bar.What} \u00b7 {Dates(bar.Period, timeline)}";
        var width = Markup.Width(label, 10.5);
        var right = Width - Margin - 4;
        if (start + width <= right)
        {
            svg.Text(start, top + 30, label, 10.5, bar.Swatch.Ink);
        }
        else
        {
            svg.Text(right, top + 30, label, 10.5, bar.Swatch.Ink, anchor: "end");
        }

        svg.End();
    }

    private static string Dates(EffectivePeriod period, RuleTimeline timeline)
    {
        var from = period.From is { } f ? f.ToContractText() : "always";
        var to = period.To is { } t ? $"to {t.ToContractText()}" : timeline.Jurisdiction.LawCurrentTo is null ? "no end" : "in force";
        return period.From is null && period.To is null ? "always in force" : $"{(period.From is null ? "always" : $"from {from}")} {to}";
    }

    private static string Describe(RuleTimeline timeline) =>
        string.Join(" ", timeline.Groups.Select(g =>
            $"{g.Jurisdiction.Id} {g.Layer.ToContractName()} layer: " + string.Join("; ", g.Bars.Select(b => $"{b.Id} {b.What} {Dates(b.Period, timeline)}")) + "."));

    private static string Footer(RuleTimeline timeline, string command) =>
        $"Made by: {command}. Hover a bar for its citation, respondents bound and confidence. A model of the law for software, not legal advice.";

    /// <summary>The time axis: whole years from the earliest date shown to the year after the latest, ticks at a round step.</summary>
    private sealed class Axis
    {
        private static readonly int[] Steps = [1, 2, 5, 10, 20, 25, 50, 100];
        private readonly LocalDate first;
        private readonly int days;
        private readonly int step;

        private Axis(LocalDate first, LocalDate end, LocalDate reference, int step)
        {
            this.first = first;
            days = Math.Max(1, Period.Between(first, end, PeriodUnits.Days).Days);
            this.step = step;
            Reference = reference;
            End = end;
        }

        /// <summary>Gets the left edge of the bars.</summary>
        public double Left { get; } = Margin + LabelWidth + Gap;

        /// <summary>Gets where an open bar ends: the date the law is current to, else the latest date shown.</summary>
        public LocalDate Reference { get; }

        private LocalDate End { get; }

        private static double Right => Width - Margin - Gap - Arrow;

        public static Axis Of(RuleTimeline timeline)
        {
            var dates = timeline.Dates().ToList();
            var latest = dates.Count == 0 ? new LocalDate(2000, 1, 1) : dates.Max();
            var earliest = dates.Count == 0 ? latest.PlusYears(-10) : dates.Min();
            var span = latest.Year + 1 - earliest.Year;
            var step = Steps.FirstOrDefault(s => span / s <= 10, 100);
            var firstYear = earliest.Year - Modulo(earliest.Year, step);
            return new Axis(new LocalDate(firstYear, 1, 1), new LocalDate(latest.Year + 1, 1, 1), timeline.Jurisdiction.LawCurrentTo ?? latest, step);
        }

        /// <summary>The years ticked.</summary>
        public IEnumerable<int> Years()
        {
            for (var year = first.Year; year <= End.Year; year += step)
            {
                yield return year;
            }
        }

        /// <summary>The x of a date.</summary>
        public double X(LocalDate date) => Left + ((Right - Left) * Period.Between(first, date, PeriodUnits.Days).Days / days);

        private static int Modulo(int value, int divisor) => ((value % divisor) + divisor) % divisor;
    }
}
