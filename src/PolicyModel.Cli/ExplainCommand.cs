using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace PolicyModel.Cli;

/// <summary><c>policymodel explain &lt;requests&gt;</c>: the full reasoning of each decision.</summary>
internal static class ExplainCommand
{
    public static Command Create(CommandSetup setup)
    {
        var requests = RequestInput.Argument();
        var command = setup.New(
            "explain",
            "Show the full reasoning: local date, each layer, each rule in force and why it matched or not, exceptions and preemption",
            "policymodel explain request.json",
            "policymodel explain request.json --json",
            "policymodel explain request.json --policies my-city/ --no-builtins");
        command.Arguments.Add(requests);
        setup.SetAction(command, (parse, context) => Run(context, parse.GetValue(requests)!));
        return command;
    }

    public static int Run(CommandContext context, string input)
    {
        var json = context.Options.Json;
        var stdin = context.Stdin;
        var stdout = context.Output;
        var stderr = context.Stderr;
        var set = context.LoadPolicies();
        if (set is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (!RequestInput.TryRead(input, stdin, stderr, out var requests, out var wasArray, out var name))
        {
            return ExitCodes.InvalidInput;
        }

        var traces = new List<DecisionTrace>();
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                traces.Add(set.Explain(requests[i]));
            }
            catch (InvalidRequestException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    stderr.WriteLine(problem with { Document = name, Path = wasArray ? $"$[{i}]{problem.Path[1..]}" : problem.Path });
                }

                return ExitCodes.InvalidInput;
            }
        }

        if (json)
        {
            stdout.Writer.WriteLine(Json(traces, wasArray));
            return ExitCodes.Success;
        }

        for (var i = 0; i < traces.Count; i++)
        {
            if (i > 0)
            {
                stdout.Writer.WriteLine();
            }

            Readable(requests[i], traces[i], stdout);
        }

        return ExitCodes.Success;
    }

    private static void Readable(AssistanceRequest request, DecisionTrace trace, Output output)
    {
        var w = output.Writer;
        w.WriteLine(output.Bold($"Request {trace.Decision.RequestId ?? "(no id)"}: {request.Requester.ToContractName()} asks {request.Respondent.ToContractName()} in {request.Jurisdiction} for {request.Assistance.ToContractName()} ({request.Purpose.ToContractName()}, authority {request.Authority.ToContractName()})"));
        foreach (var note in trace.Notes)
        {
            w.WriteLine($"  {note}");
        }

        foreach (var group in trace.Rules.GroupBy(r => (r.Jurisdiction, r.Layer)))
        {
            w.WriteLine();
            w.WriteLine(output.Bold($"Layer {group.Key.Layer.ToContractName()} ({group.Key.Jurisdiction})"));
            output.Table(
                ["rule", "effect", "status", "why", "citation"],
                group.Select(r => (IReadOnlyList<string>)
                [
                    r.Rule.Value,
                    r.Effect.ToContractName(),
                    Status(r.Status, output),
                    r.Detail ?? string.Empty,
                    r.Citation,
                ]));
        }

        w.WriteLine();
        w.Write(DecideCommand.Readable(request, trace.Decision, output));
    }

    private static string Status(RuleStatus status, Output output) => status switch
    {
        RuleStatus.Counts => output.Green("counts"),
        RuleStatus.Excepted => output.Yellow("excepted"),
        RuleStatus.Preempted => output.Yellow("preempted"),
        RuleStatus.NotMatched => "not matched",
        RuleStatus.NotInForce => output.Dim("not in force"),
        _ => output.Dim("not binding"),
    };

    private static string Json(List<DecisionTrace> traces, bool wasArray)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (wasArray)
            {
                writer.WriteStartArray();
            }

            foreach (var trace in traces)
            {
                DecisionTraceJson.Write(writer, trace);
            }

            if (wasArray)
            {
                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
