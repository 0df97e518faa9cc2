namespace PolicyModel.Reliability.Tests.Support;

/// <summary>
/// Structural equality of parsed policy documents. The model's records hold lists, which records compare by reference,
/// so two documents read from the same text are not <c>Equals</c>; this compares every member by value and names the
/// first difference.
/// </summary>
internal static class DocumentComparer
{
    /// <summary>The first difference between two documents, or <see langword="null"/> when they are the same.</summary>
    public static string? Difference(PolicyDocument a, PolicyDocument b)
    {
        if (a.Jurisdiction != b.Jurisdiction)
        {
            return $"jurisdiction: {a.Jurisdiction} vs {b.Jurisdiction}";
        }

        if (!a.Sources.SequenceEqual(b.Sources))
        {
            return "sources";
        }

        if (a.Terms.Count != b.Terms.Count)
        {
            return "number of terms";
        }

        foreach (var (name, condition) in a.Terms)
        {
            if (!b.Terms.TryGetValue(name, out var other) || !Same(condition, other))
            {
                return $"term {name}";
            }
        }

        if (a.Presumptions.Count != b.Presumptions.Count)
        {
            return "number of presumptions";
        }

        for (var i = 0; i < a.Presumptions.Count; i++)
        {
            var (p, q) = (a.Presumptions[i], b.Presumptions[i]);
            if (p.Id != q.Id || p.Layer != q.Layer || p.Period != q.Period || p.Binds != q.Binds || !Same(p.When, q.When) || p.Presume != q.Presume || p.Explains != q.Explains)
            {
                return $"presumption {i}";
            }
        }

        if (a.Preemption.Count != b.Preemption.Count)
        {
            return "number of preemption declarations";
        }

        for (var i = 0; i < a.Preemption.Count; i++)
        {
            if (a.Preemption[i] != b.Preemption[i])
            {
                return $"preemption {i}";
            }
        }

        if (a.Rules.Count != b.Rules.Count)
        {
            return "number of rules";
        }

        for (var i = 0; i < a.Rules.Count; i++)
        {
            var (r, s) = (a.Rules[i], b.Rules[i]);
            if (r.Id != s.Id || r.Layer != s.Layer || r.Source != s.Source || !r.Sections.SequenceEqual(s.Sections) || r.Period != s.Period
                || r.Binds != s.Binds || !Same(r.When, s.When) || r.Effect != s.Effect || r.Obligations != s.Obligations
                || !r.Excepts.SequenceEqual(s.Excepts) || !r.Preempts.SequenceEqual(s.Preempts) || r.Explains != s.Explains || r.Confidence != s.Confidence)
            {
                return $"rule {i} ({r.Id})";
            }
        }

        return null;
    }

    private static bool Same(IReadOnlyList<Condition> a, IReadOnlyList<Condition> b) =>
        a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second));

    private static bool Same(Condition a, Condition b) => (a, b) switch
    {
        (AllOfCondition x, AllOfCondition y) => Same(x.Conditions, y.Conditions),
        (AnyOfCondition x, AnyOfCondition y) => Same(x.Conditions, y.Conditions),
        (NotCondition x, NotCondition y) => Same(x.Inner, y.Inner),
        (TermCondition x, TermCondition y) => x == y,
        (FieldCondition x, FieldCondition y) => x == y,
        _ => false,
    };
}
