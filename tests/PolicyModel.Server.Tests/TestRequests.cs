using Microsoft.Playwright;
using PolicyModel.Cli;

namespace PolicyModel.Server.Tests;

/// <summary>Requests the tests share, and the command line run in-process on an array of them.</summary>
internal static class TestRequests
{
    /// <summary>The contract's example: ICE asks Chicago police to arrest on an administrative warrant.</summary>
    public const string ChicagoCivilArrest = """
        { "id": "chi-2025-01-21-0001", "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00",
          "requester": "ice-ero", "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest",
          "authority": "administrative-warrant" }
        """;

    /// <summary>The contract's partial example: HSI asks Chicago police for a criminal immigration arrest, the document not yet seen.</summary>
    public const string HsiArrestDocumentUnseen = """
        { "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-hsi",
          "purpose": "criminal-immigration-enforcement", "assistance": "stop-or-arrest", "unknown": ["authority"] }
        """;

    /// <summary>Runs <c>policymodel &lt;command&gt; file --json [options]</c> in-process on a file holding <paramref name="array"/>; returns standard output.</summary>
    public static async Task<string> RunCliJsonAsync(string command, string array, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"policymodel-server-tests-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, array);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        CliApp.Run([command, file, "--json", .. options], new StringReader(""), stdout, stderr).Should().Be(ExitCodes.Success, stderr.ToString());
        File.Delete(file);
        return stdout.ToString();
    }

    /// <summary>Fills the web page's form as a user would, each control reached by its label.</summary>
    public static async Task FillFormAsync(IPage page, string jurisdiction, string date, string time, string requester, string purpose, string assistance, string? authority)
    {
        var exact = new PageGetByLabelOptions { Exact = true };
        await page.GetByLabel("Jurisdiction").SelectOptionAsync(jurisdiction);
        await page.GetByLabel("Date").FillAsync(date);
        await page.GetByLabel("Local time").FillAsync(time);
        await page.GetByLabel("Requester", exact).SelectOptionAsync(requester);
        await page.GetByLabel("Purpose", exact).SelectOptionAsync(purpose);
        await page.GetByLabel("Assistance", exact).SelectOptionAsync(assistance);
        await page.GetByLabel("Authority", exact).SelectOptionAsync(authority is null ? new SelectOptionValue { Label = "not known" } : new SelectOptionValue { Value = authority });
    }
}
