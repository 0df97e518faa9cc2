using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyModel.Tests.Layout;

/// <summary>
/// Namespaces follow folders (docs/concepts.md, "Where each thing lives"): in every project of the repository, a C#
/// file's namespace is the project's root namespace followed by the file's folder path. The build's IDE0130 says the
/// same but skipped every file here that declares a partial type (<c>PolicySet</c>, <c>AssistanceRequest</c>, the
/// ids, for example), so this test reads every file itself. A file may step outside the rule only through a section
/// of its own in the root <c>.editorconfig</c> that turns IDE0130 off, under a comment that says why; a file without
/// a namespace (a top-level program, assembly attributes) may declare no type.
/// </summary>
public sealed partial class NamespaceFolderTests
{
    private static readonly string[] ProjectFolders = ["src", "tests", "benchmarks", "docs/samples"];

    [Fact]
    public void Every_file_in_the_repository_is_in_the_namespace_of_its_folder()
    {
        var projects = ProjectFolders.SelectMany(f => Projects(Path.Combine(Repository.Root, f))).ToList();
        projects.Should().Contain(p => p.RootNamespace == "PolicyModel", "the scan must see the core library");

        var exceptions = Exceptions(Repository.Root);
        exceptions.Should().OnlyContain(e => e.Value, "every exception in .editorconfig has a comment above it saying why");
        exceptions.Keys.Should().OnlyContain(f => File.Exists(Path.Combine(Repository.Root, f)), "an exception names a file that exists");

        var offenders = projects.SelectMany(p => Offenders(p, Repository.Root, exceptions.Keys.ToHashSet())).ToList();

        offenders.Should().BeEmpty("a file's namespace is its project's root namespace plus its folder path");
    }

    [Fact]
    public void The_check_reports_a_file_whose_namespace_is_not_its_folder()
    {
        var root = Directory.CreateTempSubdirectory("policymodel-layout-").FullName;
        try
        {
            var project = Path.Combine(root, "src", "Sample.Lib");
            Directory.CreateDirectory(Path.Combine(project, "Engine"));
            File.WriteAllText(Path.Combine(project, "Sample.Lib.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            File.WriteAllText(Path.Combine(project, "Top.cs"), "namespace Sample.Lib;\npublic sealed class Top;\n");
            File.WriteAllText(Path.Combine(project, "Engine", "Good.cs"), "namespace Sample.Lib.Engine;\ninternal sealed class Good;\n");
            File.WriteAllText(Path.Combine(project, "Engine", "Bad.cs"), "namespace Sample.Lib;\npublic sealed class Bad;\n");
            File.WriteAllText(Path.Combine(project, "Engine", "Global.cs"), "internal sealed class Global;\n");
            File.WriteAllText(Path.Combine(project, "Engine", "Excused.cs"), "namespace Elsewhere;\n");
            File.WriteAllText(Path.Combine(project, "Engine", "Unexplained.cs"), "namespace Elsewhere;\n");
            File.WriteAllText(Path.Combine(root, ".editorconfig"), """
                root = true

                [*.cs]
                dotnet_diagnostic.IDE0130.severity = error

                # Elsewhere on purpose: a convention.
                [src/Sample.Lib/Engine/Excused.cs]
                dotnet_diagnostic.IDE0130.severity = none

                [src/Sample.Lib/Engine/Unexplained.cs]
                dotnet_diagnostic.IDE0130.severity = none
                """);
            File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(1);\n");

            var exceptions = Exceptions(root);
            exceptions.Should().BeEquivalentTo(new Dictionary<string, bool>
            {
                ["src/Sample.Lib/Engine/Excused.cs"] = true,
                ["src/Sample.Lib/Engine/Unexplained.cs"] = false,
            });

            var offenders = Projects(Path.Combine(root, "src")).SelectMany(p => Offenders(p, root, exceptions.Keys.ToHashSet())).ToList();

            offenders.Should().BeEquivalentTo(
                "src/Sample.Lib/Engine/Bad.cs: namespace Sample.Lib, expected Sample.Lib.Engine",
                "src/Sample.Lib/Engine/Global.cs: declares a type outside any namespace, expected Sample.Lib.Engine");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed record Project(string Directory, string RootNamespace);

    private static IEnumerable<Project> Projects(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(f => new Project(
                    Path.GetDirectoryName(f)!,
                    XDocument.Load(f).Descendants("RootNamespace").LastOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(f)))
            : [];

    /// <summary>
    /// The files the root <c>.editorconfig</c> exempts from IDE0130, each a section of its own (a path from the root),
    /// with whether a comment line stands directly above the section saying why.
    /// </summary>
    private static Dictionary<string, bool> Exceptions(string root)
    {
        var exceptions = new Dictionary<string, bool>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(root, ".editorconfig"));
        for (var i = 0; i < lines.Length; i++)
        {
            var header = Section().Match(lines[i]);
            if (!header.Success)
            {
                continue;
            }

            var body = lines.Skip(i + 1).TakeWhile(l => !l.TrimStart().StartsWith('['));
            if (body.Any(l => l.Replace(" ", "", StringComparison.Ordinal) == "dotnet_diagnostic.IDE0130.severity=none"))
            {
                exceptions[header.Groups["path"].Value] = i > 0 && lines[i - 1].TrimStart().StartsWith('#');
            }
        }

        return exceptions;
    }

    private static IEnumerable<string> Offenders(Project project, string root, HashSet<string> exceptions)
    {
        foreach (var file in Directory.EnumerateFiles(project.Directory, "*.cs", SearchOption.AllDirectories))
        {
            var folders = Path.GetRelativePath(project.Directory, Path.GetDirectoryName(file)!)
                .Split(Path.DirectorySeparatorChar)
                .Where(s => s != ".")
                .ToList();
            if (folders.Count > 0 && folders[0] is "bin" or "obj")
            {
                continue;
            }

            var expected = string.Join('.', folders.Prepend(project.RootNamespace));
            var name = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var text = File.ReadAllText(file);
            var declaration = NamespaceDeclaration().Match(text);
            if (!declaration.Success)
            {
                if (TypeDeclaration().IsMatch(text))
                {
                    yield return $"{name}: declares a type outside any namespace, expected {expected}";
                }

                continue;
            }

            var actual = declaration.Groups["name"].Value;
            if (actual == expected)
            {
                continue;
            }

            if (!exceptions.Contains(name))
            {
                yield return $"{name}: namespace {actual}, expected {expected}";
            }
        }
    }

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|partial|abstract|readonly|ref)\s+)*(?:class|record|struct|interface|enum)\s+\w", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\[(?<path>[^\]*?{}]+\.cs)\]\s*$")]
    private static partial Regex Section();
}
