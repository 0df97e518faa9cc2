using System.Text.Json;

namespace PolicyModel.Server.Tests;

/// <summary><c>GET /v1/fields</c>: how each request field is given, from the core's request schema.</summary>
public sealed class FieldsEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Fields_are_the_schemas_in_the_contracts_order_with_set_required_and_default()
    {
        using var json = JsonDocument.Parse(await fixture.Running.Client.GetStringAsync("/v1/fields"));

        var fields = json.RootElement.EnumerateArray().ToList();
        fields.Select(f => f.GetProperty("name").GetString()).Should().Equal(PolicyModel.RequestSchema.JsonOrder.Select(f => f.JsonName));
        var byName = fields.ToDictionary(f => f.GetProperty("name").GetString()!);
        byName["circumstances"].GetProperty("set").GetBoolean().Should().BeTrue();
        byName["authority"].GetProperty("set").GetBoolean().Should().BeFalse();
        byName["requester"].GetProperty("required").GetBoolean().Should().BeTrue();
        byName["requester"].TryGetProperty("default", out _).Should().BeFalse("a required field has no default");
        byName["authority"].GetProperty("default").GetString().Should().Be("none");
        byName["location"].GetProperty("default").GetString().Should().Be("other");
        byName["respondent"].GetProperty("default").GetString().Should().Be("police");
        byName["subjectFacts"].GetProperty("label").GetString().Should().Be("subject facts");

        using var vocabularies = JsonDocument.Parse(await fixture.Running.Client.GetStringAsync("/v1/vocabularies"));
        vocabularies.RootElement.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(byName.Keys, "every field with a vocabulary is described");
    }
}
