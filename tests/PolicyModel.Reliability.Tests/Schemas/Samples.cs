using System.Text;
using System.Text.RegularExpressions;

namespace PolicyModel.Reliability.Tests.Schemas;

/// <summary>The repository's sample files and docs examples, and what each reader says of a text.</summary>
internal static partial class Samples
{
    /// <summary>Folders (relative to the repository's root) whose JSON files are valid samples, and whether to look below them.</summary>
    private static readonly (string Folder, bool Deep)[] SampleFolders =
    [
        ("src/PolicyModel.Jurisdictions/Policies", false),
        ("docs/examples", true),
        ("tests/Examples.AgencyPolicy.Tests/policies", false),
        ("tests/Examples.AgencyPolicy.Tests/scenarios", false),
        ("tests/PolicyModel.Jurisdictions.Tests/scenarios", true),
    ];

    /// <summary>The sample files, relative to the repository's root, with forward slashes.</summary>
    public static IEnumerable<string> Files() =>
        SampleFolders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Schemas.Root, f.Folder), "*.json", f.Deep ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
            .Select(p => Path.GetRelativePath(Schemas.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The files that must name their schema with <c>$schema</c>: the samples, except the copies of the shared reference scenarios.</summary>
    public static IEnumerable<string> FilesNamingTheirSchema() =>
        Files().Where(f => !f.StartsWith("tests/PolicyModel.Jurisdictions.Tests/scenarios/reference/", StringComparison.Ordinal));

    /// <summary>Every <c>```json</c> block of the docs, the README and the packages' READMEs: file, line and text.</summary>
    public static IEnumerable<(string File, int Line, string Text)> MarkdownBlocks()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Schemas.Root, "docs"), "*.md")
            .Append(Path.Combine(Schemas.Root, "README.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Schemas.Root, "src"), "README.md", SearchOption.AllDirectories));
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            foreach (Match block in JsonBlock().Matches(text))
            {
                var line = text.AsSpan(0, block.Index).Count('\n') + 2;
                yield return (Path.GetRelativePath(Schemas.Root, path).Replace('\\', '/'), line, block.Groups[1].Value);
            }
        }
    }

    /// <summary>What the policy-document, request-file and scenario-file readers each say of <paramref name="utf8"/>.</summary>
    public static IEnumerable<(SchemaKind Kind, IReadOnlyList<Problem> Problems)> Readers(byte[] utf8, string name) =>
        new[] { SchemaKind.PolicyDocument, SchemaKind.RequestFile, SchemaKind.ScenarioFile }.Select(k => (k, Read(k, utf8, name)));

    /// <summary>The problems the reader of <paramref name="kind"/> reports for <paramref name="utf8"/> (none: it accepts it).</summary>
    public static IReadOnlyList<Problem> Read(SchemaKind kind, byte[] utf8, string name)
    {
        try
        {
            switch (kind)
            {
                case SchemaKind.PolicyDocument:
                    return PolicyDocument.TryParse(utf8, name, out _, out var problems) ? [] : problems;
                case SchemaKind.RequestFile:
                    RequestJson.ReadAll(utf8, name, out _);
                    return [];
                case SchemaKind.Request:
                    RequestJson.ReadAll(utf8, name, out var wasArray);
                    return wasArray ? [new Problem(ProblemCodes.WrongType, name, "$", 1, 1, "expected one request object, found an array")] : [];
                default:
                    // ScenarioFile.Load reads strict UTF-8 (as every file reader does) and parses the text.
                    string text;
                    try
                    {
                        text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
                    }
                    catch (DecoderFallbackException)
                    {
                        return [new Problem(ProblemCodes.MalformedJson, name, "$", null, null, "not valid UTF-8")];
                    }

                    ScenarioFile.Parse(text.TrimStart('\uFEFF'), name);
                    return [];
            }
        }
        catch (InvalidRequestException e)
        {
            return e.Problems;
        }
    }

    [GeneratedRegex(@"^```json[ \t]*\r?\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
