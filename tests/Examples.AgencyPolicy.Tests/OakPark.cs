using NodaTime.Text;
using PolicyModel;
using PolicyModel.Jurisdictions;

namespace Examples.AgencyPolicy.Tests;

/// <summary>
/// The Oak Park Police Department's policy set: the built-in federal and Illinois documents with the village's
/// own document (policies/oak-park.json, copied to the test output) compiled beside them.
/// </summary>
public static class OakPark
{
    public const string Jurisdiction = "us-il-oak-park";

    private static readonly Lazy<PolicySet> LazyPolicies = new(() =>
        BuiltInPolicies.LoadWith([PolicyDocument.Load(PolicyFile)]));

    /// <summary>The village's policy document, next to the test assembly.</summary>
    public static string PolicyFile => Path.Combine(AppContext.BaseDirectory, "policies", "oak-park.json");

    /// <summary>Built-ins plus Oak Park; compiled once (a policy set is immutable and thread-safe).</summary>
    public static PolicySet Policies => LazyPolicies.Value;

    /// <summary>Starts a request to Oak Park police at a time with its offset, e.g. <c>2025-06-10T09:00:00-05:00</c>.</summary>
    public static AssistanceRequestBuilder RequestAt(string receivedAt) =>
        AssistanceRequest.In(Jurisdiction).ReceivedAt(OffsetDateTimePattern.ExtendedIso.Parse(receivedAt).Value);
}
