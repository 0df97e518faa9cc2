namespace PolicyModel.Cli;

/// <summary>The exit codes of the <c>policymodel</c> tool (contract "Command line").</summary>
public static class ExitCodes
{
    /// <summary>0: every request was decided.</summary>
    public const int Success = 0;

    /// <summary>1: anything else (a usage error, an unexpected failure).</summary>
    public const int Failure = 1;

    /// <summary>2: an input (request file, policy document) is invalid; the problems are on standard error.</summary>
    public const int InvalidInput = 2;
}
