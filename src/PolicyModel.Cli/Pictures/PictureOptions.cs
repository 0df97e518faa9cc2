using System.CommandLine;
using System.Text;

namespace PolicyModel.Cli.Pictures;

/// <summary>The options and steps <c>matrix</c> and <c>timeline</c> share: the jurisdiction argument, <c>--format</c>, <c>--output</c>.</summary>
internal sealed class PictureOptions
{
    public Argument<string> Jurisdiction { get; } = new("jurisdiction") { Description = "A jurisdiction id, for example us-il-chicago" };

    public Option<string> Format { get; } = new Option<string>("--format") { Description = "svg (a picture) or html (a page with the picture's content as text too)", DefaultValueFactory = _ => "svg" }
        .AcceptOnlyFromAmong("svg", "html");

    public Option<string> Output { get; } = new("--output", "-o") { Description = "Write to this file instead of standard output" };

    /// <summary>Adds the argument and options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Jurisdiction);
        command.Options.Add(Format);
        command.Options.Add(Output);
    }

    /// <summary>Whether to write HTML rather than SVG.</summary>
    public bool Html(ParseResult parse) => parse.GetValue(Format) == "html";

    /// <summary>
    /// The jurisdiction named on the command line, or null with an error on standard error: the engine's own message
    /// for an unknown id, with its "did you mean" and the list of ids.
    /// </summary>
    public static Jurisdiction? Resolve(CommandContext context, PolicySet set, string text)
    {
        if (JurisdictionId.IsValid(text) && set.TryGetJurisdiction(new JurisdictionId(text), out var jurisdiction))
        {
            return jurisdiction;
        }

        if (JurisdictionId.IsValid(text) && set.Jurisdictions.Count > 0)
        {
            // Decide a probe request: the engine names the closest id and lists the others, as `decide` would.
            var probe = new AssistanceRequest
            {
                Jurisdiction = new JurisdictionId(text),
                ReceivedAt = NodaTime.OffsetDateTime.FromDateTimeOffset(DateTimeOffset.UnixEpoch),
                Requester = default,
                Purpose = default,
                Assistance = default,
            };
            if (!set.TryDecide(probe, out _, out var problem))
            {
                context.Stderr.WriteLine($"error: {UntrustedText.Escape(problem.Message)}");
                return null;
            }
        }

        context.Stderr.WriteLine($"error: `{UntrustedText.Escape(text)}` is not a jurisdiction of the policies; expected one of {string.Join(", ", set.Jurisdictions.Select(j => $"`{j.Id}`"))}");
        return null;
    }

    /// <summary>Writes the picture to <c>--output</c> (UTF-8, no byte-order mark) or standard output.</summary>
    public int Write(ParseResult parse, CommandContext context, string picture)
    {
        if (parse.GetValue(Output) is not { Length: > 0 } path)
        {
            context.Stdout.Write(picture);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(path, picture, new UTF8Encoding(false));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            context.Stderr.WriteLine($"error: cannot write `{UntrustedText.Escape(path)}`: {UntrustedText.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The shared <c>--json</c> has no meaning for a picture: says so (null when not given).</summary>
    public static int? RefuseJson(CommandContext context, string name)
    {
        if (!context.Options.Json)
        {
            return null;
        }

        context.Stderr.WriteLine($"error: {name} draws a picture (--format svg or html); --json is not one of its formats");
        return ExitCodes.Failure;
    }
}
