using PolicyModel.Jurisdictions;

namespace PolicyModel.Server;

/// <summary>
/// The policy documents a service serves: the built-in ones, the files and folders given, or both. Loading reads
/// every file afresh, so a watcher can load again after a change.
/// </summary>
internal sealed class PolicySource(IReadOnlyList<string> paths, bool builtIns)
{
    private static readonly Lazy<IReadOnlyList<PolicyDocument>> BuiltInDocuments = new(BuiltInPolicies.Documents);

    public IReadOnlyList<string> Paths { get; } = paths;

    /// <summary>Loads and compiles the documents. Returns null with every problem when any input is invalid.</summary>
    public PolicySet? TryLoad(out IReadOnlyList<string> problems)
    {
        if (Paths.Count == 0 && builtIns)
        {
            problems = [];
            return BuiltInPolicies.Load();
        }

        var found = new List<string>();
        var documents = builtIns ? BuiltInDocuments.Value.ToList() : [];
        foreach (var file in Files(found))
        {
            PolicyDocumentResult result;
            try
            {
                result = PolicyDocument.Load(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file being rewritten by an editor may vanish or be locked for a moment; the next change reloads.
                found.Add($"{file}: error: cannot read the file: {ex.Message}");
                continue;
            }

            found.AddRange(result.Problems.Select(p => p.ToString()));
            if (result.Document is { } d)
            {
                documents.Add(d);
            }
        }

        if (found.Count == 0)
        {
            var set = PolicySet.TryCompile(documents, out var compileProblems);
            found.AddRange(compileProblems.Select(p => p.ToString()));
            if (set is not null && found.Count == 0)
            {
                problems = [];
                return set;
            }
        }

        problems = found;
        return null;
    }

    /// <summary>The files named, and the <c>*.json</c> files of the folders named (recursively, in ordinal order).</summary>
    public IEnumerable<string> Files(List<string>? problems = null)
    {
        var files = new List<string>();
        foreach (var path in Paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                problems?.Add($"{path}: error: no such file or folder");
            }
        }

        return files;
    }
}
