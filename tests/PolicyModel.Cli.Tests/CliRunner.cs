namespace PolicyModel.Cli.Tests;

/// <summary>Runs the tool in-process with captured standard streams.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

internal static class CliRunner
{
    public static CliResult Run(string? stdin, params string[] args)
    {
        using var input = new StringReader(stdin ?? string.Empty);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, input, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    public static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "policymodel-cli-tests", Guid.NewGuid().ToString("N") + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
