using NodaTime;

namespace PolicyModel.Tests.Model;

/// <summary>
/// The <c>&lt;example&gt;</c> chains of the request builder's XML documentation, compiled: each method holds one
/// example as written there (AssistanceRequestBuilderTests checks that every documented example is one of these and
/// runs them all).
/// </summary>
internal static class AssistanceRequestBuilderExamples
{
    public static IEnumerable<Func<AssistanceRequest>> All() =>
    [
        Start, Sentence, ReceivedAtOffsetDateTime, ReceivedAtDateTimeOffset, ReceivedAtText, WithId, From, ForPurpose,
        AskingFor, AddressedTo, Presenting, AtLocation, WithCircumstances, WithSubjectFacts, NotKnowing, Build,
    ];

    private static AssistanceRequest Start()
    {
        AssistanceRequest request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.PerimeterOrCrowdControl)
            .Build();
        return request;
    }

    private static AssistanceRequest Sentence()
    {
        AssistanceRequest request = AssistanceRequest.In("us-il-cook")
            .ReceivedAt("2025-03-04T22:15:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.HoldPastRelease)
            .AddressedTo(Respondent.Jail)
            .Presenting(Authority.ImmigrationDetainer)
            .WithSubjectFacts(SubjectFact.InCustody)
            .Build();
        return request;
    }

    private static AssistanceRequest ReceivedAtOffsetDateTime()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt(new OffsetDateTime(new LocalDateTime(2025, 2, 10, 9, 0), Offset.FromHours(-6)))
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.OnSceneSupport)
            .Build();
        return request;
    }

    private static AssistanceRequest ReceivedAtDateTimeOffset()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt(DateTimeOffset.Parse("2025-02-10T09:00:00-06:00"))
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.OnSceneSupport)
            .Build();
        return request;
    }

    private static AssistanceRequest ReceivedAtText()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-01-21T06:40:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.OnSceneSupport)
            .Build();
        return request;
    }

    private static AssistanceRequest WithId()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .WithId("log-2025-0042")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.OnSceneSupport)
            .Build();
        return request;
    }

    private static AssistanceRequest From()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.Cbp)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.StopOrArrest)
            .Build();
        return request;
    }

    private static AssistanceRequest ForPurpose()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceHsi)
            .ForPurpose(Purpose.CriminalInvestigation)
            .AskingFor(AssistanceKind.JointCriminalInvestigation)
            .Build();
        return request;
    }

    private static AssistanceRequest AskingFor()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.ShareReleaseInformation)
            .Build();
        return request;
    }

    private static AssistanceRequest AddressedTo()
    {
        var request = AssistanceRequest.In("us-il-cook")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.HoldPastRelease)
            .AddressedTo(Respondent.Jail)
            .Build();
        return request;
    }

    private static AssistanceRequest Presenting()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.StopOrArrest)
            .Presenting(Authority.JudicialCriminalWarrant)
            .Build();
        return request;
    }

    private static AssistanceRequest AtLocation()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.StopOrArrest)
            .AtLocation(Location.Courthouse)
            .Build();
        return request;
    }

    private static AssistanceRequest WithCircumstances()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.OnSceneSupport)
            .WithCircumstances(Circumstance.OfficerInDanger, Circumstance.MedicalEmergency)
            .Build();
        return request;
    }

    private static AssistanceRequest WithSubjectFacts()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.ShareReleaseInformation)
            .WithSubjectFacts(SubjectFact.InCustody, SubjectFact.OutstandingCriminalWarrant)
            .Build();
        return request;
    }

    private static AssistanceRequest NotKnowing()
    {
        var partial = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .AskingFor(AssistanceKind.StopOrArrest)
            .NotKnowing(RequestField.Purpose, RequestField.Authority)
            .Build();
        return partial;
    }

    private static AssistanceRequest Build()
    {
        AssistanceRequest request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.OnSceneSupport)
            .Build();
        return request;
    }
}
