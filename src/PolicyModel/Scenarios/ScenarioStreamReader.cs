using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using PolicyModel.Inputs;
using PolicyModel.Json;

namespace PolicyModel.Scenarios;

/// <summary>
/// Reads a scenario file one scenario at a time, in memory bounded by the largest scenario whatever the number of
/// scenarios: a <see cref="Utf8JsonReader"/> walks the file through <see cref="CheckedInputStream"/> (strict UTF-8,
/// one optional byte order mark, the cap counted while reading), and each element of <c>scenarios</c> is bound
/// as soon as it is complete. Problems name the file, the scenario's JSON path (<c>$.scenarios[N]…</c>) and line,
/// as the whole-file reader's did. A scenario that cannot be read adds its problems and reading goes on at the next;
/// a syntax error, an unreadable file or the cap ends the file.
/// </summary>
internal sealed class ScenarioStreamReader : IDisposable
{
    /// <summary>The largest scenario (one element of <c>scenarios</c>): 1 MiB.</summary>
    public const int MaxScenarioBytes = 1 << 20;

    private const int ReadSize = 64 * 1024;
    private const int MaxDepth = 8;
    private static readonly string[] TopProperties = [Binder.SchemaProperty, "scenarios"];

    // Limits inside one scenario: the file's limits less the two levels above each scenario.
    private static readonly JsonLimits ScenarioLimits = new() { MaxDepth = MaxDepth - 2, MaxStringLength = 4096, MaxItems = 100_000 };

    private readonly Stream stream;
    private readonly string name;
    private readonly List<Problem> found = [];
    private byte[] buffer = new byte[ReadSize];
    private int start;
    private int end;
    private bool eof;
    private JsonReaderState state = new(new JsonReaderOptions { MaxDepth = 64 });

    // Line counting: every byte before `counted` (absolute offset) has been looked at.
    private long bufferOffset;
    private long counted;
    private int line = 1;
    private long lineStart;

    private Phase phase;
    private long index;
    private JNode? scenariosNode;
    private readonly List<KeyValuePair<string, JNode>> topProperties = [];
    private (int Line, int Column) topPosition;

    private enum Phase
    {
        Start,
        InObject,
        InScenarios,
        AfterObject,
        Done,
    }

    /// <summary>Creates a reader over a checked stream (see <see cref="CheckedInputStream"/>), which it disposes.</summary>
    public ScenarioStreamReader(Stream stream, string name)
    {
        this.stream = stream;
        this.name = name;
    }

    /// <summary>Opens a scenario file through <see cref="InputFiles"/>: a regular file, checked while it is read.</summary>
    public static ScenarioStreamReader? TryOpen(string path, long maxBytes, out Problem? problem)
    {
        if (!InputFiles.TryOpen(path, out var file, out problem))
        {
            return null;
        }

        return new ScenarioStreamReader(new CheckedInputStream(file, path, maxBytes), path);
    }

    /// <summary>Reads the next scenario; false at the end of the file. Problems found on the way are in <paramref name="problems"/> (cleared first).</summary>
    public bool TryNext([NotNullWhen(true)] out Scenario? scenario, List<Problem> problems)
    {
        scenario = null;
        problems.Clear();
        try
        {
            while (phase != Phase.Done)
            {
                if (Step(out scenario))
                {
                    break;
                }

                if (found.Count > 0)
                {
                    break;
                }
            }
        }
        catch (JsonException ex)
        {
            var problem = JsonTreeReader.Malformed(ex, name, MaxDepth);
            found.Add(problem);
            phase = Phase.Done;
        }
        catch (InputRefusedException ex)
        {
            found.Add(ex.Problem);
            phase = Phase.Done;
        }

        problems.AddRange(found);
        found.Clear();
        return scenario is not null || phase != Phase.Done || problems.Count > 0;
    }

    public void Dispose() => stream.Dispose();

