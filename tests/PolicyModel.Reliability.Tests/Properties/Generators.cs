using System.Text.Json;
using CsCheck;
using NodaTime;

namespace PolicyModel.Reliability.Tests.Properties;

/// <summary>CsCheck generators of valid requests and of well-formed policy documents (as JSON text).</summary>
internal static class Generators
{
    private static readonly Instant Start = Instant.FromUtc(1990, 1, 1, 0, 0);
    private const int Minutes = 46 * 366 * 24 * 60; // 1990 to 2035

    /// <summary>Local midnights of every date on which a built-in rule, presumption or section begins or ends.</summary>
    private static readonly LocalDate[] Breakpoints =
    [
        .. TestInputs.BuiltIns.Rules.SelectMany(r => new[] { r.Period.From, r.Period.To }.Concat(r.Provision.Sections.Select(s => s.From)))
            .Concat(TestInputs.BuiltIns.Presumptions.SelectMany(p => new[] { p.Period.From, p.Period.To }))
            .OfType<LocalDate>().Distinct().Order(),
    ];

    /// <summary>An offset a real clock could show: a whole number of quarter hours within ±18 hours.</summary>
    public static readonly Gen<Offset> Offsets = Gen.Int[-72, 72].Select(q => Offset.FromSeconds(q * 15 * 60));

