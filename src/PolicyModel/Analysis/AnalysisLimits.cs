using Ardalis.GuardClauses;
using System.Globalization;

namespace PolicyModel.Analysis;

/// <summary>
/// The budgets of policy analysis (<see cref="PolicyAnalyzer"/>), measured in <c>docs/limits.md</c>. Analysis
/// decides one request of every class the rules split the requests into, on every period; a document whose rules
/// split every field value can make that space enormous, so past these budgets analysis refuses with an
/// <see cref="AnalysisTooLargeException"/> that says how large the space is.
/// </summary>
public static class AnalysisLimits
{
    /// <summary>Most request classes of one jurisdiction (or of the common refinement of two, for a diff): 2,000,000.</summary>
    public const int MaxClasses = 2_000_000;

    /// <summary>Most classes × periods of one jurisdiction's history: 40,000,000.</summary>
    public const long MaxClassPeriods = 40_000_000;

    internal static void CheckClasses(long classes)
    {
        if (classes > MaxClasses)
        {
            throw new AnalysisTooLargeException(new Problem(ProblemCodes.AnalysisTooLarge, "analysis", "$", null, null,
                string.Create(CultureInfo.InvariantCulture, $"the policies split the requests into {classes:N0} classes; analysis handles at most {MaxClasses:N0}")));
        }
    }

    internal static void CheckHistory(long classes, int periods)
    {
        if (classes * periods > MaxClassPeriods)
        {
            throw new AnalysisTooLargeException(new Problem(ProblemCodes.AnalysisTooLarge, "analysis", "$", null, null,
                string.Create(CultureInfo.InvariantCulture, $"the policies split the requests into {classes:N0} classes over {periods:N0} periods ({classes * periods:N0} cells); analysis handles at most {MaxClassPeriods:N0}")));
        }
    }
}

/// <summary>Thrown when a policy set is too large to analyse (<see cref="AnalysisLimits"/>); carries the problem, code PM2016.</summary>
public sealed class AnalysisTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">The problem: how large the space is and the budget.</param>
    public AnalysisTooLargeException(Problem problem)
        : base(problem?.Message) => Problem = Guard.Against.Null(problem);

    /// <summary>Creates the exception with a message only (for serialisation frameworks).</summary>
    public AnalysisTooLargeException()
        : this("the policy set is too large to analyse") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AnalysisTooLargeException(string message)
        : base(message) => Problem = new Problem(ProblemCodes.AnalysisTooLarge, "analysis", "$", null, null, message);

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AnalysisTooLargeException(string message, Exception innerException)
        : base(message, innerException) => Problem = new Problem(ProblemCodes.AnalysisTooLarge, "analysis", "$", null, null, message);

    /// <summary>The problem (code PM2016).</summary>
    public Problem Problem { get; }
}
