using PolicyModel.Cli;

return CliApp.Run(args, Console.In, Console.Out, Console.Error, Output.TerminalSupportsColour());
