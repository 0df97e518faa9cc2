using System.Reflection;
using Ardalis.GuardClauses;
using PolicyModel.Analysis;

namespace PolicyModel.Jurisdictions;

/// <summary>
/// The built-in policy documents (embedded in this assembly) for the jurisdictions of the contract:
/// <c>us</c>, <c>us-il</c>, <c>us-il-cook</c>, <c>us-il-chicago</c>, <c>us-tx</c>, <c>us-fl</c>, <c>us-ca</c>, <c>us-wa</c>, <c>us-or</c>,
/// <c>us-co</c>, <c>us-nj</c>, <c>us-ny</c>, <c>us-ny-nyc</c>, <c>us-ga</c>, <c>us-tn</c>.
/// See <c>docs/jurisdictions.md</c> for their sources, dates and uncertainties.
/// </summary>
public static class BuiltInPolicies
{
    private const string Prefix = "PolicyModel.Jurisdictions.Policies.";

    private static readonly Lazy<PolicySet> Compiled = new(() => PolicySet.Compile(Documents()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The names of the embedded documents (<c>us.json</c>, <c>us-il.json</c>, …), outermost first.</summary>
    public static IReadOnlyList<string> DocumentNames { get; } =
    [
        "us.json", "us-il.json", "us-il-cook.json", "us-il-chicago.json", "us-tx.json", "us-fl.json", "us-ca.json",
        "us-wa.json", "us-or.json", "us-co.json", "us-nj.json",
        "us-ny.json", "us-ny-nyc.json", "us-ga.json", "us-tn.json",
    ];

    /// <summary>The compiled built-in policy set. Compiled once and shared; the set is immutable and thread-safe.</summary>
    /// <returns>The policy set.</returns>
    public static PolicySet Load() => Compiled.Value;

    /// <summary>The built-in policies with a user's own documents compiled beside them.</summary>
    /// <param name="documents">The user's documents (new jurisdictions, or rules added to built-in ones).</param>
    /// <returns>The combined policy set.</returns>
    /// <exception cref="PolicyLoadException">The combined documents have problems; every problem is listed.</exception>
    public static PolicySet LoadWith(IEnumerable<PolicyDocument> documents)
    {
        Guard.Against.Null(documents);
        return PolicySet.Compile(Documents().Concat(documents));
    }

    /// <summary>
    /// What is built in: every built-in jurisdiction with its parent, zone, preemption stance, rule count and the date
    /// its law is current to, and the rules in force in a jurisdiction on a date (<see cref="PolicyCatalogue.RulesOf"/>).
    /// </summary>
    /// <returns>The catalogue of <see cref="Load"/>'s set.</returns>
    public static PolicyCatalogue Catalogue() => PolicyCatalogue.Of(Load());

    /// <summary>The parsed built-in documents.</summary>
    /// <returns>The documents, outermost jurisdiction first.</returns>
    public static IReadOnlyList<PolicyDocument> Documents() =>
        [.. DocumentNames.Select(name => PolicyDocument.Parse(ReadBytes(name), name))];

    /// <summary>The JSON text of one embedded document.</summary>
    /// <param name="name">A name from <see cref="DocumentNames"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">No embedded document has that name.</exception>
    public static string ReadText(string name) => System.Text.Encoding.UTF8.GetString(ReadBytes(name));

    private static byte[] ReadBytes(string name)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.InvalidInput(name, nameof(name), DocumentNames.Contains, $"no built-in policy document `{name}`; expected one of {string.Join(", ", DocumentNames)}");
        using var stream = typeof(BuiltInPolicies).Assembly.GetManifestResourceStream(Prefix + name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
