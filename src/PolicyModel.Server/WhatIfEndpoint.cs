using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace PolicyModel.Server;

/// <summary>
/// <c>POST /v1/whatif</c>: what would change each decision. The options of <c>policymodel whatif</c> are query
/// parameters: <c>maxChanges</c> (1 to 3, default 2) and <c>vary=receivedAt</c>.
/// </summary>
internal static partial class Endpoints
{
    public const string WhatIfPath = "/v1/whatif";

    /// <summary>The query parameter of <c>--max-changes</c>.</summary>
    private const string MaxChangesParameter = "maxChanges";

    /// <summary>The query parameter of <c>--vary</c>.</summary>
    private const string VaryParameter = "vary";

    /// <summary>The one fact a what-if can be asked to vary (the date); the jurisdiction and the id are never changed.</summary>
    private const string ReceivedAt = RequestSchema.ReceivedAtProperty;

    private static void MapWhatIf(WebApplication app, Handlers handlers) =>
        app.MapPost(WhatIfPath, (HttpContext context, CancellationToken _) => handlers.WhatIf(context)).WithName("whatIf")
            .WithSummary("What would change each decision: the decision of each request, then every smallest change of its facts that leads to another outcome")
            .WithDescription("One request (one result) or an array (an array, same order). Each result is the decision's properties followed by `alternatives`, " +
                "as `policymodel whatif --json` writes it: each alternative's `changes` (the changed fields with their new values, a set field with its whole new array, " +
                "or `receivedAt`), `outcome` and `citations`. A partial request (with `unknown`) has no what-if (PM3002): decide it with /v1/decisions.")
            .Takes(typeof(AssistanceRequest), "application/json").Returns(StatusCodes.Status200OK, typeof(WhatIfSchema), "application/json")
            .Returns(StatusCodes.Status400BadRequest, typeof(ProblemBody), Problems.ContentType).Returns(StatusCodes.Status413PayloadTooLarge, typeof(ProblemBody), Problems.ContentType)
            .Returns(StatusCodes.Status503ServiceUnavailable, typeof(ProblemBody), Problems.ContentType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = MaxChangesParameter,
                    In = ParameterLocation.Query,
                    Description = "The most facts one alternative may change: 1, 2 (the default) or 3. Changes of n facts are listed only for outcomes no smaller change reaches.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "3", Default = 2 },
                });
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = VaryParameter,
                    In = ParameterLocation.Query,
                    Description = "`receivedAt`: also list the next date on which the same facts get another outcome.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [ReceivedAt] },
                });
                return Task.CompletedTask;
            });

    /// <summary>
    /// Reads the what-if options from the query: null with every problem when a parameter is unknown or its value
    /// invalid. A problem's path is the parameter's name after <c>?</c>; values are never quoted.
    /// </summary>
    private static WhatIfOptions? ReadWhatIfOptions(IQueryCollection query, out List<Problem>? problems)
    {
        problems = null;
        var options = WhatIfOptions.Default;
        foreach (var (name, values) in query)
        {
            switch (name)
            {
                case MaxChangesParameter when values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max is >= 1 and <= 3:
                    options = options with { MaxChangedFields = max };
                    break;
                case MaxChangesParameter:
                    (problems ??= []).Add(QueryProblem(ProblemCodes.InvalidValue, name, "`maxChanges` must be given once, as 1, 2 or 3"));
                    break;
                case VaryParameter when values.All(v => v is not null && v.Split(',').All(f => f == ReceivedAt)):
                    options = options with { VaryReceivedAt = true };
                    break;
                case VaryParameter:
                    (problems ??= []).Add(QueryProblem(ProblemCodes.UnknownValue, name, "`vary` takes only `receivedAt`; the jurisdiction and the id are never changed"));
                    break;
                default:
                    (problems ??= []).Add(QueryProblem(ProblemCodes.UnknownProperty, name, $"an unknown query parameter; {WhatIfPath} takes `maxChanges` and `vary`"));
                    break;
            }
        }

        return problems is null ? options : null;
    }

    /// <summary>A problem of a query parameter, at <c>?name</c> (a name that is not a plain identifier is not quoted).</summary>
    private static Problem QueryProblem(string code, string name, string message)
    {
        var plain = name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        return new Problem(code, "request", plain ? "?" + name : "?", null, null, message);
    }

    /// <summary>The what-if handler.</summary>
    private sealed partial class Handlers
    {
        /// <summary>
        /// Answers each request with its what-if result, the decision stamped as every decision the service returns, written
        /// by the library's <see cref="WhatIfJson"/>. The decision log gets one record per request: the request and its
        /// decision as asked (the alternatives follow from both and the set, and are not recorded).
        /// </summary>
        public async Task WhatIf(HttpContext context)
        {
            var whatIf = ReadWhatIfOptions(context.Request.Query, out var problems);
            if (whatIf is null)
            {
                await Problems.Invalid(context, problems!).ConfigureAwait(false);
                return;
            }

            await Respond<WhatIfResult>(
                context,
                (ServedSet served, AssistanceRequest request, out WhatIfResult? result) => Try(() => served.Set.WhatIf(request, whatIf), out result),
                (writer, served, request, result) =>
                {
                    var stamped = result.WithDecision(served.Stamp(result.Decision));
                    WhatIfJson.Write(writer, stamped);
                    Record(served, request, stamped.Decision);
                }).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// A what-if result's JSON shape, described for the OpenAPI document only (results are written by the library's
/// <see cref="WhatIfJson"/>): every property of the decision, then <c>alternatives</c>.
/// </summary>
internal sealed class WhatIfSchema
{
    public required string Outcome { get; init; }

    public required List<AlternativeSchema> Alternatives { get; init; }
}

/// <summary>One alternative of a what-if result: the changed fields with their new values, and where they lead.</summary>
internal sealed class AlternativeSchema
{
    /// <summary>Each changed field's new value: a string, or the whole new array for a set field; or <c>receivedAt</c>.</summary>
    public required Dictionary<string, JsonElement> Changes { get; init; }

    public required string Outcome { get; init; }

    public required List<string> Citations { get; init; }
}
