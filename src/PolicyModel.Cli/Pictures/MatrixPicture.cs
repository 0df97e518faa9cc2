using System.Text;

namespace PolicyModel.Cli.Pictures;

/// <summary>Draws a <see cref="DecisionMatrix"/> as an SVG picture or an HTML page (a table).</summary>
internal static class MatrixPicture
{
    private const double Margin = 16;
    private const double RowHeaderWidth = 206;
    private const double ColumnWidth = 176;
    private const double HeaderHeight = 66;
    private const double RowHeight = 50;
    private const double CellFont = 10.5;
    private const double MinWidth = 900;

    /// <summary>The picture's title: the jurisdiction and date.</summary>
    public static string Title(DecisionMatrix matrix) =>
        $"{matrix.Jurisdiction.Name} ({matrix.Jurisdiction.Id}): who may help immigration enforcement on {matrix.On.ToContractText()}";

    /// <summary>What the columns are, in one sentence.</summary>
    public static string Method(DecisionMatrix matrix) =>
        $"Columns: the held request, then the one-fact changes that change the most outcomes ({Markup.Num(matrix.ChangesTried)} tried; a change alike in every row is named under the one shown). " +
        "Each cell: the outcome and its controlling citation (the decision's first; none when no law decides); hover for every citation and duty (the HTML page gives the explanation too).";

    /// <summary>The matrix as one SVG picture.</summary>
    public static string Svg(DecisionMatrix matrix, string command)
    {
        var columns = matrix.Columns;
        var width = Math.Max(MinWidth, (2 * Margin) + RowHeaderWidth + (columns.Count * ColumnWidth));
        var textChars = Markup.Fits(width - (2 * Margin), 12);
        var svg = new Svg();
        var y = Margin + 18;
        svg.Text(Margin, y, Title(matrix), 18, PictureStyle.Ink, "600");
        y += 8;
        foreach (var line in Markup.Wrap("Held request: " + matrix.HeldFacts + "; each column changes one fact.", textChars, 3))
        {
            y += 16;
            svg.Text(Margin, y, line, 12, PictureStyle.Ink);
        }

        foreach (var line in Markup.Wrap(Method(matrix), textChars, 3))
        {
            y += 16;
            svg.Text(Margin, y, line, 12, PictureStyle.Muted);
        }

        y += 14;
        var top = y;
        var left = Margin + RowHeaderWidth;
        svg.Text(Margin + 4, top + 20, "assistance asked", 12, PictureStyle.Muted, "600");
        svg.Text(Margin + 4, top + 36, "(row) \u2193  change (column) \u2192", 11, PictureStyle.Muted);
        for (var c = 0; c < columns.Count; c++)
        {
            Header(svg, columns[c], left + (c * ColumnWidth), top);
        }

        y = top + HeaderHeight;
        svg.Line(Margin, y, left + (columns.Count * ColumnWidth), y, PictureStyle.Rule);
        for (var r = 0; r < DecisionMatrix.Rows.Count; r++)
        {
            var rowTop = y + (r * RowHeight);
            if (r % 2 == 1)
            {
                svg.Rect(Margin, rowTop, RowHeaderWidth + (columns.Count * ColumnWidth), RowHeight, PictureStyle.Band);
            }

            svg.Text(Margin + 4, rowTop + 29, DecisionMatrix.Rows[r].ToContractName(), 12, PictureStyle.Ink, "600");
            for (var c = 0; c < columns.Count; c++)
            {
                Cell(svg, columns[c], columns[c].Cells[r], left + (c * ColumnWidth), rowTop);
            }
        }

        y += DecisionMatrix.Rows.Count * RowHeight;
        svg.Line(Margin, y, left + (columns.Count * ColumnWidth), y, PictureStyle.Rule);
        y = Legend(svg, matrix, y + 22, width);
        foreach (var line in Markup.Wrap(Footer(matrix, command), textChars, 3))
        {
            y += 16;
            svg.Text(Margin, y, line, 11, PictureStyle.Muted);
        }

        return svg.Document(width, y + Margin, Title(matrix), $"Held request: {matrix.HeldFacts}. {Method(matrix)} {Describe(matrix)}");
    }

