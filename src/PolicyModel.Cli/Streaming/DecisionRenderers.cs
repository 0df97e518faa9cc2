using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyModel.Cli.Streaming;

/// <summary><c>decide</c>: each batch through the library's batch API, each decision as the contract's JSON or as readable text.</summary>
internal sealed partial class DecisionRenderer(PolicySet set, Output output, LawCurrencyWarning currency) : BatchRenderer
{
    private readonly DecisionJsonCache compactCache = new(indented: false);
    private readonly DecisionJsonCache indentedCache = new(indented: true);

    public override void Render(AssistanceRequest?[] requests, BatchResult result, StreamSettings settings)
    {
        var valid = new List<int>(requests.Length);
        for (var i = 0; i < requests.Length; i++)
        {
            if (requests[i] is not null)
            {
                valid.Add(i);
            }
        }

        var batch = new AssistanceRequest[valid.Count];
        for (var j = 0; j < valid.Count; j++)
        {
            batch[j] = requests[valid[j]]!;
        }

        var decisions = new CompactDecision[batch.Length];
        bool decided;
        try
        {
            set.DecideAll(batch, decisions);
            decided = true;
        }
        catch (InvalidRequestException)
        {
            // Some request of the batch is invalid (an unknown jurisdiction): decide one by one to name it.
            decided = false;
        }

        var json = settings.Output == OutputFormat.Text ? null : new ArrayBufferWriter<byte>(4096);
        var indented = settings.Indented && settings.Output == OutputFormat.Json;
        var cache = indented ? indentedCache : compactCache;
        for (var j = 0; j < valid.Count; j++)
        {
            var i = valid[j];
            if (!decided)
            {
                if (!set.TryDecide(batch[j], out var full, out var problem))
                {
                    result.Fail(i, problem!);
                    continue;
                }

                if (!batch[j].Unknown.IsEmpty)
                {
                    // A partial request has no compact decision: write its decision (possibly `depends`) as it is.
                    currency.Check(batch[j].Jurisdiction, full.EffectiveDate);
                    WritePartial(result, i, batch[j], full, json, indented && result.Batch.Shape != InputShape.Single, indented);
                    continue;
                }

                decisions[j] = set.DecideCompact(batch[j]);
            }

            currency.Check(batch[j].Jurisdiction, decisions[j].EffectiveDate);

            if (json is null)
            {
                WriteItem(result, i, Encoding.UTF8.GetBytes(output.Wrap(DecideCommand.Readable(batch[j], decisions[j].ToDecision(), output))), reindent: false);
                continue;
            }

            json.ResetWrittenCount();
            cache.Write(json, batch[j], decisions[j]);
            WriteItem(result, i, json.WrittenSpan, reindent: indented && result.Batch.Shape != InputShape.Single);
        }
    }
}

/// <summary><c>decide</c> of partial requests: readable text or the contract's JSON of a full decision.</summary>
internal sealed partial class DecisionRenderer
{
    private void WritePartial(BatchResult result, int i, AssistanceRequest request, Decision decision, ArrayBufferWriter<byte>? json, bool reindent, bool indented)
    {
        if (json is null)
        {
            WriteItem(result, i, Encoding.UTF8.GetBytes(output.Wrap(DecideCommand.Readable(request, decision, output))), reindent: false);
            return;
        }

        json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            DecisionJson.Write(writer, decision);
        }

        WriteItem(result, i, json.WrittenSpan, reindent);
    }
}

/// <summary><c>explain</c>: each request's full reasoning as JSON or as readable text.</summary>
internal sealed class TraceRenderer(PolicySet set, Output output) : BatchRenderer
{
    public override void Render(AssistanceRequest?[] requests, BatchResult result, StreamSettings settings)
    {
        var json = settings.Output != OutputFormat.Text ? new ArrayBufferWriter<byte>(16 * 1024) : null;
        for (var i = 0; i < requests.Length; i++)
        {
            if (requests[i] is not { } request)
            {
                continue;
            }

            DecisionTrace trace;
            try
            {
                trace = set.Explain(request);
            }
            catch (InvalidRequestException ex)
            {
                result.Fail(i, ex.Problems[0]);
                continue;
            }

            if (json is null)
            {
                using var text = new StringWriter();
                ExplainCommand.Readable(request, trace, output.To(text));
                WriteItem(result, i, Encoding.UTF8.GetBytes(text.ToString()), reindent: false);
                continue;
            }

            json.ResetWrittenCount();
            var indented = settings.Indented && settings.Output == OutputFormat.Json;
            using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                DecisionTraceJson.Write(writer, trace);
            }

            WriteItem(result, i, json.WrittenSpan, reindent: indented && result.Batch.Shape != InputShape.Single);
        }
    }
}
