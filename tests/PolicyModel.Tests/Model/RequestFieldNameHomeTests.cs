namespace PolicyModel.Tests.Model;

/// <summary>
/// The request's field names have one home: a quoted JSON name of a request field (<c>"subjectFacts"</c>,
/// <c>"receivedAt"</c>, …) appears in no C# source file of <c>src/</c> but the request schema, not even as an XML
/// documentation <c>param name</c> (the builder's parameters are <c>value</c>, <c>values</c> and <c>time</c>), so
/// adding or renaming a field is one edit and every reader, writer and service description follows by looping over
/// the schema.
/// </summary>
public sealed class RequestFieldNameHomeTests
{
    private const string SchemaFile = "src/PolicyModel/RequestSchema.cs";

    [Fact]
    public void No_source_file_but_the_schema_spells_a_request_field_name()
    {
        var names = RequestSchema.Fields.Select(f => f.JsonName).Append(RequestSchema.ReceivedAtProperty).ToList();
        var sources = Repository.SourceFiles("src");
        sources.Should().Contain(SchemaFile, "the scan must see the schema itself");

        var offenders = (
            from relative in sources
            where relative != SchemaFile
            let text = File.ReadAllText(Path.Combine(Repository.Root, relative))
            from name in names
            where text.Contains($"\"{name}\"", StringComparison.Ordinal)
            select $"{relative}: \"{name}\"").ToList();

        offenders.Should().BeEmpty("a request field's JSON name belongs in {0} only; derive it from RequestSchema elsewhere", SchemaFile);
    }

    [Fact]
    public void Every_value_of_every_request_field_has_a_meaning()
    {
        foreach (var field in RequestSchema.Fields)
        {
            field.ValueMeanings.Should().HaveCount(field.Size, field.JsonName);
            field.ValueMeanings.Should().OnlyContain(m => m.Length > 0 && m.EndsWith('.'), field.JsonName);
        }
    }
}
