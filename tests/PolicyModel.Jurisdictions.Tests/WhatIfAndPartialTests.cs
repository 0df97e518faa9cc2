using NodaTime;
using PolicyModel.Engine;

namespace PolicyModel.Jurisdictions.Tests;

/// <summary>
/// What if and partial requests over the built-in policies, checked by brute force against the ordinary decision:
/// every alternative really leads to its stated outcome, no single-field change that alters the outcome is missing,
/// and a partial decision's groups equal the decisions of every completion of the unknown facts.
/// </summary>
public sealed class WhatIfAndPartialTests
{
    private static readonly PolicySet Set = BuiltInPolicies.Load();

    private static AssistanceRequest[] Random(int seed, int count) =>
        CompiledEngineDifferentialTests.RandomRequests(Set, seed, count, firstYear: 2015, years: 14);

    [Fact]
    public void Every_alternative_leads_to_its_stated_outcome_and_no_single_field_change_is_missing()
    {
        var checkedAlternatives = 0;
        foreach (var request in Random(seed: 15, count: 3000))
        {
            var result = Set.WhatIf(request);
            var asGiven = Set.Decide(request);
            result.Decision.Should().Be(asGiven);

            foreach (var alternative in result.Alternatives)
            {
                var changed = alternative.Changes.Aggregate(request, (r, c) => c.ApplyTo(r));
                alternative.Request.Should().Be(changed);
                var decided = Set.Decide(changed);
                decided.Outcome.Should().Be(alternative.Outcome, $"the alternative {Describe(alternative)} of {RequestJson.Serialize(request)} must lead to its outcome");
                decided.Outcome.Should().NotBe(asGiven.Outcome);
                decided.Citations.Should().Equal(alternative.Citations);
                alternative.Decision.Should().Be(decided);
                alternative.Changes.Select(c => c.Field).Should().OnlyHaveUniqueItems();
                alternative.Changes.Should().OnlyContain(c => IsOneChange(request, c), "a change sets another value, or adds or removes one member of a set");
                checkedAlternatives++;
            }

            // Brute force: every single change of every field the what-if may change.
            var expected = new List<(FieldValue Change, Outcome Outcome)>();
            foreach (var field in RequestFields.All)
            {
                foreach (var change in SingleChanges(request, field))
                {
                    var outcome = Set.DecideCompact(change.ApplyTo(request)).Outcome;
                    if (outcome != asGiven.Outcome)
                    {
                        expected.Add((change, outcome));
                    }
                }
            }

            result.Alternatives.Where(a => a.Changes.Count == 1).Select(a => (a.Changes[0], a.Outcome))
                .Should().BeEquivalentTo(expected, $"every single change that alters the outcome of {RequestJson.Serialize(request)} is listed");
        }

        checkedAlternatives.Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Two_field_changes_are_listed_exactly_for_outcomes_no_single_change_reaches()
    {
        var sawTwoFieldAlternative = false;
        foreach (var request in Random(seed: 1515, count: 150))
        {
            var result = Set.WhatIf(request);
            var asGiven = Set.DecideCompact(request).Outcome;
            var bySingle = result.Alternatives.Where(a => a.Changes.Count == 1).Select(a => a.Outcome).ToHashSet();

            var expected = new List<(FieldValue, FieldValue, Outcome)>();
            var fields = RequestFields.All;
            for (var f = 0; f < fields.Length; f++)
            {
                for (var g = f + 1; g < fields.Length; g++)
                {
                    foreach (var first in SingleChanges(request, fields[f]))
                    {
                        foreach (var second in SingleChanges(request, fields[g]))
                        {
                            var outcome = Set.DecideCompact(second.ApplyTo(first.ApplyTo(request))).Outcome;
                            if (outcome != asGiven && !bySingle.Contains(outcome))
                            {
                                expected.Add((first, second, outcome));
                            }
                        }
                    }
                }
            }

            var listed = result.Alternatives.Where(a => a.Changes.Count == 2).Select(a => (a.Changes[0], a.Changes[1], a.Outcome)).ToList();
            listed.Should().BeEquivalentTo(expected, $"two-field changes of {RequestJson.Serialize(request)}");
            sawTwoFieldAlternative |= listed.Count > 0;
        }

        sawTwoFieldAlternative.Should().BeTrue("some random requests need two changes for some outcome");
    }

    [Fact]
    public void Varying_receivedAt_finds_the_next_date_on_which_the_outcome_changes()
    {
        var found = 0;
        foreach (var request in Random(seed: 150, count: 1500))
        {
            var result = Set.WhatIf(request, new WhatIfOptions { VaryReceivedAt = true, MaxChangedFields = 1 });
            var byDate = result.Alternatives.Where(a => a.ReceivedAt is not null).ToList();
            Set.TryGetJurisdiction(request.Jurisdiction, out var jurisdiction);
            var zone = jurisdiction!.TimeZone;
            var date = request.ReceivedAt.ToInstant().InZone(zone).Date;
            var breakpoints = Set.TablesOf(request.Jurisdiction)!.Breakpoints.Where(b => b > date).ToList();
            var firstChange = breakpoints.FirstOrDefault(b => Set.DecideCompact(request with { ReceivedAt = b.AtStartOfDayInZone(zone).ToOffsetDateTime() }).Outcome != result.Decision.Outcome);
            if (firstChange == default)
            {
                byDate.Should().BeEmpty();
                continue;
            }

            byDate.Should().ContainSingle();
            var alternative = byDate[0];
            alternative.ReceivedAt!.Value.ToInstant().InZone(zone).Date.Should().Be(firstChange);
            alternative.Changes.Should().BeEmpty();
            Set.Decide(alternative.Request).Outcome.Should().Be(alternative.Outcome);
            alternative.Request.Should().Be(request with { ReceivedAt = alternative.ReceivedAt!.Value });
            found++;
        }

        found.Should().BeGreaterThan(20);
    }

    [Fact]
    public void Partial_decisions_group_exactly_the_outcomes_of_every_completion()
    {
        var random = new Random(2026_12_06);
        var depends = 0;
        foreach (var request in Random(seed: 6, count: 1500))
        {
            var fields = RequestFields.All.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
            if (fields.Aggregate(1L, (n, f) => n * RequestFields.DomainSize(f)) > 3000)
            {
                fields = fields[..1];
            }

            var partial = request with { Unknown = EnumSet<RequestField>.Of(fields) };
            var decision = Set.DecidePartial(partial);
            Set.Decide(partial).Should().Be(decision, "Decide decides a partial request as DecidePartial does");

            var outcomes = new HashSet<Outcome>();
            foreach (var completion in Completions(request, fields))
            {
                var expected = Expected(completion, fields);
                outcomes.Add(expected);
                if (decision.Outcome == Outcome.Depends)
                {
                    decision.DependsOn.Where(e => e.Covers(completion)).Should().ContainSingle($"exactly one entry covers {RequestJson.Serialize(completion)}")
                        .Which.Outcome.Should().Be(expected, $"the entry covering {RequestJson.Serialize(completion)}");
                }
                else
                {
                    decision.Outcome.Should().Be(expected, $"every completion of {RequestJson.Serialize(partial)} has the one outcome");
                }
            }

            if (decision.Outcome == Outcome.Depends)
            {
                outcomes.Should().HaveCountGreaterThan(1);
                fields.Should().Contain(decision.AskFirst!.Value);
                decision.DependsOn.Should().OnlyContain(e => e.When.Keys.ToHashSet().SetEquals(fields));
                decision.Explanation.Split(". ").Length.Should().BeLessThanOrEqualTo(2);
                depends++;
            }
            else
            {
                outcomes.Should().ContainSingle();
                decision.DependsOn.Should().BeEmpty();
                decision.AskFirst.Should().BeNull();
            }
        }

        depends.Should().BeGreaterThan(200);
    }

    [Fact]
    public void Partial_decision_reads_back_from_its_json()
    {
        foreach (var request in Random(seed: 61, count: 300))
        {
            var partial = request with { Unknown = EnumSet<RequestField>.Of(RequestField.Authority, RequestField.Circumstances) };
            var decision = Set.DecidePartial(partial);
            DecisionJson.Parse(DecisionJson.Serialize(decision)).Should().Be(decision);
            DecisionJson.Parse(DecisionJson.Serialize(decision, indented: false)).Should().Be(decision);
            RequestJson.Parse(RequestJson.Serialize(partial)).Should().Be(partial with { Authority = Authority.None, Circumstances = default });
        }
    }

    [Fact]
    public void Contract_example_ice_administrative_warrant_arrest_in_chicago()
    {
        var request = RequestJson.Parse("""
            { "id": "chi-2025-01-21-0001", "jurisdiction": "us-il-chicago", "respondent": "police", "receivedAt": "2025-01-21T06:40:00-06:00",
              "requester": "ice-ero", "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest",
              "authority": "administrative-warrant", "circumstances": [], "subjectFacts": [] }
            """);
        var result = Set.WhatIf(request);
        var judicial = FieldValue.Parse(RequestField.Authority, "judicial-criminal-warrant");
        var crime = FieldValue.Parse(RequestField.Circumstances, "crime-in-progress");

        result.Decision.Outcome.Should().Be(Outcome.Denied);
        var granted = result.Alternatives.Should().ContainSingle(a => a.Changes.Count == 1 && a.Changes[0] == judicial).Subject;
        granted.Outcome.Should().Be(Outcome.Granted);
        granted.Citations[0].Should().Be("5 ILCS 805/10");
        var policeAction = result.Alternatives.Should().ContainSingle(a => a.Changes.Count == 1 && a.Changes[0] == crime).Subject;
        policeAction.Outcome.Should().Be(Outcome.PoliceAction);

        var json = System.Text.Json.JsonDocument.Parse(WhatIfJson.Serialize(result, indented: false)).RootElement;
        json.GetProperty("outcome").GetString().Should().Be("denied");
        var alternatives = json.GetProperty("alternatives").EnumerateArray().ToList();
        alternatives.Should().Contain(a => a.GetProperty("changes").GetRawText().Contains("\"circumstances\":[\"crime-in-progress\"]", StringComparison.Ordinal)
            && a.GetProperty("outcome").GetString() == "police-action");
        result.Explanation.Should().StartWith("Denied as asked").And.Contain("granted with authority judicial-criminal-warrant (5 ILCS 805/10)");
        result.Explanation.Split(". ").Length.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Contract_example_hsi_criminal_immigration_arrest_with_the_document_not_yet_seen()
    {
        var request = RequestJson.Parse("""
            { "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-hsi",
              "purpose": "criminal-immigration-enforcement", "assistance": "stop-or-arrest", "unknown": ["authority"] }
            """);
        var decision = Set.Decide(request);

        decision.Outcome.Should().Be(Outcome.Depends);
        decision.AskFirst.Should().Be(RequestField.Authority);
        decision.DependsOn.Select(e => (e.Outcome, string.Join(",", e.When[RequestField.Authority]))).Should().BeEquivalentTo(new[]
        {
            (Outcome.Granted, "judicial-criminal-warrant"),
            (Outcome.Denied, "administrative-warrant,immigration-detainer,ncic-immigration-hit,alien-enemies-designation"),
            (Outcome.Discretionary, "none,court-order,written-consent"),
        });
        decision.Explanation.Should().Be("Depends on authority: granted if authority is judicial-criminal-warrant; discretionary if authority is none, court-order or written-consent; otherwise denied. Ask first about authority.");
    }

    [Fact]
    public void A_presumption_still_decides_an_unknown_purpose()
    {
        // Chicago police asked by ICE, purpose not known: the CPD presumes civil enforcement, so the purpose does not split the outcome.
        var request = AssistanceRequest.In("us-il-chicago").ReceivedAt("2025-02-10T09:00:00-06:00").From(Requester.IceEro)
            .AskingFor(AssistanceKind.StopOrArrest).Presenting(Authority.AdministrativeWarrant).NotKnowing(RequestField.Purpose).Build();
        var decision = Set.DecidePartial(request);

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.DecidingRules.Should().Contain(new RuleId("cpd-presume-civil"));
        decision.Should().Be(Set.Decide(request with { Unknown = default, Purpose = Purpose.Unknown }));

        // Without a presumption (a request from the FBI), the purpose decides.
        var fbi = Set.DecidePartial(request with { Requester = Requester.FederalCriminalAgency, Authority = Authority.None });
        fbi.Outcome.Should().Be(Outcome.Depends);
        fbi.AskFirst.Should().Be(RequestField.Purpose);
    }

    [Fact]
    public void A_partial_decision_that_the_unknown_facts_cannot_change_names_them_unknown()
    {
        var named = 0;
        foreach (var request in Random(seed: 3, count: 2000))
        {
            foreach (var field in new[] { RequestField.Requester, RequestField.Authority, RequestField.Assistance })
            {
                var decision = Set.DecidePartial(request with { Unknown = EnumSet<RequestField>.Of(field) });
                if (decision.Outcome == Outcome.Depends)
                {
                    continue;
                }

                // The decision is that of the request with the field at its placeholder, but the explanation does not claim that value.
                var info = RequestSchema.Of(field);
                var placeholder = RequestFields.Placeholder(field);
                var asPlaceholder = Set.Decide(RequestFields.With(request, field, placeholder));
                decision.Citations.Should().Equal(asPlaceholder.Citations);
                decision.Explanation.Should().Be(asPlaceholder.Explanation
                    .Replace(info.Phrase(placeholder), $"{info.Label} unknown", StringComparison.Ordinal)
                    .Replace($"the {info.ValueText(placeholder)}", $"the unknown {info.Label}", StringComparison.Ordinal));
                named += asPlaceholder.Explanation.Contains(info.Phrase(placeholder), StringComparison.Ordinal) ? 1 : 0;
            }
        }

        named.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Request_json_reads_unknown_facts_strictly()
    {
        var partial = RequestJson.Parse("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "unknown": ["requester", "purpose", "assistance"] }""");
        partial.Unknown.Should().BeEquivalentTo(new[] { RequestField.Requester, RequestField.Purpose, RequestField.Assistance });

        Problems("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-ero", "purpose": "unknown", "assistance": "stop-or-arrest", "authority": "none", "unknown": ["authority"] }""")
            .Should().ContainSingle(p => p.Code == ProblemCodes.UnknownFieldGiven && p.Path == "$.unknown[0]");
        Problems("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-ero", "purpose": "unknown", "assistance": "stop-or-arrest", "unknown": ["receivedAt"] }""")
            .Should().ContainSingle(p => p.Code == ProblemCodes.UnknownValue && p.Path == "$.unknown[0]" && p.Message.Contains("cannot be unknown", StringComparison.Ordinal));
        Problems("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "requester": "ice-ero", "purpose": "unknown", "assistance": "stop-or-arrest", "unknown": ["authority", "authority"] }""")
            .Should().ContainSingle(p => p.Code == ProblemCodes.InvalidValue && p.Path == "$.unknown[1]");
        Problems("""{ "jurisdiction": "us-il-chicago", "receivedAt": "2025-02-10T09:00:00-06:00", "purpose": "unknown", "assistance": "stop-or-arrest", "unknown": [] }""")
            .Should().ContainSingle(p => p.Code == ProblemCodes.MissingField);
    }

    [Fact]
    public void A_partial_request_has_no_what_if_explanation_or_compact_decision()
    {
        var partial = AssistanceRequest.In("us-il-chicago").ReceivedAt("2025-02-10T09:00:00-06:00").From(Requester.IceHsi)
            .ForPurpose(Purpose.CriminalImmigrationEnforcement).AskingFor(AssistanceKind.StopOrArrest).NotKnowing(RequestField.Authority).Build();
        foreach (var act in new Action[] { () => Set.WhatIf(partial), () => Set.Explain(partial), () => Set.DecideCompact(partial) })
        {
            act.Should().Throw<InvalidRequestException>().Which.Problems.Should().ContainSingle(p => p.Code == ProblemCodes.PartialRequest);
        }

        Set.TryExplain(partial, out var trace, out var problem).Should().BeFalse("TryExplain refuses what Explain refuses");
        trace.Should().BeNull();
        problem!.Code.Should().Be(ProblemCodes.PartialRequest);
        Set.TryDecideCompact(partial, out _, out var compactProblem).Should().BeFalse();
        compactProblem!.Code.Should().Be(ProblemCodes.PartialRequest);

        Set.TryDecide(partial, out var decision, out _).Should().BeTrue();
        decision!.Outcome.Should().Be(Outcome.Depends);
    }

    private static IReadOnlyList<Problem> Problems(string json)
    {
        var act = () => RequestJson.Parse(json);
        return act.Should().Throw<InvalidRequestException>().Which.Problems;
    }

    /// <summary>The outcome of one completion: as decided, except that a presumption covering an unknown purpose decides.</summary>
    private static Outcome Expected(AssistanceRequest completion, RequestField[] unknown)
    {
        if (unknown.Contains(RequestField.Purpose))
        {
            var asUnknown = Set.Decide(completion with { Purpose = Purpose.Unknown });
            if (asUnknown.DecidingRules.Count > 0 && Set.Presumptions.Any(p => p.Id == asUnknown.DecidingRules[^1]))
            {
                return asUnknown.Outcome;
            }
        }

        return Set.DecideCompact(completion).Outcome;
    }

    private static IEnumerable<AssistanceRequest> Completions(AssistanceRequest request, RequestField[] fields)
    {
        if (fields.Length == 0)
        {
            yield return request;
            yield break;
        }

        for (var value = 0; value < RequestFields.DomainSize(fields[0]); value++)
        {
            foreach (var completion in Completions(RequestFields.With(request, fields[0], (ulong)value), fields[1..]))
            {
                yield return completion;
            }
        }
    }

    private static IEnumerable<FieldValue> SingleChanges(AssistanceRequest request, RequestField field)
    {
        var current = FieldValue.Of(request, field);
        for (var i = 0; i < RequestFields.VocabularySize(field); i++)
        {
            var names = current.IsSet
                ? RequestFields.Names(field).Where((_, bit) => ((current.Raw >> bit) & 1) != 0 ^ bit == i)
                : [RequestFields.Names(field)[i]];
            var change = FieldValue.Parse(field, names);
            if (change != current)
            {
                yield return change;
            }
        }
    }

    private static bool IsOneChange(AssistanceRequest request, FieldValue change)
    {
        var current = FieldValue.Of(request, change.Field);
        return change != current && (!change.IsSet || ulong.PopCount(change.Raw ^ current.Raw) == 1);
    }

    private static string Describe(WhatIfAlternative alternative) =>
        string.Join(" and ", alternative.Changes.Select(c => $"{c.FieldName} {c}"));
}
