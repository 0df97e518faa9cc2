namespace PolicyModel.Reliability.Tests.Schemas;

/// <summary>
/// What agreement between a reader and its JSON Schema means, for one text: what the reader accepts, the schema
/// accepts; what the reader rejects for a reason a schema can state, the schema rejects. Shared by the schema tests
/// and the command-line tests (which check every file they write).
/// </summary>
internal static class SchemaAgreement
{
    /// <summary>The problems a schema states: a reader that reports one of them rejects what the schema rejects.</summary>
    public static readonly HashSet<string> Structural =
    [
        ProblemCodes.MalformedJson, ProblemCodes.WrongType, ProblemCodes.UnknownProperty, ProblemCodes.MissingField,
        ProblemCodes.UnknownValue, ProblemCodes.InvalidId, ProblemCodes.UnsupportedFormat, ProblemCodes.InvalidValue,
        ProblemCodes.UnknownFieldGiven,
    ];

    /// <summary>The problems only a reader finds, and why a JSON Schema cannot state them.</summary>
    public static readonly Dictionary<string, string> NotExpressible = new()
    {
        [ProblemCodes.TooLarge] = "the size of the text in bytes: a schema sees the parsed value, not the text",
        [ProblemCodes.TooDeep] = "the nesting depth of any value: a schema describes its own structure, not a bound on every value's depth",
        [ProblemCodes.LimitExceeded] = "the readers' limits on the length of property names and numbers and on items in any array: the schemas state the lengths and counts of their own structure (maxLength, maxItems) only",
        [ProblemCodes.InvalidDate] = "a date that does not exist in the calendar (2021-02-30): the schema's pattern gives the shape only",
        [ProblemCodes.InvalidDateTime] = "a time that does not exist or is out of range (hour 25, offset beyond 18 hours, year 0 or 9999 at the calendar's end): the pattern gives the shape only",
        [ProblemCodes.EmptyPeriod] = "`to` after `from`: a schema cannot compare two values",
        [ProblemCodes.DuplicateId] = "ids unique among rules and presumptions: a schema cannot compare values across objects",
        [ProblemCodes.DuplicateProperty] = "a property given twice: a parsed object holds each name once, so a schema never sees the duplicate",
        [ProblemCodes.UnknownTimeZone] = "tzdb time-zone ids: the list is NodaTime's data, not a fixed vocabulary",
        [ProblemCodes.FileUnreadable] = "reading a file (not its content)",
        [ProblemCodes.NotARegularFile] = "reading a file (not its content)",
        [ProblemCodes.DanglingLink] = "reading a file (not its content)",
        ["PM2xxx"] = "checks across the documents of a set (parents, terms, exceptions, preemption, layers, ids in the set)",
        ["PM3xxx"] = "checks made when deciding (a jurisdiction the set has, a partial request's use)",
    };

    /// <summary>A structural code whose reason a schema cannot state in one case: the order of dated section variants.</summary>
    public const string SectionOrder = "section variants must be in increasing `from` order";

    /// <summary>
    /// Asserts the agreement for one text: accepted by the reader ⇒ valid to the schema; rejected with a structural
    /// problem ⇒ invalid to the schema. Returns the verdict.
    /// </summary>
    public static string Agree(SchemaKind kind, byte[] text, IReadOnlyList<Problem> problems, string what)
    {
        var schema = Schemas.Validate(kind, text);
        if (problems.Count == 0)
        {
            schema.Should().BeNull($"the reader accepts {what}");
            return "both accept";
        }

        var structural = problems.Where(IsStructural).ToList();
        if (structural.Count > 0)
        {
            schema.Should().NotBeNull($"the reader rejects {what} with {structural[0]}");
            return "both reject";
        }

        return schema is null ? "only the reader rejects" : "both reject";
    }

    private static bool IsStructural(Problem problem) =>
        Structural.Contains(problem.Code) && !(problem.Code == ProblemCodes.InvalidValue && problem.Message.Contains(SectionOrder, StringComparison.Ordinal));

    public static string Family(string code) => code.StartsWith("PM2", StringComparison.Ordinal) ? "PM2xxx" : code.StartsWith("PM3", StringComparison.Ordinal) ? "PM3xxx" : code;

    /// <summary>
    /// Asserts the agreement of <paramref name="utf8"/> with every reader and its schema, whatever the text is meant
    /// to be: a request file is also a policy document that the document reader rejects, for reasons (a missing
    /// `format`, unknown properties) the document schema states too.
    /// </summary>
    public static void AgreeWithEveryReader(byte[] utf8, string what)
    {
        foreach (var (kind, problems) in Samples.Readers(utf8, "sample.json"))
        {
            Agree(kind, utf8, problems, $"{what} (read as a {kind})");
        }
    }
}