    /// <summary>One step of the walk; true when it read a scenario.</summary>
    private bool Step([NotNullWhen(true)] out Scenario? scenario)
    {
        scenario = null;
        switch (phase)
        {
            case Phase.Start:
                if (!Next(out var type, out var at, out _))
                {
                    found.Add(new Problem(ProblemCodes.MalformedJson, name, "$", 1, 1, "the document is empty: expected a JSON value"));
                    phase = Phase.Done;
                    return false;
                }

                topPosition = Position(at);
                if (type != JsonTokenType.StartObject)
                {
                    new Binder(name, found).Object(Shallow(type, "$", topPosition, null), "a scenario file", TopProperties);
                    phase = Phase.Done;
                    return false;
                }

                phase = Phase.InObject;
                return false;

            case Phase.InObject:
                if (!Next(out type, out at, out var property) || type == JsonTokenType.EndObject)
                {
                    phase = Phase.AfterObject;
                    return false;
                }

                ReadProperty(property!, Position(at));
                return false;

            case Phase.InScenarios:
                if (!NextElement(out var from, out var to))
                {
                    phase = Phase.InObject;
                    return false;
                }

                scenario = Bind(buffer.AsSpan(from, to - from), Position(bufferOffset + from));
                index++;
                return scenario is not null;

            default:
                if (Next(out _, out at, out _))
                {
                    var (l, c) = Position(at);
                    found.Add(new Problem(ProblemCodes.MalformedJson, name, "$", l, c, "unexpected text after the end of the JSON value"));
                }
                else
                {
                    CheckTop();
                }

                phase = Phase.Done;
                return false;
        }
    }

