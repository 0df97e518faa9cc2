using System.CommandLine;
using PolicyModel.Cli.Pictures;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel timeline &lt;jurisdiction&gt; [--format svg|html] [--output file]</c>: when each rule that applies
/// there (its own and its enclosing jurisdictions') took effect and ended, as bars on a time axis.
/// </summary>
internal static class TimelineCommand
{
    public static Command Create(CommandSetup setup)
    {
        var picture = new PictureOptions();
        var command = setup.New(
            "timeline",
            "Draw a timeline of when each rule that applies in a jurisdiction took effect and ended",
            "policymodel timeline us-il-chicago --output chicago-timeline.svg",
            "policymodel timeline us-tx --format html --output texas.html   # the bars as a table too");
        picture.AddTo(command);
        setup.SetAction(command, (parse, context) => Run(parse, context, picture));
        return command;
    }

    private static int Run(ParseResult parse, CommandContext context, PictureOptions picture)
    {
        if (PictureOptions.RefuseJson(context, "timeline") is { } refused)
        {
            return refused;
        }

        var set = context.LoadPolicies();
        if (set is null || PictureOptions.Resolve(context, set, parse.GetValue(picture.Jurisdiction)!) is not { } jurisdiction)
        {
            return ExitCodes.InvalidInput;
        }

        var timeline = RuleTimeline.Of(set, jurisdiction);
        var command = $"policymodel timeline {jurisdiction.Id}{(context.Options.Policies.Count > 0 ? " with your documents" : string.Empty)}";
        return picture.Write(parse, context, picture.Html(parse) ? TimelinePicture.Html(timeline, command) : TimelinePicture.Svg(timeline, command));
    }
}
