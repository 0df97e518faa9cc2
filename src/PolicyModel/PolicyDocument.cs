using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using NodaTime;
using PolicyModel.Documents;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>The <c>jurisdiction</c> object of a policy document: a definition (with name, zone and level) or an extension (id only).</summary>
/// <param name="Id">The jurisdiction id.</param>
/// <param name="Name">The display name (definitions only).</param>
/// <param name="Parent">The enclosing jurisdiction (definitions only; absent for a root).</param>
/// <param name="TimeZone">The tzdb zone id (definitions only).</param>
/// <param name="Level">The level (definitions only).</param>
public sealed record JurisdictionDeclaration(JurisdictionId Id, string? Name, JurisdictionId? Parent, string? TimeZone, Layer? Level)
{
    /// <summary>Whether the document defines the jurisdiction (rather than adding rules to one defined elsewhere).</summary>
    public bool IsDefinition => Name is not null;
}

/// <summary>A rule as written in a policy document (before compilation resolves sources, terms and layers).</summary>
public sealed record RuleDeclaration
{
    /// <summary>The rule id.</summary>
    public required RuleId Id { get; init; }

    /// <summary>The declared layer, or <see langword="null"/> for the jurisdiction's level.</summary>
    public Layer? Layer { get; init; }

    /// <summary>The id of the source in the same document.</summary>
    public required string Source { get; init; }

    /// <summary>The section numberings.</summary>
    public required IReadOnlyList<SectionVariant> Sections { get; init => field = value.ToEquatableArray(); }

    /// <summary>When the rule is in force.</summary>
    public EffectivePeriod Period { get; init; }

    /// <summary>The respondents bound.</summary>
    public required EnumSet<Respondent> Binds { get; init; }

    /// <summary>Conditions that must all hold.</summary>
    public IReadOnlyList<Condition> When { get; init => field = value.ToEquatableArray(); } = EquatableArray<Condition>.Empty;

    /// <summary>The effect.</summary>
    public required Effect Effect { get; init; }

    /// <summary>The obligations carried.</summary>
    public EnumSet<Obligation> Obligations { get; init; }

    /// <summary>Rules this rule is an exception to.</summary>
    public IReadOnlyList<RuleId> Excepts { get; init => field = value.ToEquatableArray(); } = EquatableArray<RuleId>.Empty;

    /// <summary>Rules of more specific layers this rule preempts.</summary>
    public IReadOnlyList<RuleId> Preempts { get; init => field = value.ToEquatableArray(); } = EquatableArray<RuleId>.Empty;

    /// <summary>A verb phrase for explanations.</summary>
    public string? Explains { get; init; }

    /// <summary>How well the rule is confirmed.</summary>
    public Confidence Confidence { get; init; } = Confidence.Verified;
}

/// <summary>A presumption as written in a policy document.</summary>
public sealed record PresumptionDeclaration
{
    /// <summary>The id (shares the rule-id namespace).</summary>
    public required RuleId Id { get; init; }

    /// <summary>The declared layer, or <see langword="null"/> for the jurisdiction's level.</summary>
    public Layer? Layer { get; init; }

    /// <summary>When it is in force.</summary>
    public EffectivePeriod Period { get; init; }

    /// <summary>The respondents it applies to.</summary>
    public required EnumSet<Respondent> Binds { get; init; }

    /// <summary>Conditions that must all hold.</summary>
    public IReadOnlyList<Condition> When { get; init => field = value.ToEquatableArray(); } = EquatableArray<Condition>.Empty;

    /// <summary>The purpose presumed.</summary>
    public required Purpose Presume { get; init; }

    /// <summary>A phrase for explanations.</summary>
    public string? Explains { get; init; }
}

/// <summary>A preemption declaration as written in a policy document.</summary>
public sealed record PreemptionDeclaration
{
    /// <summary>The declaration id.</summary>
    public required string Id { get; init; }

    /// <summary>Trigger effects of the declaring jurisdiction's own-layer rules.</summary>
    public required EnumSet<Effect> When { get; init; }

