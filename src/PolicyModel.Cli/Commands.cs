using System.CommandLine;

namespace PolicyModel.Cli;

/// <summary>Every command of the tool, one line each, in the order <c>--help</c> lists them.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All(CommandSetup setup) =>
    [
        DecideCommand.Create(setup),
        WhatIfCommand.Create(setup),
        ExplainCommand.Create(setup),
        TestCommand.Create(setup),
        ValidateCommand.Create(setup),
        AnalyzeCommand.Create(setup),
        DiffCommand.Create(setup),
        JurisdictionsCommand.Create(setup),
        ShowCommand.Create(setup),
        MatrixCommand.Create(setup),
        TimelineCommand.Create(setup),
        ServeCommand.Create(setup),
        ReplayCommand.Create(setup),
    ];
}
