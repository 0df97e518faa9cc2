using PolicyModel.Jurisdictions;

namespace PolicyModel.Cli;

/// <summary>Loads the policy set a command uses: the built-ins, the user's documents beside them, or only the user's.</summary>
internal static class PolicyLoader
{
    /// <summary>Loads policies, writing every problem to <paramref name="error"/>. Returns null when any input is invalid.</summary>
    public static PolicySet? Load(IReadOnlyList<string> paths, bool builtIns, TextWriter error)
    {
        if (paths.Count == 0 && builtIns)
        {
            return BuiltInPolicies.Load();
        }

        if (paths.Count == 0)
        {
            error.WriteLine("error: --no-builtins leaves no policies: give your documents with --policies");
            return null;
        }

        var documents = builtIns ? BuiltInPolicies.Documents().ToList() : [];
        var problems = new List<Problem>();
        var files = ExpandFiles(paths, error, out var missing);
        foreach (var file in files)
        {
            var result = PolicyDocument.Load(file);
            problems.AddRange(result.Problems);
            if (result.Document is { } d)
            {
                documents.Add(d);
            }
        }

        if (missing)
        {
            return null;
        }

        if (problems.Count == 0)
        {
            var set = PolicySet.TryCompile(documents, out var compileProblems);
            problems.AddRange(compileProblems);
            if (set is not null && problems.Count == 0)
            {
                return set;
            }
        }

        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }

        return null;
    }

    /// <summary>Files named directly, and the *.json files of folders (recursively, in ordinal order).</summary>
    public static List<string> ExpandFiles(IEnumerable<string> paths, TextWriter error, out bool missing)
    {
        missing = false;
        var files = new List<string>();
        foreach (var path in paths)
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
                error.WriteLine($"{path}: error: no such file or folder");
                missing = true;
            }
        }

        return files;
    }
}
