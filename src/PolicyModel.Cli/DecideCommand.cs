using System.CommandLine;
using System.Text;

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
            "cat request.json | policymodel decide -");
        command.Arguments.Add(requests);
        setup.SetAction(command, (parse, context) => Run(context, parse.GetValue(requests)!));
        return command;
    }

    public static int Run(CommandContext context, string input)
    {
        var json = context.Options.Json;
        var stdin = context.Stdin;
        var output = context.Output;
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

        var decisions = new List<Decision>(requests.Count);
        var currency = new LawCurrencyWarning(set, stderr);
        var invalid = false;
        for (var i = 0; i < requests.Count; i++)
        {
            if (set.TryDecide(requests[i], out var decision, out var problem))
            {
                decisions.Add(decision!);
                currency.Check(decision!);
            }
            else
            {
                var path = wasArray ? $"$[{i}]{problem!.Path[1..]}" : problem!.Path;
                stderr.WriteLine(problem with { Document = name, Path = path });
                invalid = true;
            }
        }

        if (invalid)
        {
            return ExitCodes.InvalidInput;
        }

        var stdout = output.Writer;
        if (json)
        {
            stdout.WriteLine(wasArray ? DecisionJson.Serialize(decisions) : DecisionJson.Serialize(decisions[0]));
        }
        else
        {
            for (var i = 0; i < decisions.Count; i++)
            {
                if (i > 0)
                {
                    stdout.WriteLine();
                }

                stdout.Write(Readable(requests[i], decisions[i], output));
            }
        }

        return ExitCodes.Success;
    }

    internal static string Readable(AssistanceRequest request, Decision decision, Output? output = null)
    {
        var text = new StringBuilder();
        text.AppendLine($"Request      {decision.RequestId ?? "(no id)"}: {request.Requester.ToContractName()} asks {request.Respondent.ToContractName()} in {request.Jurisdiction} for {request.Assistance.ToContractName()}");
        text.AppendLine($"Outcome      {output?.OutcomeText(decision.Outcome) ?? decision.Outcome.ToContractName().ToUpperInvariant()} (judged on {decision.EffectiveDate.ToContractText()}, {string.Join(" > ", decision.JurisdictionChain)})");
        text.AppendLine($"Citations    {(decision.Citations.Count == 0 ? "(none)" : string.Join(Environment.NewLine + "             ", decision.Citations))}");
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
        text.AppendLine($"Explanation  {decision.Explanation}");
        return text.ToString();
    }
}

/// <summary>Reads a request file or standard input (<c>-</c>), reporting problems with the file name.</summary>
internal static class RequestInput
{
    /// <summary>The <c>requests</c> argument of <c>decide</c> and <c>explain</c>.</summary>
    public static Argument<string> Argument() =>
        new("requests") { Description = "A JSON file with one request or an array of them; - reads standard input" };

    public static bool TryRead(string input, TextReader stdin, TextWriter stderr, out IReadOnlyList<AssistanceRequest> requests, out bool wasArray, out string name)
    {
        requests = [];
        wasArray = false;
        name = input == "-" ? "<stdin>" : input;
        byte[] bytes;
        try
        {
            bytes = input == "-" ? Encoding.UTF8.GetBytes(stdin.ReadToEnd()) : File.ReadAllBytes(input);
        }
        catch (DecoderFallbackException)
        {
            stderr.WriteLine(new Problem(ProblemCodes.MalformedJson, name, "$", null, null, "the text is not valid UTF-8"));
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{name}: error: cannot read the request file: {ex.Message}");
            return false;
        }

        try
        {
            requests = RequestJson.ReadAll(bytes, name, out wasArray);
            if (requests.Count == 0)
            {
                stderr.WriteLine($"{name}: error: the file holds no request (an empty array)");
                return false;
            }

            return true;
        }
        catch (InvalidRequestException ex)
        {
            foreach (var problem in ex.Problems)
            {
                stderr.WriteLine(problem);
            }

            return false;
        }
    }
}
