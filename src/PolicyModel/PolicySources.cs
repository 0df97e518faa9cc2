using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>
/// The one loading step: policy documents from files and folders (every <c>*.json</c> beneath a folder), plus
/// documents the caller already holds (the built-in law, documents built in code), compiled into a
/// <see cref="PolicySet"/>, or every problem found. The command-line tool, the scenario runner and the
/// dependency-injection package all load through here; files are read by <see cref="InputFiles"/>.
/// </summary>
public static class PolicySources
{
    /// <summary>Reads the documents of files and folders and compiles them with <paramref name="documents"/> into a set.</summary>
    /// <param name="paths">Policy document files and folders (folders: every <c>*.json</c> file beneath, in ordinal order).</param>
    /// <param name="documents">Documents already parsed, compiled before the files' (for example <c>BuiltInPolicies.Documents()</c>).</param>
    /// <param name="set">The compiled set, when there were no problems.</param>
    /// <param name="problems">Every problem: unreadable files, problems in each document, and, when every document read cleanly, the set's problems.</param>
    /// <returns>Whether the set was compiled.</returns>
    /// <exception cref="ArgumentNullException">An argument, a path or a document is <see langword="null"/>.</exception>
    public static bool TryLoad(IEnumerable<string> paths, IEnumerable<PolicyDocument> documents, [NotNullWhen(true)] out PolicySet? set, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(paths);
        Guard.Against.Null(documents);
        var all = documents.ToList();
        Guard.Against.InvalidInput(all, nameof(documents), d => !d.Contains(null!), "a document is null");
        set = null;
        if (!TryRead(paths, out var read, out problems))
        {
            return false;
        }

        all.AddRange(read);
        return PolicySet.TryCompile(all, out set, out problems);
    }

    /// <summary>Reads and compiles the documents of files and folders alone.</summary>
    /// <param name="paths">Policy document files and folders.</param>
    /// <param name="set">The compiled set, when there were no problems.</param>
    /// <param name="problems">Every problem found.</param>
    /// <returns>Whether the set was compiled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or a path is <see langword="null"/>.</exception>
    public static bool TryLoad(IEnumerable<string> paths, [NotNullWhen(true)] out PolicySet? set, out IReadOnlyList<Problem> problems) =>
        TryLoad(paths, [], out set, out problems);

    /// <summary>Reads the documents of files and folders without compiling them (each document's problems, every file read).</summary>
    /// <param name="paths">Policy document files and folders.</param>
    /// <param name="documents">The documents that read without problems, in file order.</param>
    /// <param name="problems">Every problem: paths that cannot be read and each document's problems.</param>
    /// <returns>Whether every path was read and every document parsed without problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or a path is <see langword="null"/>.</exception>
    public static bool TryRead(IEnumerable<string> paths, out IReadOnlyList<PolicyDocument> documents, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(paths);
        InputFiles.TryExpand(paths, out var files, out var expandProblems);
        var found = new List<Problem>(expandProblems);
        var read = new List<PolicyDocument>();
        foreach (var file in files)
        {
            if (PolicyDocument.TryLoad(file, out var document, out var documentProblems))
            {
                read.Add(document);
            }

            found.AddRange(documentProblems);
        }

        documents = read;
        problems = found;
        return found.Count == 0;
    }
}
