using System.Text;
using Microsoft.Win32.SafeHandles;
using PolicyModel.Cli;

// Standard input is read strictly as UTF-8, like a request file: invalid bytes are an error, never replaced.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
using var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: false);

// Standard output is buffered (flushed at the end and by streaming commands after each batch); standard error is
// written at once and never fails the run.
// The standard streams are opened as files, not as console streams: a console stream drops writes to a closed pipe
// silently, and `decide ... | head -1` would then report success for output that was cut.
var outStream = Standard(1, FileAccess.Write) ?? Console.OpenStandardOutput();
var stdout = new StreamWriter(outStream, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
using var stderr = new SafeErrorWriter(new StreamWriter(Standard(2, FileAccess.Write) ?? Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true });

var console = CliConsole.ForProcess(stdin, stdout, stderr) with { InStream = Standard(0, FileAccess.Read) ?? Console.OpenStandardInput(), OutStream = outStream };
var code = CliApp.Run(args, console);
try
{
    stdout.Flush();
}
catch (IOException ex)
{
    // The output was cut (a closed pipe, a full disk): a run whose output was not all written did not succeed.
    stderr.WriteLine($"error: standard output could not be written ({ex.Message}); the output is incomplete");
    code = code == ExitCodes.Success ? ExitCodes.Failure : code;
}

return code;

static Stream? Standard(int descriptor, FileAccess access)
{
    if (OperatingSystem.IsWindows())
    {
        return null;
    }

    try
    {
        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), access, bufferSize: 0);
    }
    catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
    {
        // A closed or unusual descriptor: fall back to the console stream.
        return null;
    }
}
