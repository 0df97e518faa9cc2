using System.Text;

namespace PolicyModel.Cli.Pictures;

/// <summary>
/// A small SVG writer: elements appended as text in a fixed order, numbers invariant, every text escaped, lines ended
/// with <c>\n</c> whatever the platform, so the same picture comes out byte for byte everywhere.
/// </summary>
internal sealed class Svg
{
    /// <summary>The font stack of every picture (sans-serif; widths are estimated generously, see <see cref="Markup"/>).</summary>
    public const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    private readonly StringBuilder body = new();
    private int depth = 1;

    /// <summary>Writes a text element; <paramref name="text"/> is escaped here.</summary>
    public Svg Text(double x, double y, string text, double size, string fill = "#1f2328", string? weight = null, string anchor = "start", string? title = null)
    {
        Indent().Append("<text x=\"").Append(Markup.Num(x)).Append("\" y=\"").Append(Markup.Num(y))
            .Append("\" font-size=\"").Append(Markup.Num(size)).Append("\" fill=\"").Append(fill).Append('"');
        if (weight is not null)
        {
            body.Append(" font-weight=\"").Append(weight).Append('"');
        }

        if (anchor != "start")
        {
            body.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        body.Append('>');
        if (title is not null)
        {
            body.Append("<title>").Append(Markup.Lines(title)).Append("</title>");
        }

        body.Append(Markup.Text(text)).Append("</text>\n");
        return this;
    }

    /// <summary>Writes a rectangle.</summary>
    public Svg Rect(double x, double y, double width, double height, string fill, string? stroke = null, double radius = 0, string? dash = null)
    {
        Indent().Append("<rect x=\"").Append(Markup.Num(x)).Append("\" y=\"").Append(Markup.Num(y))
            .Append("\" width=\"").Append(Markup.Num(Math.Max(0, width))).Append("\" height=\"").Append(Markup.Num(height)).Append('"');
        if (radius > 0)
        {
            body.Append(" rx=\"").Append(Markup.Num(radius)).Append('"');
        }

        body.Append(" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
        {
            body.Append(" stroke=\"").Append(stroke).Append('"');
        }

        if (dash is not null)
        {
            body.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        body.Append("/>\n");
        return this;
    }

    /// <summary>Writes a line.</summary>
    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        Indent().Append("<line x1=\"").Append(Markup.Num(x1)).Append("\" y1=\"").Append(Markup.Num(y1))
            .Append("\" x2=\"").Append(Markup.Num(x2)).Append("\" y2=\"").Append(Markup.Num(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Markup.Num(width)).Append('"');
        if (dash is not null)
        {
            body.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        body.Append("/>\n");
        return this;
    }

    /// <summary>Writes a closed polygon through the points (x, y, x, y, ...).</summary>
    public Svg Polygon(string fill, params double[] points)
    {
        Indent().Append("<polygon points=\"");
        for (var i = 0; i + 1 < points.Length; i += 2)
        {
            body.Append(i == 0 ? string.Empty : " ").Append(Markup.Num(points[i])).Append(',').Append(Markup.Num(points[i + 1]));
        }

        body.Append("\" fill=\"").Append(fill).Append("\"/>\n");
        return this;
    }

    /// <summary>Opens a group whose title (a tooltip, and the accessible name of what it holds) is <paramref name="title"/>; close it with <see cref="End"/>.</summary>
    public Svg Group(string? title = null)
    {
        Indent().Append("<g>");
        if (title is not null)
        {
            body.Append("<title>").Append(Markup.Lines(title)).Append("</title>");
        }

        body.Append('\n');
        depth++;
        return this;
    }

    /// <summary>Closes the innermost group.</summary>
    public Svg End()
    {
        depth--;
        Indent().Append("</g>\n");
        return this;
    }

    /// <summary>The whole document: a white page of the size given, its title and description first (the picture's accessible name and text).</summary>
    public string Document(double width, double height, string title, string description)
    {
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Markup.Num(width)).Append("\" height=\"").Append(Markup.Num(height))
            .Append("\" viewBox=\"0 0 ").Append(Markup.Num(width)).Append(' ').Append(Markup.Num(height))
            .Append("\" role=\"img\" aria-labelledby=\"picture-title picture-desc\" font-family=\"").Append(Font).Append("\">\n");
        svg.Append("  <title id=\"picture-title\">").Append(Markup.Text(title)).Append("</title>\n");
        svg.Append("  <desc id=\"picture-desc\">").Append(Markup.Text(description)).Append("</desc>\n");
        svg.Append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append(body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private StringBuilder Indent() => body.Append(' ', depth * 2);
}
