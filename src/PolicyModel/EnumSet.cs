using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>
/// An immutable set of values of a small vocabulary enum (at most 64 values), stored as a bit mask:
/// value equality, no allocation, enumeration in declaration order.
/// </summary>
/// <typeparam name="T">A vocabulary enum backed by <see cref="int"/> with values 0..63.</typeparam>
public readonly struct EnumSet<T> : IEquatable<EnumSet<T>>, IReadOnlyCollection<T>
    where T : struct, Enum
{
    private readonly ulong mask;

    private EnumSet(ulong mask) => this.mask = mask;

    /// <summary>The empty set.</summary>
    public static EnumSet<T> Empty => default;

    /// <summary>The set of every value of <typeparamref name="T"/>.</summary>
    public static EnumSet<T> AllValues => Of(ContractNames<T>.All);

    /// <summary>The bit mask: bit <c>n</c> is set when the value <c>n</c> is in the set.</summary>
    public ulong Mask => mask;

    /// <summary>The number of values in the set.</summary>
    public int Count => BitOperations.PopCount(mask);

    /// <summary>Whether the set has no value.</summary>
    public bool IsEmpty => mask == 0;

    /// <summary>Creates a set from values; duplicates are ignored.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The set.</returns>
    public static EnumSet<T> Of(params IEnumerable<T> values)
    {
        Guard.Against.Null(values);
        ulong m = 0;
        foreach (var v in values)
        {
            m |= Bit(v);
        }

        return new EnumSet<T>(m);
    }

    /// <summary>Creates a set from a raw mask (bits beyond the vocabulary are dropped).</summary>
    /// <param name="mask">The bit mask.</param>
    /// <returns>The set.</returns>
    public static EnumSet<T> FromMask(ulong mask) => new(mask & AllValuesMask());

    /// <summary>Whether <paramref name="value"/> is in the set.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when present.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(T value) => (mask & Bit(value)) != 0;

    /// <summary>Whether the two sets share a value.</summary>
    /// <param name="other">The other set.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(EnumSet<T> other) => (mask & other.mask) != 0;

    /// <summary>Whether every value of <paramref name="other"/> is in this set.</summary>
    /// <param name="other">The other set.</param>
    /// <returns><see langword="true"/> when this set is a superset.</returns>
    public bool ContainsAll(EnumSet<T> other) => (mask & other.mask) == other.mask;

    /// <summary>This set with <paramref name="value"/> added.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The new set.</returns>
    public EnumSet<T> Add(T value) => new(mask | Bit(value));

    /// <summary>The union of two sets.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The union.</returns>
    public EnumSet<T> Union(EnumSet<T> other) => new(mask | other.mask);

    /// <inheritdoc/>
    public bool Equals(EnumSet<T> other) => mask == other.mask;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EnumSet<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => mask.GetHashCode();

    /// <summary>Value equality.</summary>
    /// <param name="left">The left set.</param>
    /// <param name="right">The right set.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(EnumSet<T> left, EnumSet<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The left set.</param>
    /// <param name="right">The right set.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(EnumSet<T> left, EnumSet<T> right) => !left.Equals(right);

    /// <summary>Enumerates the values in declaration order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<T> GetEnumerator()
    {
        var m = mask;
        while (m != 0)
        {
            var index = BitOperations.TrailingZeroCount(m);
            m &= m - 1;
            var v = index;
            yield return Unsafe.As<int, T>(ref v);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The JSON names, comma-separated, in declaration order.</summary>
    /// <returns>For example <c>crime-in-progress, traffic-hazard</c>.</returns>
    public override string ToString() => string.Join(", ", this.Select(ContractNames<T>.Name));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bit(T value)
    {
        var index = Guard.Against.OutOfRange(Unsafe.As<T, int>(ref value), nameof(value), 0, 63, "value outside the vocabulary");
        return 1UL << index;
    }

    private static ulong AllValuesMask()
    {
        ulong m = 0;
        foreach (var v in ContractNames<T>.All)
        {
            m |= Bit(v);
        }

        return m;
    }
}
