using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyModel;
using PolicyModel.Extensions.DependencyInjection;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);

// The built-in laws and your own documents (files or folders), compiled once into a singleton PolicySet.
builder.Services.AddPolicyModel(o => o.AddDocuments(Path.Combine(AppContext.BaseDirectory, "policies")));

using IHost host = builder.Build();
await host.StartAsync(); // validates the options by compiling them: a bad document stops here, every problem listed

// IPolicyDecider logs each decision (without the request's id), traces it and measures it.
IPolicyDecider decider = host.Services.GetRequiredService<IPolicyDecider>();
Decision decision = decider.Decide(AssistanceRequest.In("us-il-oak-park")
    .ReceivedAt("2025-06-10T09:00:00-05:00")
    .From(Requester.IceEro)
    .ForPurpose(Purpose.CivilImmigrationEnforcement)
    .AskingFor(AssistanceKind.ShareReleaseInformation)
    .Build());
Console.WriteLine(decision.Outcome); // Denied

await host.StopAsync();
