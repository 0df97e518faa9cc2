using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PolicyModel.Server;

/// <summary><c>POST /v1/decisions:batch</c>: JSON Lines in, one line out per request, in order, as the body arrives.</summary>
internal static partial class Endpoints
{
    private sealed partial class Handlers
    {
        /// <summary>Fewest lines of one read decided on all cores; fewer are decided on the request's own thread.</summary>
        private const int ParallelLines = 128;

        /// <summary>
        /// <c>POST /v1/decisions:batch</c>: reads JSON Lines and writes one line per request as it goes, a decision or,
        /// for an invalid line, <c>{"line": n, "errors": [...]}</c>. Blank lines are skipped. The lines of each read
        /// are decided on all cores (without a decision log, which records in order) and written in input order.
        /// </summary>
        public async Task Batch(HttpContext context)
        {
            if (context.Request.ContentLength > options.MaxBatchBodyBytes)
            {
                await Problems.TooLarge(context, options.MaxBatchBodyBytes).ConfigureAwait(false);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = options.MaxBatchBodyBytes;
            }

            var input = context.Request.BodyReader;
            var output = context.Response.BodyWriter;
            context.Response.ContentType = JsonLines;
            using var state = new BatchState(Served(context), output, parts: log is null ? Environment.ProcessorCount : 1);
            while (true)
            {
                var read = await input.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                var buffer = read.Buffer;
                var stop = ProcessLines(ref buffer, read.IsCompleted, state);
                input.AdvanceTo(buffer.Start, buffer.End);
                await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                if (stop || read.IsCompleted)
                {
                    break;
                }
            }
        }

        /// <summary>
        /// Takes the complete lines of the buffer in order (counting lines, bytes and requests against the limits),
        /// then decides them and writes their results; true when a limit stops the call.
        /// </summary>
        private bool ProcessLines(ref ReadOnlySequence<byte> buffer, bool final, BatchState state)
        {
            var stop = TakeLines(ref buffer, final, state, out var problem);
            DecideLines(state);
            if (problem is not null)
            {
                state.Main.Error(state.Line, problem);
            }

            return stop;
        }

        private bool TakeLines(ref ReadOnlySequence<byte> buffer, bool final, BatchState state, out Problem? problem)
        {
            problem = null;
            while (true)
            {
                ReadOnlySequence<byte> line;
                var position = buffer.PositionOf((byte)'\n');
                if (position is { } newline)
                {
                    line = buffer.Slice(0, newline);
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                }
                else if (final && buffer.Length > 0)
                {
                    line = buffer;
                    buffer = buffer.Slice(buffer.End);
                }
                else
                {
                    if (buffer.Length > options.MaxRequestBodyBytes)
                    {
                        problem = new Problem(ProblemCodes.TooLarge, "request", "$", null, null, $"a line is longer than {options.MaxRequestBodyBytes:N0} bytes");
                        return true;
                    }

                    return false;
                }

                state.Line++;
                state.Bytes += line.Length + 1;
                if (state.Bytes > options.MaxBatchBodyBytes + 1)
                {
                    problem = new Problem(ProblemCodes.TooLarge, "request", "$", null, null, $"the body is larger than the limit of {options.MaxBatchBodyBytes:N0} bytes");
                    return true;
                }

                // The line stays in the pipe's buffer until the lines are decided (a line across two segments is copied).
                var text = line.IsSingleSegment ? line.First : line.ToArray();
                var trimmed = text.Span.TrimEnd("\r\t "u8);
                var lead = trimmed.Length - trimmed.TrimStart("\t "u8).Length;
                text = text.Slice(lead, trimmed.Length - lead);
                if (text.IsEmpty)
                {
                    continue;
                }

                if (++state.Requests > options.MaxRequestsPerCall)
                {
                    problem = new Problem(ProblemCodes.LimitExceeded, "request", "$", null, null, $"more than {options.MaxRequestsPerCall:N0} requests in one call");
                    return true;
                }

                state.Pending.Add((text, state.Line));
            }
        }

