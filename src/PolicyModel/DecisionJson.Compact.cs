using System.Buffers;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime;
using PolicyModel.Engine;
using PolicyModel.Json;

namespace PolicyModel;

/// <summary>Writing compact decisions as JSON without materialising them (the streaming path of the tool and the service).</summary>
public static partial class DecisionJson
{
    /// <summary>
    /// Writes a compact decision as compact JSON (UTF-8): the same bytes as <see cref="Write(Utf8JsonWriter, Decision)"/>
    /// writes for <see cref="CompactDecision.ToDecision"/> to a <see cref="Utf8JsonWriter"/> with default options, but
    /// from precomputed pieces of the decision's shared JSON with only the request's own values filled in, so a
    /// decision costs a few copies and no allocation.
    /// </summary>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="decision">The decision.</param>
    /// <exception cref="InvalidOperationException">The decision is <see langword="default"/>.</exception>
    public static void Write(IBufferWriter<byte> output, CompactDecision decision) => Write(output, decision, policyDigest: null, lawCurrentTo: null);

    /// <summary>
    /// Writes a compact decision as compact JSON (UTF-8) with the served set's digest and the date its law is current
    /// to: the same bytes as <see cref="Write(Utf8JsonWriter, Decision)"/> writes for <see cref="CompactDecision.ToDecision"/>
    /// with <see cref="Decision.PolicyDigest"/> and <see cref="Decision.LawCurrentTo"/> set, without materialising it.
    /// </summary>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="policyDigest">The digest of the set that decided, or null to leave it out.</param>
    /// <param name="lawCurrentTo">The date the set's law is current to, or null to leave it out.</param>
    /// <exception cref="InvalidOperationException">The decision is <see langword="default"/>.</exception>
    public static void Write(IBufferWriter<byte> output, CompactDecision decision, string? policyDigest, LocalDate? lawCurrentTo)
    {
        Guard.Against.Null(output);
        var template = decision.Template ?? throw new InvalidOperationException("a default CompactDecision holds no decision");
        var request = decision.Request;
        var json = template.Json;
        var to = new Utf8Output(output, json.Length + 256);
        to.Write("{\"requestId\":"u8);
        if (request.Id is null)
        {
            to.Write("null"u8);
        }
        else
        {
            to.WriteQuoted(request.Id);
        }

        to.Write(json.Head);
        to.WriteDate(decision.EffectiveDate);
        to.Write(json.Middle);
        json.WriteExplanation(ref to, request, decision.EffectiveDate);
        to.Write("\""u8);
        if (policyDigest is not null)
        {
            to.Write(",\"policyDigest\":"u8);
            to.WriteQuoted(policyDigest);
        }

        if (lawCurrentTo is { } date)
        {
            to.Write(",\"lawCurrentTo\":\""u8);
            to.WriteDate(date);
            to.Write("\""u8);
        }

        to.Write("}"u8);
        to.Commit();
    }
}

/// <summary>
/// A decision template's JSON in pieces: the constant text around the request id, the local date and the explanation,
/// and the explanation itself split at its slots. Made once per template by writing the template through
/// <see cref="DecisionJson.Write(Utf8JsonWriter, Decision)"/> and cutting it, so the pieces are the writer's own bytes.
/// </summary>
internal sealed class DecisionTemplateJson
{
    private const string SampleDate = "2000-01-01";

    private readonly (byte[]? Literal, char Slot)[] explanation;
    private readonly bool hasValueSlots;

    private DecisionTemplateJson(byte[] head, byte[] middle, (byte[]? Literal, char Slot)[] explanation)
    {
        Head = head;
        Middle = middle;
        this.explanation = explanation;
        hasValueSlots = explanation.Any(p => p.Literal is null && p.Slot != 'D');
        Length = head.Length + middle.Length + explanation.Sum(p => p.Literal?.Length ?? 32);
    }

    /// <summary>Gets the text after the request id up to the opening quote of the local date.</summary>
    public byte[] Head { get; }

    /// <summary>Gets the text after the local date up to the opening quote of the explanation.</summary>
    public byte[] Middle { get; }

    /// <summary>Gets about how long a decision's JSON is (for the first buffer).</summary>
    public int Length { get; }

    public static DecisionTemplateJson Of(DecisionTemplate template)
    {
        var sample = template.Materialize(requestId: null, new LocalDate(2000, 1, 1), explanation: string.Empty);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DecisionJson.Write(writer, sample);
        }

        var text = buffer.WrittenSpan;
        var start = "{\"requestId\":null"u8;
        var end = ",\"explanation\":\"\"}"u8;
        var date = Encoding.UTF8.GetBytes($"\"effectiveDate\":\"{SampleDate}\"");
        var at = text.IndexOf(date);
        if (!text.StartsWith(start) || !text.EndsWith(end) || at < start.Length)
        {
            // The decision's JSON no longer has the shape these pieces assume: a test catches this before a release.
            throw new InvalidOperationException("a decision's JSON does not start with its request id and end with its explanation: " + Encoding.UTF8.GetString(text));
        }

