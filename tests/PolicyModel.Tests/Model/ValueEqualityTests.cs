using System.Reflection;
using PolicyModel.Analysis;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Model;

/// <summary>Records that hold lists compare by content and copy what they are given.</summary>
public sealed class ValueEqualityTests
{
    [Fact]
    public void Records_holding_lists_compare_by_content_and_copy_their_inputs()
    {
        var given = new List<Condition> { new TermCondition("civil-request") };
        var a = new AllOfCondition(given);
        var b = new AllOfCondition([new TermCondition("civil-request")]);

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        given.Add(new TermCondition("other"));
        a.Conditions.Should().ContainSingle("the record copied the list it was given");
        (a with { Conditions = given }).Conditions.Should().NotBeSameAs(given).And.HaveCount(2);
        a.Should().NotBe(a with { Conditions = given });
    }

    [Fact]
    public void Two_decisions_of_the_same_request_are_equal_and_hash_alike_and_hold_no_request()
    {
        var set = Compile(Us(Rule("us-ban", "prohibit", obligations: ["record-request"])));
        var request = Request("us").Build();

        var first = set.Decide(request);
        var second = set.Decide(request with { });

        first.Should().NotBeSameAs(second);
        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        (first with { Citations = [.. first.Citations, "extra"] }).Should().NotBe(first);
        typeof(Decision).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Should().NotContain(p => p.PropertyType == typeof(AssistanceRequest), "a decision holds nothing beyond what it shows");
    }

    [Fact]
    public void Analysis_reports_of_the_same_policies_are_equal()
    {
        var set = Compile(Us(), State(Rule("st-most", "permit", when: [Test("assistance", "noneOf", "transport-detainee")])));
        var day = new NodaTime.LocalDate(2021, 8, 2);

        new PolicyAnalyzer(set).Gaps("st", day).Should().Be(new PolicyAnalyzer(set).Gaps("st", day));
    }
}
