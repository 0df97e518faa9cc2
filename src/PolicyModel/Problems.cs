namespace PolicyModel;

/// <summary>
/// One problem found in a policy document or a request: where (document, JSON path, line and column where
/// known), a stable code (<c>PM1004</c>, listed in <c>docs/errors.md</c>) and a one-line message.
/// </summary>
/// <param name="Code">The stable code.</param>
/// <param name="Document">The document's name (a file name, or the name the caller gave).</param>
/// <param name="Path">The JSON path (<c>$.rules[3].effect</c>).</param>
/// <param name="Line">The 1-based line, or <see langword="null"/> when not known.</param>
/// <param name="Column">The 1-based column, or <see langword="null"/> when not known.</param>
/// <param name="Message">The message: lowercase, user values in backticks, one line.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(ProblemJsonConverter))]
public sealed record Problem(string Code, string Document, string Path, int? Line, int? Column, string Message)
{
    /// <summary>The problem in the form <c>document(line,column): error PM1004: $.path: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var where = Line is { } l ? $"{Document}({l},{Column ?? 1})" : Document;
        return $"{where}: error {Code}: {Path}: {Message}";
    }
}

/// <summary>Thrown when policy documents cannot be compiled; carries every problem found.</summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems (at least one).</param>
    public PolicyLoadException(IReadOnlyList<Problem> problems)
        : base(Summarise(problems, "policy documents are invalid")) => Problems = problems;

    /// <summary>Creates the exception with a message only (for serialisation frameworks).</summary>
    public PolicyLoadException()
        : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PolicyLoadException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    internal static string Summarise(IReadOnlyList<Problem> problems, string what) =>
        problems.Count == 0
            ? what
            : $"{what} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):{Environment.NewLine}"
              + string.Join(Environment.NewLine, problems.Take(20).Select(p => "  " + p))
              + (problems.Count > 20 ? $"{Environment.NewLine}  … and {problems.Count - 20} more" : "");
}

/// <summary>Thrown when a request is invalid (malformed JSON, a missing field, an unknown value or jurisdiction).</summary>
public sealed class InvalidRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems (at least one).</param>
    public InvalidRequestException(IReadOnlyList<Problem> problems)
        : base(PolicyLoadException.Summarise(problems, "the request is invalid")) => Problems = problems;

    /// <summary>Creates the exception without problems.</summary>
    public InvalidRequestException()
        : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public InvalidRequestException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Problem> Problems { get; }
}
