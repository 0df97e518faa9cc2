using System.Diagnostics;
using System.Net;
using System.Text;
using PolicyModel;
using PolicyModel.Jurisdictions;
using PolicyModel.LoadTest;
using Microsoft.Extensions.Logging;
using PolicyModel.Server;

// A bounded load generator for the decision service, on loopback only. It starts the real server in this process
// (Kestrel on 127.0.0.1, a free port), or with --serve <policymodel> as its own process the way the tool runs it
// (`policymodel serve --urls http://127.0.0.1:0`, stopped at the end), unless --url names one already running on
// this machine; it waits until the server is ready, then measures single requests (POST /v1/decisions, one request
// each, from several connections) and batches (POST /v1/decisions:batch, JSON Lines). Each phase stops at a fixed
// count or a fixed duration, whichever comes first, and reports the CPU time it took: the server's own when it runs
// as its own process, else this whole process's. Options: --url http://127.0.0.1:5080, --serve path,
// --singles N (default 200000), --connections N (default 32), --batch-lines N (default 100000), --batches N
// (default 20), --seconds N (per phase, default 20).
var arguments = Arguments.Parse(args);
Uri url;
DecisionServer? server = null;
using var served = arguments.Serve is { } tool ? await ServerProcess.StartAsync(tool) : null;
if (served is not null)
{
    url = served.Url;
}
else if (arguments.Url is { } given)
{
    url = new Uri(given);
    if (!IPAddress.TryParse(url.Host, out var address) ? url.Host != "localhost" : !IPAddress.IsLoopback(address))
    {
        Console.Error.WriteLine("error: the load generator only targets a server on this machine (127.0.0.1, ::1 or localhost)");
        return 2;
    }
}
else
{
    server = DecisionServer.Create(
        new DecisionServiceOptions { Urls = ["http://127.0.0.1:0"], MaxConcurrentRequests = 1024, RequestTimeout = TimeSpan.FromMinutes(5), WebPage = false },
        logging => logging.SetMinimumLevel(LogLevel.Warning));
    await server.StartAsync();
    url = server.Addresses[0];
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = arguments.Connections, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
var ready = Stopwatch.StartNew();
while ((await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
{
    if (ready.Elapsed > TimeSpan.FromMinutes(3))
    {
        Console.Error.WriteLine("error: the server did not become ready within 3 minutes");
        return 1;
    }

    await Task.Delay(200);
}

var bodies = RequestMix.Bodies(1_000);
Console.WriteLine($"# PolicyModel decision service load, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");
Console.WriteLine($"server: {(served is not null ? "its own process (policymodel serve) on " + url : server is null ? url.ToString() : "in this process on " + url)}; ready after {ready.Elapsed.TotalSeconds:0.0} s");

// Warm-up: a few thousand requests so connections are open and the JIT has compiled the paths.
await Singles.RunAsync(client, bodies, Math.Min(5_000, arguments.Singles), arguments.Connections, TimeSpan.FromSeconds(10));
var cpu = CpuClock.Start(served);
var single = await Singles.RunAsync(client, bodies, arguments.Singles, arguments.Connections, TimeSpan.FromSeconds(arguments.Seconds));
Console.WriteLine($"single: {single.Count:N0} requests in {single.Elapsed.TotalSeconds:0.00} s over {arguments.Connections} connections = {single.Count / single.Elapsed.TotalSeconds:N0} decisions/s; latency p50 {single.P50:0.00} ms, p99 {single.P99:0.00} ms, max {single.Max:0.00} ms; failures {single.Failures}; {cpu.Report(single.Count)}");

var batchBody = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, arguments.BatchLines).Select(i => bodies[i % bodies.Count])) + "\n");
await Batches.RunAsync(url, batchBody, arguments.BatchLines, 1, TimeSpan.FromSeconds(60));
cpu = CpuClock.Start(served);
var batch = await Batches.RunAsync(url, batchBody, arguments.BatchLines, arguments.Batches, TimeSpan.FromSeconds(arguments.Seconds));
Console.WriteLine($"batch: {batch.Count:N0} decisions in {batch.Calls} calls of {arguments.BatchLines:N0} lines ({batchBody.Length / 1024.0 / 1024.0:0.0} MiB each) in {batch.Elapsed.TotalSeconds:0.00} s = {batch.Count / batch.Elapsed.TotalSeconds:N0} decisions/s; per call p50 {batch.P50:0} ms, p99 {batch.P99:0} ms; failures {batch.Failures}; {cpu.Report(batch.Count)}");

if (server is not null)
{
    await server.DisposeAsync();
}

return single.Failures + batch.Failures == 0 ? 0 : 1;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
