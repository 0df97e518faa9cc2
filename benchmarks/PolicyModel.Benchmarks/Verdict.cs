using System.Globalization;
using System.Text;
using NodaTime.Text;

namespace PolicyModel.Benchmarks;

/// <summary>What every engine in the comparison must agree on: the outcome and the obligations it carries.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Obligations">The obligations (contract order; <c>release-when-eligible</c> only with <c>denied</c>).</param>
public readonly record struct Verdict(Outcome Outcome, EnumSet<Obligation> Obligations)
{
    /// <summary>The verdict of a PolicyModel decision.</summary>
    public static Verdict Of(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var obligations = EnumSet<Obligation>.Empty;
        var list = decision.Obligations;
        for (var i = 0; i < list.Count; i++)
        {
            obligations = obligations.Add(list[i]);
        }

        return new Verdict(decision.Outcome, obligations);
    }

    public override string ToString() =>
        Obligations.IsEmpty ? Outcome.ToContractName() : $"{Outcome.ToContractName()} [{Obligations}]";
}

/// <summary>Something that decides requests: one of the engines compared.</summary>
public interface IDecider
{
    string Name { get; }

    Verdict Decide(AssistanceRequest request);
}

/// <summary>The check run before any timing: an engine that disagrees with the hand-written baseline cannot be measured.</summary>
public static class Agreement
{
    /// <summary>The requests on which <paramref name="decider"/> disagrees with <paramref name="expected"/>, described (at most <paramref name="max"/>).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<AssistanceRequest> requests, IReadOnlyList<Verdict> expected, Func<AssistanceRequest, Verdict> decider, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(decider);
        if (requests.Count != expected.Count)
        {
            throw new ArgumentException("one expected verdict per request", nameof(expected));
        }

        var differences = new List<string>();
        for (var i = 0; i < requests.Count && differences.Count < max; i++)
        {
            var actual = decider(requests[i]);
            if (actual != expected[i])
            {
                differences.Add($"#{i} {Describe(requests[i])}: expected {expected[i]}, got {actual}");
            }
        }

        return differences;
    }

    /// <summary>Throws when <paramref name="decider"/> disagrees with <paramref name="expected"/> on any request.</summary>
    /// <exception cref="InvalidOperationException">The engine gave a different verdict somewhere; the message lists where.</exception>
    public static void Ensure(string engine, IReadOnlyList<AssistanceRequest> requests, IReadOnlyList<Verdict> expected, Func<AssistanceRequest, Verdict> decider)
    {
        var differences = Differences(requests, expected, decider);
        if (differences.Count > 0)
        {
            throw new InvalidOperationException(
                $"{engine} disagrees with the hand-written baseline on {differences.Count}{(differences.Count == 20 ? "+" : string.Empty)} request(s); it cannot be benchmarked:"
                + Environment.NewLine + string.Join(Environment.NewLine, differences));
        }
    }

    /// <summary>A one-line description of a request in contract terms.</summary>
    public static string Describe(AssistanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        if (request.Id is not null)
        {
            text.Append(request.Id).Append(": ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{request.Jurisdiction} {request.Respondent.ToContractName()} {OffsetDateTimePattern.ExtendedIso.Format(request.ReceivedAt)} ")
            .Append(CultureInfo.InvariantCulture, $"{request.Requester.ToContractName()} {request.Purpose.ToContractName()} {request.Assistance.ToContractName()} ")
            .Append(CultureInfo.InvariantCulture, $"authority={request.Authority.ToContractName()}");
        if (!request.Circumstances.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $" circumstances=[{request.Circumstances}]");
        }

        if (!request.SubjectFacts.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $" subjectFacts=[{request.SubjectFacts}]");
        }

        return text.ToString();
    }
}
