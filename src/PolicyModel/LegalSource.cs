using NodaTime;

namespace PolicyModel;

/// <summary>A legal source that rules cite: a statute, ordinance, regulation, directive, case or doctrine.</summary>
/// <param name="Id">The id, unique within its document.</param>
/// <param name="Kind">The kind of source.</param>
/// <param name="Title">The source's title.</param>
/// <param name="Citation">The citation prefix printed before a section (<c>5 ILCS</c>); may be empty.</param>
/// <param name="Enacted">When it was enacted or took effect, where known.</param>
public sealed record LegalSource(string Id, SourceKind Kind, string Title, string Citation, LocalDate? Enacted);
