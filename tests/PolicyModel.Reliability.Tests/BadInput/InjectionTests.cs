namespace PolicyModel.Reliability.Tests.BadInput;

/// <summary>
/// Text from a policy document cannot smuggle request data into an explanation: the engine fills placeholders
/// (private-use characters) with the request's values when it writes an explanation, and removes those characters
/// from everything a document supplies.
/// </summary>
public sealed class InjectionTests
{
    [Fact]
    public void Placeholders_written_in_a_document_are_not_filled_with_request_values()
    {
        var document = TestInputs.ValidDocument
            .Replace("forbids arresting for civil immigration enforcement", "forbids \\uE000R, \\uE000A and \\uE000D", StringComparison.Ordinal)
            .Replace("\"citation\": \"TC\"", "\"citation\": \"TC\\uE000P\"", StringComparison.Ordinal);
        var set = PolicySet.Compile([PolicyDocument.Parse(document, "injection.json")]);
        var decision = set.Decide(TestInputs.RequestFor("zz") with { Requester = Requester.Cbp });

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Explanation.Should().Contain("forbids R, A and D").And.Contain("TCP 1(a)");
        decision.Explanation.Should().NotContain("\uE000");
        decision.Explanation.Should().NotContain("forbids cbp").And.NotContain("TCcivil");
    }
}
