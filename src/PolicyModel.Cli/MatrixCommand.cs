using System.CommandLine;
using PolicyModel.Cli.Pictures;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel matrix &lt;jurisdiction&gt; [--on date] [--format svg|html] [--output file]</c>: a one-page decision
/// matrix, assistance kinds by the facts that matter most there on that date, each cell the outcome and its controlling
/// citation (see <see cref="DecisionMatrix"/> for how the columns are chosen).
/// </summary>
internal static class MatrixCommand
{
    public static Command Create(CommandSetup setup)
    {
        var picture = new PictureOptions();
        var on = new Option<string>("--on") { Description = "The local date the requests are received (YYYY-MM-DD); default: the date the jurisdiction's law is current to" };
        var command = setup.New(
            "matrix",
            "Draw a decision matrix: each assistance kind against the facts that change the outcome most, with the outcome and controlling citation in each cell",
            "policymodel matrix us-il-chicago --output chicago.svg",
            "policymodel matrix us-tx --on 2025-12-31 --format html --output texas-2025.html",
            "policymodel matrix us-il-village --policies my-village.json --on 2026-01-01 > village.svg");
        picture.AddTo(command);
        command.Options.Add(on);
        setup.SetAction(command, (parse, context) => Run(parse, context, picture, parse.GetValue(on)));
        return command;
    }

    private static int Run(ParseResult parse, CommandContext context, PictureOptions picture, string? onText)
    {
        if (PictureOptions.RefuseJson(context, "matrix") is { } refused)
        {
            return refused;
        }

        if (!AnalysisOutput.TryDate(onText, "--on", context.Stderr, out var given))
        {
            return ExitCodes.InvalidInput;
        }

        var set = context.LoadPolicies();
        if (set is null || PictureOptions.Resolve(context, set, parse.GetValue(picture.Jurisdiction)!) is not { } jurisdiction)
        {
            return ExitCodes.InvalidInput;
        }

        if ((given ?? jurisdiction.LawCurrentTo) is not { } on)
        {
            context.Stderr.WriteLine($"error: the documents of {jurisdiction.Id} state no date their law is current to (lawCurrentTo); give the date with --on");
            return ExitCodes.InvalidInput;
        }

        new LawCurrencyWarning(set, context.Stderr).Check(jurisdiction.Id, on);
        var matrix = DecisionMatrix.Compute(set, jurisdiction, on);
        var command = $"policymodel matrix {jurisdiction.Id} --on {on.ToContractText()}{(context.Options.Policies.Count > 0 ? " with your documents" : string.Empty)}";
        return picture.Write(parse, context, picture.Html(parse) ? MatrixPicture.Html(matrix, command) : MatrixPicture.Svg(matrix, command));
    }
}
