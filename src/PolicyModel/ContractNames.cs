using Ardalis.GuardClauses;
using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace PolicyModel;

/// <summary>
/// The contract names of a vocabulary enum: the kebab-case names the JSON contract and policy documents use
/// (<c>IceEro</c> is <c>ice-ero</c>, <c>RecordRequest</c> is <c>record-request</c>). This is the one home of those
/// names: <see cref="ContractText.ToContractName{T}(T)"/>, <see cref="EnumSet{T}.ToString"/>, the readers, the writers
/// and the explanations all use it. An enum's own <c>ToString()</c> gives the C# member name, never the contract name.
/// Thread-safe; computed once per enum type.
/// </summary>
/// <typeparam name="T">A vocabulary enum of this library.</typeparam>
public static class ContractNames<T>
    where T : struct, Enum
{
    private static readonly string[] NamesByValue;
    private static readonly string[] MeaningsByValue;
    private static readonly string UndefinedMessage = $"not a defined {typeof(T).Name} value";
    private static readonly FrozenDictionary<string, T> ValuesByName;

#pragma warning disable CA1810 // the two tables are built together from one reflection pass
    static ContractNames()
#pragma warning restore CA1810
    {
        var values = Enum.GetValues<T>();
        NamesByValue = new string[values.Length];
        MeaningsByValue = new string[values.Length];
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var member = typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)!;
            var name = member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? ToKebab(member.Name);
            var index = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            NamesByValue[index] = name;
            MeaningsByValue[index] = member.GetCustomAttribute<MeaningAttribute>()?.Text ?? string.Empty;
            map[name] = value;
        }

        ValuesByName = map.ToFrozenDictionary(StringComparer.Ordinal);
        All = values;
    }

    /// <summary>Every value of the vocabulary, in declaration order.</summary>
    public static IReadOnlyList<T> All { get; }

    /// <summary>Every JSON name of the vocabulary, in declaration order.</summary>
    public static IReadOnlyList<string> Names => NamesByValue;

    /// <summary>The meaning of each value in the contract's words, in declaration order (empty for a value without one).</summary>
    internal static IReadOnlyList<string> Meanings => MeaningsByValue;

    /// <summary>The kebab-case JSON name of <paramref name="value"/>.</summary>
    /// <param name="value">A defined value of <typeparamref name="T"/>.</param>
    /// <returns>The name, for example <c>ice-ero</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string Name(T value)
    {
        var index = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        Guard.Against.OutOfRange(index, nameof(value), 0, NamesByValue.Length - 1, UndefinedMessage);

        return NamesByValue[index];
    }

    /// <summary>Looks up a value by its exact kebab-case JSON name (case-sensitive).</summary>
    /// <param name="name">The JSON name.</param>
    /// <param name="value">The value when found.</param>
    /// <returns><see langword="true"/> when the name belongs to the vocabulary.</returns>
    public static bool TryParse(string? name, out T value)
    {
        if (name is not null && ValuesByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The vocabulary as a readable list for error messages: <c>`a`, `b`, `c`</c>.</summary>
    /// <returns>The backtick-quoted names joined by commas.</returns>
    public static string Describe() => string.Join(", ", NamesByValue.Select(n => $"`{n}`"));

    private static string ToKebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
