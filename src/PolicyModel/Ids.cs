using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>
/// The id of a jurisdiction (<c>us-il-chicago</c>): lowercase ASCII letters and digits in groups joined by
/// single hyphens, at most 64 characters.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(JurisdictionIdJsonConverter))]
public readonly record struct JurisdictionId
{
    /// <summary>Creates an id, checking its form.</summary>
    /// <param name="value">The id text.</param>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public JurisdictionId(string value)
    {
        Guard.Against.InvalidId(value, "jurisdiction id");

        Value = value;
    }

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="value"/> has the form of an id.</summary>
    /// <param name="value">Candidate text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? value) => IdSyntax.IsValid(value);

    /// <summary>Converts a string to an id.</summary>
    /// <param name="value">The id text.</param>
    public static implicit operator JurisdictionId(string value) => new(value);

    /// <summary>Creates an id from a string.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    public static JurisdictionId FromString(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The id of a rule or presumption (<c>chi-020-a1</c>), unique in a policy set; same form as a jurisdiction id.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(RuleIdJsonConverter))]
public readonly record struct RuleId
{
    /// <summary>Creates an id, checking its form.</summary>
    /// <param name="value">The id text.</param>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public RuleId(string value)
    {
        Guard.Against.InvalidId(value, "rule id");

        Value = value;
    }

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Converts a string to an id.</summary>
    /// <param name="value">The id text.</param>
    public static implicit operator RuleId(string value) => new(value);

    /// <summary>Creates an id from a string.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    public static RuleId FromString(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}

internal static partial class IdSyntax
{
    public const int MaxLength = 64;

    public const string Description = "lowercase letters and digits in groups joined by single hyphens, at most 64 characters";

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>The library's own guard clauses, in the Ardalis style, for checks whose message names the value (built only when the check fails).</summary>
internal static class PolicyModelGuards
{
    /// <summary>Throws when <paramref name="input"/> is <see langword="null"/> or not of the id form.</summary>
    /// <param name="guard">The guard.</param>
    /// <param name="input">The id text.</param>
    /// <param name="kind">What the id names, for the message: <c>rule id</c>.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns>The id text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not a valid id.</exception>
    public static string InvalidId(this IGuardClause guard, [NotNull] string? input, string kind, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        guard.Null(input, parameterName);
        return IdSyntax.IsValid(input) ? input : guard.InvalidInput(input, parameterName!, _ => false, $"`{input}` is not a valid {kind} ({IdSyntax.Description})");
    }
}
