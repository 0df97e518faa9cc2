namespace PolicyModel.Reliability.Tests.BadInput;

/// <summary>Which public entry point a bad input is given to.</summary>
public enum Entry
{
    /// <summary><c>PolicyDocument.Parse</c> (problems returned, never thrown).</summary>
    Document,

    /// <summary><c>PolicySet.TryCompile</c> / <c>Compile</c> of parsed documents beside or without the built-ins.</summary>
    PolicySet,

    /// <summary><c>RequestJson.Parse</c> / <c>ReadAll</c>.</summary>
    RequestJson,

    /// <summary><c>PolicySet.Decide</c> and its siblings, with a request built in code.</summary>
    Decide,

    /// <summary><c>DecisionJson.Parse</c>.</summary>
    DecisionJson,
}

/// <summary>
/// One hostile or malformed input: what it is, where it goes, the problem it must produce (code and exact JSON path)
/// and the time and memory the library may spend rejecting it.
/// </summary>
/// <param name="Name">A short, unique description.</param>
/// <param name="Entry">The entry point.</param>
/// <param name="Code">The expected problem code, or <see langword="null"/> when the input is accepted (a byte order mark).</param>
/// <param name="Path">The expected JSON path of that problem.</param>
/// <param name="Prepare">Builds the input (outside the measurement) and returns the call that reports its problems.</param>
public sealed record BadInputCase(string Name, Entry Entry, string? Code, string? Path, Func<Func<IReadOnlyList<Problem>>> Prepare)
{
    /// <summary>Most wall time allowed for the call.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most bytes the call may allocate on its thread.</summary>
    public long MemoryLimit { get; init; } = 64L << 20;

    /// <summary>
    /// The input's JSON texts as the reader gets them (one for a document or a request, each document of a set), for
    /// checking the JSON Schemas against the readers; <see langword="null"/> for inputs built in code and for the
    /// largest inputs, which are built only when run.
    /// </summary>
    public Func<IReadOnlyList<byte[]>>? Texts { get; init; }

    /// <summary>Whether the text was given to <c>RequestJson.Parse</c>, which takes one request object (not a request file).</summary>
    public bool OneRequest { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
