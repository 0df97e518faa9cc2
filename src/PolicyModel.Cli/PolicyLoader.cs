using PolicyModel.Jurisdictions;

namespace PolicyModel.Cli;

/// <summary>The tool's side of loading: the built-ins, the user's documents beside them, or only the user's, through <see cref="PolicySources"/>.</summary>
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

        if (PolicySources.TryLoad(paths, builtIns ? BuiltInPolicies.Documents() : [], out var set, out var problems))
        {
            return set;
        }

        foreach (var problem in problems)
        {
            error.WriteLine(UntrustedText.Escape(problem.ToString()));
        }

        return null;
    }

    /// <summary>Files named directly, and the *.json files of folders (recursively, in ordinal order), through <see cref="InputFiles.TryExpand"/>.</summary>
    public static IReadOnlyList<string> ExpandFiles(IEnumerable<string> paths, TextWriter error, out bool missing)
    {
        missing = !InputFiles.TryExpand(paths, out var files, out var problems);
        foreach (var problem in problems)
        {
            error.WriteLine(UntrustedText.Escape(problem.ToString()));
        }

        return files;
    }
}