    /// <summary>The matrix as a standalone HTML page: a table with the same cells, titles and legend.</summary>
    public static string Html(DecisionMatrix matrix, string command)
    {
        var html = new StringBuilder();
        html.Append("<p>Held request: ").Append(Markup.Text(matrix.HeldFacts)).Append("; each column changes one fact.</p>\n");
        html.Append("<p class=\"muted\">").Append(Markup.Text(Method(matrix))).Append("</p>\n");
        html.Append("<table>\n<thead>\n<tr><th scope=\"col\">assistance asked</th>");
        foreach (var column in matrix.Columns)
        {
            html.Append("<th scope=\"col\"");
            if (column.Alike.Count > 0)
            {
                html.Append(" title=\"").Append(Markup.Lines(AlikeText(column))).Append('"');
            }

            html.Append("><span class=\"field\">").Append(Markup.Text(column.Change.FieldName)).Append("</span><br>").Append(Markup.Text(column.Change.Value));
            if (column.Alike.Count > 0)
            {
                html.Append("<br><span class=\"muted\">").Append(Markup.Text(AlikeShort(column))).Append("</span>");
            }

            html.Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        for (var r = 0; r < DecisionMatrix.Rows.Count; r++)
        {
            html.Append("<tr><th scope=\"row\">").Append(Markup.Text(DecisionMatrix.Rows[r].ToContractName())).Append("</th>");
            foreach (var column in matrix.Columns)
            {
                var cell = column.Cells[r];
                html.Append("<td class=\"").Append(cell.Decision.Outcome.ToContractName()).Append("\" title=\"").Append(Markup.Lines(CellTitle(column, cell, explanation: true))).Append("\">")
                    .Append("<strong>").Append(cell.Decision.Outcome.ToContractName()).Append("</strong><br>")
                    .Append(Markup.Text(cell.CitationText)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<ul class=\"legend\">\n");
        foreach (var outcome in ShownOutcomes(matrix))
        {
            html.Append("<li><span class=\"").Append(outcome.ToContractName()).Append("\">").Append(outcome.ToContractName()).Append("</span> ")
                .Append(Markup.Text(PictureStyle.Meaning(outcome))).Append("</li>\n");
        }

        html.Append("</ul>\n<p class=\"muted\">").Append(Markup.Text(Footer(matrix, command))).Append("</p>\n");
        return HtmlPage.Of(Title(matrix), html.ToString());
    }

    /// <summary>Every cell in words, for the picture's description.</summary>
    private static string Describe(DecisionMatrix matrix)
    {
        var text = new StringBuilder();
        foreach (var column in matrix.Columns)
        {
            text.Append(column.Change.Label).Append(": ");
            text.AppendJoin(", ", DecisionMatrix.Rows.Select((kind, r) => $"{kind.ToContractName()} {column.Cells[r].Decision.Outcome.ToContractName()}"));
            text.Append(". ");
        }

        return text.ToString().TrimEnd();
    }

    private static void Header(Svg svg, MatrixColumn column, double x, double top)
    {
        svg.Group(column.Alike.Count > 0 ? $"{column.Change.Label}\n{AlikeText(column)}" : column.Change.Label);
        svg.Text(x + 8, top + 18, column.Change.FieldName, 11, PictureStyle.Muted, "600");
        var lines = Markup.Wrap(column.Change.Value, Markup.Fits(ColumnWidth - 16, 12), 2);
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Text(x + 8, top + 34 + (i * 14), lines[i], 12, PictureStyle.Ink, "600");
        }

        if (column.Alike.Count > 0)
        {
            svg.Text(x + 8, top + 34 + (lines.Count * 14), Markup.Shorten(AlikeShort(column), Markup.Fits(ColumnWidth - 16, 10)), 10, PictureStyle.Muted);
        }

        svg.End();
    }

    private static void Cell(Svg svg, MatrixColumn column, MatrixCell cell, double x, double top)
    {
        var outcome = cell.Decision.Outcome;
        var swatch = PictureStyle.Of(outcome);
        svg.Group(CellTitle(column, cell, explanation: false));
        svg.Rect(x + 3, top + 3, ColumnWidth - 6, RowHeight - 6, swatch.Fill, swatch.Stroke, 4);
        svg.Text(x + 9, top + 18, outcome.ToContractName(), 12, swatch.Ink, "700");
        var citation = Markup.Wrap(cell.CitationText, Markup.Fits(ColumnWidth - 16, CellFont), 2);
        for (var i = 0; i < citation.Count; i++)
        {
            svg.Text(x + 9, top + 31 + (i * 12), citation[i], CellFont, swatch.Ink);
        }

        svg.End();
    }

    private static double Legend(Svg svg, DecisionMatrix matrix, double y, double width)
    {
        var x = Margin;
        foreach (var outcome in ShownOutcomes(matrix))
        {
            var swatch = PictureStyle.Of(outcome);
            var word = outcome.ToContractName();
            var meaning = PictureStyle.Meaning(outcome);
            var itemWidth = 14 + 6 + Markup.Width(word, 12) + Markup.Width(meaning, 11) + 24;
            if (x + itemWidth > width - Margin && x > Margin)
            {
                x = Margin;
                y += 20;
            }

            svg.Rect(x, y - 11, 14, 14, swatch.Fill, swatch.Stroke, 3);
            svg.Text(x + 20, y, word, 12, swatch.Ink, "700");
            svg.Text(x + 26 + Markup.Width(word, 12), y, meaning, 11, PictureStyle.Muted);
            x += itemWidth;
        }

        return y + 8;
    }

    /// <summary>The outcomes the matrix shows, in vocabulary order (the legend explains only those).</summary>
    private static IEnumerable<Outcome> ShownOutcomes(DecisionMatrix matrix) =>
        ContractNames<Outcome>.All.Where(o => matrix.Columns.Any(c => c.Cells.Any(cell => cell.Decision.Outcome == o)));

    private static string Footer(DecisionMatrix matrix, string command)
    {
        var current = matrix.Jurisdiction.LawCurrentTo is { } date ? $"Law current to {date.ToContractText()}. " : string.Empty;
        return $"{current}Made by: {command}. Each cell is what policymodel decide gives for its request. A model of the law for software, not legal advice.";
    }

    private static string AlikeShort(MatrixColumn column) => column.Alike.Count == 1 ? $"alike: {column.Alike[0].Label}" : $"+ {Markup.Num(column.Alike.Count)} alike changes";

    private static string AlikeText(MatrixColumn column) => "Alike in every row: " + string.Join(", ", column.Alike.Select(a => a.Label));

    private static string CellTitle(MatrixColumn column, MatrixCell cell, bool explanation)
    {
        var text = new StringBuilder();
        text.Append(column.Change.Label).Append('\n');

        text.Append(cell.Request.Assistance.ToContractName()).Append(": ").Append(cell.Decision.Outcome.ToContractName()).Append('\n');
        text.Append(cell.Decision.Citations.Count == 0 ? "no citation" : "citations: " + string.Join("; ", cell.Decision.Citations)).Append('\n');
        if (cell.Decision.Obligations.Count > 0)
        {
            text.Append("obligations: ").AppendJoin(", ", cell.Decision.Obligations.Select(o => o.ToContractName())).Append('\n');
        }

        if (explanation)
        {
            text.Append(cell.Decision.Explanation);
        }

        return text.ToString().TrimEnd('\n');
    }
}
