using System.CommandLine;
using System.Text;
using System.Text.Json;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Cli;

/// <summary><c>policymodel validate &lt;policy documents&gt;</c>: every problem with file, line, JSON path, code and message; exit 2 when any.</summary>
internal static class ValidateCommand
{
    public static Command Create(CommandSetup setup)
    {
        var documentPaths = new Argument<string[]>("documents") { Description = "Policy documents or folders of them (*.json)", Arity = ArgumentArity.OneOrMore };
        var command = setup.New(
            "validate",
            "Check policy documents: every problem with file, line, JSON path, code and message; exit 2 when any",
            "policymodel validate my-city.json",
            "policymodel validate my-policies/ --no-builtins   # the documents on their own",
            "policymodel validate my-city.json --json",
            "policymodel validate my-city.json --strict   # conflicts and unreachable rules are errors too");
        var strict = new Option<bool>("--strict") { Description = "Also report, as errors, conflicts between your rules and rules of yours that never decide a request (PM2016, PM2017)" };
        command.Arguments.Add(documentPaths);
        command.Options.Add(strict);
        setup.SetAction(command, (parse, context) => Run(context, parse.GetValue(documentPaths) ?? [], parse.GetValue(strict)));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, bool strict = false)
    {
        var json = context.Options.Json;
        var policies = context.Options.Policies;
        var noBuiltIns = context.Options.NoBuiltIns;
        var stdout = context.Output;
        var stderr = context.Stderr;
        var files = PolicyLoader.ExpandFiles(paths.Concat(policies), stderr, out var missing);
        if (missing)
        {
            return ExitCodes.InvalidInput;
        }

        var problems = new List<Problem>();
        var documents = new List<PolicyDocument>();
        foreach (var file in files)
        {
            if (PolicyDocument.TryLoad(file, out var document, out var documentProblems))
            {
                documents.Add(document);
            }

            problems.AddRange(documentProblems);
        }

        PolicySet? set = null;
        if (problems.Count == 0)
        {
            // Documents are checked as a set, beside the built-ins unless --no-builtins (so a city may name `us-il` as its parent).
            var all = noBuiltIns ? documents : [.. BuiltInPolicies.Documents(), .. documents];
            PolicySet.TryCompile(all, out set, out var compileProblems);
            problems.AddRange(compileProblems);
            if (strict && set is not null)
            {
                problems.AddRange(PolicyModel.Analysis.StrictValidation.Check(set, documents));
            }
        }

        if (json)
        {
            stdout.Writer.WriteLine(Json(files, problems, context.IndentJson));
        }
        else if (problems.Count == 0)
        {
            var own = set!.Rules.Count(r => documents.Any(d => d.Name == r.Document));
            stdout.Text.WriteLine($"{stdout.Green("valid")}: {files.Count} document(s), {documents.Select(d => d.Jurisdiction.Id).Distinct().Count()} jurisdiction(s), {own} rule(s)");
        }
        else
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
            }

            stdout.Text.WriteLine($"{stdout.Red("invalid")}: {problems.Count} problem(s) in {problems.Select(p => p.Document).Distinct().Count()} document(s)");
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static string Json(IReadOnlyList<string> files, List<Problem> problems, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", problems.Count == 0);
            writer.WriteNumber("documents", files.Count);
            writer.WriteStartArray("problems");
            foreach (var p in problems)
            {
                writer.WriteStartObject();
                writer.WriteString("code", p.Code);
                writer.WriteString("document", p.Document);
                writer.WriteString("path", p.Path);
                if (p.Line is { } line)
                {
                    writer.WriteNumber("line", line);
                }

                if (p.Column is { } column)
                {
                    writer.WriteNumber("column", column);
                }

                writer.WriteString("message", p.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