    private void ReadProperty(string property, (int Line, int Column) at)
    {
        var path = JsonTreeReader.PropertyPath("$", property);
        if (topProperties.Exists(p => p.Key == property))
        {
            found.Add(new Problem(ProblemCodes.DuplicateProperty, name, path, at.Line, at.Column, $"the property `{JNode.Shorten(property)}` appears twice in one object"));
            phase = Phase.Done;
            return;
        }

        // The value: the scenarios array is walked element by element; any other value is skipped, keeping only
        // what the binder needs to name it in a problem.
        var saved = state;
        var savedStart = start;
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), eof, state);
            if (reader.Read())
            {
                var position = Position(bufferOffset + start + reader.TokenStartIndex);
                if (property == "scenarios" && reader.TokenType == JsonTokenType.StartArray)
                {
                    start += (int)reader.BytesConsumed;
                    state = reader.CurrentState;
                    scenariosNode = Shallow(JsonTokenType.StartArray, path, position, null);
                    topProperties.Add(new(property, scenariosNode));
                    phase = Phase.InScenarios;
                    return;
                }

                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                var kind = reader.TokenType;
                if (reader.TrySkip())
                {
                    start += (int)reader.BytesConsumed;
                    state = reader.CurrentState;
                    topProperties.Add(new(property, Shallow(kind, path, position, text)));
                    return;
                }
            }

            state = saved;
            start = savedStart;
            Fill();
            savedStart = start;
        }
    }

    /// <summary>The checks of the file's top object, made when it has been read: its properties and <c>scenarios</c>.</summary>
    private void CheckTop()
    {
        var bind = new Binder(name, found);
        var top = new JNode { Kind = JKind.Object, Path = "$", Line = topPosition.Line, Column = topPosition.Column, Properties = topProperties };
        if (bind.Object(top, "a scenario file", TopProperties) is { } props)
        {
            bind.SchemaReference(props);
            if (bind.Required(props, top, "scenarios", "a scenario file") is { } list)
            {
                bind.Array(list, "the scenarios");
            }
        }
    }

    private Scenario? Bind(ReadOnlySpan<byte> json, (int Line, int Column) at)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"$.scenarios[{index}]");
        var problems = new List<Problem>();
        var node = new JsonTreeReader(json, name, ScenarioLimits, problems).ReadDocument();
        var scenario = node is null ? null : ScenarioFile.ReadScenario(node, new Binder(name, problems), $"{name} {path}");
        foreach (var problem in problems)
        {
            found.Add(problem with
            {
                Path = path + problem.Path[1..],
                Line = problem.Line is { } l ? at.Line + l - 1 : at.Line,
                Column = problem.Line is 1 or null ? at.Column + (problem.Column ?? 1) - 1 : problem.Column,
            });
        }

        return problems.Count == 0 ? scenario : null;
    }

    private static JNode Shallow(JsonTokenType type, string path, (int Line, int Column) at, string? text) => new()
    {
        Kind = type switch
        {
            JsonTokenType.StartObject => JKind.Object,
            JsonTokenType.StartArray => JKind.Array,
            JsonTokenType.String => JKind.String,
            JsonTokenType.Number => JKind.Number,
            JsonTokenType.True => JKind.True,
            JsonTokenType.False => JKind.False,
            _ => JKind.Null,
        },
        Path = path,
        Line = at.Line,
        Column = at.Column,
        Text = text,
        Properties = type == JsonTokenType.StartObject ? [] : null,
        Items = type == JsonTokenType.StartArray ? [] : null,
    };

    /// <summary>Reads one token (a property name's text in <paramref name="text"/>); false at the end of the input.</summary>
    private bool Next(out JsonTokenType type, out long at, out string? text)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), eof, state);
            if (reader.Read())
            {
                type = reader.TokenType;
                at = bufferOffset + start + reader.TokenStartIndex;
                text = type == JsonTokenType.PropertyName ? reader.GetString() : null;
                start += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                return true;
            }

            start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (eof)
            {
                type = JsonTokenType.None;
                at = bufferOffset + start;
                text = null;
                return false;
            }

            Fill();
        }
    }

    /// <summary>Finds the next element of the scenarios array, whole, in the buffer; false after the closing bracket.</summary>
    private bool NextElement(out int from, out int to)
    {
        var saved = state;
        var savedStart = start;
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), eof, state);
            if (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    start += (int)reader.BytesConsumed;
                    state = reader.CurrentState;
                    from = to = 0;
                    return false;
                }

                var tokenStart = start + (int)reader.TokenStartIndex;
                if (reader.TrySkip())
                {
                    from = tokenStart;
                    to = start + (int)reader.BytesConsumed;
                    start = to;
                    state = reader.CurrentState;
                    return true;
                }
            }

            state = saved;
            start = savedStart;
            Fill();
            savedStart = start;
        }
    }

    /// <summary>Reads more input after the unread part, which moves to the front; the buffer grows up to the scenario cap.</summary>
    private void Fill()
    {
        if (eof)
        {
            throw new JsonException("the JSON ends in the middle of a value", null, line - 1, 0);
        }

        CountTo(bufferOffset + start);
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            start = 0;
        }

        if (buffer.Length - end < ReadSize / 2)
        {
            if (end > MaxScenarioBytes)
            {
                var (l, c) = Position(bufferOffset);
                throw new InputRefusedException(new Problem(ProblemCodes.LimitExceeded, name, string.Create(CultureInfo.InvariantCulture, $"$.scenarios[{index}]"), l, c,
                    $"a scenario is larger than {MaxScenarioBytes >> 20} MiB"));
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer.AsSpan(end));
        end += read;
        eof = read == 0;
    }

    private void CountTo(long offset)
    {
        var from = (int)(counted - bufferOffset);
        var to = (int)(offset - bufferOffset);
        if (to <= from)
        {
            return;
        }

        var span = buffer.AsSpan(from, to - from);
        var last = span.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            line += span.Count((byte)'\n');
            lineStart = counted + last + 1;
        }

        counted = offset;
    }

    private (int Line, int Column) Position(long offset)
    {
        CountTo(offset);
        return (line, (int)Math.Min(int.MaxValue, offset - lineStart + 1));
    }
}
