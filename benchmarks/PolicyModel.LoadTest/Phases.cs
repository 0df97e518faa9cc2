using System.Diagnostics;
using System.Net.Http.Headers;
using PolicyModel.Jurisdictions;

namespace PolicyModel.LoadTest;

/// <summary>What a phase measured.</summary>
internal sealed record PhaseResult(long Count, int Calls, TimeSpan Elapsed, double P50, double P99, double Max, int Failures);

/// <summary>The command-line options, with bounded defaults.</summary>
internal sealed record Arguments(string? Url, string? Serve, int Singles, int Connections, int BatchLines, int Batches, int Seconds)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback, int max) => Math.Clamp(Value(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback, 1, max);
        return new Arguments(
            Value("--url"),
            Value("--serve"),
            Number("--singles", 200_000, 5_000_000),
            Number("--connections", 32, 512),
            Number("--batch-lines", 100_000, 1_000_000),
            Number("--batches", 20, 1_000),
            Number("--seconds", 20, 120));
    }
}

/// <summary>Single requests: each connection posts one request after another until the count or the time is used up.</summary>
internal static class Singles
{
    public static async Task<PhaseResult> RunAsync(HttpClient client, IReadOnlyList<string> bodies, int count, int connections, TimeSpan limit)
    {
        var latencies = new double[count];
        var next = -1;
        var failures = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
            {
                using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(bodies[i % bodies.Count]));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/v1/decisions", content).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode || body.Length == 0)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        clock.Stop();
        var done = Math.Min(count, next);
        var sorted = latencies.AsSpan(0, done).ToArray();
        Array.Sort(sorted);
        return new PhaseResult(done, done, clock.Elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], failures);
    }

    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>
/// Batches: one call at a time posts the JSON Lines body and counts the decision lines that stream back. The client
/// writes the body and reads the response at the same time, as a streaming client must (HttpClient's HTTP/1.1 waits
/// for the whole body to be sent before it returns the response, so a large batch would fill both directions'
/// buffers and stall); HTTP/1.0 makes the response end with the connection, so every newline is a decision line.
/// </summary>
internal static class Batches
{
    public static async Task<PhaseResult> RunAsync(Uri server, byte[] body, int lines, int calls, TimeSpan limit)
    {
        var durations = new List<double>();
        var failures = 0;
        long decided = 0;
        var head = System.Text.Encoding.ASCII.GetBytes(
            $"POST /v1/decisions:batch HTTP/1.0\r\nHost: {server.Authority}\r\nContent-Type: application/jsonl\r\nContent-Length: {body.Length}\r\n\r\n");
        var clock = Stopwatch.StartNew();
        for (var c = 0; c < calls && clock.Elapsed < limit; c++)
        {
            var start = Stopwatch.GetTimestamp();
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(server.Host, server.Port).ConfigureAwait(false);
            var stream = tcp.GetStream();
            var sending = Task.Run(async () =>
            {
                await stream.WriteAsync(head).ConfigureAwait(false);
                await stream.WriteAsync(body).ConfigureAwait(false);
            });
            var buffer = new byte[64 * 1024];
            long newlines = 0;
            var headerEnded = false;
            var status = string.Empty;
            int read;
            var pending = new List<byte>();
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                if (!headerEnded)
                {
                    pending.AddRange(span.ToArray());
                    var all = pending.ToArray();
                    var end = all.AsSpan().IndexOf("\r\n\r\n"u8);
                    if (end < 0)
                    {
                        continue;
                    }

                    headerEnded = true;
                    status = System.Text.Encoding.ASCII.GetString(all, 0, all.AsSpan().IndexOf("\r\n"u8));
                    span = all.AsSpan(end + 4);
                }

                newlines += span.Count((byte)'\n');
            }

            await sending.ConfigureAwait(false);
            durations.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            decided += newlines;
            if (!status.Contains(" 200 ", StringComparison.Ordinal) || newlines != lines)
            {
                failures++;
            }
        }

        clock.Stop();
        var sorted = durations.Order().ToArray();
        return new PhaseResult(decided, sorted.Length, clock.Elapsed, Singles.Percentile(sorted, 0.50), Singles.Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], failures);
    }
}

/// <summary>A fixed, seeded mix of valid requests over the built-in jurisdictions, vocabularies and dates.</summary>
internal static class RequestMix
{
    public static IReadOnlyList<string> Bodies(int count)
    {
        var random = new Random(20261206);
        var jurisdictions = BuiltInPolicies.Load().Jurisdictions.Select(j => j.Id.Value).ToArray();
        string Pick(IReadOnlyList<string> values) => values[random.Next(values.Count)];
        return [.. Enumerable.Range(0, count).Select(i => RequestJson.Serialize(RequestJson.Parse($$"""
            { "id": "load-{{i}}", "jurisdiction": "{{jurisdictions[random.Next(jurisdictions.Length)]}}",
              "receivedAt": "{{2015 + random.Next(12)}}-{{1 + random.Next(12):00}}-{{1 + random.Next(28):00}}T{{random.Next(24):00}}:30:00-05:00",
              "respondent": "{{Pick(ContractNames<Respondent>.Names)}}", "requester": "{{Pick(ContractNames<Requester>.Names)}}",
              "purpose": "{{Pick(ContractNames<Purpose>.Names)}}", "assistance": "{{Pick(ContractNames<AssistanceKind>.Names)}}",
              "authority": "{{Pick(ContractNames<Authority>.Names)}}" }
            """)))];
    }
}
