using System.Collections;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;

namespace PolicyModel;

/// <summary>
/// An immutable list that compares by content: two lists are equal when they hold equal items in the same order.
/// Records of this library that hold lists store them as this type (copying what they are given), so two records
/// with the same content are equal and no caller can change a record through a list it passed in.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public sealed class EquatableArray<T> : IReadOnlyList<T>, IEquatable<EquatableArray<T>>
{
    private readonly T[] items;

    private EquatableArray(T[] items) => this.items = items;

    /// <summary>The empty list.</summary>
    public static EquatableArray<T> Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => items.Length;

    /// <inheritdoc/>
    public T this[int index] => items[index];

    /// <summary>
    /// The items as an equatable array: <paramref name="items"/> itself when it already is one (it cannot change),
    /// otherwise a copy.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> From(IEnumerable<T> items)
    {
        Guard.Against.Null(items);
        return items switch
        {
            EquatableArray<T> already => already,
            ICollection<T> { Count: 0 } => Empty,
            _ => new([.. items]),
        };
    }

    /// <summary>A copy of <paramref name="items"/>.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> Create(ReadOnlySpan<T> items) => items.IsEmpty ? Empty : new(items.ToArray());

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || items.AsSpan().SequenceEqual(other.items, EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>The items, comma-separated in brackets.</summary>
    /// <returns>For example <c>[a, b]</c>.</returns>
    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>Creates <see cref="EquatableArray{T}"/> values (also from collection expressions).</summary>
public static class EquatableArray
{
    /// <summary>A copy of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => EquatableArray<T>.Create(items);

    /// <summary>The items as an equatable array (a copy, unless they already are one).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => EquatableArray<T>.From(items);
}