    /// <summary>Effects of more specific rules that are overridden.</summary>
    public required EnumSet<Effect> Preempts { get; init; }

    /// <summary>The layers reached.</summary>
    public required EnumSet<Layer> Layers { get; init; }

    /// <summary>A sentence for explanations.</summary>
    public string? Explains { get; init; }
}

/// <summary>
/// A parsed policy document (format <c>policymodel/1</c>, see <c>docs/policy-format.md</c>): one jurisdiction and
/// some of its laws, as data. Parse with <see cref="TryParse(string, string, out PolicyDocument?, out IReadOnlyList{Problem})"/>
/// (or <see cref="Parse(string, string)"/>, which throws); compile a set of documents with
/// <see cref="PolicySet.TryCompile(IEnumerable{PolicyDocument}, out PolicySet?, out IReadOnlyList{Problem})"/>.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>The only format this version reads.</summary>
    public const string FormatV1 = "policymodel/1";

    private readonly ConditionalWeakTable<object, SourceLocation> locations;

    internal PolicyDocument(string name, ConditionalWeakTable<object, SourceLocation> locations)
    {
        Name = name;
        this.locations = locations;
    }

    /// <summary>The document's name, used in every problem reported about it.</summary>
    public string Name { get; }

    /// <summary>The jurisdiction written or extended.</summary>
    public required JurisdictionDeclaration Jurisdiction { get; init; }

    /// <summary>
    /// The last local date on which the document's author checked its law for changes (<c>lawCurrentTo</c>), or
    /// <see langword="null"/> when the document does not say. Requests judged on a later date are still decided, by
    /// the rules in force on the last known date, and their explanations say that nothing later is known.
    /// </summary>
    public LocalDate? LawCurrentTo { get; init; }

    /// <summary>The legal sources.</summary>
    public required IReadOnlyList<LegalSource> Sources { get; init => field = value.ToEquatableArray(); }

    /// <summary>The named terms.</summary>
    public required IReadOnlyDictionary<string, Condition> Terms { get; init; }

    /// <summary>The presumptions.</summary>
    public required IReadOnlyList<PresumptionDeclaration> Presumptions { get; init => field = value.ToEquatableArray(); }

    /// <summary>The preemption declarations.</summary>
    public required IReadOnlyList<PreemptionDeclaration> Preemption { get; init => field = value.ToEquatableArray(); }

    /// <summary>The rules, in catalogue order.</summary>
    public required IReadOnlyList<RuleDeclaration> Rules { get; init => field = value.ToEquatableArray(); }

    /// <summary>Parses a document from JSON text, collecting every problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The document's name for problems (a file name).</param>
    /// <param name="document">The document, when it has no problems.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the document parsed without problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static bool TryParse(string json, string name, [NotNullWhen(true)] out PolicyDocument? document, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(json);
        Guard.Against.NullOrWhiteSpace(name);
        if (json.Length > DocumentLimits.MaxDocumentBytes)
        {
            document = null;
            problems = [DocumentReader.TooLarge(name)];
            return false;
        }

        document = DocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(json), name, out problems);
        return document is not null;
    }

    /// <summary>Parses a document from UTF-8 bytes, collecting every problem.</summary>
    /// <param name="utf8">The UTF-8 JSON (a byte order mark is allowed).</param>
    /// <param name="name">The document's name for problems (a file name).</param>
    /// <param name="document">The document, when it has no problems.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the document parsed without problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8, string name, [NotNullWhen(true)] out PolicyDocument? document, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.NullOrWhiteSpace(name);
        document = DocumentReader.Read(utf8, name, out problems);
        return document is not null;
    }

    /// <summary>
    /// Reads and parses a document file; its name in problems is the path given. The file is read by
    /// <see cref="InputFiles"/>: a missing or unreadable file, a folder, FIFO or device, a file over the size limit or
    /// not in UTF-8 is a problem, never an exception.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="document">The document, when the file was read and has no problems.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the document was read and parsed without problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static bool TryLoad(string path, [NotNullWhen(true)] out PolicyDocument? document, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.NullOrWhiteSpace(path);
        if (!InputFiles.TryRead(path, DocumentLimits.MaxDocumentBytes, out var utf8, out var problem))
        {
            document = null;
            problems = [problem];
            return false;
        }

        return TryParse(utf8, path, out document, out problems);
    }

    /// <summary>Parses a document from JSON text, for callers that treat a bad document as a bug (<see cref="TryParse(string, string, out PolicyDocument?, out IReadOnlyList{Problem})"/> returns the problems instead).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The document's name for problems (a file name).</param>
    /// <returns>The document.</returns>
    /// <exception cref="PolicyLoadException">The document has problems; every problem is listed.</exception>
    public static PolicyDocument Parse(string json, string name) =>
        TryParse(json, name, out var document, out var problems) ? document : throw new PolicyLoadException(problems);

    /// <summary>Parses a document from UTF-8 bytes, for callers that treat a bad document as a bug.</summary>
    /// <param name="utf8">The UTF-8 JSON (a byte order mark is allowed).</param>
    /// <param name="name">The document's name for problems (a file name).</param>
    /// <returns>The document.</returns>
    /// <exception cref="PolicyLoadException">The document has problems; every problem is listed.</exception>
    public static PolicyDocument Parse(ReadOnlySpan<byte> utf8, string name) =>
        TryParse(utf8, name, out var document, out var problems) ? document : throw new PolicyLoadException(problems);

    /// <summary>Reads and parses a document file, for callers that treat a bad or missing file as a bug (<see cref="TryLoad"/> returns the problems instead).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The document.</returns>
    /// <exception cref="PolicyLoadException">The file cannot be read or the document has problems; every problem is listed.</exception>
    public static PolicyDocument Load(string path) =>
        TryLoad(path, out var document, out var problems) ? document : throw new PolicyLoadException(problems);

    internal SourceLocation? LocationOf(object item) => locations.TryGetValue(item, out var l) ? l : null;
}

