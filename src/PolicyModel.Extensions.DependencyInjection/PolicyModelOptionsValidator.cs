using Ardalis.GuardClauses;
using Microsoft.Extensions.Options;

namespace PolicyModel.Extensions.DependencyInjection;

/// <summary>
/// Validates <see cref="PolicyModelOptions"/> by loading and compiling them (once): a missing file or folder,
/// nothing to load, or any problem in the documents fails validation, with every problem listed.
/// </summary>
internal sealed class PolicyModelOptionsValidator(PolicySetHolder holder) : IValidateOptions<PolicyModelOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyModelOptions options)
    {
        Guard.Against.Null(options);
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (!options.UseBuiltIns && options.DocumentPaths.Count == 0 && options.Documents.Count == 0)
        {
            failures.Add("PolicyModel: no policies to load: UseBuiltIns is false and no documents were added");
        }

        failures.AddRange(options.DocumentPaths
            .Where(path => !File.Exists(path) && !Directory.Exists(path))
            .Select(path => $"PolicyModel: {path}: no such file or folder"));
        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        var result = holder.Load(options);
        return result.Set is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail([PolicyLoadExceptionMessage(result.Problems), .. result.Problems.Select(p => p.ToString())]);
    }

    private static string PolicyLoadExceptionMessage(IReadOnlyList<Problem> problems) =>
        $"PolicyModel: the policy documents are invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")})";
}
