using System.Text;
using NodaTime;
using static PolicyModel.Reliability.Tests.Support.TestInputs;

namespace PolicyModel.Reliability.Tests.BadInput;

/// <summary>
/// The catalogue of malformed and hostile inputs (issue 9, part 1): each one with the problem it must produce. The
/// limits it relies on are in <c>docs/limits.md</c>; the codes in <c>docs/errors.md</c>.
/// </summary>
public static class BadInputCatalogue
{
    private const string BigDocument = "4 MiB";

    public static IReadOnlyList<BadInputCase> All { get; } = Build();

    private static List<BadInputCase> Build()
    {
        var cases = new List<BadInputCase>();

        // ---- Policy documents: the text ----
        Doc("truncated JSON", ValidDocument[..(ValidDocument.Length / 2)], ProblemCodes.MalformedJson, "$");
        Doc("empty input", "", ProblemCodes.MalformedJson, "$");
        Doc("only white space", "  \n\t ", ProblemCodes.MalformedJson, "$");
        Doc("trailing comma", ValidDocument.Replace("\"level\": \"state\" }", "\"level\": \"state\", }", StringComparison.Ordinal), ProblemCodes.MalformedJson, "$");
        Doc("a comment", "// policy\n" + ValidDocument, ProblemCodes.MalformedJson, "$");
        Doc("text after the document", ValidDocument + " {}", ProblemCodes.MalformedJson, "$");
        Doc("single quotes", ValidDocument.Replace("\"format\"", "'format'", StringComparison.Ordinal), ProblemCodes.MalformedJson, "$");
        Doc("NaN literal", ValidDocument.Replace("\"prohibit\"", "NaN", StringComparison.Ordinal), ProblemCodes.MalformedJson, "$");
        Doc("raw control character in a string", ValidDocument.Replace("Test land", "Test\u0001land", StringComparison.Ordinal), ProblemCodes.MalformedJson, "$");
        DocBytes("invalid UTF-8 (a lone 0xFF byte in a string)", Splice(Utf8(ValidDocument), "Test land", [0x54, 0xFF, 0x6C]), ProblemCodes.MalformedJson, "$");
        DocBytes("invalid UTF-8 (an overlong encoding of '/')", Splice(Utf8(ValidDocument), "Test land", [0xC0, 0xAF]), ProblemCodes.MalformedJson, "$");
        DocBytes("invalid UTF-8 (a UTF-16 surrogate encoded as UTF-8)", Splice(Utf8(ValidDocument), "Test land", [0xED, 0xA0, 0x80]), ProblemCodes.MalformedJson, "$");
        DocBytes("UTF-16 text with its byte order mark", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(ValidDocument)], ProblemCodes.MalformedJson, "$");
        Doc("a lone surrogate escape", ValidDocument.Replace("Test land", "Test \\ud800 land", StringComparison.Ordinal), ProblemCodes.MalformedJson, "$");
        DocBytes("two byte order marks", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8(ValidDocument)], ProblemCodes.MalformedJson, "$");
        DocBytes("a byte order mark (allowed)", [0xEF, 0xBB, 0xBF, .. Utf8(ValidDocument)], null, null);
        Doc("the JSON value null", "null", ProblemCodes.WrongType, "$");
        Doc("an array instead of a document", "[" + ValidDocument + "]", ProblemCodes.WrongType, "$");

        // ---- Policy documents: limits ----
        Add(new BadInputCase("10 MB string in a document", Entry.Document, ProblemCodes.TooLarge, "$", () =>
        {
            var text = ValidDocument.Replace("Test land", new string('x', 10_000_000), StringComparison.Ordinal);
            return () => Both(text);
        }) { MemoryLimit = 200L << 20 });
        Add(new BadInputCase("10 MB string of multi-byte characters, under 4 Mi characters", Entry.Document, ProblemCodes.TooLarge, "$", () =>
        {
            var text = ValidDocument.Replace("Test land", new string('\u20AC', 3_500_000), StringComparison.Ordinal);
            return () => ParseOnce(text);
        }) { MemoryLimit = 200L << 20 });
        Doc("a 5,000-character string", ValidDocument.Replace("Test land", new string('x', 5000), StringComparison.Ordinal), ProblemCodes.LimitExceeded, "$.jurisdiction.name");
        Doc("a 5,000-character property name", ValidDocument.Replace("\"format\"", "\"" + new string('f', 5000) + "\"", StringComparison.Ordinal), ProblemCodes.LimitExceeded, "$");
        Doc("10,000-deep nesting of arrays", new string('[', 10_000) + new string(']', 10_000), ProblemCodes.TooDeep, "$" + Repeat("[0]", 32));
        Doc("10,000-deep nesting of objects", Nest(10_000, "{\"a\":", "}", "1"), ProblemCodes.TooDeep, "$" + Repeat(".a", 32));
        Doc("10,000-deep nesting of `not` conditions", ValidDocument.Replace("{ \"term\": \"civil\" }", Nest(10_000, "{\"not\":", "}", "{\"term\":\"civil\"}"), StringComparison.Ordinal), ProblemCodes.TooDeep, "$.rules[0].when[0]" + Repeat(".not", 28));
        Doc("32 levels of nesting, the limit (allowed)", ValidDocument.Replace("{ \"term\": \"civil\" }", Nest(27, "{\"not\":", "}", "{\"term\":\"civil\"}"), StringComparison.Ordinal), null, null);
        Doc("33 levels of nesting, one over the limit", ValidDocument.Replace("{ \"term\": \"civil\" }", Nest(28, "{\"not\":", "}", "{\"term\":\"civil\"}"), StringComparison.Ordinal), ProblemCodes.TooDeep, "$.rules[0].when[0]" + Repeat(".not", 28));
        Doc("an array of 10,001 items", ValidDocument.Replace("\"binds\": [\"police\"]", "\"binds\": [" + string.Join(',', Enumerable.Repeat("\"police\"", 10_001)) + "]", StringComparison.Ordinal), ProblemCodes.LimitExceeded, "$.rules[0].binds");
        Doc("a 1,000-digit number", ValidDocument.Replace("\"prohibit\"", new string('9', 1000), StringComparison.Ordinal), ProblemCodes.LimitExceeded, "$.rules[0].effect");
        Doc("a huge number where a string belongs", ValidDocument.Replace("\"prohibit\"", "1e999999", StringComparison.Ordinal), ProblemCodes.WrongType, "$.rules[0].effect");
        Doc("a negative number where a list belongs", ValidDocument.Replace("[\"police\"]", "-0.0", StringComparison.Ordinal), ProblemCodes.WrongType, "$.rules[0].binds");
        // The two 4 MiB worst cases take about 2 s on an idle machine; their limit only tells a hang or a quadratic
        // blow-up from a busy machine (a loaded 2-core runner has taken 22 s), so it is generous: no speed is tested here.
        Add(new BadInputCase($"{BigDocument} of tiny arrays (the tree's worst case)", Entry.Document, ProblemCodes.WrongType, "$.rules[0]", () =>
        {
            var text = Fill("[" + string.Join(',', Enumerable.Repeat("0", 9_999)) + "]");
            return () => ParseOnce(text);
        }) { TimeLimit = TimeSpan.FromSeconds(60), MemoryLimit = 600L << 20, Texts = () => [Utf8(Fill("[" + string.Join(',', Enumerable.Repeat("0", 9_999)) + "]"))] });
        Add(new BadInputCase($"{BigDocument} of unknown properties (the most problems)", Entry.Document, ProblemCodes.UnknownProperty, "$.rules[0].p0", () =>
        {
            var text = Fill("{" + string.Join(',', Enumerable.Range(0, 9_999).Select(i => $"\"p{i}\":0")) + "}");
            return () => ParseOnce(text);
        }) { TimeLimit = TimeSpan.FromSeconds(60), MemoryLimit = 600L << 20, Texts = () => [Utf8(Fill("{" + string.Join(',', Enumerable.Range(0, 9_999).Select(i => $"\"p{i}\":0")) + "}"))] });

        // ---- Policy documents: content ----
        Doc("missing format", ValidDocument.Replace("\"format\": \"policymodel/1\",", "", StringComparison.Ordinal), ProblemCodes.MissingField, "$");
        Doc("a future format", ValidDocument.Replace("policymodel/1", "policymodel/2", StringComparison.Ordinal), ProblemCodes.UnsupportedFormat, "$.format");
        Doc("format as a number", ValidDocument.Replace("\"policymodel/1\"", "1", StringComparison.Ordinal), ProblemCodes.WrongType, "$.format");
        Doc("rules as an object", ValidDocument.Replace("\"rules\": [", "\"rules\": {\"r\": ", StringComparison.Ordinal).Replace("}\n  ]\n}", "}\n  }\n}", StringComparison.Ordinal), ProblemCodes.WrongType, "$.rules");
        Doc("a null effect", ValidDocument.Replace("\"prohibit\"", "null", StringComparison.Ordinal), ProblemCodes.WrongType, "$.rules[0].effect");
        Doc("a null condition", ValidDocument.Replace("{ \"term\": \"civil\" }", "null", StringComparison.Ordinal), ProblemCodes.WrongType, "$.rules[0].when[0]");
        Doc("a boolean where a string belongs", ValidDocument.Replace("\"1(a)\"", "true", StringComparison.Ordinal), ProblemCodes.WrongType, "$.rules[0].section");
        Doc("a misspelled property", ValidDocument.Replace("\"effect\"", "\"efect\"", StringComparison.Ordinal), ProblemCodes.UnknownProperty, "$.rules[0].efect");
        Doc("an unknown property", ValidDocument.Replace("\"explains\"", "\"severity\": \"high\", \"explains\"", StringComparison.Ordinal), ProblemCodes.UnknownProperty, "$.rules[0].severity");
        Doc("an unknown effect", ValidDocument.Replace("\"prohibit\"", "\"forbid\"", StringComparison.Ordinal), ProblemCodes.UnknownValue, "$.rules[0].effect");
        Doc("a misspelled respondent", ValidDocument.Replace("[\"police\"]", "[\"polise\"]", StringComparison.Ordinal), ProblemCodes.UnknownValue, "$.rules[0].binds[0]");
        Doc("a vocabulary value in the wrong case", ValidDocument.Replace("\"stop-or-arrest\"", "\"Stop-Or-Arrest\"", StringComparison.Ordinal), ProblemCodes.UnknownValue, "$.rules[0].when[1].assistance[0]");
        Doc("a duplicate property", ValidDocument.Replace("\"effect\": \"prohibit\"", "\"effect\": \"prohibit\", \"effect\": \"permit\"", StringComparison.Ordinal), ProblemCodes.DuplicateProperty, "$.rules[0].effect");
        Doc("a duplicate property spelled with an escape", ValidDocument.Replace("\"effect\": \"prohibit\"", "\"effect\": \"prohibit\", \"\\u0065ffect\": \"permit\"", StringComparison.Ordinal), ProblemCodes.DuplicateProperty, "$.rules[0].effect");
        Doc("a month out of range", ValidDocument.Replace("\"from\": \"2020-01-01\"", "\"from\": \"2021-13-01\"", StringComparison.Ordinal), ProblemCodes.InvalidDate, "$.rules[0].period.from");
        Doc("the 30th of February", ValidDocument.Replace("\"from\": \"2020-01-01\"", "\"from\": \"2021-02-30\"", StringComparison.Ordinal), ProblemCodes.InvalidDate, "$.rules[0].period.from");
        Doc("a five-digit year", ValidDocument.Replace("\"from\": \"2020-01-01\"", "\"from\": \"20200-01-01\"", StringComparison.Ordinal), ProblemCodes.InvalidDate, "$.rules[0].period.from");
        Doc("a negative year", ValidDocument.Replace("\"from\": \"2020-01-01\"", "\"from\": \"-2020-01-01\"", StringComparison.Ordinal), ProblemCodes.InvalidDate, "$.rules[0].period.from");
        Doc("a date with a time", ValidDocument.Replace("\"enacted\": \"2020-01-01\"", "\"enacted\": \"2020-01-01T00:00:00Z\"", StringComparison.Ordinal), ProblemCodes.InvalidDate, "$.sources[0].enacted");
        Doc("a period ending before it starts", ValidDocument.Replace("{ \"from\": \"2020-01-01\" }", "{ \"from\": \"2022-01-01\", \"to\": \"2021-01-01\" }", StringComparison.Ordinal), ProblemCodes.EmptyPeriod, "$.rules[0].period");
        Doc("a period ending the day it starts", ValidDocument.Replace("{ \"from\": \"2020-01-01\" }", "{ \"from\": \"2022-01-01\", \"to\": \"2022-01-01\" }", StringComparison.Ordinal), ProblemCodes.EmptyPeriod, "$.rules[0].period");
        Doc("a time-zone id that does not exist", ValidDocument.Replace("America/Chicago", "America/Chicgo", StringComparison.Ordinal), ProblemCodes.UnknownTimeZone, "$.jurisdiction.timeZone");
        Doc("a Windows time-zone name", ValidDocument.Replace("America/Chicago", "Central Standard Time", StringComparison.Ordinal), ProblemCodes.UnknownTimeZone, "$.jurisdiction.timeZone");
        Doc("an upper-case jurisdiction id", ValidDocument.Replace("\"id\": \"zz\"", "\"id\": \"ZZ\"", StringComparison.Ordinal), ProblemCodes.InvalidId, "$.jurisdiction.id");
        Doc("a 65-character rule id", ValidDocument.Replace("\"zz-a\"", "\"" + new string('a', 65) + "\"", StringComparison.Ordinal), ProblemCodes.InvalidId, "$.rules[0].id");
        Doc("an id with a path separator", ValidDocument.Replace("\"zz-a\"", "\"../../etc/passwd\"", StringComparison.Ordinal), ProblemCodes.InvalidId, "$.rules[0].id");
        Doc("a rule id used twice", ValidDocument.Replace("\"rules\": [", "\"rules\": [" + Rule("zz-a") + ",", StringComparison.Ordinal), ProblemCodes.DuplicateId, "$.rules[1]");
        Doc("an empty binds list", ValidDocument.Replace("[\"police\"]", "[]", StringComparison.Ordinal), ProblemCodes.InvalidValue, "$.rules[0].binds");
        Doc("a condition with two operators", ValidDocument.Replace("{ \"term\": \"civil\" }", "{ \"term\": \"civil\", \"purpose\": [\"unknown\"] }", StringComparison.Ordinal), ProblemCodes.InvalidValue, "$.rules[0].when[0]");
        Doc("an empty condition", ValidDocument.Replace("{ \"term\": \"civil\" }", "{}", StringComparison.Ordinal), ProblemCodes.InvalidValue, "$.rules[0].when[0]");
        Doc("an empty anyOf", ValidDocument.Replace("{ \"term\": \"civil\" }", "{ \"anyOf\": [] }", StringComparison.Ordinal), ProblemCodes.InvalidValue, "$.rules[0].when[0].anyOf");
        Doc("section variants out of order", ValidDocument.Replace("\"1(a)\"", "[{\"section\":\"1\"},{\"from\":\"2022-01-01\",\"section\":\"2\"},{\"from\":\"2021-01-01\",\"section\":\"3\"}]", StringComparison.Ordinal), ProblemCodes.InvalidValue, "$.rules[0].section[2].from");
        Doc("a presumption of the purpose `unknown`", ValidDocument.Replace("\"rules\": [", "\"presumptions\": [{\"id\":\"p\",\"binds\":[\"police\"],\"presume\":{\"purpose\":\"unknown\"}}], \"rules\": [", StringComparison.Ordinal), ProblemCodes.InvalidValue, "$.presumptions[0].presume.purpose");
        Doc("a term name that is not an id", ValidDocument.Replace("\"civil\": {", "\"Civil Request\": {", StringComparison.Ordinal), ProblemCodes.InvalidId, "$.terms['Civil Request']");

        // ---- Policy sets: problems only the whole set shows ----
        SetOf("a jurisdiction cycle", [Define("xa", "xb"), Define("xb", "xa")], ProblemCodes.ParentCycle, "$.jurisdiction.parent");
        SetOf("a jurisdiction that is its own parent", [Define("xa", "xa")], ProblemCodes.ParentCycle, "$.jurisdiction.parent");
        SetOf("an unknown parent", [Define("xa", "us-zz")], ProblemCodes.UnknownParent, "$.jurisdiction.parent");
        SetOf("a built-in jurisdiction defined again", [Define("us-il", "us")], ProblemCodes.DuplicateJurisdiction, "$.jurisdiction.id");
        SetOf("rules added to a jurisdiction nobody defines", ["{\"format\":\"policymodel/1\",\"jurisdiction\":{\"id\":\"us-il-springfield\"}}"], ProblemCodes.UnknownJurisdiction, "$.jurisdiction.id");
        SetOf("a rule excepting itself", [Define("xa", "us", rest: $"\"rules\": [{Rule("xa-r", extra: "\"excepts\": [\"xa-r\"]")}]")], ProblemCodes.ExceptionCycle, "$.rules[0].excepts");
        SetOf("two rules excepting each other", [Define("xa", "us", rest: $"\"rules\": [{Rule("xa-r", extra: "\"excepts\": [\"xa-s\"]")}, {Rule("xa-s", extra: "\"excepts\": [\"xa-r\"]")}]")], ProblemCodes.ExceptionCycle, "$.rules[0].excepts");
        SetOf("an exception to a rule that does not exist", [Define("xa", "us", rest: $"\"rules\": [{Rule("xa-r", extra: "\"excepts\": [\"xa-nothing\"]")}]")], ProblemCodes.UnknownExceptedRule, "$.rules[0].excepts[0]");
        SetOf("a local rule excepting a federal one", [Define("xa", "us", rest: $"\"rules\": [{Rule("xa-r", extra: $"\"excepts\": [\"{BuiltIns.Rules.First(r => r.Jurisdiction.Value == "us").Id}\"]")}]")], ProblemCodes.ExceptsOuterRule, "$.rules[0].excepts[0]");
        SetOf("a rule id the built-ins already use", [Define("xa", "us", rest: $"\"rules\": [{Rule(BuiltIns.Rules[0].Id.Value)}]")], ProblemCodes.DuplicateRuleId, "$.rules[0].id");
        SetOf("an unknown source", [Define("xa", "us", rest: "\"rules\": [{ \"id\": \"xa-r\", \"source\": \"nope\", \"section\": \"1\", \"binds\": [\"police\"], \"effect\": \"permit\" }]")], ProblemCodes.UnknownSource, "$.rules[0].source");
        SetOf("an unknown term", [Define("xa", "us", rest: $"\"rules\": [{Rule("xa-r", extra: "\"when\": [{\"term\": \"civil-requests\"}]")}]")], ProblemCodes.UnknownTerm, "$.rules[0].when[0]");
        SetOf("a term defined through itself", [Define("xa", "us", rest: "\"terms\": {\"t\": {\"not\": {\"term\": \"t\"}}}, \"rules\": []")], ProblemCodes.TermCycle, "$.terms.t.not");
        SetOf("a layer less specific than its jurisdiction", [Define("xa", "us", level: "city", rest: $"\"rules\": [{Rule("xa-r", extra: "\"layer\": \"state\"")}]")], ProblemCodes.LayerTooGeneral, "$.rules[0].layer");
        SetOf("a chain of 10,000 nested terms", [Define("xa", "us", rest: TermChain(10_000) + ", \"rules\": [" + Rule("xa-r", extra: "\"when\": [{\"term\": \"t0\"}]") + "]")], ProblemCodes.TooComplex, "$.terms.t31.not", timeLimit: 5);
        SetOf("a term expansion bomb (2^30 tests from 30 terms)", [Define("xa", "us", rest: TermBomb(30) + ", \"rules\": [" + Rule("xa-r", extra: "\"when\": [{\"term\": \"t0\"}]") + "]")], ProblemCodes.TooComplex, "$.rules[0].when");
        SetOf("a chain of 10,000 exceptions", [Define("xa", "us", rest: "\"rules\": [" + string.Join(',', Enumerable.Range(0, 10_000).Select(i => Rule($"r{i}", extra: i == 0 ? "" : $"\"excepts\": [\"r{i - 1}\"]"))) + "]")], ProblemCodes.TooComplex, "$.rules[9935]", timeLimit: 5, memory: 256);
        SetOf("jurisdictions nested 40 deep", [.. Enumerable.Range(0, 40).Select(i => Define($"n{i}", i == 0 ? "us" : $"n{i - 1}", level: "city"))], ProblemCodes.TooComplex, "$.jurisdiction.parent");

        // ---- Requests: the text ----
        Req("truncated request", ValidRequest[..40], ProblemCodes.MalformedJson, "$");
        Req("an empty request", "", ProblemCodes.MalformedJson, "$");
        Req("an array given to Parse", "[" + ValidRequest + "]", ProblemCodes.WrongType, "$");
        Req("a request that is a string", "\"us-il-chicago\"", ProblemCodes.WrongType, "$");
        ReqBytes("invalid UTF-8 in a request", Splice(Utf8(ValidRequest), "chi-2025", [0xF8, 0x88, 0x80, 0x80, 0x80]), ProblemCodes.MalformedJson, "$");
        ReqBytes("a byte order mark before a request (allowed)", [0xEF, 0xBB, 0xBF, .. Utf8(ValidRequest)], null, null);
        Req("10,000-deep nesting in a request", ValidRequest.Replace("\"circumstances\": []", "\"circumstances\": " + new string('[', 10_000) + new string(']', 10_000), StringComparison.Ordinal), ProblemCodes.TooDeep, "$.circumstances[0][0]");
        Add(new BadInputCase("10 MB string as a request id", Entry.RequestJson, ProblemCodes.LimitExceeded, "$.id", () =>
        {
            var text = ValidRequest.Replace("chi-2025-01-21-0001", new string('x', 10_000_000), StringComparison.Ordinal);
            return () => PublicApi.ParseRequest(text).Problems;
        }) { MemoryLimit = 200L << 20 });
        Req("a 129-character id", ValidRequest.Replace("chi-2025-01-21-0001", new string('x', 129), StringComparison.Ordinal), ProblemCodes.LimitExceeded, "$.id");
        Req("65 circumstances", ValidRequest.Replace("\"circumstances\": []", "\"circumstances\": [" + string.Join(',', Enumerable.Repeat("\"crime-in-progress\"", 65)) + "]", StringComparison.Ordinal), ProblemCodes.LimitExceeded, "$.circumstances");

        // ---- Requests: content ----
        Req("a request carrying an immigration-status field", ValidRequest.Replace("\"subjectFacts\": []", "\"subjectFacts\": [], \"immigrationStatus\": \"undocumented\"", StringComparison.Ordinal), ProblemCodes.UnknownProperty, "$.immigrationStatus");
        Req("a request carrying a citizenship field", ValidRequest.Replace("\"subjectFacts\": []", "\"subjectFacts\": [], \"citizenship\": { \"country\": \"MX\" }", StringComparison.Ordinal), ProblemCodes.UnknownProperty, "$.citizenship");
        Req("an immigration status given as a subject fact", ValidRequest.Replace("\"subjectFacts\": []", "\"subjectFacts\": [\"undocumented\"]", StringComparison.Ordinal), ProblemCodes.UnknownValue, "$.subjectFacts[0]");
        Req("a time without an offset", ValidRequest.Replace("2025-01-21T06:40:00-06:00", "2025-01-21T06:40:00", StringComparison.Ordinal), ProblemCodes.InvalidDateTime, "$.receivedAt");
        Req("a date without a time", ValidRequest.Replace("2025-01-21T06:40:00-06:00", "2025-01-21", StringComparison.Ordinal), ProblemCodes.InvalidDateTime, "$.receivedAt");
        Req("a time-zone id instead of an offset", ValidRequest.Replace("2025-01-21T06:40:00-06:00", "2025-01-21T06:40:00 America/Chicago", StringComparison.Ordinal), ProblemCodes.InvalidDateTime, "$.receivedAt");
        Req("an offset beyond 18 hours", ValidRequest.Replace("-06:00", "+25:00", StringComparison.Ordinal), ProblemCodes.InvalidDateTime, "$.receivedAt");
        Req("an hour 25", ValidRequest.Replace("T06:40", "T25:40", StringComparison.Ordinal), ProblemCodes.InvalidDateTime, "$.receivedAt");
        Req("a time at the end of the calendar (would overflow)", ValidRequest.Replace("2025-01-21T06:40:00-06:00", "9999-12-31T23:59:59-18:00", StringComparison.Ordinal), ProblemCodes.InvalidDateTime, "$.receivedAt");
        Req("a negative year in a request time", ValidRequest.Replace("2025-01-21T06:40:00-06:00", "-0001-01-01T00:00:00Z", StringComparison.Ordinal), ProblemCodes.InvalidDateTime, "$.receivedAt");
        Req("a Unix timestamp", ValidRequest.Replace("\"2025-01-21T06:40:00-06:00\"", "1737463200", StringComparison.Ordinal), ProblemCodes.WrongType, "$.receivedAt");
        Req("a missing required field", ValidRequest.Replace("\"requester\": \"ice-ero\",", "", StringComparison.Ordinal), ProblemCodes.MissingField, "$");
        Req("a null purpose", ValidRequest.Replace("\"civil-immigration-enforcement\"", "null", StringComparison.Ordinal), ProblemCodes.WrongType, "$.purpose");
        Req("an unknown requester", ValidRequest.Replace("\"ice-ero\"", "\"ice\"", StringComparison.Ordinal), ProblemCodes.UnknownValue, "$.requester");
        Req("a misspelled request property", ValidRequest.Replace("\"requester\"", "\"requestor\"", StringComparison.Ordinal), ProblemCodes.UnknownProperty, "$.requestor");
        Req("a duplicate request property", ValidRequest.Replace("\"respondent\": \"police\",", "\"respondent\": \"police\", \"respondent\": \"jail\",", StringComparison.Ordinal), ProblemCodes.DuplicateProperty, "$.respondent");
        Req("circumstances as a string", ValidRequest.Replace("\"circumstances\": []", "\"circumstances\": \"crime-in-progress\"", StringComparison.Ordinal), ProblemCodes.WrongType, "$.circumstances");
        Req("an id that is a number", ValidRequest.Replace("\"chi-2025-01-21-0001\"", "5551234", StringComparison.Ordinal), ProblemCodes.WrongType, "$.id");
        Req("an upper-case jurisdiction", ValidRequest.Replace("\"us-il-chicago\"", "\"US-IL-CHICAGO\"", StringComparison.Ordinal), ProblemCodes.InvalidId, "$.jurisdiction");

        // ---- Deciding: requests built in code ----
        Decide("a jurisdiction the set does not have", () => RequestFor("us-zz"), ProblemCodes.UnknownRequestJurisdiction, "$.jurisdiction");
        Decide("a default (empty) jurisdiction id", () => RequestFor("us") with { Jurisdiction = default }, ProblemCodes.MissingField, "$.jurisdiction");
        Decide("a requester outside the vocabulary", () => RequestFor("us") with { Requester = (Requester)99 }, ProblemCodes.UnknownValue, "$.requester");
        Decide("a negative purpose", () => RequestFor("us") with { Purpose = (Purpose)(-1) }, ProblemCodes.UnknownValue, "$.purpose");
        Decide("a circumstance outside the vocabulary", () => RequestFor("us") with { Circumstances = EnumSet<Circumstance>.Of((Circumstance)40) }, ProblemCodes.UnknownValue, "$.circumstances");
        Decide("an id with an unpaired surrogate (JSON cannot carry it)", () => RequestFor("us") with { Id = "case-\ud800" }, ProblemCodes.InvalidValue, "$.id");
        Decide("a 10 MB id", () => RequestFor("us") with { Id = new string('x', 10_000_000) }, ProblemCodes.LimitExceeded, "$.id");
        Decide("a time at the end of the calendar", () => RequestFor("us") with { ReceivedAt = new LocalDateTime(9999, 12, 31, 23, 59).WithOffset(Offset.FromHours(-18)) }, ProblemCodes.InvalidDateTime, "$.receivedAt");
        Decide("a time at the start of the calendar", () => RequestFor("us") with { ReceivedAt = new LocalDateTime(1, 1, 1, 0, 0).WithOffset(Offset.FromHours(18)) }, ProblemCodes.InvalidDateTime, "$.receivedAt");

        // ---- Decisions read back ----
        Decision("an unknown outcome", DecisionText().Replace("\"denied\"", "\"rejected\"", StringComparison.Ordinal), ProblemCodes.UnknownValue, "$.outcome");
        Decision("a decision missing its explanation", DecisionText().Replace("\"explanation\"", "\"note\"", StringComparison.Ordinal), ProblemCodes.UnknownProperty, "$.note");
        Decision("a decision with an impossible date", DecisionText().Replace("2025-01-21", "2025-02-30", StringComparison.Ordinal), ProblemCodes.InvalidDate, "$.effectiveDate");
        Decision("a decision nested too deep", DecisionText().Replace("\"preempted\": []", "\"preempted\": [[[[[[[[]]]]]]]]", StringComparison.Ordinal), ProblemCodes.TooDeep, "$.preempted[0][0][0][0][0]");

        return cases;

        void Add(BadInputCase c) => cases.Add(c);

        void Doc(string name, string text, string? code, string? path) =>
            Add(new BadInputCase(name, Entry.Document, code, path, () => () => Both(text)) { Texts = () => [Utf8(text)] });

        void DocBytes(string name, byte[] bytes, string? code, string? path) =>
            Add(new BadInputCase(name, Entry.Document, code, path, () => () => PublicApi.ParseDocument(bytes).Problems) { Texts = () => [bytes] });

        void SetOf(string name, string[] documents, string code, string path, int timeLimit = 2, int memory = 64) =>
            Add(new BadInputCase(name, Entry.PolicySet, code, path, () =>
            {
                return () =>
                {
                    var parsed = documents.Select((d, i) => PublicApi.ParseDocument(Utf8(d), $"set-{i}.json")).ToList();
                    parsed.SelectMany(p => p.Problems).Should().BeEmpty("each document of a set case is valid on its own");
                    return PublicApi.Compile([.. BuiltInDocs, .. parsed.Select(p => p.Document!)]).Problems;
                };
            }) { TimeLimit = TimeSpan.FromSeconds(timeLimit), MemoryLimit = (long)memory << 20, Texts = () => [.. documents.Select(Utf8)] });

        void Req(string name, string text, string? code, string? path) =>
            Add(new BadInputCase(name, Entry.RequestJson, code, path, () => () =>
            {
                var (request, problems) = PublicApi.ParseRequest(text);
                var (all, fileProblems) = PublicApi.ReadRequests(Utf8(text));
                fileProblems.Select(p => p.ToString().Replace("requests.json", "request", StringComparison.Ordinal))
                    .Should().Equal(problems.Where(p => p.Message != "expected one request object, found an array").Select(p => p.ToString()), "Parse and ReadAll read alike");
                return problems;
            }) { Texts = () => [Utf8(text)], OneRequest = true });

        void ReqBytes(string name, byte[] bytes, string? code, string? path) =>
            Add(new BadInputCase(name, Entry.RequestJson, code, path, () => () => PublicApi.ReadRequests(bytes).Problems) { Texts = () => [bytes] });

        void Decide(string name, Func<AssistanceRequest> request, string code, string path) =>
            Add(new BadInputCase(name, Entry.Decide, code, path, () =>
            {
                var built = request();
                return () => PublicApi.Decide(BuiltIns, built).Problem is { } p ? [p] : [];
            }) { MemoryLimit = 200L << 20 });

        void Decision(string name, string text, string code, string path) =>
            Add(new BadInputCase(name, Entry.DecisionJson, code, path, () => () => PublicApi.ParseDecision(text).Problems));
    }

    /// <summary>Parses a large document once (memory is measured): its problems.</summary>
    private static IReadOnlyList<Problem> ParseOnce(string text) => PolicyDocument.TryParse(text, "bad.json", out _, out var problems) ? [] : problems;

    /// <summary>Parses from the string and from its UTF-8 bytes; the problems must be the same.</summary>
    private static IReadOnlyList<Problem> Both(string text)
    {
        var fromString = PublicApi.ParseDocument(text);
        var fromBytes = PublicApi.ParseDocument(Utf8(text));
        fromString.Problems.Select(p => (p.Code, p.Path)).Should().Equal(fromBytes.Problems.Select(p => (p.Code, p.Path)));
        return fromString.Problems;
    }

    private static string DecisionText() => DecisionJson.Serialize(BuiltIns.Decide(RequestJson.Parse(ValidRequest)));

    private static byte[] Splice(byte[] text, string at, byte[] insert)
    {
        var index = text.AsSpan().IndexOf(Utf8(at));
        return [.. text[..index], .. insert, .. text[index..]];
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static string Nest(int depth, string open, string close, string inner) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>A document just under 4 MiB whose rules are copies of <paramref name="item"/>.</summary>
    private static string Fill(string item)
    {
        var head = "{\"format\":\"policymodel/1\",\"jurisdiction\":{\"id\":\"zz\"},\"rules\":[";
        var count = (DocumentLimits.MaxDocumentBytes - head.Length - 4) / (item.Length + 1);
        return new StringBuilder(DocumentLimits.MaxDocumentBytes).Append(head).AppendJoin(',', Enumerable.Repeat(item, count)).Append("]}").ToString();
    }

    /// <summary><c>"terms"</c> where t0 is `not` t1, t1 is `not` t2, …: a chain of <paramref name="n"/> term references.</summary>
    private static string TermChain(int n) =>
        "\"terms\": {" + string.Join(',', Enumerable.Range(0, n).Select(i => i < n - 1 ? $"\"t{i}\":{{\"not\":{{\"term\":\"t{i + 1}\"}}}}" : $"\"t{i}\":{{\"requester\":[\"cbp\"]}}")) + "}";

    /// <summary><c>"terms"</c> where each term is `anyOf` the next one twice: tiny text, 2^n tests when expanded.</summary>
    private static string TermBomb(int n) =>
        "\"terms\": {" + string.Join(',', Enumerable.Range(0, n).Select(i => i < n - 1 ? $"\"t{i}\":{{\"anyOf\":[{{\"term\":\"t{i + 1}\"}},{{\"term\":\"t{i + 1}\"}}]}}" : $"\"t{i}\":{{\"requester\":[\"cbp\"]}}")) + "}";
}
