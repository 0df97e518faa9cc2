using PolicyModel.Server;

await using var server = DecisionServer.Create(new DecisionServiceOptions
{
    Urls = ["http://127.0.0.1:5080"],
    Policies = ["my-city/"],          // beside the built-in law
    Watch = true,                     // reload on change; a set with problems is never served
    DecisionLogPath = "decisions.jsonl",
});
await server.StartAsync();
await server.WaitForShutdownAsync();
