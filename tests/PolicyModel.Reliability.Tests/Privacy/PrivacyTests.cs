using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using CsCheck;
using PolicyModel.Reliability.Tests.Properties;
using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.Privacy;

/// <summary>
/// Issue 9, part 5. A request's only free-text field is <c>id</c>, the caller's reference, which may name a person or
/// a case. It comes back in a decision as <c>requestId</c> (the contract's echo) and nowhere else: not in an
/// explanation, a citation, a trace, an error message or a problem; the library writes no log. Values of properties
/// a request may not have (an immigration status, say) are never quoted. And an immigration status cannot be
/// represented at all: no member, no field, no vocabulary value holds one.
/// </summary>
public sealed class PrivacyTests(ITestOutputHelper output)
{
    /// <summary>Ids that look like what a careless caller might send.</summary>
    private static readonly string[] PersonalIds =
    [
        "Jane Q. Public DOB 1980-02-03", "María José Fernández-López", "SSN 123-45-6789 case", "A-Number A123456789", "+1 (312) 555-0143 John",
        "Nguyễn Văn An / 2025", "Ahmed O'Brien \"the subject\"", "née Müller, Ruth", "李小龍-0042", "undocumented-resident-7781",
    ];

    private const string Marker = "Zq7PRIVATEx";

    private static readonly Gen<string> Ids = Gen.Frequency(
        (1, Gen.OneOf(PersonalIds)),
        (1, Gen.String[0, 60].Where(Generators.IsWellFormed).Select(s => Marker + s)));

    [Fact]
    public void A_request_id_appears_in_a_decision_only_as_its_requestId() =>
        Gen.Select(Generators.Requests, Ids).Sample((request, id) =>
        {
            var withId = request with { Id = id };
            var decision = TestInputs.BuiltIns.Decide(withId);
            decision.RequestId.Should().Be(id, "the contract echoes the id");
            Leaks(decision.Explanation, id).Should().BeFalse();
            decision.Citations.Should().NotContain(c => Leaks(c, id));

            var json = JsonNode.Parse(DecisionJson.Serialize(decision))!.AsObject();
            json["requestId"]!.GetValue<string>().Should().Be(id);
            json.Remove("requestId");
            Leaks(json.ToJsonString(), id).Should().BeFalse("only `requestId` carries the id");

            var trace = TestInputs.BuiltIns.Explain(withId);
            trace.Notes.Should().NotContain(n => Leaks(n, id));
            trace.Rules.Should().NotContain(r => Leaks(r.Detail ?? "", id) || Leaks(r.Citation, id));
            Leaks(trace.TimeZone, id).Should().BeFalse();
        }, iter: 1_000, writeLine: output.WriteLine);

