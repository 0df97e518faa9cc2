using System.CommandLine;
using PolicyModel.Cli.Streaming;
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
        var stream = new StreamOptions();
        stream.AddTo(command);
        setup.SetAction(command, (parse, context) => stream.Read(parse, context) is { } settings ? Run(context, parse.GetValue(requests)!, settings) : ExitCodes.InvalidInput);
        return command;
    }

    public static int Run(CommandContext context, string input, StreamSettings settings)
    {
        var set = context.LoadPolicies();
        return set is null ? ExitCodes.InvalidInput : new RequestStream(context, settings, new TraceRenderer(set, context.Output)).Run(input);
    }

    internal static void Readable(AssistanceRequest request, DecisionTrace trace, Output output)
    {
        var w = output.Text;
        w.WriteLine(output.Bold($"Request {(trace.Decision.RequestId is { } id ? UntrustedText.Escape(id) : "(no id)")}: {request.Requester.ToContractName()} asks {request.Respondent.ToContractName()} in {request.Jurisdiction} for {request.Assistance.ToContractName()} ({request.Purpose.ToContractName()}, authority {request.Authority.ToContractName()})"));
        foreach (var note in trace.Notes)
        {
            w.WriteLine($"  {UntrustedText.Escape(note)}");
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
                    UntrustedText.Escape(r.Detail),
                    UntrustedText.Escape(r.Citation),
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
}
