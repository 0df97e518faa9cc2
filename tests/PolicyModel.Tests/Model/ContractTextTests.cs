using NodaTime;

namespace PolicyModel.Tests.Model;

/// <summary>Vocabulary values, dates and times print as the JSON contract writes them, from one home.</summary>
public sealed class ContractTextTests
{
    [Fact]
    public void Vocabulary_values_print_their_contract_names_not_their_CSharp_names()
    {
        Obligation.RecordRequest.ToString().Should().Be("RecordRequest", "an enum's ToString is the C# member name");
        Obligation.RecordRequest.ToContractName().Should().Be("record-request");
        AssistanceKind.Enter287gAgreement.ToContractName().Should().Be("enter-287g-agreement");
        Location.PlaceOfWorship.ToContractName().Should().Be("place-of-worship");
        EnumSet<Obligation>.Of(Obligation.InformSubject, Obligation.RecordRequest).ToString().Should().Be("record-request, inform-subject");
        foreach (var obligation in Enum.GetValues<Obligation>())
        {
            DecisionJson.Serialize(Decide(obligation)).Should().Contain($"\"{obligation.ToContractName()}\"");
        }
    }

    [Fact]
    public void Dates_and_request_times_print_in_the_contract_format()
    {
        new LocalDate(2021, 8, 2).ToContractText().Should().Be("2021-08-02");
        new LocalDate(2025, 1, 21).At(new LocalTime(6, 40)).WithOffset(Offset.FromHours(-6)).ToContractText().Should().Be("2025-01-21T06:40:00-06:00");
        new LocalDate(2021, 8, 2).At(new LocalTime(4, 30)).WithOffset(Offset.Zero).ToContractText().Should().Be("2021-08-02T04:30:00Z");
        new EffectivePeriod(new LocalDate(2021, 8, 2), null).ToString().Should().Be("2021-08-02..");
    }

    private static Decision Decide(Obligation obligation)
    {
        var set = TestPolicies.Compile(TestPolicies.Us(TestPolicies.Rule("us-all", "prohibit", obligations: [obligation.ToContractName()])));
        return set.Decide(Requests.Request("us").Build());
    }
}
