using System.CommandLine;
using Microsoft.Extensions.Logging;
using PolicyModel.Server;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel serve [--urls http://127.0.0.1:5080] [--policies ...] [--no-builtins] [--watch] [--decision-log file]</c>:
/// the decision service, until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CommandSetup setup)
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = "Where to listen (default http://127.0.0.1:5080; port 0 picks a free port)",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["http://127.0.0.1:5080"],
        };
        var watch = new Option<bool>("--watch") { Description = "Reload the --policies when they change; a set with problems is logged and never served" };
        var decisionLog = new Option<string>("--decision-log") { Description = "Append one JSON line per decision (request, decision, policy digest, engine version, time) to this file" };
        var command = setup.New(
            "serve",
            "Serve decisions over HTTP: POST /v1/decisions, /v1/decisions:batch, /v1/whatif and /v1/explain, GET /healthz, a web page at /",
            "policymodel serve   # the built-in law on http://127.0.0.1:5080",
            "policymodel serve --policies my-city/ --watch --decision-log decisions.jsonl",
            "policymodel serve --urls http://127.0.0.1:0   # any free port; the address is printed");
        command.Options.Add(urls);
        command.Options.Add(watch);
        command.Options.Add(decisionLog);
        setup.SetAction(command, (parse, context) => Run(context, new DecisionServiceOptions
        {
            Urls = parse.GetValue(urls) ?? [],
            Policies = context.Options.Policies,
            BuiltIns = !context.Options.NoBuiltIns,
            Watch = parse.GetValue(watch),
            DecisionLogPath = parse.GetValue(decisionLog),
        }));
        return command;
    }

    public static int Run(CommandContext context, DecisionServiceOptions options)
    {
        if (options.Watch && options.Policies.Count == 0)
        {
            context.Stderr.WriteLine("error: --watch watches the documents given with --policies; give some");
            return ExitCodes.Failure;
        }

        var server = DecisionServer.Create(options, logging => logging.ClearProviders()
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        server.StartAsync().GetAwaiter().GetResult();
        foreach (var address in server.Addresses)
        {
            context.Stdout.WriteLine($"Listening on {address} (policy digest {server.PolicyDigest})");
        }

        context.Stdout.Flush();
        server.WaitForShutdownAsync().GetAwaiter().GetResult();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
