using System.Net;
using Microsoft.Playwright;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary>
/// The web page's "what would change it" and "not known" in a real browser (Debian's Chromium, driven by Playwright;
/// a missing browser fails these tests), checked against the library's what-if and partial decisions.
/// </summary>
public sealed class WebPageWhatIfBrowserTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    private async Task<IPage> OpenAsync(BrowserSession session)
    {
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Running.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }

    private static async Task SubmitAndWaitAsync(IPage page, int answers, Func<Task> submit)
    {
        await submit();
        await page.WaitForSelectorAsync($"body[data-answers=\"{answers}\"]");
    }

    [Fact]
    public async Task The_page_lists_what_would_change_the_decision_and_applying_one_decides_the_changed_request()
    {
        await using var session = await BrowserSession.LaunchAsync();
        var page = await OpenAsync(session);
        await TestRequests.FillFormAsync(page, "us-il-chicago", "2025-01-21", "06:40", "ice-ero", "civil-immigration-enforcement", "stop-or-arrest", "administrative-warrant");
        await SubmitAndWaitAsync(page, 1, () => page.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync());

        var set = BuiltInPolicies.Load();
        var request = RequestJson.Parse("""
            { "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00", "requester": "ice-ero",
              "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest", "authority": "administrative-warrant" }
            """);
        var whatIf = set.WhatIf(request, new WhatIfOptions { VaryReceivedAt = true });
        (await page.Locator("#outcome").TextContentAsync()).Should().Be("denied");
        (await page.Locator("#whatif").IsVisibleAsync()).Should().BeTrue();
        var shown = page.Locator("#alternatives > li");
        (await shown.CountAsync()).Should().Be(whatIf.Alternatives.Count);
        for (var i = 0; i < whatIf.Alternatives.Count; i++)
        {
            var alternative = whatIf.Alternatives[i];
            (await shown.Nth(i).Locator(".alt-outcome").TextContentAsync()).Should().Be(alternative.Outcome.ToContractName());
            (await shown.Nth(i).Locator(".alt-citations li").AllTextContentsAsync()).Should().Equal(alternative.Citations.Count > 0 ? alternative.Citations : ["(no citation)"]);
        }

        // The change in words, and its button, reached from the keyboard.
        var warrant = whatIf.Alternatives.Select((a, i) => (a, i)).Single(x => x.a.Changes.Count == 1 && x.a.Changes[0].Field == RequestField.Authority
            && x.a.Changes[0].ToString() == "judicial-criminal-warrant").i;
        (await shown.Nth(warrant).Locator(".alt-change").TextContentAsync()).Should().Be("authority judicial-criminal-warrant");
        var apply = shown.Nth(warrant).GetByRole(AriaRole.Button, new() { Name = "Apply this change" });
        await SubmitAndWaitAsync(page, 2, async () =>
        {
            await apply.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        });

        var changed = whatIf.Alternatives[warrant].Decision;
        (await page.GetByLabel("Authority", Exact).InputValueAsync()).Should().Be("judicial-criminal-warrant", "applying the change sets the form");
        (await page.Locator("#outcome").TextContentAsync()).Should().Be("granted");
        (await page.Locator("#citations li").AllTextContentsAsync()).Should().Equal(changed.Citations);
        (await page.Locator("#explanation").TextContentAsync()).Should().Be(changed.Explanation);
        (await page.Locator("#alternatives > li").CountAsync()).Should().Be(set.WhatIf(whatIf.Alternatives[warrant].Request, new WhatIfOptions { VaryReceivedAt = true }).Alternatives.Count);
    }

    [Fact]
    public async Task Marking_a_fact_not_known_shows_what_the_decision_depends_on_and_what_to_ask_first()
    {
        await using var session = await BrowserSession.LaunchAsync();
        var page = await OpenAsync(session);
        await TestRequests.FillFormAsync(page, "us-il-chicago", "2025-02-10", "09:00", "ice-hsi", "criminal-immigration-enforcement", "stop-or-arrest", authority: null);
        (await page.Locator("#authority-help").TextContentAsync()).Should().Contain("Not known yet");
        await SubmitAndWaitAsync(page, 1, () => page.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync());

        var expected = BuiltInPolicies.Load().Decide(RequestJson.Parse("""
            { "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-hsi",
              "purpose": "criminal-immigration-enforcement", "assistance": "stop-or-arrest", "unknown": ["authority"] }
            """));
        expected.Outcome.Should().Be(Outcome.Depends);
        (await page.Locator("#outcome").TextContentAsync()).Should().Be("depends");
        (await page.Locator("#ask-first").TextContentAsync()).Should().Be("Ask first about authority.");
        (await page.Locator("#depends-on .depends-outcome").AllTextContentsAsync()).Should().Equal(expected.DependsOn.Select(e => e.Outcome.ToContractName()));
        (await page.Locator("#depends-on li").AllTextContentsAsync()).Should().Contain("granted if authority is judicial-criminal-warrant");
        (await page.Locator("#explanation").TextContentAsync()).Should().Be(expected.Explanation);
        (await page.Locator("#whatif").IsHiddenAsync()).Should().BeTrue("a partial request has no what-if");

        // A set field can be not known too; the link keeps what is not known.
        await page.GetByLabel("circumstances not known").CheckAsync();
        (await page.GetByLabel("crime-in-progress").IsDisabledAsync()).Should().BeTrue();
        await SubmitAndWaitAsync(page, 2, () => page.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync());
        var link = await page.Locator("#permalink").GetAttributeAsync("href");
        link.Should().Contain("unknown=authority%2Ccircumstances");
        var again = await session.Browser.NewPageAsync();
        await again.GotoAsync(new Uri(fixture.Running.BaseAddress, link).ToString());
        await again.WaitForSelectorAsync("body[data-answers=\"1\"]");
        (await again.Locator("#outcome").TextContentAsync()).Should().Be(await page.Locator("#outcome").TextContentAsync());
        (await again.GetByLabel("circumstances not known").IsCheckedAsync()).Should().BeTrue();
        (await again.GetByLabel("Authority", Exact).InputValueAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_page_names_no_request_field_itself_it_asks_the_service()
    {
        using var response = await fixture.Running.Client.GetAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var script = await fixture.Running.Client.GetStringAsync("/app.js");

        foreach (var field in PolicyModel.RequestSchema.Fields)
        {
            html.Should().NotContain($"\"{field.JsonName}\"").And.NotContain($"{field.JsonName}-", $"the form's {field.JsonName} control is built from /v1/fields and /v1/vocabularies");
            script.Should().NotContain($"'{field.JsonName}'").And.NotContain($"\"{field.JsonName}\"");
        }

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'self'");
    }
}
