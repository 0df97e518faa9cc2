using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md section 3: the local date in the jurisdiction's zone, closed-open periods, no clock.</summary>
public sealed class TimeTests
{
    // A miniature of the Way Forward Act example: until 2021-08-02 (local) a release-information request is only
    // background (`none`, discretionary); from 2021-08-02 it is prohibited.
    private static readonly PolicySet WayForward = Compile(
        Us(),
        State(
            Rule("st-saving-clause", "none", when: [When("assistance", "share-release-information")], to: "2021-08-02"),
            Rule("st-ban", "prohibit", when: [When("assistance", "share-release-information")], from: "2021-08-02")));

    private static AssistanceRequest ReleaseDate(string jurisdiction, string receivedAt) =>
        Request(jurisdiction, receivedAt).AddressedTo(Respondent.Jail).AskingFor(AssistanceKind.ShareReleaseInformation).Build();

    [Fact]
    public void Section_4_2_request_at_0300Z_is_decided_by_the_rules_of_the_previous_local_day_in_Chicago()
    {
        var decision = WayForward.Decide(ReleaseDate("st", "2021-08-02T03:00:00Z"));

        decision.Date().Should().Be("2021-08-01", "03:00Z is 22:00 on 2021-08-01 in America/Chicago (UTC-5 in summer)");
        decision.Outcome.Should().Be(Outcome.Discretionary);
        decision.Rules().Should().Equal("st-saving-clause");
    }

    [Fact]
    public void Section_4_2_request_at_0500Z_is_local_midnight_and_decided_by_the_new_rules()
    {
        var decision = WayForward.Decide(ReleaseDate("st", "2021-08-02T05:00:00Z"));

        decision.Date().Should().Be("2021-08-02");
        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("st-ban");
    }

    [Fact]
    public void Section_4_2_the_offset_written_in_receivedAt_does_not_matter_only_the_instant()
    {
        var utc = WayForward.Decide(ReleaseDate("st", "2021-08-02T03:00:00Z"));
        var tokyo = WayForward.Decide(ReleaseDate("st", "2021-08-02T12:00:00+09:00"));
        var chicago = WayForward.Decide(ReleaseDate("st", "2021-08-01T22:00:00-05:00"));

        DecisionJson.Serialize(tokyo).Should().Be(DecisionJson.Serialize(utc));
        DecisionJson.Serialize(chicago).Should().Be(DecisionJson.Serialize(utc));
    }

    [Fact]
    public void Section_4_2_federal_rules_are_tested_against_the_local_date_of_the_requests_jurisdiction()
    {
        var set = Compile(
            Us(Rule("us-new", "permit", from: "2021-08-02")),
            State());

        // 03:00Z is already 2021-08-02 in UTC (the federal jurisdiction `us` alone) but still 2021-08-01 in Chicago.
        set.Decide(Request("us", "2021-08-02T03:00:00Z").Build()).Outcome.Should().Be(Outcome.Granted);
        var state = set.Decide(Request("st", "2021-08-02T03:00:00Z").Build());
        state.Date().Should().Be("2021-08-01");
        state.Outcome.Should().Be(Outcome.Discretionary);
    }

    [Theory]
    [InlineData("2021-01-27T05:59:00Z", "2021-01-26")] // winter: UTC-6
    [InlineData("2021-01-27T06:00:00Z", "2021-01-27")]
    [InlineData("2021-07-01T04:59:00Z", "2021-06-30")] // summer: UTC-5
    [InlineData("2021-07-01T05:00:00Z", "2021-07-01")]
    public void Section_4_2_local_date_follows_daylight_saving_time_in_America_Chicago(string receivedAt, string localDate) =>
        WayForward.Decide(ReleaseDate("st", receivedAt)).Date().Should().Be(localDate);

    [Theory]
    [InlineData("America/New_York", "2021-08-02T03:59:00Z", "2021-08-01")]
    [InlineData("America/New_York", "2021-08-02T04:00:00Z", "2021-08-02")]
    [InlineData("America/Los_Angeles", "2021-08-02T06:59:00Z", "2021-08-01")]
    [InlineData("America/Los_Angeles", "2021-08-02T07:00:00Z", "2021-08-02")]
    [InlineData("UTC", "2021-08-01T23:59:00Z", "2021-08-01")]
    [InlineData("UTC", "2021-08-02T00:00:00Z", "2021-08-02")]
    public void Section_4_2_local_date_uses_the_time_zone_the_jurisdiction_declares(string zone, string receivedAt, string localDate)
    {
        var set = Compile(Us(), Define("zz", "state", "us", zone: zone));

        set.Decide(Request("zz", receivedAt).Build()).Date().Should().Be(localDate);
    }

    [Theory]
    [InlineData("2020-01-09T12:00:00-06:00", false)] // the day before `from`
    [InlineData("2020-01-10T00:00:00-06:00", true)] // the first moment of `from`
    [InlineData("2020-01-19T23:59:59-06:00", true)] // the last moment before `to`
    [InlineData("2020-01-20T00:00:00-06:00", false)] // the day `to` is excluded
    [InlineData("2020-01-20T12:00:00-06:00", false)]
    public void Section_4_2_periods_are_closed_open_local_date_ranges(string receivedAt, bool inForce)
    {
        var set = Compile(Us(), State(Rule("st-window", "prohibit", from: "2020-01-10", to: "2020-01-20")));

        var decision = set.Decide(Request("st", receivedAt).Build());

        decision.Outcome.Should().Be(inForce ? Outcome.Denied : Outcome.Discretionary);
        decision.Rules().Should().Equal(inForce ? ["st-window"] : []);
    }

    [Fact]
    public void Section_4_2_open_bounds_mean_since_always_and_until_further_notice()
    {
        var set = Compile(Us(), State(
            Rule("st-until", "none", to: "2000-01-01"),
            Rule("st-since", "none", from: "2000-01-01"),
            Rule("st-always", "none")));

        set.Decide(Request("st", "1900-06-01T12:00:00Z").Build()).Rules().Should().BeEquivalentTo(["st-until", "st-always"]);
        set.Decide(Request("st", "2200-06-01T12:00:00Z").Build()).Rules().Should().BeEquivalentTo(["st-since", "st-always"]);
    }

    [Fact]
    public void Section_4_2_the_engine_never_reads_the_clock_the_same_request_gives_the_same_decision()
    {
        // Rules far in the past and far in the future: only receivedAt can put them in force.
        var set = Compile(Us(), State(
            Rule("st-1999", "prohibit", from: "1999-01-01", to: "2000-01-01"),
            Rule("st-2099", "permit", from: "2099-01-01")));
        var past = Request("st", "1999-06-01T12:00:00-05:00").WithId("r").Build();
        var future = Request("st", "2099-06-01T12:00:00-05:00").WithId("r").Build();

        var first = set.Decide(past);
        Thread.Sleep(20);
        var second = set.Decide(past);

        first.Outcome.Should().Be(Outcome.Denied);
        second.Should().Be(first);
        DecisionJson.Serialize(second).Should().Be(DecisionJson.Serialize(first));
        set.Decide(future).Outcome.Should().Be(Outcome.Granted);
        set.Decide(future).Should().Be(set.Decide(future));
    }
}
