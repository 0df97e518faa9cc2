using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyModel.Tests.Model;

/// <summary>
/// The request builder has one verb per request field, so a chain reads as the request it makes: each verb sets its
/// own field and no other, the fields not set keep the contract's defaults, the former names still build the same
/// request, and every verb's documentation says what it sets, with an example that compiles.
/// </summary>
public sealed partial class AssistanceRequestBuilderTests
{
    private static AssistanceRequestBuilder Complete() => AssistanceRequest.In("us-il-chicago")
        .ReceivedAt("2025-02-10T09:00:00-06:00")
        .From(Requester.IceEro)
        .ForPurpose(Purpose.CivilImmigrationEnforcement)
        .AskingFor(AssistanceKind.StopOrArrest);

    public static TheoryData<string> Verbs() =>
        new(Changes.Keys.Order(StringComparer.Ordinal));

    /// <summary>Each verb applied to <see cref="Complete"/>, and the request it must make from <see cref="Complete"/>'s.</summary>
    private static readonly Dictionary<string, (Func<AssistanceRequestBuilder, AssistanceRequestBuilder> Call, Func<AssistanceRequest, AssistanceRequest> Expected)> Changes = new()
    {
        ["In"] = (_ => AssistanceRequest.In("us-tx").ReceivedAt("2025-02-10T09:00:00-06:00").From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.StopOrArrest), r => r with { Jurisdiction = "us-tx" }),
        ["ReceivedAt(string)"] = (b => b.ReceivedAt("2021-08-02T04:30:00Z"), r => r with { ReceivedAt = Requests.Instant("2021-08-02T04:30:00Z") }),
        ["ReceivedAt(OffsetDateTime)"] = (b => b.ReceivedAt(Requests.Instant("2024-03-01T10:00:00-06:00")), r => r with { ReceivedAt = Requests.Instant("2024-03-01T10:00:00-06:00") }),
        ["ReceivedAt(DateTimeOffset)"] = (b => b.ReceivedAt(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(-6))), r => r with { ReceivedAt = Requests.Instant("2024-03-01T10:00:00-06:00") }),
        ["WithId"] = (b => b.WithId("log-7"), r => r with { Id = "log-7" }),
        ["From"] = (b => b.From(Requester.Cbp), r => r with { Requester = Requester.Cbp }),
        ["ForPurpose"] = (b => b.ForPurpose(Purpose.CriminalInvestigation), r => r with { Purpose = Purpose.CriminalInvestigation }),
        ["AskingFor"] = (b => b.AskingFor(AssistanceKind.DatabaseAccess), r => r with { Assistance = AssistanceKind.DatabaseAccess }),
        ["AddressedTo"] = (b => b.AddressedTo(Respondent.Sheriff), r => r with { Respondent = Respondent.Sheriff }),
        ["Presenting"] = (b => b.Presenting(Authority.CourtOrder), r => r with { Authority = Authority.CourtOrder }),
        ["AtLocation"] = (b => b.AtLocation(Location.School), r => r with { Location = Location.School }),
        ["WithCircumstances"] = (b => b.WithCircumstances(Circumstance.TrafficHazard), r => r with { Circumstances = EnumSet<Circumstance>.Of(Circumstance.TrafficHazard) }),
        ["WithSubjectFacts"] = (b => b.WithSubjectFacts(SubjectFact.GangDatabase), r => r with { SubjectFacts = EnumSet<SubjectFact>.Of(SubjectFact.GangDatabase) }),
        ["NotKnowing"] = (b => b.NotKnowing(RequestField.Location), r => r with { Unknown = EnumSet<RequestField>.Of(RequestField.Location) }),
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Each_verb_sets_its_own_field_and_no_other(string verb)
    {
        var (call, expected) = Changes[verb];

        call(Complete()).Build().Should().Be(expected(Complete().Build()));
    }

    [Fact]
    public void Fields_never_set_keep_the_contract_defaults()
    {
        var request = Complete().Build();

        request.Id.Should().BeNull();
        request.Respondent.Should().Be(Respondent.Police);
        request.Authority.Should().Be(Authority.None);
        request.Location.Should().Be(Location.Other);
        request.Circumstances.IsEmpty.Should().BeTrue();
        request.SubjectFacts.IsEmpty.Should().BeTrue();
        request.Unknown.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void A_single_valued_verb_called_twice_keeps_the_last_value_and_a_set_verb_adds_up()
    {
        var request = Complete()
            .AtLocation(Location.School).AtLocation(Location.Courthouse)
            .WithCircumstances(Circumstance.CrimeInProgress).WithCircumstances(Circumstance.OfficerInDanger, Circumstance.CrimeInProgress)
            .WithSubjectFacts(SubjectFact.InCustody).WithSubjectFacts(SubjectFact.FelonyConviction)
            .Build();

        request.Location.Should().Be(Location.Courthouse);
        request.Circumstances.Should().Equal(Circumstance.CrimeInProgress, Circumstance.OfficerInDanger);
        request.SubjectFacts.Should().Equal(SubjectFact.FelonyConviction, SubjectFact.InCustody);
    }

    [Fact]
    public void Every_call_returns_a_new_builder_and_leaves_the_one_it_was_called_on_alone()
    {
        var shared = Complete();

        var atSchool = shared.AtLocation(Location.School).Build();
        var plain = shared.Build();

        atSchool.Location.Should().Be(Location.School);
        plain.Location.Should().Be(Location.Other);
    }

    [Theory]
    [InlineData("time", "ReceivedAt(...)")]
    [InlineData("requester", "From(...)")]
    [InlineData("purpose", "ForPurpose(...)")]
    [InlineData("assistance", "AskingFor(...)")]
    public void Build_without_a_required_field_names_the_verb_that_sets_it(string missing, string verb)
    {
        var start = AssistanceRequest.In("us-il-chicago");
        var builder = missing switch
        {
            "time" => start.From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.StopOrArrest),
            "requester" => start.ReceivedAt("2025-02-10T09:00:00-06:00").ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.StopOrArrest),
            "purpose" => start.ReceivedAt("2025-02-10T09:00:00-06:00").From(Requester.IceEro).AskingFor(AssistanceKind.StopOrArrest),
            _ => start.ReceivedAt("2025-02-10T09:00:00-06:00").From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement),
        };

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage($"*{missing}*{verb}*");
    }

    [Fact]
    public void Required_fields_marked_unknown_need_no_verb()
    {
        var request = AssistanceRequest.In("us-il-chicago")
            .ReceivedAt("2025-02-10T09:00:00-06:00")
            .NotKnowing(RequestField.Requester, RequestField.Purpose, RequestField.Assistance)
            .Build();

        request.Purpose.Should().Be(Purpose.Unknown);
        request.Unknown.Should().Equal(RequestField.Requester, RequestField.Purpose, RequestField.Assistance);
    }

    [Fact]
    public void Text_that_is_not_a_time_with_an_offset_is_refused_by_ReceivedAt()
    {
        AssistanceRequest.In("us-il-chicago").Invoking(b => b.ReceivedAt("2025-02-10T09:00:00"))
            .Should().Throw<FormatException>().WithMessage("*2025-02-10T09:00:00*offset*");
    }

