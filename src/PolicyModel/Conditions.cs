namespace PolicyModel;

/// <summary>A request field a <see cref="FieldCondition"/> tests.</summary>
public enum RequestField
{
    /// <summary><c>requester</c>.</summary>
    Requester,
    /// <summary><c>purpose</c>.</summary>
    Purpose,
    /// <summary><c>assistance</c>.</summary>
    Assistance,
    /// <summary><c>authority</c>.</summary>
    Authority,
    /// <summary><c>respondent</c>.</summary>
    Respondent,
    /// <summary><c>circumstances</c> (a set field).</summary>
    Circumstances,
    /// <summary><c>subjectFacts</c> (a set field).</summary>
    SubjectFacts,
    /// <summary><c>location</c>.</summary>
    Location,
}

/// <summary>How a <see cref="FieldCondition"/> compares the field with its values.</summary>
public enum FieldTest
{
    /// <summary>Scalar field: its value is one of the values. Set field: it contains at least one of them.</summary>
    AnyOf,
    /// <summary>Scalar field: its value is none of the values. Set field: it contains none of them.</summary>
    NoneOf,
    /// <summary>Set field only: it contains every one of the values.</summary>
    AllOf,
    /// <summary>Set field only: it has at least one value.</summary>
    NonEmpty,
    /// <summary>Set field only: it has no value.</summary>
    Empty,
}

/// <summary>
/// A closed, typed condition over the fields of an assistance request. Conditions are data: nothing in them
/// is compiled from text or executed.
/// </summary>
public abstract record Condition;

/// <summary>Holds when every listed condition holds (an empty list holds).</summary>
/// <param name="Conditions">The conditions.</param>
public sealed record AllOfCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    /// <summary>The conditions.</summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = value.ToEquatableArray(); } = Conditions.ToEquatableArray();
}

/// <summary>Holds when at least one listed condition holds.</summary>
/// <param name="Conditions">The conditions (never empty).</param>
public sealed record AnyOfCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    /// <summary>The conditions (never empty).</summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = value.ToEquatableArray(); } = Conditions.ToEquatableArray();
}

/// <summary>Holds when the inner condition does not.</summary>
/// <param name="Inner">The negated condition.</param>
public sealed record NotCondition(Condition Inner) : Condition;

/// <summary>Holds when the named term (a condition defined once in a document's <c>terms</c>) holds.</summary>
/// <param name="Term">The term's name, for example <c>civil-request</c>.</param>
public sealed record TermCondition(string Term) : Condition;

/// <summary>A test of one request field against a set of vocabulary values.</summary>
/// <param name="Field">The field tested.</param>
/// <param name="Test">The comparison.</param>
/// <param name="Mask">
/// The values as a bit mask over the field's vocabulary enum (bit <c>n</c> for the value <c>n</c>); zero for
/// <see cref="FieldTest.NonEmpty"/> and <see cref="FieldTest.Empty"/>.
/// </param>
public sealed record FieldCondition(RequestField Field, FieldTest Test, ulong Mask) : Condition
{
    /// <summary>The JSON names of the values tested, in vocabulary order.</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> ValueNames() => RequestSchema.Of(Field).NamesOf(Mask);
}
