using NodaTime;
using PolicyModel.Analysis;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Analysis;

/// <summary><see cref="PolicyCatalogue"/>: jurisdictions at a glance and the rules that apply in one, on a date or over its history.</summary>
public sealed class PolicyCatalogueTests
{
    private static readonly PolicySet Set = Compile(
        Us(Rule("us-old", "none", to: "2020-01-01"), Rule("us-new", "permit", from: "2020-01-01")),
        Define("st", "state", "us", rules: [Rule("st-ban", "prohibit", when: [When("assistance", "stop-or-arrest")])], preemption: [Floor()]),
        Define("tx", "state", "us", rules: [Rule("tx-must", "require")], preemption: [Mandate()]),
        Define("mx", "state", "us", preemption: [Floor("f"), Mandate("m")]),
        County(Rule("co-a", "prohibit"), Rule("co-b", "none")),
        City(Rule("ci-a", "permit", from: "2021-01-01")));

    private static readonly PolicyCatalogue Catalogue = PolicyCatalogue.Of(Set);

    [Theory]
    [InlineData("us", PreemptionStance.None)]
    [InlineData("st", PreemptionStance.Floor)]
    [InlineData("tx", PreemptionStance.Mandate)]
    [InlineData("mx", PreemptionStance.Mixed)]
    [InlineData("co", PreemptionStance.None)]
    public void Stance_is_read_from_the_jurisdictions_own_preemption_declarations(string id, PreemptionStance stance) =>
        Catalogue.Jurisdictions.Single(j => j.Id == id).Stance.Should().Be(stance);

    [Fact]
    public void Summary_counts_only_the_rules_the_jurisdictions_own_documents_write()
    {
        var county = Catalogue.Jurisdictions.Single(j => j.Id == "co");

        county.Rules.Should().Be(2);
        county.Parent.Should().Be(new JurisdictionId("st"));
        county.TimeZone.Should().Be("America/Chicago");
        county.Level.Should().Be(Layer.County);
        Catalogue.Jurisdictions.Select(j => j.Id.Value).Should().Equal(Set.Jurisdictions.Select(j => j.Id.Value));
    }

    [Fact]
    public void RulesOf_a_city_holds_its_chains_rules_outermost_layer_first()
    {
        Catalogue.RulesOf(new JurisdictionId("ci")).Select(r => r.Id.Value)
            .Should().Equal("us-old", "us-new", "st-ban", "co-a", "co-b", "ci-a");
    }

    [Fact]
    public void RulesOf_on_a_date_holds_only_the_rules_in_force_that_day()
    {
        Catalogue.RulesOf(new JurisdictionId("ci"), new LocalDate(2019, 12, 31)).Select(r => r.Id.Value)
            .Should().Equal("us-old", "st-ban", "co-a", "co-b");
        Catalogue.RulesOf(new JurisdictionId("ci"), new LocalDate(2021, 1, 1)).Select(r => r.Id.Value)
            .Should().Equal("us-new", "st-ban", "co-a", "co-b", "ci-a");
    }

    [Fact]
    public void RulesOf_an_unknown_jurisdiction_is_an_argument_error_naming_it()
    {
        var act = () => Catalogue.RulesOf(new JurisdictionId("nowhere"));

        act.Should().Throw<ArgumentException>().WithMessage("*`nowhere`*");
        Catalogue.Contains(new JurisdictionId("nowhere")).Should().BeFalse();
    }
}
