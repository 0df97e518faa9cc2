using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace PolicyModel.Cli.Streaming;

/// <summary>
/// The JSON of decisions that differ only in the request id, written once: a decision is fixed by the request's fields
/// other than its id and arrival time, and by the local date it is judged on, so a batch of a million requests of a few
/// thousand kinds serialises a few thousand decisions and copies the rest, with the id spliced in. The bytes are those
/// the library writes (<see cref="DecisionJson"/>); a test compares them with it.
/// </summary>
internal sealed class DecisionJsonCache(bool indented)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(AssistanceRequest Kind, LocalDate Date), (byte[] Before, byte[] After)> entries = new();
    private readonly JavaScriptEncoder? encoder = indented ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null;

    /// <summary>Writes the decision's JSON: from the cache when a decision of its kind was written before.</summary>
    public void Write(IBufferWriter<byte> output, AssistanceRequest request, CompactDecision decision)
    {
        var key = (request with { Id = null, ReceivedAt = default }, decision.EffectiveDate);
        if (!entries.TryGetValue(key, out var parts))
        {
            parts = Split(decision.ToDecision() with { RequestId = null });
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[key] = parts;
        }

        output.Write(parts.Before);
        if (request.Id is null)
        {
            output.Write("null"u8);
        }
        else
        {
            output.Write("\""u8);
            output.Write(JsonEncodedText.Encode(request.Id, encoder).EncodedUtf8Bytes);
            output.Write("\""u8);
        }

        output.Write(parts.After);
    }

    /// <summary>The decision's JSON around its (null) request id: the text before <c>null</c> and after it.</summary>
    private (byte[] Before, byte[] After) Split(Decision decision)
    {
        var json = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = indented, Encoder = encoder }))
        {
            DecisionJson.Write(writer, decision);
        }

        var text = json.WrittenSpan;
        var name = "\"requestId\":"u8;
        var at = text.IndexOf(name) + name.Length;
        while (text[at] == (byte)' ')
        {
            at++;
        }

        if (at < name.Length || !text[at..].StartsWith("null"u8))
        {
            throw new InvalidOperationException("a decision's JSON does not start with its request id: " + Encoding.UTF8.GetString(text));
        }

        return (text[..at].ToArray(), text[(at + 4)..].ToArray());
    }
}
