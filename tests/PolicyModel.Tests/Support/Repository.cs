namespace PolicyModel.Tests.Support;

/// <summary>The repository these tests were built from, for tests that read its source files.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>PolicyModel.sln</c>, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The C# files under <paramref name="folder"/> (relative to the root), build output (<c>bin/</c>, <c>obj/</c>)
    /// left out, as paths relative to the root with forward slashes.
    /// </summary>
    public static IReadOnlyList<string> SourceFiles(string folder) =>
        Directory.Exists(Path.Combine(Root, folder))
            ? Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicyModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PolicyModel.sln not found above " + AppContext.BaseDirectory);
    }
}
