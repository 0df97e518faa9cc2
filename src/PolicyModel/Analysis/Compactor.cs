using System.Numerics;

namespace PolicyModel.Analysis;

/// <summary>
/// A product of sets: one set per request field (a mask of values for scalar fields, of classes for list fields) and
/// a set of periods (coordinate <see cref="PeriodField"/>). Value type with structural equality.
/// </summary>
internal struct Box : IEquatable<Box>
{
    public const int PeriodField = RequestSchema.FieldCount;
    public const int Dimensions = RequestSchema.FieldCount + 1;

    private Coordinates coordinates;

    public UInt128 this[int field]
    {
        readonly get => coordinates[field];
        set => coordinates[field] = value;
    }

    public readonly bool Equals(Box other) =>
        ((ReadOnlySpan<UInt128>)coordinates).SequenceEqual(other.coordinates);

    public override readonly bool Equals(object? obj) => obj is Box other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var c in (ReadOnlySpan<UInt128>)coordinates)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>The box with one coordinate cleared (the key under which boxes that differ only there meet).</summary>
    public readonly Box Without(int field)
    {
        var copy = this;
        copy[field] = UInt128.Zero;
        return copy;
    }

    /// <summary>Orders boxes by their lowest value per field, field by field (a readable, deterministic order).</summary>
    public static int Compare(Box a, Box b, IReadOnlyList<int> order)
    {
        foreach (var f in order)
        {
            var c = Lowest(a[f]).CompareTo(Lowest(b[f]));
            if (c == 0)
            {
                c = a[f].CompareTo(b[f]);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static int Lowest(UInt128 mask) => mask == UInt128.Zero ? 128 : (int)UInt128.TrailingZeroCount(mask);

    [System.Runtime.CompilerServices.InlineArray(Dimensions)]
    private struct Coordinates
    {
        private UInt128 first;
    }
}

/// <summary>
/// Compact grouping (docs/analysis.md, "Grouping"): boxes with the same result that differ in one coordinate only are
/// merged into one (their union is again a product), repeatedly, coordinate by coordinate, until no merge applies.
/// </summary>
internal static class Compactor
{
    /// <summary>
    /// The orders in which coordinates are tried (periods always first: a group in force over several periods is one
    /// group). The result depends on the order, so every order is tried and the one giving the fewest groups kept.
    /// </summary>
    private static readonly int[][] MergeOrders =
    [
        Order(RequestField.Respondent, RequestField.Requester, RequestField.Purpose, RequestField.Assistance, RequestField.Authority, RequestField.Circumstances, RequestField.SubjectFacts),
        Order(RequestField.Circumstances, RequestField.SubjectFacts, RequestField.Respondent, RequestField.Requester, RequestField.Purpose, RequestField.Assistance, RequestField.Authority),
        Order(RequestField.Requester, RequestField.Purpose, RequestField.Authority, RequestField.Assistance, RequestField.Respondent, RequestField.Circumstances, RequestField.SubjectFacts),
        Order(RequestField.SubjectFacts, RequestField.Circumstances, RequestField.Authority, RequestField.Respondent, RequestField.Purpose, RequestField.Requester, RequestField.Assistance),
        Order(RequestField.Assistance, RequestField.Requester, RequestField.Purpose, RequestField.Respondent, RequestField.Authority, RequestField.Circumstances, RequestField.SubjectFacts),
        Order(RequestField.Respondent, RequestField.Circumstances, RequestField.SubjectFacts, RequestField.Assistance, RequestField.Authority, RequestField.Requester, RequestField.Purpose),
    ];

    /// <summary>Periods, then the fields named, then every other field of the schema in its order.</summary>
    private static int[] Order(params RequestField[] first) =>
        [Box.PeriodField, .. first.Select(f => RequestSchema.Of(f).Position), .. RequestSchema.Fields.Where(f => !first.Contains(f.Field)).Select(f => f.Position)];

    public static List<Box> Merge(IEnumerable<Box> boxes)
    {
        var initial = boxes.ToList();
        var index = new Dictionary<Box, int>(initial.Count);
        List<Box>? best = null;
        foreach (var order in MergeOrders)
        {
            var merged = Merge(initial, order, index);
            if (best is null || merged.Count < best.Count)
            {
                best = merged;
            }

            if (best.Count == 1)
            {
                break;
            }
        }

        return best!;
    }

    private static List<Box> Merge(List<Box> initial, int[] mergeOrder, Dictionary<Box, int> index)
    {
        var current = new List<Box>(initial);
        var next = new List<Box>(initial.Count);
        var changed = true;
        while (changed && current.Count > 1)
        {
            changed = false;
            foreach (var field in mergeOrder)
            {
                index.Clear();
                next.Clear();
                foreach (var box in current)
                {
                    var key = box.Without(field);
                    if (index.TryGetValue(key, out var at))
                    {
                        var merged = next[at];
                        merged[field] |= box[field];
                        next[at] = merged;
                        changed = true;
                    }
                    else
                    {
                        index[key] = next.Count;
                        next.Add(box);
                    }
                }

                (current, next) = (next, current);
            }
        }

        return current;
    }

    public static int PopCount(UInt128 mask) => (int)UInt128.PopCount(mask);

    public static IEnumerable<int> Bits(UInt128 mask)
    {
        while (mask != UInt128.Zero)
        {
            var bit = (int)UInt128.TrailingZeroCount(mask);
            yield return bit;
            mask &= mask - UInt128.One;
        }
    }

    public static ulong Low(UInt128 mask) => (ulong)(mask & ulong.MaxValue);

    public static int PopCount(ulong mask) => BitOperations.PopCount(mask);
}
