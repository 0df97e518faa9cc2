using System.Text;
using PolicyModel.Cli;

// Standard input is read strictly as UTF-8, like a request file: invalid bytes are an error, never replaced.
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
return CliApp.Run(args, stdin, Console.Out, Console.Error, Output.TerminalSupportsColour());
