using System.Diagnostics;
using System.Text;

namespace PolicyModel.Reliability.Tests.InputFiles;

/// <summary>
/// Every input file is read one way (<see cref="PolicyModel.InputFiles"/>): strict UTF-8 with at most one byte order
/// mark, a size cap counted while reading, regular files only, and folder walks that never loop. Each test is named
/// after the defect it guards against.
/// </summary>
public sealed class HostileInputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pm-input-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static string ScenarioJson(string name) => $$"""
        { "scenarios": [ { "name": "{{name}}",
          "request": { "jurisdiction": "us-il-chicago", "receivedAt": "2024-06-01T10:00:00-05:00", "requester": "local-police",
                       "purpose": "criminal-investigation", "assistance": "stop-or-arrest" },
          "expect": { "outcome": "granted" } } ] }
        """;

    [Fact]
    public void Invalid_utf8_in_a_scenario_file_is_refused_not_replaced()
    {
        var bytes = Encoding.UTF8.GetBytes(ScenarioJson("name-XX"));
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3; // a lead byte followed by 'X': not UTF-8
        var path = Write("bad-utf8.json", bytes);

        var act = () => ScenarioFile.Load(path);

        act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Match<Problem>(p => p.Code == ProblemCodes.MalformedJson && p.Document == path && p.Message.Contains("UTF-8"));
    }

    [Fact]
    public void A_utf16_scenario_file_is_refused()
    {
        var path = Write("utf16.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ScenarioJson("a"))]);

        var act = () => ScenarioFile.Load(path);

        act.Should().Throw<InvalidRequestException>().Which.Problems.Single().Message.Should().Contain("UTF-16");
    }

    [Fact]
    public void A_doubled_byte_order_mark_is_refused_and_a_single_one_is_allowed()
    {
        var bom = Encoding.UTF8.GetPreamble();
        var once = Write("once.json", [.. bom, .. Encoding.UTF8.GetBytes(ScenarioJson("once"))]);
        var twice = Write("twice.json", [.. bom, .. bom, .. Encoding.UTF8.GetBytes(ScenarioJson("twice"))]);

        ScenarioFile.Load(once).Single().Name.Should().Be("once");
        var act = () => ScenarioFile.Load(twice);
        act.Should().Throw<InvalidRequestException>().Which.Problems.Single().Message.Should().Contain("two byte order marks");
        PolicyModel.InputFiles.TryRead(twice, 1024 * 1024, out _, out var problem).Should().BeFalse();
        problem!.Code.Should().Be(ProblemCodes.MalformedJson);
    }

    [Fact]
    public void An_endless_input_is_refused_at_the_cap_while_reading()
    {
        using var endless = new EndlessStream();

        var read = PolicyModel.InputFiles.TryRead(endless, "-", 1024 * 1024, out var bytes, out var problem);

        read.Should().BeFalse();
        bytes.Should().BeNull();
        problem!.Code.Should().Be(ProblemCodes.TooLarge);
        endless.Served.Should().BeLessThan(2L * 1024 * 1024, "reading stops just past the cap");
    }

    [Fact]
    public void A_scenario_file_over_its_cap_is_refused_with_too_large()
    {
        // Valid so far (an open array padded with spaces), so only the cap, counted while reading, can stop it.
        const int cap = 1024 * 1024;
        var path = Write("big.json", [.. "{ \"scenarios\": ["u8, .. Enumerable.Repeat((byte)' ', cap), .. "] }"u8]);

        var act = () => ScenarioFile.Read(path, problems: null, maxBytes: cap).ToList();

        act.Should().Throw<InvalidRequestException>().Which.Problems.Single().Code.Should().Be(ProblemCodes.TooLarge);
    }

    [Fact]
    public void Dev_zero_as_a_document_is_refused_without_reading_it()
    {
        var watch = Stopwatch.StartNew();

        PolicyDocument.TryLoad("/dev/zero", out _, out var problems);

        problems.Should().ContainSingle().Which.Code.Should().Be(ProblemCodes.NotARegularFile);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_link_named_json_to_dev_zero_in_a_policies_folder_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        File.CreateSymbolicLink(Path.Combine(folder, "policies", "zero.json"), "/dev/zero");

        PolicySources.TryLoad([Path.Combine(folder, "policies")], out var set, out var problems).Should().BeFalse();

        set.Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Match<Problem>(p => p.Code == ProblemCodes.NotARegularFile && p.Document.EndsWith("zero.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fifo_named_json_in_a_policies_folder_is_refused_without_blocking()
    {
        var fifo = Path.Combine(folder, "x.json");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        var load = Task.Run(() => (PolicySources.TryLoad([folder], out _, out var problems), problems));
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30)));
        finished.Should().BeSameAs(load, "a FIFO is never opened for a blocking read");

        var (loaded, problems) = await load;
        loaded.Should().BeFalse();
        problems.Should().ContainSingle().Which.Should().Match<Problem>(p => p.Code == ProblemCodes.NotARegularFile && p.Document == fifo);
        LoadProblems(fifo).Single().Code.Should().Be(ProblemCodes.NotARegularFile);
    }

    [Fact]
    public void Two_links_back_to_the_folder_end_the_walk_and_load_each_document_once()
    {
        var document = Write("doc.json", TestInputs.ValidDocument);
        File.CreateSymbolicLink(Path.Combine(folder, "a"), ".");
        File.CreateSymbolicLink(Path.Combine(folder, "b"), ".");

        PolicyModel.InputFiles.TryExpand([folder], out var files, out var problems).Should().BeTrue();

        problems.Should().BeEmpty();
        files.Should().Equal(document);
        PolicySources.TryLoad([folder], out var set, out _).Should().BeTrue();
        set!.Documents.Should().ContainSingle();
    }

    [Fact]
    public void A_self_link_loads_its_document_once()
    {
        Write("doc.json", TestInputs.ValidDocument);
        File.CreateSymbolicLink(Path.Combine(folder, "self"), folder);
        File.CreateSymbolicLink(Path.Combine(folder, "again.json"), Path.Combine(folder, "doc.json"));

        PolicySources.TryLoad([folder], out var set, out var problems).Should().BeTrue(string.Join("; ", problems));

        set!.Documents.Should().ContainSingle();
    }

    [Fact]
    public void A_dangling_link_is_a_problem_naming_the_path()
    {
        var link = Path.Combine(folder, "gone.json");
        File.CreateSymbolicLink(link, Path.Combine(folder, "nowhere.json"));

        LoadProblems(link).Should().ContainSingle().Which.Should().Match<Problem>(p => p.Code == ProblemCodes.DanglingLink && p.Document == link);
        PolicyModel.InputFiles.TryExpand([folder], out _, out var problems).Should().BeFalse();
        problems.Single().Code.Should().Be(ProblemCodes.DanglingLink);
    }

    [Fact]
    public void A_folder_given_as_a_file_is_a_problem_not_an_exception()
    {
        var sub = Directory.CreateDirectory(Path.Combine(folder, "sub.json")).FullName;

        LoadProblems(sub).Should().ContainSingle().Which.Should().Match<Problem>(p => p.Code == ProblemCodes.NotARegularFile && p.Document == sub);
        var act = () => ScenarioFile.Load(sub);
        act.Should().Throw<InvalidRequestException>().Which.Problems.Single().Code.Should().Be(ProblemCodes.NotARegularFile);
    }

    [Fact]
    public void A_missing_path_is_a_problem_in_the_loader_and_the_scenario_runner()
    {
        var missing = Path.Combine(folder, "missing");

        PolicySources.TryLoad([missing], out _, out var problems).Should().BeFalse();
        problems.Single().Should().Match<Problem>(p => p.Code == ProblemCodes.FileUnreadable && p.Document == missing);
        var act = () => ScenarioRunner.ScenarioFiles(missing);
        act.Should().Throw<InvalidRequestException>().Which.Problems.Single().Code.Should().Be(ProblemCodes.FileUnreadable);
    }

    [Fact]
    public void The_loader_reports_the_problems_of_every_file_not_only_the_first()
    {
        Write("a.json", "{ \"format\": ");
        Write("b.json", "[]");
        Write("c.json", TestInputs.ValidDocument);

        PolicySources.TryLoad([folder], out var set, out var problems).Should().BeFalse();

        set.Should().BeNull();
        problems.Select(p => Path.GetFileName(p.Document)).Distinct().Should().Equal("a.json", "b.json");
    }

    [Fact]
    public void The_loader_compiles_files_beside_documents_the_caller_holds()
    {
        var city = Write("city.json", """
            { "format": "policymodel/1", "jurisdiction": { "id": "zz-city", "name": "Test city", "parent": "zz", "timeZone": "America/Chicago", "level": "city" } }
            """);
        var zz = PolicyDocument.Parse(TestInputs.ValidDocument, "zz.json");

        PolicySources.TryLoad([city], [zz], out var set, out var problems).Should().BeTrue(string.Join("; ", problems));

        set!.Documents.Select(d => d.Name).Should().Equal("zz.json", city);
    }

    /// <summary>A stream of zeros that never ends, counting what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static IReadOnlyList<Problem> LoadProblems(string path) => PolicyDocument.TryLoad(path, out _, out var problems) ? [] : problems;
}
