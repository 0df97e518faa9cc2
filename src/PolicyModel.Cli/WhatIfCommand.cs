using System.CommandLine;
using System.Globalization;
using System.Text;

namespace PolicyModel.Cli;

/// <summary><c>policymodel whatif &lt;requests.json&gt; [--json] [--vary receivedAt] [--max-changes n] [--policies ...]</c>.</summary>
internal static class WhatIfCommand
{
    /// <summary>The facts <c>--vary</c> accepts: those a what-if otherwise keeps (only the date can be varied).</summary>
    private static readonly string[] Varying = [RequestSchema.ReceivedAtProperty];

    public static Command Create(CommandSetup setup)
    {
        var requests = RequestInput.Argument();
        var vary = SharedOptions.Paths("--vary", $"Also vary a fact a what-if otherwise keeps: {RequestSchema.ReceivedAtProperty} (the next date on which the outcome changes)");
        var maxChanges = new Option<int>("--max-changes") { Description = "The most facts one alternative may change (1 to 3)", DefaultValueFactory = _ => 2 };
        var command = setup.New(
            "whatif",
            "Show what would change each decision: every smallest change of the request's facts that leads to another outcome",
            "policymodel whatif request.json",
            "policymodel whatif request.json --vary receivedAt   # also the next date the outcome changes",
            "policymodel whatif requests.json --json > alternatives.json");
        command.Arguments.Add(requests);
        command.Options.Add(vary);
        command.Options.Add(maxChanges);
        setup.SetAction(command, (parse, context) => Run(context, parse.GetValue(requests)!, parse.GetValue(vary) ?? [], parse.GetValue(maxChanges)));
        return command;
    }

    public static int Run(CommandContext context, string input, IReadOnlyList<string> vary, int maxChanges)
    {
        var stderr = context.Stderr;
        if (vary.FirstOrDefault(v => !Varying.Contains(v)) is { } bad)
        {
            stderr.WriteLine($"error: --vary `{bad}` is not supported; only `receivedAt` can be varied (jurisdiction and id are never changed)");
            return ExitCodes.InvalidInput;
        }

        if (maxChanges is < 1 or > 3)
        {
            stderr.WriteLine($"error: --max-changes must be 1, 2 or 3 (got {maxChanges})");
            return ExitCodes.InvalidInput;
        }

        var set = context.LoadPolicies();
        if (set is null || !TryRead(context, input, out var requests, out var wasArray, out var name))
        {
            return ExitCodes.InvalidInput;
        }

        var options = new WhatIfOptions { MaxChangedFields = maxChanges, VaryReceivedAt = vary.Contains(RequestSchema.ReceivedAtProperty) };
        var results = new List<WhatIfResult>(requests.Count);
        var invalid = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                results.Add(set.WhatIf(requests[i], options));
            }
            catch (InvalidRequestException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    stderr.WriteLine(UntrustedText.Escape((problem with { Document = name, Path = wasArray ? $"$[{i}]{problem.Path[1..]}" : problem.Path }).ToString()));
                }

                invalid = true;
            }
        }

        if (invalid)
        {
            return ExitCodes.InvalidInput;
        }

        var output = context.Output;
        if (context.Options.Json)
        {
            output.Writer.WriteLine(wasArray ? WhatIfJson.Serialize(results, context.IndentJson) : WhatIfJson.Serialize(results[0], context.IndentJson));
            return ExitCodes.Success;
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (i > 0)
            {
                output.Text.WriteLine();
            }

            output.Text.Write(Readable(requests[i], results[i], output));
        }

        return ExitCodes.Success;
    }

    /// <summary>Reads the request file (or standard input, <c>-</c>) whole: one request object or an array of them.</summary>
    private static bool TryRead(CommandContext context, string input, out IReadOnlyList<AssistanceRequest> requests, out bool wasArray, out string name)
    {
        requests = [];
        wasArray = false;
        name = input == "-" ? "<stdin>" : input;
        byte[]? bytes;
        if (input == "-")
        {
            bytes = Encoding.UTF8.GetBytes(context.Stdin.ReadToEnd());
        }
        else if (!InputFiles.TryRead(input, 64 << 20, out bytes, out var problem))
        {
            context.Stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
            return false;
        }

        if (!RequestJson.TryReadAll(bytes, name, out var read, out wasArray, out var problems))
        {
            foreach (var problem in problems)
            {
                context.Stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
            }

            return false;
        }

        requests = read;
        if (requests.Count == 0)
        {
            context.Stderr.WriteLine($"{name}: error: the file holds no request (an empty array)");
            return false;
        }

        return true;
    }

    private static string Readable(AssistanceRequest request, WhatIfResult result, Output output)
    {
        var text = new StringBuilder(DecideCommand.Readable(request, result.Decision, output));
        text.AppendLine($"What if      {UntrustedText.Escape(result.Explanation)}");
        if (result.Alternatives.Count == 0)
        {
            return text.ToString();
        }

        var rows = result.Alternatives.Select(a => (IReadOnlyList<string>)
        [
            "  " + output.OutcomeText(a.Outcome),
            a.ReceivedAt is { } at ? $"receivedAt {at.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'sso<Z+HH:mm>", CultureInfo.InvariantCulture)}" : string.Join(" and ", a.Changes.Select(Change)),
            a.Citations.Count > 0 && a.Outcome != Outcome.Discretionary ? UntrustedText.Escape(a.Citations[0]) : "(none)",
        ]).ToList();
        var table = new StringWriter();
        new Output(table, colour: false, output.Width).Table(["  outcome", "change", "controlling citation"], rows);
        text.Append(table);
        return text.ToString();
    }

    private static string Change(FieldValue change) => change.IsSet ? $"{change.FieldName} [{string.Join(", ", change.Names)}]" : $"{change.FieldName} {change}";
}
