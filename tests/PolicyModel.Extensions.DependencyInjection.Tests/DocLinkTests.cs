using System.Text.RegularExpressions;

namespace PolicyModel.Extensions.DependencyInjection.Tests;

/// <summary>
/// The docs are self-contained: every link of README.md and docs/**/*.md points at a file (or folder) of this
/// repository that exists, with a heading that exists when it names one; package READMEs (shown on nuget.org,
/// where relative links do not work) link only to this repository's files on its home page or to its own packages.
/// Nothing refers to texts a user of the repository does not have.
/// </summary>
public sealed partial class DocLinkTests
{
    private const string RepositoryBlob = "https://github.com/policymodel/policymodel/blob/main/";
    private const string RepositoryHome = "https://github.com/policymodel/policymodel";
    private static readonly string Root = FindRoot();

    public static TheoryData<string> RepositoryDocs()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> PackageReadmes()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryDocs))]
    public void Every_link_of_a_doc_points_at_an_existing_file_of_the_repository(string doc)
    {
        var broken = new List<string>();
        var directory = Path.GetDirectoryName(Path.Combine(Root, doc))!;
        foreach (var (target, line) in Links(doc))
        {
            if (target.StartsWith('#'))
            {
                if (!Anchors(Path.Combine(Root, doc)).Contains(target[1..]))
                {
                    broken.Add($"line {line}: {target} (no such heading)");
                }

                continue;
            }

            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is not "file")
            {
                broken.Add($"line {line}: {target} (outside the repository)");
                continue;
            }

            var (path, anchor) = Split(target);
            var full = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(path)));
            if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != Root)
            {
                broken.Add($"line {line}: {target} (outside the repository)");
            }
            else if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"line {line}: {target} (no such file)");
            }
            else if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal) && !Anchors(full).Contains(anchor))
            {
                broken.Add($"line {line}: {target} (no such heading)");
            }
        }

        broken.Should().BeEmpty($"{doc} must link only to files of this repository that exist");
    }

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void A_package_README_links_only_to_this_repository_and_its_packages(string readme)
    {
        var broken = new List<string>();
        foreach (var (target, line) in Links(readme))
        {
            if (target.StartsWith(RepositoryBlob, StringComparison.Ordinal))
            {
                var (path, _) = Split(target[RepositoryBlob.Length..]);
                if (!File.Exists(Path.Combine(Root, path)))
                {
                    broken.Add($"line {line}: {target} (no such file in the repository)");
                }
            }
            else if (target != RepositoryHome
                && !(target.StartsWith("https://www.nuget.org/packages/PolicyModel", StringComparison.Ordinal)
                     && PackageIds().Contains(target["https://www.nuget.org/packages/".Length..].TrimEnd('/'))))
            {
                broken.Add($"line {line}: {target} (not this repository or one of its packages)");
            }
        }

        broken.Should().BeEmpty($"{readme} is shown on nuget.org: absolute links, and only to this project");
    }

    [Theory]
    [MemberData(nameof(RepositoryDocs))]
    [MemberData(nameof(PackageReadmes))]
    public void No_doc_refers_to_texts_outside_the_repository(string doc)
    {
        var text = File.ReadAllText(Path.Combine(Root, doc));

        text.Should().NotContainAny(["../shared", "domain section", "domain.md", "contract.md"]);
    }

    [Fact]
    public void No_XML_doc_or_comment_in_src_refers_to_texts_outside_the_repository()
    {
        var offending = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, Text: line)))
            .Where(l => OutsideReference().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");

        offending.Should().BeEmpty("XML docs point at docs/*.md (docs/semantics.md, section N), never at texts a user does not have");
    }

    [Fact]
    public void The_link_check_finds_a_broken_link_and_an_outside_one()
    {
        var links = LinkPattern().Matches("see [a](missing.md), [b](https://example.org/x) and <https://example.org>").Select(m => m.Groups["target"].Value);

        links.Should().Equal("missing.md", "https://example.org/x", "https://example.org");
    }

    private static IEnumerable<(string Target, int Line)> Links(string doc)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, doc));
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            var text = InlineCode().Replace(lines[i], string.Empty);
            foreach (Match m in LinkPattern().Matches(text))
            {
                yield return (m.Groups["target"].Value, i + 1);
            }
        }
    }

    private static (string Path, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }

    /// <summary>The anchors of a Markdown file's headings, as GitHub makes them.</summary>
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in File.ReadLines(file))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && Heading().Match(line) is { Success: true } h)
            {
                var slug = string.Concat(h.Groups["text"].Value.Trim().ToLowerInvariant()
                    .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');
                var unique = slug;
                for (var n = 1; !anchors.Add(unique); n++)
                {
                    unique = $"{slug}-{n}";
                }
            }
        }

        return anchors;
    }

    private static HashSet<string> PackageIds() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyModel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyModel.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)|<(?<target>https?://[^>]+)>")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\.\./shared|domain sections? [0-9]|domain [0-9]\.[0-9]|domain\.md|contract\.md", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideReference();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*$")]
    private static partial Regex Heading();
}