#pragma warning disable CS0618 // The former verbs are obsolete; this test is what keeps them working.
    [Fact]
    public void The_former_verbs_still_build_what_their_replacements_build()
    {
        var former = AssistanceRequest.For("us-il-cook")
            .At("2025-03-04T22:15:00-06:00")
            .From(Requester.IceEro)
            .For(Purpose.CivilImmigrationEnforcement)
            .Asking(AssistanceKind.HoldPastRelease)
            .To(Respondent.Jail)
            .With(Authority.ImmigrationDetainer)
            .At(Location.Courthouse)
            .During(Circumstance.MedicalEmergency)
            .Where(SubjectFact.InCustody)
            .Build();
        var current = AssistanceRequest.In("us-il-cook")
            .ReceivedAt("2025-03-04T22:15:00-06:00")
            .From(Requester.IceEro)
            .ForPurpose(Purpose.CivilImmigrationEnforcement)
            .AskingFor(AssistanceKind.HoldPastRelease)
            .AddressedTo(Respondent.Jail)
            .Presenting(Authority.ImmigrationDetainer)
            .AtLocation(Location.Courthouse)
            .WithCircumstances(Circumstance.MedicalEmergency)
            .WithSubjectFacts(SubjectFact.InCustody)
            .Build();

        former.Should().Be(current);
        Complete().At(Requests.Instant("2024-03-01T10:00:00-06:00")).Build()
            .Should().Be(Complete().ReceivedAt(Requests.Instant("2024-03-01T10:00:00-06:00")).Build());
        Complete().At(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(-6))).Build()
            .Should().Be(Complete().ReceivedAt(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(-6))).Build());
    }
