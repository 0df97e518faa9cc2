using System.Globalization;
using System.Text;
using PolicyModel.Json;

namespace PolicyModel.Tests.Json;

/// <summary>
/// The request reader's fast lane reads plain request objects straight from their bytes. It must never accept what
/// the strict reader refuses, nor read a request differently: whatever it reads, the strict reader reads the same;
/// whatever it leaves, the strict reader reads (or reports) as before.
/// </summary>
public sealed class PlainRequestReaderTests
{
    private const string Chicago = """{"id":"r1","jurisdiction":"us-il-chicago","receivedAt":"2025-01-21T06:40:00-06:00","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"stop-or-arrest","authority":"administrative-warrant"}""";

    private const string Full = """{"id":"full","jurisdiction":"us-tx","respondent":"jail","receivedAt":"2025-03-01T10:00:00.123456789Z","requester":"ice-ero","purpose":"civil-immigration-enforcement","assistance":"hold-past-release","authority":"immigration-detainer","location":"courthouse","circumstances":["crime-in-progress","traffic-hazard","crime-in-progress"],"subjectFacts":[]}""";

    [Theory]
    [InlineData(Chicago)]
    [InlineData(Full)]
    [InlineData("""{"id":"r\u0031 \u00e9","jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""")]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00+05:30","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""")]
    [InlineData(" \t{ \"receivedAt\" : \"0002-01-01T00:00:00-18:00\", \"assistance\":\"stop-or-arrest\",\"purpose\":\"unknown\",\"requester\":\"ice-ero\",\"jurisdiction\":\"us\" }\r\n")]
    [InlineData("""{"jurisdiction":"us","receivedAt":"9998-12-31T23:59:59.5+18:00","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest","id":"Jos\u00e9 <&> \"+\""}""")]
    public void Plain_requests_are_read_fast_and_equal_what_the_strict_reader_reads(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        var plain = PlainRequestReader.TryRead(utf8);

        plain.Should().NotBeNull();
        plain.Should().Be(RequestJson.ReadStrict(utf8, "r.json", out var wasArray).Single());
        wasArray.Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"id":"r1","jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest","unknown":["authority"]}""")]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""")]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00,5Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""")]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00+05:30:10","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""")]
    [InlineData("\uFEFF{\"jurisdiction\":\"us\",\"receivedAt\":\"2021-08-02T04:30:00Z\",\"requester\":\"ice-ero\",\"purpose\":\"unknown\",\"assistance\":\"stop-or-arrest\"}")]
    public void Other_accepted_forms_are_left_to_the_strict_reader_which_reads_them(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        PlainRequestReader.TryRead(utf8).Should().BeNull();
        RequestJson.ReadAll(utf8, "r.json", out _).Should().ContainSingle();
    }

    [Theory]
    [InlineData("""{"id":1,"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.WrongType)]
    [InlineData("""{"id":null,"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.WrongType)]
    [InlineData("""{"jurisdiction":"us","jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.DuplicateProperty)]
    [InlineData("""{"jurisdiction":"US","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.InvalidId)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-02-29T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.InvalidDateTime)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.InvalidDateTime)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"0001-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.InvalidDateTime)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ICE-ERO","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.UnknownValue)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown"}""", ProblemCodes.MissingField)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest","status":"x"}""", ProblemCodes.UnknownProperty)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest","circumstances":"traffic-hazard"}""", ProblemCodes.WrongType)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest",}""", ProblemCodes.MalformedJson)]
    [InlineData("""{"jurisdiction":"us","receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"} {}""", ProblemCodes.MalformedJson)]
    [InlineData("""{"jurisdiction":"us",/* a comment */"receivedAt":"2021-08-02T04:30:00Z","requester":"ice-ero","purpose":"unknown","assistance":"stop-or-arrest"}""", ProblemCodes.MalformedJson)]
    public void Invalid_requests_are_left_to_the_strict_reader_which_reports_them(string json, string code)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        PlainRequestReader.TryRead(utf8).Should().BeNull();
        var read = () => RequestJson.ReadAll(utf8, "r.json", out _);
        read.Should().Throw<InvalidRequestException>().Which.Problems.Select(p => p.Code).Should().Contain(code);
    }

    [Fact]
    public void An_id_longer_than_the_limit_and_a_list_longer_than_the_limit_are_left_to_the_strict_reader()
    {
        var longId = Chicago.Replace("\"r1\"", $"\"{new string('x', AssistanceRequest.MaxIdLength + 1)}\"", StringComparison.Ordinal);
        var longList = Full.Replace("\"subjectFacts\":[]", "\"subjectFacts\":[" + string.Join(',', Enumerable.Repeat("\"in-custody\"", 65)) + "]", StringComparison.Ordinal);

        foreach (var json in new[] { longId, longList })
        {
            var utf8 = Encoding.UTF8.GetBytes(json);
            PlainRequestReader.TryRead(utf8).Should().BeNull();
            var read = () => RequestJson.ReadAll(utf8, "r.json", out _);
            read.Should().Throw<InvalidRequestException>().Which.Problems.Select(p => p.Code).Should().Contain(ProblemCodes.LimitExceeded);
        }
    }

    [Fact]
    public void Mutated_requests_read_fast_only_when_the_strict_reader_reads_them_the_same()
    {
        // Random single-byte edits, deletions and duplications of plain requests: every text the fast lane accepts,
        // the strict reader must accept with an equal request.
        var random = new Random(20261206);
        var seeds = new[] { Chicago, Full }.Select(Encoding.UTF8.GetBytes).ToArray();
        var alphabet = "{}[]\":,0123456789-+TZ:. \\u\u00e9eaxsitr"u8.ToArray();
        var accepted = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = seeds[n % seeds.Length].ToList();
            for (var edits = 1 + random.Next(3); edits > 0; edits--)
            {
                var at = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0:
                        text[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    case 1:
                        text.RemoveAt(at);
                        break;
                    default:
                        text.Insert(at, text[random.Next(text.Count)]);
                        break;
                }
            }

            var utf8 = text.ToArray();
            if (PlainRequestReader.TryRead(utf8) is not { } plain)
            {
                continue;
            }

            accepted++;
            IReadOnlyList<AssistanceRequest>? strict = null;
            var read = () => strict = RequestJson.ReadStrict(utf8, "r.json", out _);
            read.Should().NotThrow($"the fast lane read {Encoding.UTF8.GetString(utf8)}");
            strict!.Single().Should().Be(plain, Encoding.UTF8.GetString(utf8));
        }

        accepted.Should().BeGreaterThan(100, "some edits keep a request valid (another digit, another value)");
    }

    [Fact]
    public void Request_times_are_read_fast_exactly_as_the_contract_patterns_read_them()
    {
        var random = new Random(7);
        var offsets = new[] { "Z", "z", "+00:00", "-00:00", "-06:00", "+05:30", "+05:45", "-09:30", "+14:00", "+18:00", "-18:00", "+18:01", "+19:00", "+5:30", "+05:3", "+0530", "" };
        var fractions = new[] { string.Empty, ".", ".5", ".123", ".000000001", ".123456789", ".1234567890", ",5" };
        var fast = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var year = random.Next(8) switch { 0 => random.Next(0, 4), 1 => 9998 + random.Next(3), _ => 1990 + random.Next(50) };
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{year:D4}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}T{random.Next(0, 26):D2}:{random.Next(0, 62):D2}:{random.Next(0, 62):D2}{fractions[random.Next(fractions.Length)]}{offsets[random.Next(offsets.Length)]}");

            var strict = RequestJson.ParseReceivedAt(text) is { Year: >= AssistanceRequest.MinYear and <= AssistanceRequest.MaxYear } parsed ? parsed : (NodaTime.OffsetDateTime?)null;
            if (PlainRequestReader.TryParseTime(Encoding.UTF8.GetBytes(text), out var time))
            {
                fast++;
                strict.Should().Be(time, text);
            }
            else if (strict is not null)
            {
                // Left to the strict reader: only forms the fast lane does not take on (a comma, a lower-case z, ...).
                text.Should().NotMatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$", "the fast lane takes every valid time of its form");
            }
        }

        fast.Should().BeGreaterThan(1000);
    }
}
