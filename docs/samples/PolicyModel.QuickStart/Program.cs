using PolicyModel;
using PolicyModel.Jurisdictions;

// The built-in laws, compiled once; the set is immutable and thread-safe.
PolicySet policies = BuiltInPolicies.Load();

// ICE asks Chicago police to hold a perimeter while it makes a civil immigration arrest.
AssistanceRequest request = AssistanceRequest.In("us-il-chicago")
    .ReceivedAt("2025-02-10T09:00:00-06:00")
    .From(Requester.IceEro)
    .ForPurpose(Purpose.CivilImmigrationEnforcement)
    .AskingFor(AssistanceKind.PerimeterOrCrowdControl)
    .Build();

Decision decision = policies.Decide(request);
Console.WriteLine(decision.Outcome);                      // Denied
Console.WriteLine(string.Join("; ", decision.Citations)); // Chicago Municipal Code 2-173-020(a)(6); 5 ILCS 805/15(h); ...
Console.WriteLine(decision.Explanation);

// Requests and decisions in the published JSON form.
AssistanceRequest fromJson = RequestJson.Parse("""
    {
      "jurisdiction": "us-il-chicago",
      "receivedAt": "2025-01-21T06:40:00-06:00",
      "requester": "ice-ero",
      "purpose": "civil-immigration-enforcement",
      "assistance": "stop-or-arrest",
      "authority": "administrative-warrant"
    }
    """);
Console.WriteLine(DecisionJson.Serialize(policies.Decide(fromJson))); // { "requestId": null, "outcome": "denied", ... }
