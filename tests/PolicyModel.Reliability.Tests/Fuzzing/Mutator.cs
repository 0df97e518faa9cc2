using System.Text;

namespace PolicyModel.Reliability.Tests.Fuzzing;

/// <summary>
/// Mutates JSON inputs, byte-level (bit flips, interesting bytes, deletion, duplication, truncation, splicing) and
/// token-level (a string, number or literal replaced by a word of the format's vocabulary, by another token of the
/// input, or by a hostile value; a value wrapped in deep nesting). Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> corpus)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x1F, 0x20, 0x22, 0x27, 0x2C, 0x2D, 0x30, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xEF, 0xF0, 0xF8, 0xFE, 0xFF];

    private static readonly string[] Dictionary = BuildDictionary();

    /// <summary>Operators applied so far, by name (for the report).</summary>
    public Dictionary<string, long> Applied { get; } = [];

    /// <summary>A mutant of <paramref name="input"/>: one to four stacked mutations.</summary>
    public byte[] Mutate(byte[] input)
    {
        var data = input;
        var count = random.Next(2) == 0 ? 1 : 2 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            data = MutateOnce(data);
        }

        return data;
    }

    private byte[] MutateOnce(byte[] data)
    {
        if (data.Length == 0)
        {
            return Encoding.UTF8.GetBytes(Pick(Dictionary));
        }

        var op = random.Next(12);
        Count(op switch
        {
            0 => "bit flip",
            1 => "interesting byte",
            2 => "delete range",
            3 => "duplicate range",
            4 => "truncate",
            5 => "splice",
            6 or 7 => "replace token",
            8 => "swap tokens",
            9 => "insert token",
            10 => "deep nesting",
            _ => "repeat token",
        });
        switch (op)
        {
            case 0:
            {
                var copy = (byte[])data.Clone();
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            }

            case 1:
            {
                var copy = (byte[])data.Clone();
                copy[random.Next(copy.Length)] = InterestingBytes[random.Next(InterestingBytes.Length)];
                return copy;
            }

            case 2:
            {
                var (start, length) = Range(data.Length, 64);
                return [.. data.AsSpan(0, start), .. data.AsSpan(start + length)];
            }

            case 3:
            {
                var (start, length) = Range(data.Length, 256);
                var at = random.Next(data.Length + 1);
                return [.. data.AsSpan(0, at), .. data.AsSpan(start, length), .. data.AsSpan(at)];
            }

            case 4:
                return data[..random.Next(data.Length)];

            case 5:
            {
                var other = corpus[random.Next(corpus.Count)];
                return [.. data.AsSpan(0, random.Next(data.Length + 1)), .. other.AsSpan(random.Next(other.Length + 1))];
            }

            case 6 or 7:
            {
                var tokens = Tokens(data);
                if (tokens.Count == 0)
                {
                    return data;
                }

                var (start, length) = tokens[random.Next(tokens.Count)];
                var other = tokens[random.Next(tokens.Count)];
                var replacement = random.Next(3) == 0 ? data.AsSpan(other.Start, other.Length).ToArray() : Encoding.UTF8.GetBytes(Pick(Dictionary));
                return [.. data.AsSpan(0, start), .. replacement, .. data.AsSpan(start + length)];
            }

            case 8:
            {
                var tokens = Tokens(data);
                if (tokens.Count < 2)
                {
                    return data;
                }

                var a = tokens[random.Next(tokens.Count)];
                var b = tokens[random.Next(tokens.Count)];
                if (a.Start > b.Start)
                {
                    (a, b) = (b, a);
                }

                if (a.Start + a.Length > b.Start)
                {
                    return data;
                }

                return [.. data.AsSpan(0, a.Start), .. data.AsSpan(b.Start, b.Length), .. data.AsSpan(a.Start + a.Length, b.Start - a.Start - a.Length), .. data.AsSpan(a.Start, a.Length), .. data.AsSpan(b.Start + b.Length)];
            }

            case 9:
            {
                var at = random.Next(data.Length + 1);
                var insert = Encoding.UTF8.GetBytes(Pick(Dictionary) + Pick([",", ":", " ", ""]));
                return [.. data.AsSpan(0, at), .. insert, .. data.AsSpan(at)];
            }

            case 10:
            {
                var tokens = Tokens(data);
                if (tokens.Count == 0)
                {
                    return data;
                }

                var (start, length) = tokens[random.Next(tokens.Count)];
                var depth = random.Next(2) == 0 ? random.Next(1, 40) : random.Next(1, 2_000);
                var (open, close) = random.Next(3) switch
                {
                    0 => ("[", "]"),
                    1 => ("{\"not\":", "}"),
                    _ => ("{\"allOf\":[", "]}"),
                };
                return [.. data.AsSpan(0, start), .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))), .. data.AsSpan(start, length),
                    .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(close, depth))), .. data.AsSpan(start + length)];
            }

            default:
            {
                // A value repeated as list items: long lists, duplicate entries.
                var tokens = Tokens(data);
                if (tokens.Count == 0)
                {
                    return data;
                }

                var (start, length) = tokens[random.Next(tokens.Count)];
                var times = random.Next(2) == 0 ? random.Next(2, 10) : random.Next(10, 12_000);
                var token = data.AsSpan(start, length).ToArray();
                var repeated = new List<byte>(times * (length + 1));
                for (var i = 0; i < times; i++)
                {
                    if (i > 0)
                    {
                        repeated.Add((byte)',');
                    }

                    repeated.AddRange(token);
                }

                return [.. data.AsSpan(0, start), .. repeated, .. data.AsSpan(start + length)];
            }
        }
    }

    private void Count(string op) => Applied[op] = Applied.GetValueOrDefault(op) + 1;

    private (int Start, int Length) Range(int size, int max)
    {
        var start = random.Next(size);
        return (start, random.Next(Math.Min(max, size - start) + 1));
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];

    /// <summary>The spans of string literals, numbers and <c>true</c>/<c>false</c>/<c>null</c> (an approximate scan: mutants need not be JSON).</summary>
    private static List<(int Start, int Length)> Tokens(byte[] data)
    {
        var tokens = new List<(int, int)>();
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == '"')
            {
                var j = i + 1;
                while (j < data.Length && data[j] != '"')
                {
                    j += data[j] == '\\' ? 2 : 1;
                }

                if (j < data.Length)
                {
                    tokens.Add((i, j - i + 1));
                }

                i = j;
            }
            else if (b is (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n')
            {
                var j = i;
                while (j < data.Length && data[j] is (byte)'-' or (byte)'+' or (byte)'.' or (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'z') or (byte)'E')
                {
                    j++;
                }

                tokens.Add((i, j - i));
                i = j - 1;
            }
        }

        return tokens;
    }

    private static string[] BuildDictionary()
    {
        var words = new List<string>();
        void AddNames<T>()
            where T : struct, Enum => words.AddRange(ContractNames<T>.Names.Select(n => $"\"{n}\""));
        AddNames<Requester>();
        AddNames<Purpose>();
        AddNames<AssistanceKind>();
        AddNames<Authority>();
        AddNames<Circumstance>();
        AddNames<SubjectFact>();
        AddNames<Respondent>();
        AddNames<Outcome>();
        AddNames<Obligation>();
        AddNames<Effect>();
        AddNames<Layer>();
        AddNames<SourceKind>();
        AddNames<Confidence>();
        words.AddRange(TestInputs.Jurisdictions.Select(j => $"\"{j}\""));
        words.AddRange(TestInputs.BuiltIns.Rules.Take(40).Select(r => $"\"{r.Id}\""));
        words.AddRange(
        [
            "\"format\"", "\"jurisdiction\"", "\"sources\"", "\"terms\"", "\"presumptions\"", "\"preemption\"", "\"rules\"", "\"id\"", "\"name\"", "\"parent\"",
            "\"timeZone\"", "\"level\"", "\"kind\"", "\"title\"", "\"citation\"", "\"enacted\"", "\"layer\"", "\"source\"", "\"section\"", "\"period\"",
            "\"from\"", "\"to\"", "\"binds\"", "\"when\"", "\"effect\"", "\"obligations\"", "\"excepts\"", "\"preempts\"", "\"explains\"", "\"confidence\"",
            "\"presume\"", "\"layers\"", "\"allOf\"", "\"anyOf\"", "\"noneOf\"", "\"not\"", "\"term\"", "\"empty\"", "\"non-empty\"", "\"civil-request\"",
            "\"immigration-agency\"", "\"receivedAt\"", "\"requestId\"", "\"outcome\"", "\"effectiveDate\"", "\"jurisdictionChain\"", "\"decidingRules\"",
            "\"citations\"", "\"preempted\"", "\"conflicts\"", "\"prohibiting\"", "\"other\"", "\"explanation\"", "\"immigrationStatus\"", "\"policymodel/1\"",
            "\"UTC\"", "\"America/Chicago\"", "\"Etc/GMT+12\"", "\"Pacific/Kiritimati\"", "\"2017-08-28\"", "\"2021-08-02\"", "\"0001-01-01\"", "\"9999-12-31\"",
            "\"2024-02-29\"", "\"2023-02-29\"", "\"2025-01-21T06:40:00-06:00\"", "\"9999-12-31T23:59:59-18:00\"", "\"0001-01-01T00:00:00+18:00\"",
            "\"2025-03-09T02:30:00-06:00\"", "\"2025-01-21T06:40:00\"", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\uE000R\"", "\"\\\\\"", "\"a\\\"b\"",
            "\"" + new string('x', 4097) + "\"", "\"" + new string('a', 65) + "\"", "0", "-1", "1e400", "1.5", "-0", "12345678901234567890", "true", "false", "null", "{}", "[]",
            "[[]]", "{\"term\":\"t\"}", "{\"not\":{}}", "{\"allOf\":[]}", "{\"anyOf\":[]}",
        ]);
        return [.. words];
    }
}
