using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace PolicyModel.Server;

/// <summary>The service's endpoints. Every request takes the served set once, so it never sees two sets.</summary>
internal static partial class Endpoints
{
    public const string DigestHeader = "Policy-Digest";
    public const string OpenApiPath = "/openapi/v1.json";
    private const string Json = "application/json; charset=utf-8";
    private const string JsonLines = "application/jsonl; charset=utf-8";

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    public static void Map(WebApplication app, DecisionServiceOptions options, ServedPolicies policies, IDecisionLog? log, ILogger logger, Func<bool> ready)
    {
        // Outermost: stamp the served set on the request and its response, and turn failures into problem details.
        app.Use(async (context, next) =>
        {
            var served = policies.Current;
            context.Features.Set(served);
            context.Response.Headers[DigestHeader] = served.Digest;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await Problems.TooLarge(context, context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0).ConfigureAwait(false);
            }
            catch (BadHttpRequestException)
            {
                await Problems.Write(context, StatusCodes.Status400BadRequest, "Bad Request", "the HTTP request is malformed").ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away, or the request timed out (the timeout middleware answers 504).
                throw;
            }
#pragma warning disable CA1031 // the service's last line of defence: a problem response, never a stack trace
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogUnexpected(logger, ex.GetType().Name, context.Request.Path);
                await Problems.Write(context, StatusCodes.Status500InternalServerError, "Internal Server Error", "an unexpected error; the request was not decided").ConfigureAwait(false);
            }
        });
        app.UseRequestTimeouts();
        app.UseRateLimiter();

        // Handlers are delegates with a CancellationToken (not plain RequestDelegates), so the OpenAPI document lists them;
        // the request delegate generator compiles their binding ahead of time.
        var handlers = new Handlers(options, log);
        app.MapGet("/healthz", (HttpContext context, CancellationToken _) => Health(context)).WithName("health").WithSummary("Liveness, with the served policy set's digest and the date its law is current to")
            .Returns(StatusCodes.Status200OK, typeof(HealthBody), Json).DisableRateLimiting().DisableRequestTimeout();
        app.MapGet("/readyz", (HttpContext context, CancellationToken _) => Ready(context, ready())).WithName("ready").WithSummary("Readiness: 200 once the served set's decision tables are filled, 503 before")
            .Returns(StatusCodes.Status200OK, typeof(HealthBody), Json).Returns(StatusCodes.Status503ServiceUnavailable, typeof(HealthBody), Json).DisableRateLimiting().DisableRequestTimeout();
        app.MapGet("/v1/jurisdictions", (HttpContext context, CancellationToken _) => Jurisdictions(context)).WithName("jurisdictions").WithSummary("The jurisdictions of the served policy set")
            .Returns(StatusCodes.Status200OK, typeof(List<JurisdictionBody>), Json);
        app.MapGet("/v1/vocabularies", (HttpContext context, CancellationToken _) => Vocabularies(context)).WithName("vocabularies").WithSummary("Every request field's values with their meanings")
            .Returns(StatusCodes.Status200OK, typeof(Dictionary<string, List<VocabularyValueBody>>), Json);
        Decide(app.MapPost("/v1/decisions", (HttpContext context, CancellationToken _) => handlers.Decisions(context)).WithName("decide")
            .WithSummary("Decide one request (returns one decision) or an array (returns an array, same order)"));
        app.MapPost("/v1/decisions:batch", (HttpContext context, CancellationToken _) => handlers.Batch(context)).WithName("decideBatch")
            .WithSummary("Decide a stream of requests, one JSON object per line (JSON Lines); one decision per line comes back as it is decided, an invalid line gets {\"line\": n, \"errors\": [...]} in its place")
            .Takes(typeof(AssistanceRequest), "application/jsonl").Returns(StatusCodes.Status200OK, typeof(Decision), "application/jsonl")
            .Returns(StatusCodes.Status413PayloadTooLarge, typeof(ProblemBody), Problems.ContentType);
        app.MapPost("/v1/explain", (HttpContext context, CancellationToken _) => handlers.Explain(context)).WithName("explain")
            .WithSummary("Decide one request (or an array) and show the full reasoning: local date, each rule considered and why it matched or not")
            .Takes(typeof(AssistanceRequest), "application/json").Returns(StatusCodes.Status200OK, null, Json)
            .Returns(StatusCodes.Status400BadRequest, typeof(ProblemBody), Problems.ContentType).Returns(StatusCodes.Status413PayloadTooLarge, typeof(ProblemBody), Problems.ContentType);
        MapWhatIf(app, handlers);
        MapFields(app);
        app.MapOpenApi(OpenApiPath).DisableRateLimiting();
        if (options.WebPage)
        {
            WebPage.Map(app);
        }
    }

    private static void Decide(IEndpointConventionBuilder endpoint) => endpoint
        .Takes(typeof(AssistanceRequest), "application/json").Returns(StatusCodes.Status200OK, typeof(Decision), "application/json")
        .Returns(StatusCodes.Status400BadRequest, typeof(ProblemBody), Problems.ContentType).Returns(StatusCodes.Status413PayloadTooLarge, typeof(ProblemBody), Problems.ContentType)
        .Returns(StatusCodes.Status503ServiceUnavailable, typeof(ProblemBody), Problems.ContentType);

    private static IEndpointConventionBuilder Returns(this IEndpointConventionBuilder endpoint, int status, Type? type, string contentType) =>
        endpoint.WithMetadata(new ProducesResponseTypeMetadata(status, type, [contentType]));

    private static IEndpointConventionBuilder Takes(this IEndpointConventionBuilder endpoint, Type type, string contentType) =>
        endpoint.WithMetadata(new AcceptsMetadata([contentType], type));

    internal static ServedSet Served(HttpContext context) => context.Features.Get<ServedSet>()!;

    private static Task Health(HttpContext context)
    {
        var served = Served(context);
        return WriteJson(context, StatusCodes.Status200OK, new HealthBody { Status = "ok", PolicyDigest = served.Digest, LawCurrentTo = DateText(served.LawCurrentTo) });
    }

    private static Task Ready(HttpContext context, bool ready)
    {
        var served = Served(context);
        return WriteJson(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            new HealthBody { Status = ready ? "ready" : "warming", PolicyDigest = served.Digest, LawCurrentTo = DateText(served.LawCurrentTo) });
    }

    private static Task Jurisdictions(HttpContext context)
    {
        var set = Served(context).Set;
        List<JurisdictionBody> body = [.. set.Jurisdictions.Select(j => new JurisdictionBody
        {
            Id = j.Id.Value,
            Name = j.Name,
            Parent = j.Parent?.Value,
            TimeZone = j.TimeZone.Id,
            Level = j.Level.ToContractName(),
        })];
        context.Response.ContentType = Json;
        return JsonSerializer.SerializeAsync(context.Response.Body, body, ServerJsonContext.Default.ListJurisdictionBody, context.RequestAborted);
    }

    private static Task Vocabularies(HttpContext context)
    {
        context.Response.ContentType = Json;
        return JsonSerializer.SerializeAsync(context.Response.Body, VocabularyMeanings.All(), ServerJsonContext.Default.DictionaryStringListVocabularyValueBody, context.RequestAborted);
    }

    private static Task WriteJson(HttpContext context, int status, HealthBody body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Json;
        return JsonSerializer.SerializeAsync(context.Response.Body, body, ServerJsonContext.Default.HealthBody, context.RequestAborted);
    }

    private static string? DateText(NodaTime.LocalDate? date) => date?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Unexpected {Type} while handling {Path}")]
    private static partial void LogUnexpected(ILogger logger, string type, string path);

    /// <summary>The decision handlers, with the options and the decision log.</summary>
    private sealed partial class Handlers(DecisionServiceOptions options, IDecisionLog? log)
    {
        /// <summary>Decides, explains or asks what-if of one request: null with the result, or the problem that stops it.</summary>
        private delegate Problem? Attempt<T>(ServedSet served, AssistanceRequest request, out T? result)
            where T : class;

        public Task Decisions(HttpContext context) => Respond<Decision>(
            context,
            (ServedSet served, AssistanceRequest request, out Decision? decision) => served.Set.TryDecide(request, out decision, out var problem) ? null : problem,
            (writer, served, request, decision) =>
            {
                var stamped = served.Stamp(decision);
                DecisionJson.Write(writer, stamped);
                Record(served, request, stamped);
            });

        public Task Explain(HttpContext context) => Respond<DecisionTrace>(
            context,
            (ServedSet served, AssistanceRequest request, out DecisionTrace? trace) => Try(() => served.Set.Explain(request), out trace),
            (writer, served, request, trace) =>
            {
                var stamped = trace with { Decision = served.Stamp(trace.Decision) };
                DecisionTraceJson.Write(writer, stamped);
                Record(served, request, stamped.Decision);
            });

        /// <summary>Runs a library call that reports an invalid request by <see cref="InvalidRequestException"/>, as an <see cref="Attempt{T}"/>.</summary>
        private static Problem? Try<T>(Func<T> call, out T? result)
            where T : class
        {
            try
            {
                result = call();
                return null;
            }
            catch (InvalidRequestException ex) when (ex.Problems.Count > 0)
            {
                result = null;
                return ex.Problems[0];
            }
        }

        /// <summary>
        /// Reads the body's request or array of requests and attempts each; answers 413, or 400 with every problem (and
        /// then writes nothing else), or 200 with one result per request written by <paramref name="write"/> (an array
        /// for an array).
        /// </summary>
        private async Task Respond<T>(HttpContext context, Attempt<T> attempt, Action<Utf8JsonWriter, ServedSet, AssistanceRequest, T> write)
            where T : class
        {
            var body = await ReadBodyAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);
            if (body is null)
            {
                return;
            }

            var served = Served(context);
            var outcome = ReadRequests(body.Value.Buffer, out var problems);
            context.Request.BodyReader.AdvanceTo(body.Value.Buffer.End);
            if (problems is not null)
            {
                await Problems.Invalid(context, problems).ConfigureAwait(false);
                return;
            }

            // Every request is attempted before anything is written: one invalid request answers 400 for the whole call.
            var (requests, wasArray) = outcome!.Value;
            var results = new T[requests.Count];
            List<Problem>? found = null;
            for (var i = 0; i < requests.Count; i++)
            {
                // A what-if of many requests takes a while: stop when the client has gone or the request timed out.
                context.RequestAborted.ThrowIfCancellationRequested();
                if (attempt(served, requests[i], out var result) is { } problem)
                {
                    (found ??= []).Add(wasArray ? problem with { Path = $"$[{i}]{problem.Path[1..]}" } : problem);
                }
                else
                {
                    results[i] = result!;
                }
            }

            if (found is not null)
            {
                await Problems.Invalid(context, found).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = Json;
            using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
            {
                if (wasArray)
                {
                    writer.WriteStartArray();
                }

                for (var i = 0; i < requests.Count; i++)
                {
                    write(writer, served, requests[i], results[i]);
                }

                if (wasArray)
                {
                    writer.WriteEndArray();
                }
            }

            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>Reads the requests of a body; null with the problems when it is not valid requests, or too many.</summary>
        private (IReadOnlyList<AssistanceRequest> Requests, bool WasArray)? ReadRequests(ReadOnlySequence<byte> buffer, out IReadOnlyList<Problem>? problems)
        {
            problems = null;
            if (!RequestJson.TryReadAll(buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray(), "request", out var requests, out var wasArray, out var readProblems))
            {
                problems = readProblems;
                return null;
            }

            if (requests.Count == 0)
            {
                problems = [new Problem(ProblemCodes.WrongType, "request", "$", null, null, "expected a request object or a non-empty array of them, found an empty array")];
                return null;
            }

            if (requests.Count > options.MaxRequestsPerCall)
            {
                problems = [new Problem(ProblemCodes.LimitExceeded, "request", "$", null, null, $"more than {options.MaxRequestsPerCall:N0} requests in one call")];
                return null;
            }

            return (requests, wasArray);
        }

        private void Record(ServedSet served, AssistanceRequest request, Decision decision) =>
            log?.Record(DecisionRecord.Of(served.Set, request, decision, options.Clock));

        private static async Task<ReadResult?> ReadBodyAsync(HttpContext context, long limit)
        {
            if (context.Request.ContentLength > limit)
            {
                await Problems.TooLarge(context, limit).ConfigureAwait(false);
                return null;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                if (read.Buffer.Length > limit)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    await Problems.TooLarge(context, limit).ConfigureAwait(false);
                    return null;
                }

                if (read.IsCompleted)
                {
                    return read;
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
    }
}
