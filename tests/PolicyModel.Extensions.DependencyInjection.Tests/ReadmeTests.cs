using System.Reflection;
using System.Text.RegularExpressions;

namespace PolicyModel.Extensions.DependencyInjection.Tests;

/// <summary>
/// The README's C# examples are compiled: each ```csharp block of README.md follows a
/// <c>&lt;!-- compiled: path --&gt;</c> line naming the program in docs/samples/ it must equal, and those programs build
/// with the solution and run here. (.ci/consumer-check also runs the quick start against the packed packages.)
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var (file, _) in CompiledBlocks())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void Every_csharp_block_of_the_README_names_the_compiled_program_it_equals()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var blocks = Regex.Count(readme, "^```csharp\n", RegexOptions.Multiline);

        blocks.Should().BeGreaterThanOrEqualTo(2);
        CompiledBlocks().Should().HaveCount(blocks, "every ```csharp block must follow a <!-- compiled: docs/samples/.../Program.cs --> line");
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_README_block_is_the_compiled_program(string file)
    {
        var block = CompiledBlocks().Single(b => b.File == file).Code;
        var program = File.ReadAllText(Path.Combine(Root, file)).ReplaceLineEndings("\n");

        block.Should().Be(program, $"the README block must be {file} exactly (copy one to the other)");
    }

    /// <summary>The compiled files package READMEs may show (nuget.org shows HTML comments as text, so they carry no marker).</summary>
    private static readonly string[] CompiledExamples =
    [
        "docs/samples/PolicyModel.QuickStart/Program.cs",
        "docs/samples/PolicyModel.HostingSample/Program.cs",
        "docs/samples/PolicyModel.ServerSample/Program.cs",
        "tests/PolicyModel.Jurisdictions.Tests/TestingPackageReadmeExample.cs",
    ];

    public static TheoryData<string> PackageReadmes()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, Path.GetDirectoryName(project)!).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void Every_package_has_a_README_whose_csharp_is_compiled(string project)
    {
        var readme = Path.Combine(Root, project, "README.md");
        File.Exists(readme).Should().BeTrue($"{project} is packed with its own README.md (Directory.Build.props)");
        var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
        var compiled = CompiledExamples.Select(f => File.ReadAllText(Path.Combine(Root, f)).ReplaceLineEndings("\n")).ToList();

        text.Should().NotContain("](docs/", "relative links do not work on nuget.org");
        foreach (Match block in CsharpBlock().Matches(text))
        {
            compiled.Should().Contain(block.Groups["code"].Value, $"each C# block of {project}/README.md must be one of {string.Join(", ", CompiledExamples)} exactly");
        }
    }

    [Fact]
    public async Task The_quick_start_runs_and_prints_Denied()
    {
        var output = await RunProgram("PolicyModel.QuickStart");

        output.Should().StartWith("Denied" + Environment.NewLine);
        output.Should().Contain("Chicago Municipal Code 2-173-020(a)(6); 5 ILCS 805/15(h)");
        output.Should().Contain("\"outcome\": \"denied\"");
    }

    [Fact]
    public async Task The_hosting_example_starts_a_host_and_prints_Denied()
    {
        var output = await RunProgram("PolicyModel.HostingSample");

        output.Should().Contain("Denied" + Environment.NewLine);
    }

    private static async Task<string> RunProgram(string assemblyName)
    {
        var entry = Assembly.Load(new AssemblyName(assemblyName)).EntryPoint!;
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
            if (result is Task task)
            {
                await task;
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        return captured.ToString();
    }

    private static List<(string File, string Code)> CompiledBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        return [.. CompiledBlock().Matches(readme).Select(m => (m.Groups["file"].Value, m.Groups["code"].Value))];
    }

    [GeneratedRegex("^<!-- compiled: (?<file>\\S+) -->\n```csharp\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CompiledBlock();

    [GeneratedRegex("^```csharp\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();

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
}
