namespace PolicyModel.Cli.Tests;

/// <summary><c>decide</c> after the date the built-in law is known to: still decided, with one warning line on standard error.</summary>
public sealed class LawCurrencyWarningTests
{
    private static string Arrest(string id, string receivedAt) => $$"""
        {"id":"{{id}}","jurisdiction":"us-il-chicago","receivedAt":"{{receivedAt}}","requester":"ice-ero",
         "purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"administrative-warrant"}
        """;

    [Fact]
    public void Request_judged_after_the_law_date_is_decided_and_warned_of_once_per_jurisdiction()
    {
        var file = CliRunner.TempFile($"[{Arrest("a", "2027-02-01T10:00:00-06:00")},{Arrest("b", "2027-03-01T10:00:00-06:00")}]");

        var result = CliRunner.Run(null, "decide", file);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Out.Should().Contain("DENIED").And.Contain("known only to 2026-12-06");
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("warning: the law of us-il-chicago is known only to 2026-12-06");
    }

    [Fact]
    public void Request_judged_on_the_law_date_itself_gets_no_warning()
    {
        var file = CliRunner.TempFile(Arrest("a", "2026-12-06T23:59:00-06:00"));

        var result = CliRunner.Run(null, "decide", file);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Error.Should().BeEmpty();
        result.Out.Should().NotContain("known only");
    }
}