    public static TheoryData<string, string> InvalidRequests()
    {
        const string Valid = """{"id": "ID", "jurisdiction": "us-il-chicago", "receivedAt": "2025-01-21T06:40:00-06:00", "requester": "ice-ero", "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest"}""";
        var data = new TheoryData<string, string>();
        void Add(string name, string json) => data.Add(name, json);
        Add("an unknown requester", Valid.Replace("\"ice-ero\"", "\"ice\"", StringComparison.Ordinal));
        Add("a missing field", Valid.Replace("\"assistance\": \"stop-or-arrest\"", "\"authority\": \"none\"", StringComparison.Ordinal));
        Add("a time without an offset", Valid.Replace("-06:00\"", "\"", StringComparison.Ordinal));
        Add("a malformed document", Valid[..^10]);
        Add("a trailing comma", Valid[..^1] + ",}");
        Add("a duplicate id", Valid.Replace("{\"id\": \"ID\",", "{\"id\": \"ID\", \"id\": \"ID\",", StringComparison.Ordinal));
        Add("an id over 128 characters", Valid.Replace("\"ID\"", "\"ID " + new string('.', 130) + "\"", StringComparison.Ordinal));
        Add("an id in an array", Valid.Replace("\"ID\"", "[\"ID\"]", StringComparison.Ordinal));
        Add("an id in an object", Valid.Replace("\"ID\"", "{\"name\": \"ID\"}", StringComparison.Ordinal));
        Add("an immigration status", Valid.Replace("{\"id\"", "{\"immigrationStatus\": \"ID\", \"id\"", StringComparison.Ordinal));
        Add("an immigration status as an object", Valid.Replace("{\"id\"", "{\"immigration\": {\"status\": \"ID\", \"aNumber\": \"ID\"}, \"id\"", StringComparison.Ordinal));
        Add("a citizenship field", Valid.Replace("{\"id\"", "{\"citizenship\": \"ID\", \"id\"", StringComparison.Ordinal));
        Add("a free-text note", Valid.Replace("{\"id\"", "{\"notes\": \"ID says she is ID\", \"id\"", StringComparison.Ordinal));
        Add("a subject's name", Valid.Replace("{\"id\"", "{\"subjectName\": \"ID\", \"id\"", StringComparison.Ordinal));
        Add("a broken literal after the id", Valid.Replace("\"purpose\": \"civil-immigration-enforcement\"", "\"purpose\": tID", StringComparison.Ordinal));
        Add("a replacement character in the jurisdiction", Valid.Replace("us-il-chicago", "us-il-chicago\udc00", StringComparison.Ordinal));
        Add("an unknown jurisdiction (decided)", Valid.Replace("us-il-chicago", "us-zz", StringComparison.Ordinal));
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void An_error_never_quotes_the_request_id_or_the_value_of_a_property_a_request_may_not_have(string what, string template)
    {
        foreach (var id in PersonalIds)
        {
            var json = template.Replace("ID", System.Text.Json.JsonEncodedText.Encode(id).ToString(), StringComparison.Ordinal);
            var problems = new List<Problem>();
            var messages = new List<string>();
            try
            {
                var request = RequestJson.Parse(json);
                var thrown = TestInputs.BuiltIns.Invoking(s => s.Decide(request)).Should().Throw<InvalidRequestException>().Which;
                problems.AddRange(thrown.Problems);
                messages.Add(thrown.Message);
                TestInputs.BuiltIns.TryDecide(request, out _, out var problem).Should().BeFalse();
                problems.Add(problem!);
            }
            catch (InvalidRequestException e)
            {
                problems.AddRange(e.Problems);
                messages.Add(e.Message);
            }

            try
            {
                RequestJson.ReadAll(TestInputs.Utf8($"[{json}]"), "requests.json", out _);
            }
            catch (InvalidRequestException e)
            {
                problems.AddRange(e.Problems);
                messages.Add(e.Message);
            }

            problems.Should().NotBeEmpty(what);
            foreach (var text in messages.Concat(problems.Select(p => p.ToString())))
            {
                Leaks(text, id).Should().BeFalse($"{what}: `{text}` must not quote `{id}`");
            }
        }
    }

    [Fact]
    public void An_error_about_a_request_built_in_code_never_quotes_its_id()
    {
        foreach (var id in PersonalIds)
        {
            var request = TestInputs.RequestFor("us") with { Id = id };
            AssistanceRequest[] invalid =
            [
                request with { Jurisdiction = "us-zz" },
                request with { Requester = (Requester)42 },
                request with { Id = id + new string('.', 200) },
                request with { Id = id + "\ud800" },
                request with { ReceivedAt = NodaTime.OffsetDateTime.FromDateTimeOffset(DateTimeOffset.MaxValue) },
            ];
            foreach (var bad in invalid)
            {
                var e = TestInputs.BuiltIns.Invoking(s => s.Decide(bad)).Should().Throw<InvalidRequestException>().Which;
                Leaks(e.Message, id).Should().BeFalse(e.Message);
                var e2 = TestInputs.BuiltIns.Invoking(s => s.Explain(bad)).Should().Throw<InvalidRequestException>().Which;
                Leaks(e2.Message, id).Should().BeFalse(e2.Message);
            }
        }
    }

    [Fact]
    public void A_request_has_no_place_for_an_immigration_status()
    {
        typeof(AssistanceRequest).IsSealed.Should().BeTrue("no subclass can add a field");
        typeof(AssistanceRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Should().BeEquivalentTo(
            ["Id", "Jurisdiction", "Respondent", "ReceivedAt", "Requester", "Purpose", "Assistance", "Authority", "Location", "Circumstances", "SubjectFacts", "Unknown"],
            "the contract's fields, and only them");

        string[] statusWords = ["status", "citizen", "nationality", "alien-number", "a-number", "visa", "undocumented", "unlawful", "illegal", "deportable", "removable", "overstay", "asylum", "refugee", "daca", "green-card", "permanent-resident"];
        var subjectFacts = ContractNames<SubjectFact>.Names;
        subjectFacts.Where(n => n != "proof-of-lawful-status").Should().NotContain(n => statusWords.Any(w => n.Contains(w, StringComparison.Ordinal)),
            "a subject fact says what a law keys on, never what a person's status is (`proof-of-lawful-status` records only that proof was shown)");
        ContractNames<Circumstance>.Names.Should().NotContain(n => statusWords.Any(w => n.Contains(w, StringComparison.Ordinal)));
        ContractNames<Location>.Names.Should().NotContain(n => statusWords.Any(w => n.Contains(w, StringComparison.Ordinal)), "a location says where, never who");

        string[] fields = ["immigrationStatus", "immigration_status", "status", "citizenship", "nationality", "alienNumber", "aNumber", "visaStatus", "countryOfBirth", "isUndocumented"];
        foreach (var field in fields)
        {
            var json = TestInputs.ValidRequest.Replace("\"subjectFacts\": []", $"\"subjectFacts\": [], \"{field}\": \"x\"", StringComparison.Ordinal);
            FluentActions.Invoking(() => RequestJson.Parse(json)).Should().Throw<InvalidRequestException>()
                .Which.Problems.Should().ContainSingle(p => p.Code == ProblemCodes.UnknownProperty && p.Path.EndsWith(field, StringComparison.Ordinal));
        }

        foreach (var value in statusWords)
        {
            var json = TestInputs.ValidRequest.Replace("\"subjectFacts\": []", $"\"subjectFacts\": [\"{value}\"]", StringComparison.Ordinal);
            FluentActions.Invoking(() => RequestJson.Parse(json)).Should().Throw<InvalidRequestException>();
        }

        typeof(Decision).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Should().NotContain(n => n.Contains("Status", StringComparison.Ordinal) || n.Contains("Citizen", StringComparison.Ordinal));
    }

    [Fact]
    public void The_library_writes_no_log_console_or_trace_output()
    {
        using var stream = File.OpenRead(typeof(PolicySet).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences.Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}").ToHashSet();
        string[] forbidden =
        [
            "System.Console", "System.Diagnostics.Trace", "System.Diagnostics.Debug", "System.Diagnostics.TraceSource", "System.Diagnostics.Tracing.EventSource",
            "System.Diagnostics.ActivitySource", "System.Diagnostics.DiagnosticSource", "System.Diagnostics.DiagnosticListener", "System.Diagnostics.Metrics.Meter",
            "Microsoft.Extensions.Logging.ILogger", "System.IO.File.AppendAllText", "System.IO.StreamWriter", "System.IO.FileStream",
        ];
        referenced.Should().NotContain(forbidden, "the library never logs; what happens to a decision is the caller's to record");
        typeof(PolicySet).Assembly.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(n => n!.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal));
        output.WriteLine($"{referenced.Count} referenced types checked");
    }

    /// <summary>Whether <paramref name="text"/> quotes <paramref name="id"/>, or a distinctive part of it.</summary>
    private static bool Leaks(string text, string id)
    {
        if (id.StartsWith(Marker, StringComparison.Ordinal))
        {
            return text.Contains(Marker, StringComparison.Ordinal);
        }

        // Any word of a personal id (4 or more characters, with a letter) found verbatim, case and all: a name, a
        // number with letters, a phrase. Runs of characters inside longer words are not counted, since the rule
        // texts legitimately contain ordinary words ("non-public" is not the name "Public").
        foreach (var word in id.Split([' ', '/', ',', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 4 && word.Any(char.IsLetter)
                && !CommonWords.Any(w => w.Equals(word, StringComparison.OrdinalIgnoreCase))
                && ContainsWord(text, word))
            {
                return true;
            }
        }

        return id.Length >= 6 && text.Contains(id, StringComparison.Ordinal);
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + word.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] CommonWords = ["undocumented-resident", "resident", "subject", "the subject"];
}