        /// <summary>Decides the lines taken, on all cores when there are many, and writes their results in order.</summary>
        private void DecideLines(BatchState state)
        {
            var pending = state.Pending;
            var parts = state.Parts.Length;
            if (parts == 1 || pending.Count < ParallelLines)
            {
                foreach (var (line, number) in pending)
                {
                    DecideLine(line.Span, number, state.Served, state.Main);
                }
            }
            else
            {
                Parallel.For(0, parts, part =>
                {
                    var to = state.Parts[part];
                    var end = (int)((long)pending.Count * (part + 1) / parts);
                    for (var i = (int)((long)pending.Count * part / parts); i < end; i++)
                    {
                        DecideLine(pending[i].Line.Span, pending[i].Number, state.Served, to);
                    }
                });
                foreach (var part in state.Parts)
                {
                    state.Main.Copy(part);
                }
            }

            pending.Clear();
        }

        private void DecideLine(ReadOnlySpan<byte> line, int number, ServedSet served, LineWriter to)
        {
            if (!RequestJson.TryReadAll(line, "request", out var requests, out var wasArray, out var problems))
            {
                to.Error(number, [.. problems]);
                return;
            }

            if (wasArray || requests.Count != 1)
            {
                to.Error(number, new Problem(ProblemCodes.WrongType, "request", "$", null, null, "expected one request object on the line, found an array"));
                return;
            }

            var request = requests[0];

            if (request.Unknown.IsEmpty)
            {
                // A complete request: its JSON straight from the compact decision, materialised only for the log.
                if (!served.Set.TryDecideCompact(request, out var compact, out var invalid))
                {
                    to.Error(number, invalid);
                    return;
                }

                to.Decision(compact, served);
                if (log is not null)
                {
                    Record(served, request, served.Stamp(compact.ToDecision()));
                }

                return;
            }

            if (!served.Set.TryDecide(request, out var decision, out var problem))
            {
                to.Error(number, problem);
                return;
            }

            var stamped = served.Stamp(decision);
            to.Decision(stamped);
            Record(served, request, stamped);
        }
    }

    /// <summary>The state of one batch: the served set, the output, the counts and the lines taken but not yet decided.</summary>
    private sealed class BatchState(ServedSet served, PipeWriter output, int parts) : IDisposable
    {
        public ServedSet Served { get; } = served;

        /// <summary>Gets where results go: the response.</summary>
        public LineWriter Main { get; } = new(output);

        /// <summary>Gets one output per core for the lines decided in parallel, copied to <see cref="Main"/> in order.</summary>
        public LineWriter[] Parts { get; } = parts == 1 ? [] : [.. Enumerable.Range(0, parts).Select(_ => new LineWriter(new ArrayBufferWriter<byte>(64 * 1024)))];

        public List<(ReadOnlyMemory<byte> Line, int Number)> Pending { get; } = [];

        public int Line { get; set; }

        public int Requests { get; set; }

        public long Bytes { get; set; }

        public void Dispose()
        {
            Main.Dispose();
            foreach (var part in Parts)
            {
                part.Dispose();
            }
        }
    }

    /// <summary>Result lines (a decision or a line's problems), each ending with a newline, into one output.</summary>
    private sealed class LineWriter(IBufferWriter<byte> output) : IDisposable
    {
        private readonly Utf8JsonWriter writer = new(output, WriterOptions);

        /// <summary>Gets where the lines go.</summary>
        public IBufferWriter<byte> Output { get; } = output;

        /// <summary>Writes a complete request's decision, stamped with the served set, as the contract's compact JSON.</summary>
        public void Decision(CompactDecision decision, ServedSet served)
        {
            DecisionJson.Write(Output, decision, served.Digest, served.LawCurrentTo);
            NewLine();
        }

        public void Decision(Decision decision)
        {
            DecisionJson.Write(writer, decision);
            EndLine();
        }

        public void Error(int line, params Problem[] problems)
        {
            JsonSerializer.Serialize(writer, new BatchErrorLine { Line = line, Errors = [.. problems.Select(Problems.Item)] }, ServerJsonContext.Default.BatchErrorLine);
            EndLine();
        }

        /// <summary>Appends what another writer holds (its lines, decided in parallel) and empties it.</summary>
        public void Copy(LineWriter part)
        {
            var written = (ArrayBufferWriter<byte>)part.Output;
            Output.Write(written.WrittenSpan);
            written.ResetWrittenCount();
        }

        public void Dispose() => writer.Dispose();

        private void EndLine()
        {
            writer.Flush();
            NewLine();
            writer.Reset();
        }

        private void NewLine()
        {
            Output.GetSpan(1)[0] = (byte)'\n';
            Output.Advance(1);
        }
    }
}
