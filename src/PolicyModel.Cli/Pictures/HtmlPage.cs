namespace PolicyModel.Cli.Pictures;

/// <summary>A standalone HTML page (no scripts, no outside resources) around a picture's body.</summary>
internal static class HtmlPage
{
    /// <summary>The page: <paramref name="title"/> is escaped here; <paramref name="body"/> is markup already escaped.</summary>
    public static string Of(string title, string body)
    {
        var outcomes = string.Concat(ContractNames<Outcome>.All.Select(o =>
        {
            var swatch = PictureStyle.Of(o);
            return $".{o.ToContractName()} {{ background: {swatch.Fill}; color: {swatch.Ink}; border: 1px solid {swatch.Stroke}; }}\n";
        }));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + Markup.Text(title) + "</title>\n<style>\n"
            + "body { font-family: " + Svg.Font + "; color: " + PictureStyle.Ink + "; margin: 1.5rem; }\n"
            + "h1 { font-size: 1.3rem; }\n.muted { color: " + PictureStyle.Muted + "; }\n"
            + "table { border-collapse: separate; border-spacing: 3px; font-size: 0.8rem; }\n"
            + "th { text-align: left; vertical-align: bottom; font-weight: 600; padding: 0.3rem; }\n"
            + "td { vertical-align: top; padding: 0.3rem 0.4rem; border-radius: 4px; min-width: 9rem; }\n"
            + ".field { color: " + PictureStyle.Muted + "; font-size: 0.75rem; }\n"
            + ".legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }\n"
            + ".legend span { font-weight: 700; padding: 0 0.3rem; border-radius: 3px; }\n"
            + "svg { max-width: 100%; height: auto; }\n"
            + outcomes
            + "</style>\n</head>\n<body>\n<h1>" + Markup.Text(title) + "</h1>\n"
            + body
            + "</body>\n</html>\n";
    }
}
