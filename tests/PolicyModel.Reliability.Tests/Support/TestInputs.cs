using System.Text;
using NodaTime;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Reliability.Tests.Support;

/// <summary>Valid documents and requests that the hostile inputs are made from, and the built-in set shared by the tests.</summary>
internal static class TestInputs
{
    private static readonly Lazy<IReadOnlyList<PolicyDocument>> BuiltInDocuments = new(BuiltInPolicies.Documents);

    /// <summary>The compiled built-in set (shared, immutable).</summary>
    public static PolicySet BuiltIns => BuiltInPolicies.Load();

    /// <summary>The parsed built-in documents, parsed once.</summary>
    public static IReadOnlyList<PolicyDocument> BuiltInDocs => BuiltInDocuments.Value;

    /// <summary>The ids of the built-in jurisdictions.</summary>
    public static readonly string[] Jurisdictions = ["us", "us-il", "us-il-cook", "us-il-chicago", "us-tx", "us-fl", "us-ca", "us-wa", "us-or", "us-co", "us-nj", "us-ny", "us-ny-nyc", "us-ga", "us-tn"];

    /// <summary>A small valid document defining jurisdiction <c>zz</c> (a root) with one rule <c>zz-a</c>, as the bad inputs' base.</summary>
    public const string ValidDocument = """
        {
          "format": "policymodel/1",
          "jurisdiction": { "id": "zz", "name": "Test land", "timeZone": "America/Chicago", "level": "state" },
          "sources": [ { "id": "code", "kind": "statute", "title": "Test Code", "citation": "TC", "enacted": "2020-01-01" } ],
          "terms": { "civil": { "purpose": ["civil-immigration-enforcement"] } },
          "rules": [
            {
              "id": "zz-a",
              "source": "code",
              "section": "1(a)",
              "period": { "from": "2020-01-01" },
              "binds": ["police"],
              "when": [ { "term": "civil" }, { "assistance": ["stop-or-arrest"] } ],
              "effect": "prohibit",
              "explains": "forbids arresting for civil immigration enforcement"
            }
          ]
        }
        """;

    /// <summary>A valid request to the Chicago police (the contract's example).</summary>
    public const string ValidRequest = """
        {
          "id": "chi-2025-01-21-0001",
          "jurisdiction": "us-il-chicago",
          "respondent": "police",
          "receivedAt": "2025-01-21T06:40:00-06:00",
          "requester": "ice-ero",
          "purpose": "civil-immigration-enforcement",
          "assistance": "stop-or-arrest",
          "authority": "administrative-warrant",
          "circumstances": [],
          "subjectFacts": []
        }
        """;

    /// <summary>A request for jurisdiction <c>zz</c> of <see cref="ValidDocument"/>.</summary>
    public static AssistanceRequest RequestFor(string jurisdiction, int year = 2025) =>
        AssistanceRequest.In(jurisdiction)
            .ReceivedAt(new LocalDateTime(year, 3, 1, 12, 0).WithOffset(Offset.FromHours(-6)))
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.StopOrArrest)
            .Build();

    /// <summary>A document defining jurisdiction <paramref name="id"/> (UTC, level <paramref name="level"/>) with the given extra top-level JSON.</summary>
    public static string Define(string id, string? parent = null, string level = "state", string rest = "\"rules\": []") =>
        $$"""
        { "format": "policymodel/1",
          "jurisdiction": { "id": "{{id}}", "name": "{{id}}", {{(parent is null ? "" : $"\"parent\": \"{parent}\", ")}}"timeZone": "UTC", "level": "{{level}}" },
          "sources": [ { "id": "code", "kind": "statute", "title": "Code", "citation": "C" } ],
          {{rest}} }
        """;

    /// <summary>A rule object with the given id, effect and extra properties.</summary>
    public static string Rule(string id, string effect = "permit", string extra = "") =>
        $$"""{ "id": "{{id}}", "source": "code", "section": "1", "binds": ["police"], "effect": "{{effect}}"{{(extra.Length == 0 ? "" : ", " + extra)}} }""";

    /// <summary>UTF-8 bytes of a string.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
