using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PolicyModel.Server;

/// <summary>The web page at <c>/</c>: plain HTML, CSS and a little JavaScript, embedded in this assembly.</summary>
internal static class WebPage
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
    ];

    public static void Map(WebApplication app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(path, context =>
            {
                var headers = context.Response.Headers;
                headers.ContentType = contentType;
                headers.CacheControl = "no-cache";
                headers["X-Content-Type-Options"] = "nosniff";

                // The page loads nothing from elsewhere and sends requests only to this service.
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
                headers["Referrer-Policy"] = "no-referrer";
                return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
            }).ExcludeFromDescription();
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream("PolicyModel.Server.wwwroot." + name)
            ?? throw new InvalidOperationException($"the web page resource `{name}` is missing from the assembly");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
