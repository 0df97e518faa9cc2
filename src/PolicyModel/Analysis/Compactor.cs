using System.Numerics;

namespace PolicyModel.Analysis;

/// <summary>
/// A product of sets: one set per request field (a mask of values for scalar fields, of classes for list fields) and
/// a set of periods (coordinate <see cref="PeriodField"/>). Value type with structural equality.
/// </summary>
internal struct Box : IEquatable<Box>
{
    public const int PeriodField = 7;
    public const int Dimensions = 8;

    private UInt128 f0;
    private UInt128 f1;
    private UInt128 f2;
    private UInt128 f3;
    private UInt128 f4;
    private UInt128 f5;
    private UInt128 f6;
    private UInt128 f7;

    public UInt128 this[int field]
    {
        readonly get => field switch
        {
            0 => f0,
            1 => f1,
            2 => f2,
            3 => f3,
            4 => f4,
            5 => f5,
            6 => f6,
            _ => f7,
        };
        set
        {
            switch (field)
            {
                case 0: f0 = value; break;
                case 1: f1 = value; break;
                case 2: f2 = value; break;
                case 3: f3 = value; break;
                case 4: f4 = value; break;
                case 5: f5 = value; break;
                case 6: f6 = value; break;
                default: f7 = value; break;
            }
        }
    }

    public readonly bool Equals(Box other) =>
        f0 == other.f0 && f1 == other.f1 && f2 == other.f2 && f3 == other.f3 && f4 == other.f4 && f5 == other.f5 && f6 == other.f6 && f7 == other.f7;

    public override readonly bool Equals(object? obj) => obj is Box other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(f0, f1, f2, f3, f4, f5, f6, f7);

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
        [Box.PeriodField, 0, 1, 2, 3, 4, 5, 6],
        [Box.PeriodField, 5, 6, 0, 1, 2, 3, 4],
        [Box.PeriodField, 1, 2, 4, 3, 0, 5, 6],
        [Box.PeriodField, 6, 5, 4, 0, 2, 1, 3],
        [Box.PeriodField, 3, 1, 2, 0, 4, 5, 6],
        [Box.PeriodField, 0, 5, 6, 3, 4, 1, 2],
    ];

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
