using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary><c>policymodel serve</c> as a user starts it: a separate process on a free loopback port.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_starts_the_service_on_the_built_in_law_and_prints_where_it_listens()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PolicyModel.Cli.dll"), "serve", "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
            line.Should().StartWith("Listening on http://127.0.0.1:").And.Contain(BuiltInPolicies.Load().Digest);
            var address = new Uri(line!["Listening on ".Length..line!.IndexOf(' ', "Listening on ".Length)]);

            using var client = new HttpClient { BaseAddress = address };
            using var health = await client.GetAsync("/healthz");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            json.RootElement.GetProperty("policyDigest").GetString().Should().Be(BuiltInPolicies.Load().Digest);
            json.RootElement.GetProperty("lawCurrentTo").GetString().Should().Be(BuiltInPolicies.Load().LawCurrentTo?.ToString("uuuu-MM-dd", null));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_refuses_policies_with_problems_with_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("policymodel-serve-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "oak.json"), WatchTests.Document("forbid"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = PolicyModel.Cli.CliApp.Run(["serve", "--urls", "http://127.0.0.1:0", "--policies", folder], new StringReader(""), stdout, stderr);

        code.Should().Be(PolicyModel.Cli.ExitCodes.InvalidInput);
        stderr.ToString().Should().Contain("PM1006");
        Directory.Delete(folder, recursive: true);
    }
}
