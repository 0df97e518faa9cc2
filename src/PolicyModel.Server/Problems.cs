using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PolicyModel.Server;

/// <summary>
/// RFC 9457 problem-details responses (<c>application/problem+json</c>). Bodies carry the stable code, JSON path and
/// message of each problem, as the command line reports them, and never the request's text or its id.
/// </summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static Task Write(HttpContext context, int status, string title, string detail, IEnumerable<Problem>? problems = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = status;
        response.ContentType = ContentType;
        var body = new ProblemBody
        {
            Title = title,
            Status = status,
            Detail = detail,
            Errors = problems is null ? null : [.. problems.Select(Item)],
        };
        return JsonSerializer.SerializeAsync(response.Body, body, ServerJsonContext.Default.ProblemBody, context.RequestAborted);
    }

    public static ProblemItem Item(Problem problem) => new() { Code = problem.Code, Path = problem.Path, Message = problem.Message };

    /// <summary>400: the request is invalid; every problem listed.</summary>
    public static Task Invalid(HttpContext context, IReadOnlyList<Problem> problems) =>
        Write(context, StatusCodes.Status400BadRequest, "Bad Request",
            $"the request is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")})", problems);

    /// <summary>413: the body is larger than the limit.</summary>
    public static Task TooLarge(HttpContext context, long limit) =>
        Write(context, StatusCodes.Status413PayloadTooLarge, "Content Too Large", $"the body is larger than {limit:N0} bytes",
            [new Problem(ProblemCodes.TooLarge, "request", "$", null, null, $"the body is larger than the limit of {limit:N0} bytes")]);
}
