namespace PolicyModel.Engine;

/// <summary>
/// Generic access to the request fields a what-if may change and a partial request may leave unknown: every field
/// except <c>id</c>, <c>jurisdiction</c> and <c>receivedAt</c>, in the contract's order. A field's value is a
/// <see cref="ulong"/>: the enum value of a scalar field, the bit mask of a set field.
/// </summary>
internal static class RequestFields
{
    /// <summary>The fields, in the contract's order.</summary>
    public static readonly RequestField[] All =
    [
        RequestField.Respondent, RequestField.Requester, RequestField.Purpose, RequestField.Assistance, RequestField.Authority,
        RequestField.Circumstances, RequestField.SubjectFacts,
    ];

    /// <summary>The position of each field in <see cref="All"/>, indexed by the field.</summary>
    private static readonly int[] Positions = PositionsOf();

    public static int Position(RequestField field) => Positions[(int)field];

    public static bool IsSet(RequestField field) => field is RequestField.Circumstances or RequestField.SubjectFacts;

    /// <summary>The number of names of the field's vocabulary.</summary>
    public static int VocabularySize(RequestField field) => Names(field).Count;

    /// <summary>The number of values of the field: its vocabulary, or every subset of it for a set field.</summary>
    public static int DomainSize(RequestField field) => IsSet(field) ? 1 << VocabularySize(field) : VocabularySize(field);

    /// <summary>The JSON name of the field.</summary>
    public static string Name(RequestField field) => field switch
    {
        RequestField.Requester => "requester",
        RequestField.Purpose => "purpose",
        RequestField.Assistance => "assistance",
        RequestField.Authority => "authority",
        RequestField.Respondent => "respondent",
        RequestField.Circumstances => "circumstances",
        _ => "subjectFacts",
    };

    public static bool TryParse(string? name, out RequestField field)
    {
        foreach (var f in All)
        {
            if (Name(f) == name)
            {
                field = f;
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>The JSON names of the field's vocabulary, in declaration order.</summary>
    public static IReadOnlyList<string> Names(RequestField field) => field switch
    {
        RequestField.Requester => Vocab<Requester>.Names,
        RequestField.Purpose => Vocab<Purpose>.Names,
        RequestField.Assistance => Vocab<AssistanceKind>.Names,
        RequestField.Authority => Vocab<Authority>.Names,
        RequestField.Respondent => Vocab<Respondent>.Names,
        RequestField.Circumstances => Vocab<Circumstance>.Names,
        _ => Vocab<SubjectFact>.Names,
    };

    public static ulong Get(AssistanceRequest request, RequestField field) => field switch
    {
        RequestField.Requester => (ulong)request.Requester,
        RequestField.Purpose => (ulong)request.Purpose,
        RequestField.Assistance => (ulong)request.Assistance,
        RequestField.Authority => (ulong)request.Authority,
        RequestField.Respondent => (ulong)request.Respondent,
        RequestField.Circumstances => request.Circumstances.Mask,
        _ => request.SubjectFacts.Mask,
    };

    public static AssistanceRequest With(AssistanceRequest request, RequestField field, ulong value) => field switch
    {
        RequestField.Requester => request with { Requester = (Requester)value },
        RequestField.Purpose => request with { Purpose = (Purpose)value },
        RequestField.Assistance => request with { Assistance = (AssistanceKind)value },
        RequestField.Authority => request with { Authority = (Authority)value },
        RequestField.Respondent => request with { Respondent = (Respondent)value },
        RequestField.Circumstances => request with { Circumstances = EnumSet<Circumstance>.FromMask(value) },
        _ => request with { SubjectFacts = EnumSet<SubjectFact>.FromMask(value) },
    };

    /// <summary>The value a partial request holds for an unknown field: the contract's default, <c>unknown</c> for the purpose, else the first value.</summary>
    public static ulong Placeholder(RequestField field) => field == RequestField.Purpose ? (ulong)Purpose.Unknown : 0;

    private static int[] PositionsOf()
    {
        var positions = new int[All.Max(f => (int)f) + 1];
        for (var i = 0; i < All.Length; i++)
        {
            positions[(int)All[i]] = i;
        }

        return positions;
    }
}
