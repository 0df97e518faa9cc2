using Ardalis.GuardClauses;

namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="Microsoft.Extensions.DependencyInjection.PolicyModelServiceCollectionExtensions.AddPolicyModel"/>
/// compiles into the application's one <see cref="PolicySet"/>: the built-in policies (unless turned off) and the
/// documents added here. The set is compiled once, when the options are first validated (at host start, or at
/// the first resolution of <see cref="PolicySet"/> or <see cref="IPolicyDecider"/>).
/// </summary>
public sealed class PolicyModelOptions
{
    private readonly List<string> documentPaths = [];
    private readonly List<PolicyDocument> documents = [];

    /// <summary>
    /// Whether the built-in policies of <c>PolicyModel.Jurisdictions</c> (federal, Illinois, Cook County, Chicago,
    /// Texas, Florida, California) are loaded beside the added documents. Default <see langword="true"/>.
    /// </summary>
    public bool UseBuiltIns { get; set; } = true;

    /// <summary>The policy-document files and folders added, in order.</summary>
    public IReadOnlyList<string> DocumentPaths => documentPaths;

    /// <summary>The parsed policy documents added, in order.</summary>
    public IReadOnlyList<PolicyDocument> Documents => documents;

    /// <summary>
    /// Adds policy-document files, or folders whose <c>*.json</c> files (recursively, in ordinal order) are
    /// policy documents, as the command line's <c>--policies</c> does. Relative paths are resolved against the
    /// current directory when the set is compiled.
    /// </summary>
    /// <param name="paths">The files or folders.</param>
    /// <returns>These options, to chain calls.</returns>
    /// <exception cref="ArgumentException">A path is null, empty or white space.</exception>
    public PolicyModelOptions AddDocuments(params IEnumerable<string> paths)
    {
        Guard.Against.Null(paths);
        foreach (var path in paths)
        {
            Guard.Against.NullOrWhiteSpace(path, nameof(paths));
            documentPaths.Add(path);
        }

        return this;
    }

    /// <summary>Adds policy documents already parsed (with <see cref="PolicyDocument.Parse(string, string)"/>, for example).</summary>
    /// <param name="documents">The documents.</param>
    /// <returns>These options, to chain calls.</returns>
    /// <exception cref="ArgumentNullException">A document is null.</exception>
    public PolicyModelOptions AddDocuments(params IEnumerable<PolicyDocument> documents)
    {
        Guard.Against.Null(documents);
        foreach (var document in documents)
        {
            Guard.Against.Null(document, nameof(documents));
            this.documents.Add(document);
        }

        return this;
    }
}
