using System.Text;
using System.Text.Json;
using NodaTime;

namespace PolicyModel.Json;

/// <summary>
/// The request reader's fast lane: reads one request object in the plain form nearly every producer writes (known
/// properties once each, unescaped strings, vocabulary values, an ISO 8601 time with seconds and an offset) straight
/// from its UTF-8 bytes into the request's fields, without building a tree, a dictionary or a string per value. It
/// accepts only text the strict reader (<see cref="RequestJson.ReadAll"/>) accepts, with the same result; anything
/// else (an error, an escape, a partial request, a time in another accepted form) gets <see langword="null"/>, and
/// the strict reader reads it again, so problems are found and worded in one place.
/// </summary>
internal static class PlainRequestReader
{
    private const int IdAt = 0;
    private const int JurisdictionAt = 1;
    private const int ReceivedAtAt = 3;

    /// <summary>Most distinct jurisdiction ids remembered; past that each is checked and allocated again (a hostile input cannot grow memory).</summary>
    private const int MaxJurisdictions = 256;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 4 };

    /// <summary>The request object's properties as UTF-8, in <see cref="RequestSchema.JsonProperties"/> order.</summary>
    private static readonly byte[][] PropertyNames = [.. RequestSchema.JsonProperties.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Per property, its field (null for <c>id</c>, <c>jurisdiction</c> and <c>receivedAt</c>).</summary>
    private static readonly RequestFieldInfo?[] PropertyFields = [.. RequestSchema.JsonProperties.Select(p => RequestSchema.TryFind(p, out var f) ? f : null)];

    /// <summary>Per field position, its vocabulary as UTF-8 (value <c>n</c> at index <c>n</c>).</summary>
    private static readonly byte[][][] Vocabularies = [.. RequestSchema.Fields.Select(f => f.ValueNames.Select(Encoding.UTF8.GetBytes).ToArray())];

    /// <summary>The properties a request must give, as a mask over <see cref="PropertyNames"/>.</summary>
    private static readonly int RequiredMask = (1 << JurisdictionAt) | (1 << ReceivedAtAt)
        | PropertyFields.Select((f, i) => f is { IsRequired: true } ? 1 << i : 0).Aggregate(0, (a, b) => a | b);

    /// <summary>The jurisdiction ids seen, checked once: replaced whole (copy on write), so readers on other threads need no lock.</summary>
    private static (byte[] Utf8, JurisdictionId Id)[] jurisdictions = [];

    /// <summary>Reads one plain request object, or returns <see langword="null"/> for the strict reader to read.</summary>
    /// <param name="utf8">The UTF-8 text of one JSON value.</param>
    /// <returns>The request, equal to what the strict reader returns for the same text; or null.</returns>
    public static AssistanceRequest? TryRead(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var values = default(RequestSchema.Values);
            foreach (var field in RequestSchema.Fields)
            {
                values[field.Position] = field.Default;
            }

            var seen = 0;
            string? id = null;
            JurisdictionId jurisdiction = default;
            OffsetDateTime receivedAt = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueIsEscaped ? -1 : Find(PropertyNames, reader.ValueSpan);
                if (property < 0 || (seen & (1 << property)) != 0 || !reader.Read())
                {
                    // An unknown (or escaped) name, `unknown` (a partial request) or a name given twice.
                    return null;
                }

                seen |= 1 << property;
                switch (property)
                {
                    case IdAt:
                        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > AssistanceRequest.MaxIdLength * 6
                            || reader.GetString() is not { Length: <= AssistanceRequest.MaxIdLength } text)
                        {
                            return null;
                        }

                        id = text;
                        break;
                    case JurisdictionAt:
                        if (!IsPlainString(ref reader) || !TryJurisdiction(reader.ValueSpan, out jurisdiction))
                        {
                            return null;
                        }

                        break;
                    case ReceivedAtAt:
                        if (!IsPlainString(ref reader) || !TryParseTime(reader.ValueSpan, out receivedAt))
                        {
                            return null;
                        }

                        break;
                    default:
                        var field = PropertyFields[property];
                        if (field is null || !TryReadValue(ref reader, field, out var value))
                        {
                            return null;
                        }

                        values[field.Position] = value;
                        break;
                }
            }

            // The object must end here, with nothing but whitespace after it, and hold every required property.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || (seen & RequiredMask) != RequiredMask)
            {
                return null;
            }

            return RequestSchema.Create(jurisdiction, receivedAt, values, id);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Text that is not UTF-8 inside a string: the strict reader words it.
            return null;
        }
    }

    private static bool IsPlainString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped;

    /// <summary>A vocabulary value, or a list of them for a set field (the mask of the set; repeats count once, as in the strict reader).</summary>
    private static bool TryReadValue(ref Utf8JsonReader reader, RequestFieldInfo field, out ulong value)
    {
        var names = Vocabularies[field.Position];
        value = 0;
        if (!field.IsSet)
        {
            var found = IsPlainString(ref reader) ? Find(names, reader.ValueSpan) : -1;
            value = (ulong)found;
            return found >= 0;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        // The strict reader allows 64 items in a list; past that it has a problem to report.
        for (var items = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; items++)
        {
            var found = IsPlainString(ref reader) && items < 64 ? Find(names, reader.ValueSpan) : -1;
            if (found < 0)
            {
                return false;
            }

            value |= 1UL << found;
        }

        return true;
    }

    private static int Find(byte[][] names, ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (utf8.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A jurisdiction id of the valid form; checked and allocated once per distinct id.</summary>
    private static bool TryJurisdiction(ReadOnlySpan<byte> utf8, out JurisdictionId id)
    {
        var known = Volatile.Read(ref jurisdictions);
        foreach (var (bytes, value) in known)
        {
            if (utf8.SequenceEqual(bytes))
            {
                id = value;
                return true;
            }
        }

        id = default;
        var text = Encoding.UTF8.GetString(utf8);
        if (!JurisdictionId.IsValid(text))
        {
            return false;
        }

        id = new JurisdictionId(text);
        if (known.Length < MaxJurisdictions)
        {
            // Two threads adding at once may each drop the other's entry: it is only added again later.
            Volatile.Write(ref jurisdictions, [.. known, (utf8.ToArray(), id)]);
        }

        return true;
    }

    /// <summary>
    /// The contract's usual time form, <c>YYYY-MM-DDTHH:MM:SS</c>, optionally with <c>.</c> and one to nine digits of
    /// fraction, then <c>Z</c> or <c>+HH:MM</c>/<c>-HH:MM</c> (at most 18 hours), in the years requests may have. Every
    /// other form the strict reader accepts (no seconds, a comma, an offset with seconds) and every invalid one goes
    /// to the strict reader.
    /// </summary>
    internal static bool TryParseTime(ReadOnlySpan<byte> text, out OffsetDateTime time)
    {
        time = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || year is < AssistanceRequest.MinYear or > AssistanceRequest.MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var at = 19;
        var nanoseconds = 0L;
        if (text[at] == '.')
        {
            var digits = 0;
            while (++at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9')
            {
                if (++digits > 9)
                {
                    return false;
                }

                nanoseconds = (nanoseconds * 10) + (text[at] - '0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (var d = digits; d < 9; d++)
            {
                nanoseconds *= 10;
            }
        }

        var rest = text[at..];
        int offsetSeconds;
        if (rest.Length == 1 && rest[0] == 'Z')
        {
            offsetSeconds = 0;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHours) && TryDigits(rest.Slice(4, 2), out var offsetMinutes)
            && offsetMinutes <= 59 && (offsetHours < 18 || (offsetHours == 18 && offsetMinutes == 0)))
        {
            offsetSeconds = (rest[0] == '-' ? -1 : 1) * ((offsetHours * 3600) + (offsetMinutes * 60));
        }
        else
        {
            return false;
        }

        time = new LocalDate(year, month, day).At(LocalTime.FromHourMinuteSecondNanosecond(hour, minute, second, nanoseconds)).WithOffset(Offset.FromSeconds(offsetSeconds));
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
