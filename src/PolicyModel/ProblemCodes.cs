namespace PolicyModel;

/// <summary>The stable problem codes (documented in <c>docs/errors.md</c>). Codes never change meaning.</summary>
public static class ProblemCodes
{
    /// <summary>PM1001: the text is not well-formed JSON (or not valid UTF-8).</summary>
    public const string MalformedJson = "PM1001";

    /// <summary>PM1002: the input is larger than the size limit.</summary>
    public const string TooLarge = "PM1002";

    /// <summary>PM1003: the input nests deeper than the depth limit.</summary>
    public const string TooDeep = "PM1003";

    /// <summary>PM1004: a property the format does not define.</summary>
    public const string UnknownProperty = "PM1004";

    /// <summary>PM1005: a value of the wrong JSON type (a number where a string is expected, a <c>null</c>, …).</summary>
    public const string WrongType = "PM1005";

    /// <summary>PM1006: a value that is not in its vocabulary.</summary>
    public const string UnknownValue = "PM1006";

    /// <summary>PM1007: a required property is missing.</summary>
    public const string MissingField = "PM1007";

    /// <summary>PM1008: a date that is not a valid <c>YYYY-MM-DD</c> date.</summary>
    public const string InvalidDate = "PM1008";

    /// <summary>PM1009: an empty or inverted period (<c>to</c> on or before <c>from</c>).</summary>
    public const string EmptyPeriod = "PM1009";

    /// <summary>PM1010: an id used twice within one document (rule, presumption, source, preemption).</summary>
    public const string DuplicateId = "PM1010";

    /// <summary>PM1011: a property that appears twice in one object.</summary>
    public const string DuplicateProperty = "PM1011";

    /// <summary>PM1012: an id or name that does not have the required form.</summary>
    public const string InvalidId = "PM1012";

    /// <summary>PM1013: a time-zone id that the tzdb does not know.</summary>
    public const string UnknownTimeZone = "PM1013";

    /// <summary>PM1014: a limit exceeded (string length, number of items).</summary>
    public const string LimitExceeded = "PM1014";

    /// <summary>PM1015: a date-time that is not ISO 8601 with an offset.</summary>
    public const string InvalidDateTime = "PM1015";

    /// <summary>PM1016: a value of the right type that is not allowed where it stands (an empty list, a condition with two operators, …).</summary>
    public const string InvalidValue = "PM1016";

    /// <summary>PM1017: an unsupported <c>format</c> value.</summary>
    public const string UnsupportedFormat = "PM1017";

    /// <summary>PM1018: an input file or folder that does not exist or cannot be read (permission denied, an I/O error).</summary>
    public const string FileUnreadable = "PM1018";

    /// <summary>PM1019: a path that names something other than a regular file where a file is read: a folder, FIFO, device or socket.</summary>
    public const string NotARegularFile = "PM1019";

    /// <summary>PM1020: a symbolic link whose target does not exist.</summary>
    public const string DanglingLink = "PM1020";

    /// <summary>PM2001: a jurisdiction's parent is not defined in the set.</summary>
    public const string UnknownParent = "PM2001";

    /// <summary>PM2002: jurisdictions whose parents form a cycle.</summary>
    public const string ParentCycle = "PM2002";

    /// <summary>PM2003: an exception names a rule that does not exist.</summary>
    public const string UnknownExceptedRule = "PM2003";

    /// <summary>PM2004: a preemption names a rule that does not exist.</summary>
    public const string UnknownPreemptedRule = "PM2004";

    /// <summary>PM2005: a rule is an exception to itself, directly or through a loop of exceptions.</summary>
    public const string ExceptionCycle = "PM2005";

    /// <summary>PM2006: a condition names a term that is not defined in the document or its enclosing jurisdictions.</summary>
    public const string UnknownTerm = "PM2006";

    /// <summary>PM2007: a term defined in terms of itself.</summary>
    public const string TermCycle = "PM2007";

    /// <summary>PM2008: two documents define the same jurisdiction.</summary>
    public const string DuplicateJurisdiction = "PM2008";

    /// <summary>PM2009: a document extends a jurisdiction that no document defines.</summary>
    public const string UnknownJurisdiction = "PM2009";

    /// <summary>PM2010: a rule excepts a rule of another jurisdiction that is not nested in its own, or of a less specific (controlling) layer.</summary>
    public const string ExceptsOuterRule = "PM2010";

    /// <summary>PM2011: two documents of a set use the same rule or presumption id.</summary>
    public const string DuplicateRuleId = "PM2011";

    /// <summary>PM2012: a rule names a source that its document does not define.</summary>
    public const string UnknownSource = "PM2012";

    /// <summary>PM2013: a layer less specific than the jurisdiction it is written in.</summary>
    public const string LayerTooGeneral = "PM2013";

    /// <summary>PM2014: a rule preempts a rule that is not of a more specific layer within its reach.</summary>
    public const string PreemptsOuterRule = "PM2014";

    /// <summary>
    /// PM2015: a policy set exceeds a structural limit of <see cref="DocumentLimits"/>: terms nested too deep, a rule's
    /// conditions too large once its terms are expanded, an exception chain too long, or jurisdictions nested too deep.
    /// </summary>
    public const string TooComplex = "PM2015";

    /// <summary>PM2016 (<c>validate --strict</c>): two rules of one layer disagree on some requests and neither is an exception to the other.</summary>
    public const string StrictConflict = "PM2016";

    /// <summary>PM2017 (<c>validate --strict</c>): a rule never decides a request in any period it is in force.</summary>
    public const string StrictUnreachable = "PM2017";

    /// <summary>PM2018: a policy set whose request classes (or classes × periods) are past the budget of <see cref="Analysis.AnalysisLimits"/>; analysis refuses it.</summary>
    public const string AnalysisTooLarge = "PM2018";

    /// <summary>PM3001: a request names a jurisdiction the policy set does not have.</summary>
    public const string UnknownRequestJurisdiction = "PM3001";

    /// <summary>PM3002: a partial request (with <c>unknown</c> facts) where every fact is needed (a what-if, an explanation, a compact decision).</summary>
    public const string PartialRequest = "PM3002";

    /// <summary>PM1021: a request lists a field in <c>unknown</c> and also gives its value.</summary>
    public const string UnknownFieldGiven = "PM1021";
}
