using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyModel.Tests.Layout;

/// <summary>
/// Namespaces follow folders (docs/concepts.md, "Where each thing lives"): in every project of the repository, a C#
/// file's namespace is the project's root namespace followed by the file's folder path. The build's IDE0130 says the
/// same but skipped every file here that declares a partial type (<c>PolicySet</c>, <c>AssistanceRequest</c>, the ids, for
/// example), so this test reads every file itself. A file may step outside the rule only with
/// <c>#pragma warning disable IDE0130</c> under a comment that says why; a file without a namespace (a top-level
/// program, assembly attributes) may declare no type.
/// </summary>
public sealed partial class NamespaceFolderTests
{
    private static readonly string[] ProjectFolders = ["src", "tests", "benchmarks", "docs/samples"];

    [Fact]
    public void Every_file_in_the_repository_is_in_the_namespace_of_its_folder()
    {
        var projects = ProjectFolders.SelectMany(f => Projects(Path.Combine(Repository.Root, f))).ToList();
        projects.Should().Contain(p => p.RootNamespace == "PolicyModel", "the scan must see the core library");

        var offenders = projects.SelectMany(p => Offenders(p, Repository.Root)).ToList();

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
            File.WriteAllText(Path.Combine(project, "Engine", "Excused.cs"), "#pragma warning disable IDE0130\nnamespace Elsewhere;\n#pragma warning restore IDE0130\n");
            File.WriteAllText(Path.Combine(project, "Engine", "Explained.cs"), "// Elsewhere on purpose: a convention.\n#pragma warning disable IDE0130\nnamespace Elsewhere;\n#pragma warning restore IDE0130\n");
            File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(1);\n");

            var offenders = Projects(Path.Combine(root, "src")).SelectMany(p => Offenders(p, root)).ToList();

            offenders.Should().BeEquivalentTo(
                "src/Sample.Lib/Engine/Bad.cs: namespace Sample.Lib, expected Sample.Lib.Engine",
                "src/Sample.Lib/Engine/Excused.cs: namespace Elsewhere, expected Sample.Lib.Engine (an exception needs a comment saying why above its #pragma)",
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

    private static IEnumerable<string> Offenders(Project project, string root)
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

            var excused = ExplainedException().IsMatch(text[..declaration.Index]);
            var marked = text[..declaration.Index].Contains("#pragma warning disable IDE0130", StringComparison.Ordinal);
            if (!excused)
            {
                yield return marked
                    ? $"{name}: namespace {actual}, expected {expected} (an exception needs a comment saying why above its #pragma)"
                    : $"{name}: namespace {actual}, expected {expected}";
            }
        }
    }

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|partial|abstract|readonly|ref)\s+)*(?:class|record|struct|interface|enum)\s+\w", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^//[^\n]*\S[^\n]*\n#pragma warning disable IDE0130\s*\n\z", RegexOptions.Multiline)]
    private static partial Regex ExplainedException();
}
