using System.Numerics;

namespace PolicyModel.Analysis;

/// <summary>
/// Describes a set of values of a list field (<c>circumstances</c>, <c>subjectFacts</c>: each value is itself a set)
/// as a short condition over the tests the policies apply to the field. The tests are normalised into atoms
/// ("contains any of M", "contains all of M"); a set of lists that is a union of atom signatures is minimised as a
/// boolean function of the atoms (Quine-McCluskey, signatures no list has are don't-cares) and printed as
/// <c>none</c>, <c>any of [a, b]</c>, <c>no c</c>, <c>(x and no y) or z</c>.
/// </summary>
internal sealed class ListFieldText
{
    private const int MaxAtoms = 10;
    private readonly RequestFieldInfo field;
    private readonly int bits;
    private readonly List<(bool All, ulong Mask)> atoms = [];
    private readonly Dictionary<UInt128, string> cache = [];

    public ListFieldText(RequestFieldInfo field, IEnumerable<(FieldTest Test, ulong Mask)> tests)
    {
        this.field = field;
        bits = field.Size;
        var full = (1UL << bits) - 1;
        foreach (var (test, mask) in tests)
        {
            var atom = test switch
            {
                FieldTest.NonEmpty or FieldTest.Empty => (false, full),
                FieldTest.AllOf when BitOperations.PopCount(mask) > 1 => (true, mask),
                _ => (false, mask),
            };
            if (!atoms.Contains(atom))
            {
                atoms.Add(atom);
            }
        }

        atoms.Sort((a, b) => a.All != b.All ? a.All.CompareTo(b.All) : BitOperations.PopCount(b.Mask) != BitOperations.PopCount(a.Mask)
            ? BitOperations.PopCount(b.Mask).CompareTo(BitOperations.PopCount(a.Mask)) : a.Mask.CompareTo(b.Mask));
    }

    /// <summary>Describes the lists whose classes are set in <paramref name="classes"/> (classes of <paramref name="members"/>).</summary>
    public string Describe(UInt128 classes, int[][] members)
    {
        lock (cache)
        {
            if (cache.TryGetValue(classes, out var known))
            {
                return known;
            }

            var lists = new HashSet<int>(Compactor.Bits(classes).SelectMany(c => members[c]));
            var text = Describe(lists);
            cache[classes] = text;
            return text;
        }
    }

    private string Describe(HashSet<int> lists)
    {
        var domain = 1 << bits;
        if (lists.Count == domain)
        {
            return "any";
        }

        if (atoms.Count > MaxAtoms)
        {
            return Enumerate(lists);
        }

        var on = new HashSet<int>();
        var off = new HashSet<int>();
        for (var list = 0; list < domain; list++)
        {
            (lists.Contains(list) ? on : off).Add(Signature((ulong)list));
        }

        if (on.Overlaps(off))
        {
            return Enumerate(lists);
        }

        var terms = Minimise(on, off);
        var texts = terms.Select(t => Term(t.Value, t.Care)).ToList();
        return texts.Count == 1 ? texts[0] : string.Join(" or ", texts.Select(t => t.Contains(" and ", StringComparison.Ordinal) ? $"({t})" : t));
    }

    private int Signature(ulong list)
    {
        var signature = 0;
        for (var i = 0; i < atoms.Count; i++)
        {
            var (all, mask) = atoms[i];
            if (all ? (list & mask) == mask : (list & mask) != 0)
            {
                signature |= 1 << i;
            }
        }

        return signature;
    }

    /// <summary>Prime implicants of the on-set (don't-cares: signatures in neither set), then a small cover.</summary>
    private List<(int Value, int Care)> Minimise(HashSet<int> on, HashSet<int> off)
    {
        var n = atoms.Count;
        var all = (1 << n) - 1;
        var level = new HashSet<(int Value, int Care)>();
        for (var s = 0; s <= all; s++)
        {
            if (!off.Contains(s))
            {
                level.Add((s, all));
            }
        }

        var primes = new List<(int Value, int Care)>();
        while (level.Count > 0)
        {
            var next = new HashSet<(int, int)>();
            var used = new HashSet<(int, int)>();
            foreach (var a in level)
            {
                for (var bit = 0; bit < n; bit++)
                {
                    var m = 1 << bit;
                    if ((a.Care & m) != 0 && (a.Value & m) == 0)
                    {
                        var b = (a.Value | m, a.Care);
                        if (level.Contains(b))
                        {
                            next.Add((a.Value, a.Care & ~m));
                            used.Add(a);
                            used.Add(b);
                        }
                    }
                }
            }

            primes.AddRange(level.Where(t => !used.Contains(t)));
            level = next;
        }

        // Cover the on-set: essential implicants first, then greedily the one covering most.
        var uncovered = new HashSet<int>(on);
        var chosen = new List<(int Value, int Care)>();
        bool Covers((int Value, int Care) t, int s) => (s & t.Care) == (t.Value & t.Care);
        foreach (var s in on)
        {
            var covering = primes.Where(p => Covers(p, s)).ToList();
            if (covering.Count == 1 && !chosen.Contains(covering[0]))
            {
                chosen.Add(covering[0]);
            }
        }

        uncovered.RemoveWhere(s => chosen.Exists(t => Covers(t, s)));
        while (uncovered.Count > 0)
        {
            var best = primes.OrderByDescending(p => uncovered.Count(s => Covers(p, s))).ThenBy(p => BitOperations.PopCount((uint)p.Care)).First();
            chosen.Add(best);
            uncovered.RemoveWhere(s => Covers(best, s));
        }

        return [.. chosen.OrderBy(t => BitOperations.PopCount((uint)t.Care)).ThenByDescending(t => t.Value & t.Care)];
    }

    private string Term(int value, int care)
    {
        var literals = new List<string>();
        for (var i = 0; i < atoms.Count; i++)
        {
            if ((care & (1 << i)) != 0)
            {
                literals.Add(Literal(atoms[i], (value & (1 << i)) != 0));
            }
        }

        return literals.Count == 0 ? "any" : string.Join(" and ", literals);
    }

    private string Literal((bool All, ulong Mask) atom, bool holds)
    {
        var full = (1UL << bits) - 1;
        var names = Names(atom.Mask);
        if (!atom.All && atom.Mask == full)
        {
            return holds ? "not empty" : "none";
        }

        if (BitOperations.PopCount(atom.Mask) == 1)
        {
            return holds ? names : "no " + names;
        }

        return atom.All
            ? (holds ? $"all of [{names}]" : $"not all of [{names}]")
            : (holds ? $"any of [{names}]" : $"none of [{names}]");
    }

    private string Names(ulong mask) => string.Join(", ", field.NamesOf(mask));

    private string Enumerate(HashSet<int> lists) =>
        "one of " + string.Join(" | ", lists.Order().Select(l => l == 0 ? "[]" : $"[{Names((ulong)l)}]"));
}