        var dateAt = at + date.Length - SampleDate.Length - 1;
        return new DecisionTemplateJson(
            text[start.Length..dateAt].ToArray(),
            text[(dateAt + SampleDate.Length)..^2].ToArray(),
            Split(template.Explanation));
    }

    /// <summary>Writes the explanation's text (without its quotes), its slots filled as <see cref="Slot.Fill"/> fills them.</summary>
    public void WriteExplanation(ref Utf8Output to, AssistanceRequest request, LocalDate date)
    {
        var values = default(RequestSchema.Values);
        if (hasValueSlots)
        {
            RequestSchema.Read(request, values);
        }

        foreach (var (literal, slot) in explanation)
        {
            if (literal is not null)
            {
                to.Write(literal);
            }
            else if (slot == 'D')
            {
                to.WriteDate(date);
            }
            else if (request.Unknown.IsEmpty)
            {
                var phrase = slot >= 'a';
                var field = RequestSchema.Fields[phrase ? slot - 'a' : slot - '0'];
                to.Write(SlotValues.Of(field, values[field.Position], phrase));
            }
            else
            {
                // A compact decision is never of a partial request; should one come, the slot is filled as text.
                to.WriteEscaped(Slot.Fill(string.Concat(Slot.Marker, slot), request, date));
            }
        }
    }

    /// <summary>Cuts an explanation template at its slots, as <see cref="Slot.Fill"/> reads them: literal text (escaped) and slot codes.</summary>
    private static (byte[]? Literal, char Slot)[] Split(string template)
    {
        var pieces = new List<(byte[]?, char)>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != Slot.Marker || i + 1 >= template.Length)
            {
                literal.Append(template[i]);
                continue;
            }

            if (literal.Length > 0)
            {
                pieces.Add((JsonText.Escape(literal.ToString()), '\0'));
                literal.Clear();
            }

            pieces.Add((null, template[++i]));
        }

        if (literal.Length > 0)
        {
            pieces.Add((JsonText.Escape(literal.ToString()), '\0'));
        }

        return [.. pieces];
    }

    /// <summary>Each field value's words in an explanation, escaped once (a value's name, or the fact it states).</summary>
    private static class SlotValues
    {
        private static readonly byte[]?[][] Names = [.. RequestSchema.Fields.Select(f => new byte[f.DomainSize][])];
        private static readonly byte[]?[][] Phrases = [.. RequestSchema.Fields.Select(f => new byte[f.DomainSize][])];

        public static byte[] Of(RequestFieldInfo field, ulong value, bool phrase)
        {
            var cache = (phrase ? Phrases : Names)[field.Position];
            return value < (ulong)cache.Length
                ? cache[value] ??= Text(field, value, phrase)
                : Text(field, value, phrase);
        }

        private static byte[] Text(RequestFieldInfo field, ulong value, bool phrase) =>
            JsonText.Escape(phrase ? field.Phrase(value) : field.ValueText(value));
    }
}

/// <summary>JSON string text as <see cref="Utf8JsonWriter"/> with default options escapes it.</summary>
internal static class JsonText
{
    /// <summary>Per ASCII character, whether the writer writes it as it is inside a string (letters, digits, most punctuation).</summary>
    private static readonly bool[] Plain = PlainAscii();

    /// <summary>The escaped UTF-8 text of a string, without its quotes.</summary>
    public static byte[] Escape(string text)
    {
        var buffer = new ArrayBufferWriter<byte>(text.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenSpan[1..^1].ToArray();
    }

    /// <summary>Whether every character of the text is ASCII the writer leaves as it is.</summary>
    public static bool IsPlain(string text)
    {
        foreach (var ch in text)
        {
            if (ch >= 128 || !Plain[ch])
            {
                return false;
            }
        }

        return true;
    }

    private static bool[] PlainAscii()
    {
        var plain = new bool[128];
        var buffer = new ArrayBufferWriter<byte>(16);
        for (var ch = 0; ch < plain.Length; ch++)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStringValue(((char)ch).ToString());
            }

            plain[ch] = buffer.WrittenCount == 3;
        }

        return plain;
    }
}

/// <summary>Bytes into an <see cref="IBufferWriter{T}"/> a span at a time; <see cref="Commit"/> hands over what was written.</summary>
internal ref struct Utf8Output
{
    private readonly IBufferWriter<byte> output;
    private Span<byte> span;
    private int used;

    public Utf8Output(IBufferWriter<byte> output, int sizeHint)
    {
        this.output = output;
        span = output.GetSpan(sizeHint);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (span.Length - used < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(span[used..]);
        used += bytes.Length;
    }

    /// <summary>Writes a string in quotes, escaped as the writer escapes it.</summary>
    public void WriteQuoted(string text)
    {
        Write("\""u8);
        WriteEscaped(text);
        Write("\""u8);
    }

    /// <summary>Writes a string's text escaped as the writer escapes it (without quotes); plain ASCII is copied as it is.</summary>
    public void WriteEscaped(string text)
    {
        if (!JsonText.IsPlain(text))
        {
            Write(JsonText.Escape(text));
            return;
        }

        if (span.Length - used < text.Length)
        {
            Grow(text.Length);
        }

        for (var i = 0; i < text.Length; i++)
        {
            span[used + i] = (byte)text[i];
        }

        used += text.Length;
    }

    /// <summary>Writes a date as the contract writes it, <c>YYYY-MM-DD</c> (without quotes).</summary>
    public void WriteDate(LocalDate date)
    {
        if (date.Year is < 1 or > 9999)
        {
            WriteEscaped(date.ToContractText());
            return;
        }

        if (span.Length - used < 10)
        {
            Grow(10);
        }

        var to = span.Slice(used, 10);
        Digits(to[..4], date.Year);
        to[4] = (byte)'-';
        Digits(to.Slice(5, 2), date.Month);
        to[7] = (byte)'-';
        Digits(to.Slice(8, 2), date.Day);
        used += 10;
    }

    public void Commit()
    {
        output.Advance(used);
        used = 0;
        span = default;
    }

    private static void Digits(Span<byte> to, int value)
    {
        for (var i = to.Length - 1; i >= 0; i--)
        {
            to[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private void Grow(int needed)
    {
        output.Advance(used);
        used = 0;
        span = output.GetSpan(Math.Max(needed, 1024));
    }
}
