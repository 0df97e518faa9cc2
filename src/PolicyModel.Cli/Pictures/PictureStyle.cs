namespace PolicyModel.Cli.Pictures;

/// <summary>A fill, a border and a text colour (the text colour reads on the fill at WCAG AA contrast).</summary>
internal readonly record struct Swatch(string Fill, string Stroke, string Ink);

/// <summary>The colours of outcomes and effects. Colour is never the only sign: every cell and bar also says its word.</summary>
internal static class PictureStyle
{
    public const string Ink = "#1f2328";

    public const string Muted = "#57606a";

    public const string Rule = "#d0d7de";

    public const string Band = "#f6f8fa";

    /// <summary>The swatch of an outcome.</summary>
    public static Swatch Of(Outcome outcome) => outcome switch
    {
        Outcome.Denied => new("#fde2df", "#cf222e", "#82071e"),
        Outcome.Granted => new("#dafbe1", "#1a7f37", "#116329"),
        Outcome.Required => new("#b4f1c4", "#116329", "#044f1e"),
        Outcome.PoliceAction => new("#ddf4ff", "#0969da", "#0a3069"),
        Outcome.Discretionary => new("#eaeef2", "#6e7781", "#24292f"),
        Outcome.Refer => new("#fff8c5", "#9a6700", "#633c01"),
        _ => new("#fbefff", "#8250df", "#512a97"),
    };

    /// <summary>The swatch of a rule's effect: the colour of the outcome it leads to.</summary>
    public static Swatch Of(Effect effect) => effect switch
    {
        Effect.Prohibit => Of(Outcome.Denied),
        Effect.Require => Of(Outcome.Required),
        Effect.Permit => Of(Outcome.Granted),
        Effect.Refer => Of(Outcome.Refer),
        Effect.PoliceAction => Of(Outcome.PoliceAction),
        _ => Of(Outcome.Discretionary),
    };

    /// <summary>What an outcome means, in the legend's few words.</summary>
    public static string Meaning(Outcome outcome) => outcome switch
    {
        Outcome.Denied => "a rule forbids it",
        Outcome.Granted => "a rule permits it",
        Outcome.Required => "a rule requires it",
        Outcome.PoliceAction => "the police act as for anyone",
        Outcome.Discretionary => "no law decides; agency policy does",
        Outcome.Refer => "refer up: ask counsel first",
        _ => "depends on facts not known",
    };
}
