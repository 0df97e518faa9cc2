using System.Runtime.CompilerServices;

namespace PolicyModel.Engine;

/// <summary>The request's fields as bit masks (one per <see cref="RequestSchema"/> position): the only input a predicate sees.</summary>
internal readonly struct Facts
{
    private readonly RequestSchema.Values masks;

    /// <summary>The request's facts, with <paramref name="purpose"/> in place of its own and, unless asked, no circumstances.</summary>
    public Facts(AssistanceRequest request, Purpose purpose, bool withCircumstances)
    {
        Span<ulong> values = masks;
        RequestSchema.Read(request, values);
        values[RequestSchema.Of(RequestField.Purpose).Position] = (uint)purpose;
        if (!withCircumstances)
        {
            values[RequestSchema.Of(RequestField.Circumstances).Position] = 0;
        }

        foreach (var field in RequestSchema.Fields)
        {
            values[field.Position] = field.MaskOf(values[field.Position]);
        }
    }

    /// <summary>The mask of the field at <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Get(int position) => masks[position];
}

/// <summary>A condition with its terms resolved: a closed tree of typed tests, evaluated without allocation.</summary>
internal abstract class Predicate
{
    /// <summary>
    /// Operators and field tests in the tree, a shared sub-tree (a term used twice) counted each time it is used: the
    /// work of one evaluation and a bound on the tree's depth. Computed bottom-up when the tree is built (no recursion);
    /// saturates at <see cref="int.MaxValue"/>.
    /// </summary>
    public abstract int Size { get; }

    public abstract bool Eval(in Facts facts);

    /// <summary>One plus the sizes of <paramref name="parts"/>, saturating.</summary>
    protected static int SizeOf(IEnumerable<Predicate> parts)
    {
        long size = 1;
        foreach (var p in parts)
        {
            size += p.Size;
        }

        return (int)Math.Min(size, int.MaxValue);
    }

    /// <summary>Adds the request fields this predicate reads (through terms too).</summary>
    public abstract void CollectFields(HashSet<RequestField> fields);

    /// <summary>Calls <paramref name="visit"/> for every field test in the tree.</summary>
    public abstract void VisitTests(Action<FieldPredicate> visit);
}

internal sealed class TruePredicate : Predicate
{
    public static readonly TruePredicate Instance = new();

    public override int Size => 1;

    public override bool Eval(in Facts facts) => true;

    public override void CollectFields(HashSet<RequestField> fields)
    {
    }

    public override void VisitTests(Action<FieldPredicate> visit)
    {
    }
}

internal sealed class AllPredicate(Predicate[] parts) : Predicate
{
    public Predicate[] Parts { get; } = parts;

    public override int Size { get; } = SizeOf(parts);

    public override bool Eval(in Facts facts)
    {
        foreach (var p in Parts)
        {
            if (!p.Eval(facts))
            {
                return false;
            }
        }

        return true;
    }

    public override void CollectFields(HashSet<RequestField> fields)
    {
        foreach (var p in Parts)
        {
            p.CollectFields(fields);
        }
    }

    public override void VisitTests(Action<FieldPredicate> visit)
    {
        foreach (var p in Parts)
        {
            p.VisitTests(visit);
        }
    }
}

internal sealed class AnyPredicate : Predicate
{
    private readonly Predicate[] parts;

    public AnyPredicate(Predicate[] parts)
    {
        this.parts = parts;
        Size = SizeOf(parts);
    }

    public override int Size { get; }

    public override bool Eval(in Facts facts)
    {
        foreach (var p in parts)
        {
            if (p.Eval(facts))
            {
                return true;
            }
        }

        return false;
    }

    public override void CollectFields(HashSet<RequestField> fields)
    {
        foreach (var p in parts)
        {
            p.CollectFields(fields);
        }
    }

    public override void VisitTests(Action<FieldPredicate> visit)
    {
        foreach (var p in parts)
        {
            p.VisitTests(visit);
        }
    }
}

internal sealed class NotPredicate : Predicate
{
    private readonly Predicate inner;

    public NotPredicate(Predicate inner)
    {
        this.inner = inner;
        Size = SizeOf([inner]);
    }

    public override int Size { get; }

    public override bool Eval(in Facts facts) => !inner.Eval(facts);

    public override void CollectFields(HashSet<RequestField> fields) => inner.CollectFields(fields);

    public override void VisitTests(Action<FieldPredicate> visit) => inner.VisitTests(visit);
}

internal sealed class FieldPredicate(RequestField requestField, FieldTest test, ulong mask) : Predicate
{
    private readonly int position = RequestSchema.Of(requestField).Position;

    public RequestField Field => requestField;

    public FieldTest Test => test;

    public ulong Mask => mask;

    public override int Size => 1;

    public override void VisitTests(Action<FieldPredicate> visit) => visit(this);

    public override bool Eval(in Facts facts)
    {
        var value = facts.Get(position);
        return test switch
        {
            FieldTest.AnyOf => (value & mask) != 0,
            FieldTest.NoneOf => (value & mask) == 0,
            FieldTest.AllOf => (value & mask) == mask,
            FieldTest.NonEmpty => value != 0,
            _ => value == 0,
        };
    }

    public override void CollectFields(HashSet<RequestField> fields) => fields.Add(requestField);
}
