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
        Guard.Against.Null(value);
        if (!IdSyntax.IsValid(value))
        {
            throw new ArgumentException($"`{value}` is not a valid jurisdiction id ({IdSyntax.Description})", nameof(value));
        }

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
        Guard.Against.Null(value);
        if (!IdSyntax.IsValid(value))
        {
            throw new ArgumentException($"`{value}` is not a valid rule id ({IdSyntax.Description})", nameof(value));
        }

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
