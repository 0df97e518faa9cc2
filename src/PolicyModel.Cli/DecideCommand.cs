using System.CommandLine;
using System.Text;
using PolicyModel.Cli.Streaming;

namespace PolicyModel.Cli;

/// <summary><c>policymodel decide &lt;requests.json&gt; [--json] [--policies ...] [--no-builtins]</c>.</summary>
internal static class DecideCommand
{
    public static Command Create(CommandSetup setup)
    {
        var requests = RequestInput.Argument();
        var command = setup.New(
            "decide",
            "Decide assistance requests against the policies",
            "policymodel decide request.json",
            "policymodel decide requests.json --json > decisions.json",
            "policymodel decide request.json --policies my-city/   # your documents beside the built-in ones",
            "policymodel decide requests.jsonl --output-format jsonl > decisions.jsonl   # one per line, as decided",
            "policymodel decide big.jsonl --output-format jsonl --on-error continue",
            "cat request.json | policymodel decide -");
        command.Arguments.Add(requests);
        var stream = new StreamOptions();
        stream.AddTo(command);
        setup.SetAction(command, (parse, context) => stream.Read(parse, context) is { } settings ? Run(context, parse.GetValue(requests)!, settings) : ExitCodes.InvalidInput);
        return command;
    }

    public static int Run(CommandContext context, string input, StreamSettings settings)
    {
        var set = context.LoadPolicies();
        return set is null ? ExitCodes.InvalidInput : new RequestStream(context, settings, new DecisionRenderer(set, context.Output, new LawCurrencyWarning(set, context.Stderr))).Run(input);
    }

    internal static string Readable(AssistanceRequest request, Decision decision, Output? output = null)
    {
        var text = new StringBuilder();
        string Fact(RequestField field, string value) => request.Unknown.Contains(field) ? "(unknown)" : value;
        text.AppendLine($"Request      {(decision.RequestId is { } id ? UntrustedText.Escape(id) : "(no id)")}: {Fact(RequestField.Requester, request.Requester.ToContractName())} asks {Fact(RequestField.Respondent, request.Respondent.ToContractName())} in {request.Jurisdiction} for {Fact(RequestField.Assistance, request.Assistance.ToContractName())}");
        text.AppendLine($"Outcome      {output?.OutcomeText(decision.Outcome) ?? decision.Outcome.ToContractName().ToUpperInvariant()} (judged on {decision.EffectiveDate.ToContractText()}, {string.Join(" > ", decision.JurisdictionChain)})");
        if (decision.AskFirst is { } askFirst)
        {
            text.AppendLine($"Depends on   {string.Join(", ", RequestFieldsOf(decision).Select(f => RequestSchema.Of(f).JsonName))}; ask first about {RequestSchema.Of(askFirst).JsonName}");
            foreach (var entry in decision.DependsOn)
            {
                var when = entry.When.Where(w => w.Value.Count > 0).Select(w => $"{RequestSchema.Of(w.Key).JsonName} {string.Join(" or ", w.Value.Select(v => v.IsSet ? $"[{string.Join(", ", v.Names)}]" : v.ToString()))}");
                text.AppendLine($"  {output?.OutcomeText(entry.Outcome) ?? entry.Outcome.ToContractName().ToUpperInvariant()} if {string.Join(" and ", when)}");
            }
        }

        text.AppendLine($"Citations    {(decision.Citations.Count == 0 ? "(none)" : string.Join(Environment.NewLine + "             ", decision.Citations.Select(UntrustedText.Escape)))}");
        text.AppendLine($"Obligations  {(decision.Obligations.Count == 0 ? "(none)" : string.Join(", ", decision.Obligations.Select(ContractNames<Obligation>.Name)))}");
        if (decision.Preempted.Count > 0)
        {
            text.AppendLine($"Preempted    {string.Join(", ", decision.Preempted)}");
        }

        if (decision.Conflicts.Count > 0)
        {
            text.AppendLine($"Conflicts    {string.Join("; ", decision.Conflicts.Select(c => $"{c.Prohibiting} vs {c.Other}"))}");
        }

        text.AppendLine($"Rules        {(decision.DecidingRules.Count == 0 ? "(none)" : string.Join(", ", decision.DecidingRules))}");
        text.AppendLine($"Explanation  {UntrustedText.Escape(decision.Explanation)}");
        return text.ToString();
    }

    /// <summary>The unknown fields a partial decision lists, in the order of its entries.</summary>
    private static IEnumerable<RequestField> RequestFieldsOf(Decision decision) => decision.DependsOn.Count == 0 ? [] : decision.DependsOn[0].When.Keys;
}

/// <summary>The request input of <c>decide</c> and <c>explain</c>: a file, or standard input (<c>-</c>), read as a stream.</summary>
internal static class RequestInput
{
    /// <summary>The <c>requests</c> argument of <c>decide</c> and <c>explain</c>.</summary>
    public static Argument<string> Argument() =>
        new("requests") { Description = "A JSON file with one request, an array of them or JSON Lines; - reads standard input" };
}
