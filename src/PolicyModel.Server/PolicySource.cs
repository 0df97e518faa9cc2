using PolicyModel.Jurisdictions;

namespace PolicyModel.Server;

/// <summary>
/// The policy documents a service serves: the built-in ones, the files and folders given, or both. Loading reads
/// every file afresh (through <see cref="PolicySources"/>), so a watcher can load again after a change.
/// </summary>
internal sealed class PolicySource(IReadOnlyList<string> paths, bool builtIns)
{
    private static readonly Lazy<IReadOnlyList<PolicyDocument>> BuiltInDocuments = new(BuiltInPolicies.Documents);

    public IReadOnlyList<string> Paths { get; } = paths;

    /// <summary>Loads and compiles the documents. Returns null with every problem when any input is invalid.</summary>
    public PolicySet? TryLoad(out IReadOnlyList<string> problems)
    {
        problems = [];
        if (Paths.Count == 0 && builtIns)
        {
            return BuiltInPolicies.Load();
        }

        if (PolicySources.TryLoad(Paths, builtIns ? BuiltInDocuments.Value : [], out var set, out var found))
        {
            return set;
        }

        problems = [.. found.Select(p => p.ToString())];
        return null;
    }

    /// <summary>The files named, and the <c>*.json</c> files of the folders named (those that can be found).</summary>
    public IEnumerable<string> Files()
    {
        InputFiles.TryExpand(Paths, out var files, out _);
        return files;
    }
}