/// <summary>The limits a policy document must respect (documented in <c>docs/errors.md</c>).</summary>
public static class DocumentLimits
{
    /// <summary>Largest document accepted: 4 MiB of UTF-8.</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays: 32.</summary>
    public const int MaxDepth = 32;

    /// <summary>Longest string: 4,096 characters.</summary>
    public const int MaxStringLength = 4096;

    /// <summary>Most items in one array or properties in one object: 10,000.</summary>
    public const int MaxItems = 10_000;

    /// <summary>
    /// Deepest chain of term references in a policy set (a term naming a term naming a term …): 32. Deeper nesting
    /// is reported as <see cref="ProblemCodes.TooComplex"/> when the set is compiled.
    /// </summary>
    public const int MaxTermNesting = 32;

    /// <summary>
    /// Most operators and field tests in one rule's or presumption's <c>when</c> once its terms are expanded (a term
    /// used twice counts twice): 1,000. Larger conditions are reported as <see cref="ProblemCodes.TooComplex"/>.
    /// </summary>
    public const int MaxExpandedConditionSize = 1_000;

    /// <summary>
    /// Longest chain of exceptions in a policy set (a rule excepted by a rule excepted by a rule …), counted in rules:
    /// 64. Longer chains are reported as <see cref="ProblemCodes.TooComplex"/>.
    /// </summary>
    public const int MaxExceptionChain = 64;

    /// <summary>
    /// Deepest nesting of jurisdictions in a policy set (<c>us</c>, <c>us-il</c>, <c>us-il-cook</c>, … counts 1, 2, 3, …):
    /// 32. Deeper jurisdictions are reported as <see cref="ProblemCodes.TooComplex"/>.
    /// </summary>
    public const int MaxJurisdictionDepth = 32;
}

internal sealed record SourceLocation(string Path, int Line, int Column);