    /// <summary>Instants from 1990 to 2035, half of them within a day and a half of a date on which a built-in law changes.</summary>
    public static readonly Gen<Instant> Instants = Gen.Frequency(
        (1, Gen.Select(Gen.Int[0, Minutes], Gen.Int[0, 59], (m, s) => Start + Duration.FromMinutes(m) + Duration.FromSeconds(s))),
        (1, Gen.Select(Gen.Int[0, Breakpoints.Length - 1], Gen.Int[-36 * 60, 36 * 60], (i, m) =>
            Breakpoints[i].AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["America/Chicago"]).ToInstant() + Duration.FromMinutes(m))));

    /// <summary>Ids a caller might use (never personal in these tests; see the privacy tests for those).</summary>
    public static readonly Gen<string?> Ids = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (3, Gen.Int[0, 999_999].Select(n => (string?)$"case-{n:D6}")),
        (1, Gen.String[1, 128].Where(IsWellFormed).Select(s => (string?)s)));

    /// <summary>Valid requests for the built-in jurisdictions: every field drawn from its whole vocabulary.</summary>
    public static readonly Gen<AssistanceRequest> Requests = Gen.Select(
        Gen.OneOf(TestInputs.Jurisdictions),
        Gen.Enum<Respondent>(),
        Instants,
        Offsets,
        Gen.Enum<Requester>(),
        Gen.Enum<Purpose>(),
        Gen.Enum<AssistanceKind>(),
        Gen.Enum<Authority>(),
        Gen.Int[0, 15],
        Gen.Int[0, 127],
        Ids,
        (jurisdiction, respondent, instant, offset, requester, purpose, assistance, authority, circumstances, facts, id) => new AssistanceRequest
        {
            Id = id,
            Jurisdiction = jurisdiction,
            Respondent = respondent,
            ReceivedAt = instant.WithOffset(offset),
            Requester = requester,
            Purpose = purpose,
            Assistance = assistance,
            Authority = authority,
            Circumstances = EnumSet<Circumstance>.FromMask((ulong)circumstances),
            SubjectFacts = EnumSet<SubjectFact>.FromMask((ulong)facts),
        });

    public static bool IsWellFormed(string text) =>
        System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;

    // ---- Policy documents ----

    private static readonly string[] Zones = ["UTC", "America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles", "Pacific/Honolulu", "America/Phoenix", "Asia/Kolkata", "Pacific/Chatham"];
    private static readonly string[] TermNames = ["t0", "t1", "t2", "civil-request", "immigration-agency"];
    private static readonly string[] BuiltInTermNames = ["civil-request", "immigration-agency", "civil-document", "criminal-purpose"];

    /// <summary>Text with the characters JSON must escape, non-ASCII and astral characters; never empty or white space.</summary>
    public static readonly Gen<string> Texts = Gen.OneOf("a", "Z", "9", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "\u007f", "é", "§", "—", "\u2028", "<", "&", "'", "😀", "中")
        .Array[0, 12].Select(parts => "x" + string.Concat(parts));

    private static readonly Gen<LocalDate> Dates = Gen.Int[0, 20_000].Select(d => new LocalDate(1990, 1, 1).PlusDays(d));

    private static Gen<string> Values<T>()
        where T : struct, Enum =>
        Gen.Int[1, (1 << ContractNames<T>.All.Count) - 1].Select(mask => Json(EnumSet<T>.FromMask((ulong)mask).Select(ContractNames<T>.Name)));

    private static readonly Gen<string> ScalarTest = Gen.OneOf(
        Field<Requester>("requester"), Field<Purpose>("purpose"), Field<AssistanceKind>("assistance"), Field<Authority>("authority"), Field<Respondent>("respondent"));

    private static readonly Gen<string> SetTest = Gen.OneOf(Set<Circumstance>("circumstances"), Set<SubjectFact>("subjectFacts"));

    private static Gen<string> Leaf(string[] terms) => Gen.Frequency(
        (3, ScalarTest),
        (2, SetTest),
        (1, Gen.OneOf(terms).Select(t => $"{{\"term\":{Json(t)}}}")));

    /// <summary>Conditions nested up to <paramref name="depth"/> operators deep, naming the terms given.</summary>
    public static Gen<string> Conditions(int depth, string[]? terms = null)
    {
        var leaf = Leaf(terms ?? TermNames);
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Conditions(depth - 1, terms);
        return Gen.Frequency(
            (4, leaf),
            (1, inner.Array[0, 3].Select(cs => $"{{\"allOf\":[{string.Join(',', cs)}]}}")),
            (1, inner.Array[1, 3].Select(cs => $"{{\"anyOf\":[{string.Join(',', cs)}]}}")),
            (1, inner.Select(c => $"{{\"not\":{c}}}")));
    }

    private static Gen<string> Field<T>(string name)
        where T : struct, Enum =>
        Gen.Select(Gen.Int[0, 2], Values<T>(), (form, values) => form switch
        {
            0 => $"{{\"{name}\":{values}}}",
            1 => $"{{\"{name}\":{{\"anyOf\":{values}}}}}",
            _ => $"{{\"{name}\":{{\"noneOf\":{values}}}}}",
        });

    private static Gen<string> Set<T>(string name)
        where T : struct, Enum =>
        Gen.Select(Gen.Int[0, 4], Values<T>(), (form, values) => form switch
        {
            0 => $"{{\"{name}\":{{\"anyOf\":{values}}}}}",
            1 => $"{{\"{name}\":{{\"allOf\":{values}}}}}",
            2 => $"{{\"{name}\":{{\"noneOf\":{values}}}}}",
            3 => $"{{\"{name}\":\"empty\"}}",
            _ => $"{{\"{name}\":\"non-empty\"}}",
        });

    private static readonly Gen<string?> Periods = Gen.Select(Gen.Int[0, 3], Dates, Gen.Int[1, 5_000], (form, from, days) => form switch
    {
        0 => null,
        1 => $"{{\"from\":\"{Date(from)}\"}}",
        2 => $"{{\"to\":\"{Date(from)}\"}}",
        _ => $"{{\"from\":\"{Date(from)}\",\"to\":\"{Date(from.PlusDays(days))}\"}}",
    });

    private static readonly Gen<string> Sections = Gen.Frequency(
        (3, Texts.Select(Json)),
        (1, Gen.Select(Texts.Array[1, 3], Dates, Gen.Int[1, 900], (texts, from, step) =>
            "[" + string.Join(',', texts.Select((t, i) => i == 0 ? $"{{\"section\":{Json(t)}}}" : $"{{\"from\":\"{Date(from.PlusDays(i * step))}\",\"section\":{Json(t)}}}")) + "]")));

    private static Gen<string> Rule(int index, Gen<string> ids, bool compilable) => Gen.Select(
        Gen.Select(compilable ? Gen.Const((Layer?)null) : Gen.Frequency((3, Gen.Const((Layer?)null)), (1, Gen.Enum<Layer>().Select(l => (Layer?)l))), Sections, Periods, Values<Respondent>(),
            Conditions(2, compilable ? BuiltInTermNames : null).Array[0, 3]),
        Gen.Select(Gen.Enum<Effect>(), Gen.Int[0, 15], ids.Array[0, compilable ? 1 : 2], ids.Array[0, compilable ? 0 : 2], Gen.Frequency((1, Texts.Select(t => (string?)t)), (1, Gen.Const((string?)null))), Gen.Enum<Confidence>()),
        (a, b) =>
        {
            var (layer, section, period, binds, when) = a;
            var (effect, obligations, excepts, preempts, explains, confidence) = b;
            var parts = new List<string> { $"\"id\":\"r{index}\"" };
            if (layer is { } l)
            {
                parts.Add($"\"layer\":\"{l.ToContractName()}\"");
            }

            parts.Add("\"source\":\"s0\"");
            parts.Add($"\"section\":{section}");
            if (period is not null)
            {
                parts.Add($"\"period\":{period}");
            }

            parts.Add($"\"binds\":{binds}");
            if (when.Length > 0)
            {
                parts.Add($"\"when\":[{string.Join(',', when)}]");
            }

            parts.Add($"\"effect\":\"{effect.ToContractName()}\"");
            parts.Add($"\"obligations\":{Json(EnumSet<Obligation>.FromMask((ulong)obligations).Select(ContractNames<Obligation>.Name))}");
            if (excepts.Length > 0)
            {
                parts.Add($"\"excepts\":{Json(excepts)}");
            }

            if (preempts.Length > 0)
            {
                parts.Add($"\"preempts\":{Json(preempts)}");
            }

            if (explains is not null)
            {
                parts.Add($"\"explains\":{Json(explains)}");
            }

            parts.Add($"\"confidence\":\"{confidence.ToContractName()}\"");
            return "{" + string.Join(',', parts) + "}";
        });

    private static Gen<string> Rules(int count, Gen<string> ids, bool compilable) =>
        count == 0 ? Gen.Const(string.Empty) : Gen.Select(Enumerable.Range(0, count).Select(i => Rule(i, ids, compilable)).ToArray().Aggregate(
            Gen.Const(new List<string>()), (acc, rule) => Gen.Select(acc, rule, (list, r) => new List<string>(list) { r })), list => string.Join(',', list));

    private static Gen<string> Presumption(bool compilable) => Gen.Select(
        compilable ? Gen.Const((Layer?)null) : Gen.Frequency((3, Gen.Const((Layer?)null)), (1, Gen.Enum<Layer>().Select(l => (Layer?)l))), Periods, Values<Respondent>(),
        Conditions(1, compilable ? BuiltInTermNames : null).Array[0, 2],
        Gen.Enum<Purpose>().Where(p => p != Purpose.Unknown), Gen.Frequency((1, Texts.Select(t => (string?)t)), (1, Gen.Const((string?)null))),
        (layer, period, binds, when, purpose, explains) =>
            "{\"id\":\"p0\"" + (layer is { } l ? $",\"layer\":\"{l.ToContractName()}\"" : "") + (period is null ? "" : $",\"period\":{period}")
            + $",\"binds\":{binds}" + (when.Length > 0 ? $",\"when\":[{string.Join(',', when)}]" : "")
            + $",\"presume\":{{\"purpose\":\"{purpose.ToContractName()}\"}}" + (explains is null ? "" : $",\"explains\":{Json(explains)}") + "}");

    private static readonly Gen<string> Preemption = Gen.Select(Values<Effect>(), Values<Effect>(), Values<Layer>(), Gen.Frequency((1, Texts.Select(t => (string?)t)), (1, Gen.Const((string?)null))),
        (when, preempts, layers, explains) => $"{{\"id\":\"e0\",\"when\":{when},\"preempts\":{preempts},\"layers\":{layers}" + (explains is null ? "" : $",\"explains\":{Json(explains)}") + "}");

    /// <summary>
    /// Well-formed documents (every one must parse) covering every property of the format: definitions and extensions,
    /// sources with and without dates, terms, presumptions, preemption, rules with dated section variants and every
    /// form of condition. Their sets need not compile: rules may name unknown rules and terms.
    /// </summary>
    public static readonly Gen<string> Documents = DocumentsOf(compilable: false);

    /// <summary>
    /// Documents most of which compile beside the built-ins: rules at the jurisdiction's level that except only rules
    /// of the same document, name only terms the built-ins define, and no preemption of their own.
    /// </summary>
    public static readonly Gen<string> CompilableDocuments = DocumentsOf(compilable: true);

    private static Gen<string> DocumentsOf(bool compilable) => Gen.Int[0, 4].SelectMany(ruleCount => Gen.Select(
        Gen.Select(Gen.Bool, Gen.Int[0, 9_999], Texts, Gen.OneOf(Zones), Gen.Enum<Layer>(), compilable ? Gen.Const(true) : Gen.Bool),
        Gen.Select(Texts, Gen.Enum<SourceKind>(), Gen.Frequency((1, Dates.Select(d => (LocalDate?)d)), (1, Gen.Const((LocalDate?)null))), Gen.OneOf("", " C ", "5 ILCS", "§")),
        Gen.Select(Gen.Int[0, 3], Conditions(3, compilable ? BuiltInTermNames : null).Array[3]),
        Gen.Select(Gen.Bool, Presumption(compilable), compilable ? Gen.Const(false) : Gen.Bool, Preemption),
        Rules(ruleCount, Gen.Int[0, compilable ? Math.Max(0, ruleCount - 1) : 6].Select(i => $"r{i}"), compilable),
        Gen.Bool,
        (jur, source, terms, extras, rules, indented) =>
        {
            var (define, number, name, zone, level, hasParent) = jur;
            var jurisdiction = define
                ? $"{{\"id\":\"gen-{number}\",\"name\":{Json(name)}" + (hasParent ? ",\"parent\":\"us\"" : "") + $",\"timeZone\":\"{zone}\",\"level\":\"{level.ToContractName()}\"}}"
                : "{\"id\":\"us-il-chicago\"}";
            var (title, kind, enacted, citation) = source;
            var sources = $"[{{\"id\":\"s0\",\"kind\":\"{kind.ToContractName()}\",\"title\":{Json(title)},\"citation\":{Json(citation)}" + (enacted is { } e ? $",\"enacted\":\"{Date(e)}\"" : "") + "}]";
            var (termCount, termConditions) = terms;
            var termText = "{" + string.Join(',', Enumerable.Range(0, termCount).Select(i => $"\"t{i}\":{termConditions[i]}")) + "}";
            var (withPresumption, presumption, withPreemption, preemption) = extras;
            var text = $"{{\"$schema\":\"https://example.invalid/policy.schema.json\",\"format\":\"policymodel/1\",\"jurisdiction\":{jurisdiction},\"sources\":{sources},\"terms\":{termText}"
                + (withPresumption ? $",\"presumptions\":[{presumption}]" : "") + (withPreemption ? $",\"preemption\":[{preemption}]" : "") + $",\"rules\":[{rules}]}}";
            return indented ? JsonSerializer.Serialize(JsonDocument.Parse(text).RootElement, IndentedOptions) : text;
        }));

    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static string Json(IEnumerable<string> texts) => JsonSerializer.Serialize(texts.ToArray());

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
