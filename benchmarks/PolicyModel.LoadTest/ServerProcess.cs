using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PolicyModel.LoadTest;

/// <summary>
/// The decision service as its own process, as the tool runs it: <c>policymodel serve --urls http://127.0.0.1:0</c>,
/// its address read from the line it prints, stopped (that process only) when disposed.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Gets the CPU time (user and system) the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<ServerProcess> StartAsync(string tool)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
        foreach (var argument in new[] { "serve", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                // Keep reading its output so the server never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return new ServerProcess(process, new Uri(match.Groups[1].Value));
            }
        }

        process.Kill();
        throw new InvalidOperationException($"{tool} serve ended without saying where it listens");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"^Listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

/// <summary>The CPU time a phase took: the server process's when it is its own process, else this whole process's (server and client).</summary>
internal sealed class CpuClock(ServerProcess? server, TimeSpan serverStart, TimeSpan ownStart)
{
    public static CpuClock Start(ServerProcess? server) => new(server, server?.CpuTime ?? TimeSpan.Zero, Process.GetCurrentProcess().TotalProcessorTime);

    public string Report(long decisions)
    {
        var own = Process.GetCurrentProcess().TotalProcessorTime - ownStart;
        if (server is null)
        {
            return $"CPU {own.TotalSeconds:0.00} s for server and client ({Per(own, decisions)})";
        }

        var served = server.CpuTime - serverStart;
        return $"server CPU {served.TotalSeconds:0.00} s ({Per(served, decisions)}), client CPU {own.TotalSeconds:0.00} s";
    }

    private static string Per(TimeSpan cpu, long decisions) => decisions == 0 ? "-" : $"{cpu.TotalMilliseconds * 1000 / decisions:0.0} µs per decision";
}
