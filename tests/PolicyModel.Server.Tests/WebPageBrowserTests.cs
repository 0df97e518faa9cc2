using Microsoft.Playwright;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Server.Tests;

/// <summary>
/// The web page in a real browser: Debian's Chromium at <c>/usr/bin/chromium</c>, driven by Playwright. A missing
/// browser fails these tests (<c>.ci/run</c> installs it); Playwright never downloads one.
/// </summary>
public sealed class WebPageBrowserTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Choosing_facts_and_submitting_shows_the_outcome_and_citations_the_library_gives()
    {
        await using var session = await BrowserSession.LaunchAsync();
        var browser = session.Browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.Running.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        // Every control is reached by its label, as a screen reader user would.
        await TestRequests.FillFormAsync(page, "us-il-chicago", "2025-01-21", "06:40", "ice-ero", "civil-immigration-enforcement", "stop-or-arrest", "administrative-warrant");
        await page.GetByLabel("felony-conviction").CheckAsync();
        (await page.Locator("#authority-help").TextContentAsync()).Should().Contain("signed by an immigration officer", "the chosen value's meaning is shown as help");

        // Submit with the keyboard.
        await page.Locator("#decide").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#result:not([hidden])");

        var expected = BuiltInPolicies.Load().Decide(RequestJson.Parse("""
            { "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00", "requester": "ice-ero",
              "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest", "authority": "administrative-warrant",
              "subjectFacts": ["felony-conviction"] }
            """));
        (await page.Locator("#outcome").TextContentAsync()).Should().Be(expected.Outcome.ToContractName());
        (await page.Locator("#citations li").AllTextContentsAsync()).Should().Equal(expected.Citations);
        (await page.Locator("#explanation").TextContentAsync()).Should().Be(expected.Explanation);
        (await page.Locator("#digest").TextContentAsync()).Should().Be(fixture.Running.Server.PolicyDigest);

        // The link reproduces the request: opened afresh, the page decides the same request again.
        var link = await page.Locator("#permalink").GetAttributeAsync("href");
        link.Should().Contain("assistance=stop-or-arrest").And.Contain("subjectFacts=felony-conviction");
        var again = await browser.NewPageAsync();
        await again.GotoAsync(new Uri(fixture.Running.BaseAddress, link).ToString());
        await again.WaitForSelectorAsync("#result:not([hidden])");
        (await again.Locator("#outcome").TextContentAsync()).Should().Be(expected.Outcome.ToContractName());
        (await again.Locator("#citations li").AllTextContentsAsync()).Should().Equal(expected.Citations);
        (await again.GetByLabel("felony-conviction").IsCheckedAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Page_is_readable_on_a_phone_without_sideways_scrolling()
    {
        await using var session = await BrowserSession.LaunchAsync();
        var browser = session.Browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(fixture.Running.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0);
        var unlabelled = await page.EvaluateAsync<int>("[...document.querySelectorAll('select, input')].filter(c => !c.labels || c.labels.length === 0).length");
        unlabelled.Should().Be(0, "every control has a label");

        // With a decision and its alternatives shown, still no sideways scrolling.
        await TestRequests.FillFormAsync(page, "us-il-chicago", "2025-01-21", "06:40", "ice-ero", "civil-immigration-enforcement", "stop-or-arrest", "administrative-warrant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync();
        await page.WaitForSelectorAsync("body[data-answers=\"1\"]");
        (await page.Locator("#alternatives > li").CountAsync()).Should().BeGreaterThan(0);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
    }
}

/// <summary>Playwright and the browser it launched, closed together.</summary>
internal sealed class BrowserSession(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    public IBrowser Browser { get; } = browser;

    public static async Task<BrowserSession> LaunchAsync()
    {
        File.Exists(Chromium).Should().BeTrue($"the browser tests need Debian's Chromium at {Chromium} (apt-get install -y chromium; .ci/run installs it)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserSession(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
