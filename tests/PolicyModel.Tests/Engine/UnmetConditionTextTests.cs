namespace PolicyModel.Tests.Engine;

/// <summary>
/// Why a rule did not match, in the trace and the CLI's <c>explain</c>: a fact about the request with what the rule
/// needs (<c>circumstances were given (the rule needs none)</c>), never a bare condition that reads like a fact.
/// </summary>
public sealed class UnmetConditionTextTests
{
    [Theory]
    [InlineData(RequestField.Circumstances, FieldTest.Empty, 0UL, "circumstances were given (the rule needs none)")]
    [InlineData(RequestField.Circumstances, FieldTest.NonEmpty, 0UL, "no circumstances were given (the rule needs at least one)")]
    [InlineData(RequestField.Authority, FieldTest.AnyOf, 1UL << 6, "authority is not court-order")]
    [InlineData(RequestField.Authority, FieldTest.AnyOf, (1UL << 5) | (1UL << 6), "authority is not one of judicial-criminal-warrant, court-order")]
    [InlineData(RequestField.Authority, FieldTest.NoneOf, 1UL << 6, "authority is court-order, which the rule excludes")]
    [InlineData(RequestField.SubjectFacts, FieldTest.AnyOf, 1UL, "subject facts include none of gang-database (the rule needs at least one)")]
    public void A_failed_field_test_says_what_the_request_had_and_what_the_rule_needs(RequestField field, FieldTest test, ulong mask, string expected) =>
        DecisionTraceBuilder.Unmet(new FieldCondition(field, test, mask)).Should().Be(expected);

    [Fact]
    public void A_failed_term_or_negation_says_so_about_this_request()
    {
        DecisionTraceBuilder.Unmet(new TermCondition("civil-request")).Should().Be("the term `civil-request` does not hold for this request");
        DecisionTraceBuilder.Unmet(new NotCondition(new TermCondition("judicial-authority")))
            .Should().Be("term `judicial-authority` holds (the rule needs it not to)");
    }
}
