using PolicyModel.Testing;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>The Testing package's assertions on partial decisions and what-ifs, on the contract's Chicago examples.</summary>
public sealed class WhatIfAssertionTests
{
    private static readonly PolicySet Set = BuiltInPolicies.Load();

    [Fact]
    public void Testing_package_asserts_on_partial_decisions_and_what_ifs()
    {
        var partial = AssistanceRequest.In("us-il-chicago").ReceivedAt("2025-02-10T09:00:00-06:00").From(Requester.IceHsi)
            .ForPurpose(Purpose.CriminalImmigrationEnforcement).AskingFor(AssistanceKind.StopOrArrest).NotKnowing(RequestField.Authority).Build();
        var decision = Set.Decide(partial);
        decision.Should().DependOn(RequestField.Authority).And.AskFirstAbout(RequestField.Authority);
        decision.Should().BeGrantedIf(RequestField.Authority, "judicial-criminal-warrant");
        decision.Should().BeDeniedIf(RequestField.Authority, "administrative-warrant", "immigration-detainer", "ncic-immigration-hit", "alien-enemies-designation");
        FluentActions.Invoking(() => decision.Should().BeGrantedIf(RequestField.Authority, "court-order")).Should().Throw<Exception>()
            .WithMessage("*to be granted exactly if authority is court-order*");
        FluentActions.Invoking(() => decision.Should().DependOn(RequestField.Circumstances)).Should().Throw<Exception>();

        var whatIf = Set.WhatIf(partial with { Unknown = default, Authority = Authority.AdministrativeWarrant });
        whatIf.Should().BeGrantedWith(RequestField.Authority, "judicial-criminal-warrant")
            .And.HaveAlternative(Outcome.PoliceAction, FieldValue.Parse(RequestField.Circumstances, "crime-in-progress"))
            .And.NotReach(Outcome.Required);
        FluentActions.Invoking(() => whatIf.Should().BeGrantedWith(RequestField.Authority, "court-order")).Should().Throw<Exception>()
            .WithMessage("*that change leads to discretionary*");
    }

}