#pragma warning restore CS0618

    [Fact]
    public void Every_former_verb_is_hidden_and_names_a_current_verb_to_use_instead()
    {
        var former = BuilderMethods().Where(m => m.GetCustomAttribute<ObsoleteAttribute>() is not null).ToList();
        var current = BuilderMethods().Where(m => m.GetCustomAttribute<ObsoleteAttribute>() is null).Select(m => m.Name).ToHashSet();

        former.Select(m => m.Name).Distinct().Should().BeEquivalentTo("For", "At", "Asking", "To", "With", "During", "Where");
        foreach (var method in former)
        {
            method.GetCustomAttribute<EditorBrowsableAttribute>()?.State.Should().Be(EditorBrowsableState.Never, $"{method} should not be offered by IntelliSense");
            var replacement = UseInstead().Match(method.GetCustomAttribute<ObsoleteAttribute>()!.Message ?? "");
            replacement.Success.Should().BeTrue($"the message of {method} should start with `Use X(...) instead`");
            current.Should().Contain(replacement.Groups["name"].Value);
        }
    }

    [Fact]
    public void No_current_verb_has_two_overloads_that_set_different_fields()
    {
        var current = BuilderMethods().Where(m => m.GetCustomAttribute<ObsoleteAttribute>() is null && m.ReturnType == typeof(AssistanceRequestBuilder));

        current.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).Should().Equal("ReceivedAt");
    }

    public static TheoryData<string> DocumentedVerbs()
    {
        var data = new TheoryData<string>();
        foreach (var method in BuilderMethods().Where(m => m.GetCustomAttribute<ObsoleteAttribute>() is null))
        {
            data.Add(DocId(method));
        }

        data.Add("T:PolicyModel.AssistanceRequestBuilder");
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedVerbs))]
    public void Every_verb_is_documented_with_what_it_sets_and_a_compiled_example(string member)
    {
        var doc = Documentation().Single(m => (string?)m.Attribute("name") == member);
        var summary = Normalise(doc.Element("summary")!.Value);
        var example = doc.Element("example")?.Element("code")?.Value;

        summary.Split(' ').Length.Should().BeGreaterThan(12, $"the summary of {member} should say what it sets and its default, not repeat the name");
        if (member.StartsWith("M:PolicyModel.AssistanceRequestBuilder.", StringComparison.Ordinal) && !member.Contains(".Build", StringComparison.Ordinal))
        {
            doc.Element("summary")!.Descendants("see").Select(s => (string?)s.Attribute("cref"))
                .Should().Contain(c => c != null && c.StartsWith("P:PolicyModel.AssistanceRequest.", StringComparison.Ordinal), $"the summary of {member} should name the field it sets");
        }

        example.Should().NotBeNull($"{member} should have an <example><code>");
        var examples = Normalise(File.ReadAllText(Path.Combine(Repository.Root, "tests", "PolicyModel.Tests", "Model", "AssistanceRequestBuilderExamples.cs")));
        examples.Should().Contain(Normalise(example!), $"the example of {member} should be compiled in AssistanceRequestBuilderExamples.cs");
    }

    [Fact]
    public void The_documented_examples_build_requests()
    {
        foreach (var example in AssistanceRequestBuilderExamples.All())
        {
            example.Invoking(e => e()).Should().NotThrow();
        }
    }

    private static IEnumerable<MethodInfo> BuilderMethods() =>
        typeof(AssistanceRequestBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(AssistanceRequestBuilder) || m.Name == nameof(AssistanceRequestBuilder.Build))
            .Where(m => !m.Name.StartsWith('<'))
            .Concat(typeof(AssistanceRequest).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(AssistanceRequestBuilder)));

    private static string DocId(MethodInfo method)
    {
        var parameters = method.GetParameters().Select(p => p.ParameterType.FullName!).ToList();
        return $"M:{method.DeclaringType!.FullName}.{method.Name}" + (parameters.Count == 0 ? "" : $"({string.Join(",", parameters)})");
    }

    private static IEnumerable<XElement> Documentation() =>
        XDocument.Load(Path.ChangeExtension(typeof(AssistanceRequest).Assembly.Location, ".xml")).Descendants("member");

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();


    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Use (AssistanceRequest\.)?(?<name>\w+)\(\.\.\.\) instead: ")]
    private static partial Regex UseInstead();
}
