using System.Diagnostics;
using System.Text;

namespace PolicyModel.Cli.Tests;

/// <summary>Runs the tool in-process with captured standard streams.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>
/// Runs the tool: in-process by default, or, when <c>POLICYMODEL_CLI</c> names an executable (the Native AOT build,
/// see .ci/run), as that process, so the same tests check the shipped binary.
/// </summary>
internal static class CliRunner
{
    /// <summary>Gets the executable under test when the tests run against a built tool; null in-process.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("POLICYMODEL_CLI") is { Length: > 0 } path ? path : null;

    public static CliResult Run(string? stdin, params string[] args)
    {
        if (Executable is not null)
        {
            return RunProcess(Executable, [], stdin, args);
        }

        using var input = new StringReader(stdin ?? string.Empty);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, input, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the tool as a process: the executable under test, or the built assembly through <c>dotnet</c>.</summary>
    public static CliResult RunProcess(string? stdin, params string[] args) =>
        Executable is not null
            ? RunProcess(Executable, [], stdin, args)
            : RunProcess("dotnet", [Path.Combine(AppContext.BaseDirectory, "PolicyModel.Cli.dll")], stdin, args);

    /// <summary>Starts the tool as a process with redirected streams (the caller reads, writes and waits).</summary>
    public static Process Start(params string[] args) =>
        Executable is not null ? Start(Executable, [], args) : Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "PolicyModel.Cli.dll")], args);

    private static CliResult RunProcess(string file, string[] prefix, string? stdin, string[] args)
    {
        using var process = Start(file, prefix, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not end within 2 minutes");
        }

        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    private static Process Start(string file, string[] prefix, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in prefix.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    public static string Scenarios(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    public static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "policymodel-cli-tests", Guid.NewGuid().ToString("N") + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (extension == ".json")
        {
            // Every policy document, request file and scenario file these tests give the tool, good or bad, is judged
            // by the JSON Schemas as by the readers (docs/policy-format.md, "JSON Schemas").
            PolicyModel.Reliability.Tests.Schemas.SchemaAgreement.AgreeWithEveryReader(System.Text.Encoding.UTF8.GetBytes(content), "a file of the command-line tests");
        }

        return path;
    }
}
