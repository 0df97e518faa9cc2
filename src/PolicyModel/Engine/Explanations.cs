using System.Globalization;
using System.Text;
using NodaTime;
using PolicyModel.Json;

namespace PolicyModel.Engine;

/// <summary>Writes the one-or-two-sentence explanation of a decision (docs/semantics.md, section 13) from rule data only.</summary>
internal static class Explanations
{
    /// <summary>
    /// Most rules an explanation names in one list; the rest are counted ("and 297 more"), so an explanation stays
    /// a sentence or two however many rules count (each citation and phrase is at most 4,096 characters).
    /// </summary>
    public const int MaxRulesNamed = 3;

    public static string Explain(LocalDate date, Outcome outcome, List<CompiledRule> ordered, Evaluation evaluation, CompiledPresumption? presumption, IReadOnlyList<RuleConflict> conflicts, long conflictCount, LocalDate? lawCurrentTo)
    {
        var text = new StringBuilder();
        var controlling = ordered.Where(r => r.Rule.Effect == outcome.ControllingEffect()).ToList();
        text.Append(Lead(outcome)).Append(": ");
        switch (outcome)
        {
            case Outcome.PoliceAction:
            {
                text.Append("act on the ").Append(Slot.Value(RequestField.Circumstances))
                    .Append(" as ordinary police work (").Append(Join(controlling.Take(MaxRulesNamed).Select(r => Cite(r, date)))).Append(More(controlling.Count)).Append(')');
                var underlying = ordered.Where(r => r.Rule.Effect is Effect.Prohibit or Effect.Refer).ToList();
                if (underlying.Count > 0)
                {
                    text.Append("; do not assist the ").Append(Slot.Value(RequestField.Assistance)).Append(" itself: ");
                    AppendRules(text, underlying.Take(MaxRulesNamed).ToList(), date);
                    text.Append(More(underlying.Count));
                }
                else
                {
                    text.Append(", confined to the crime or emergency; the ").Append(Slot.Value(RequestField.Assistance))
                        .Append(" itself is not decided by any law in force");
                }

                text.Append('.');
                break;
            }

            case Outcome.Discretionary:
                text.Append("no law in force on ").Append(Slot.Date).Append(" decides this request; agency policy does.");
                break;

            default:
                AppendRules(text, controlling.Take(MaxRulesNamed).ToList(), date);
                text.Append(More(controlling.Count)).Append(" (").Append(FactsOf(controlling.Take(MaxRulesNamed).ToList(), date)).Append(").");

                break;
        }

        // Everything after the controlling provision goes into one more sentence (contract: one or two sentences).
        var notes = new List<string>();
        if (outcome == Outcome.Refer)
        {
            notes.Add("escalate to the law department");
        }

        var background = outcome == Outcome.Discretionary ? ordered.Where(r => r.Rule.Explains is not null).Take(2).ToList() : [];
        foreach (var rule in background)
        {
            notes.Add($"{Cite(rule, date)} {Phrase(rule)}");
        }

        foreach (var (rule, by) in evaluation.Excepted.Where(e => e.Rule.Rule.Effect != Effect.None).Take(2))
        {
            notes.Add(background.Contains(by)
                ? $"{Cite(rule, date)} does not apply because of {Cite(by, date)}"
                : $"{Cite(rule, date)} does not apply: {Cite(by, date)} {Phrase(by)}");
        }

        foreach (var (rule, by) in evaluation.Preempted.Take(2))
        {
            notes.Add($"{Cite(rule, date)} is preempted by {Slot.Clean(by)}");
        }

        if (presumption is not null)
        {
            notes.Add("the requester did not state a purpose, and "
                + (presumption.Presumption.Explains is { } pe ? Slot.Clean(pe) : $"it is presumed to be {presumption.Presumption.Presumed.ToContractName()}"));
        }

        foreach (var conflict in conflicts.Take(2))
        {
            notes.Add($"conflict: {conflict.Prohibiting} prohibits what {conflict.Other} allows and neither is an exception to the other, so the prohibition prevails");
        }

        if (conflictCount > 2)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{conflictCount - 2:N0} more such conflicts"));
        }

        AppendSentence(text, notes.Concat(Obligations(ordered, outcome)).Concat(LawCurrency(date, lawCurrentTo)));
        return text.ToString();
    }

    public static string ExplainUnknownPurpose(LocalDate date, Outcome outcome, List<CompiledRule> ordered, Evaluation civil, Evaluation criminal, LocalDate? lawCurrentTo)
    {
        var text = new StringBuilder();
        text.Append(Lead(outcome)).Append(": ");
        if (outcome == Outcome.PoliceAction)
        {
            text.Append("act on the ").Append(Slot.Value(RequestField.Circumstances)).Append(" as ordinary police work only. ");
        }

        text.Append(outcome == Outcome.PoliceAction ? "The requester" : "the requester").Append(" did not state its purpose and the answer turns on it: as civil immigration enforcement the ")
            .Append(Slot.Value(RequestField.Assistance)).Append(" would be ").Append(civil.Outcome().ToContractName())
            .Append(Basis(civil, date)).Append(", as a criminal investigation ").Append(criminal.Outcome().ToContractName())
            .Append(Basis(criminal, date)).Append("; ask whether the matter is civil immigration enforcement, or escalate to the law department.");
        AppendSentence(text, Obligations(ordered, outcome).Concat(LawCurrency(date, lawCurrentTo)));
        return text.ToString();
    }

    /// <summary>
    /// Past the date the law is known to, a clause that says so, so that nobody takes silence for "no change"
    /// (the decision tables give that date a segment boundary, so the clause is the same for a whole segment).
    /// </summary>
    private static IEnumerable<string> LawCurrency(LocalDate date, LocalDate? lawCurrentTo)
    {
        if (lawCurrentTo is { } known && date > known)
        {
            yield return $"this law is known only to {known.ToContractText()}: later changes, if any, are not reflected";
        }
    }

    private static string Basis(Evaluation evaluation, LocalDate date)
    {
        var effect = evaluation.Outcome().ControllingEffect();
        var rule = evaluation.Counting.Where(r => r.Rule.Effect == effect).OrderByDescending(r => r.Rule.Layer).ThenBy(r => r.Index).FirstOrDefault();
        return rule is null ? string.Empty : $" ({Cite(rule, date)})";
    }

    /// <summary>The duties of the counting rules as clauses, in the contract's order (release only with <c>denied</c>).</summary>
    private static IEnumerable<string> Obligations(List<CompiledRule> ordered, Outcome outcome)
    {
        var all = EnumSet<Obligation>.Empty;
        foreach (var rule in ordered)
        {
            all = all.Union(rule.Rule.Obligations);
        }

        foreach (var obligation in all)
        {
            var clause = obligation switch
            {
                Obligation.SupervisorToScene => "a supervisor responds to the scene",
                Obligation.RecordRequest => "record the request for the reporting duty",
                Obligation.InformSubject => InformSubjectClause(ordered),
                _ => outcome == Outcome.Denied ? "release the person when otherwise eligible and do not hold them for the requester" : null,
            };
            if (clause is not null)
            {
                yield return clause;
            }
        }
    }

    /// <summary>
    /// The duty to inform, worded for what the rules that impose it are about: the detainer when a detainer rule
    /// imposes it (Texas), otherwise the request itself.
    /// </summary>
    private static string InformSubjectClause(List<CompiledRule> ordered)
    {
        var about = ordered.Where(r => r.Rule.Obligations.Contains(Obligation.InformSubject))
            .Select(r => r.Rule.Explains ?? string.Empty)
            .Any(text => text.Contains("detainer", StringComparison.OrdinalIgnoreCase));
        return about ? "tell the person about the detainer" : "tell the person about the request";
    }

    /// <summary>Appends the clauses as one sentence: capitalised, joined by semicolons, ending with a full stop.</summary>
    private static void AppendSentence(StringBuilder text, IEnumerable<string> clauses)
    {
        var sentence = string.Join("; ", clauses);
        if (sentence.Length > 0)
        {
            text.Append(' ').Append(char.ToUpperInvariant(sentence[0])).Append(sentence.AsSpan(1)).Append('.');
        }
    }

    private static void AppendRules(StringBuilder text, List<CompiledRule> rules, LocalDate date, bool capitalise = false)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == rules.Count - 1 ? ", and " : ", ");
            }

            var cite = Cite(rules[i], date);
            text.Append(i == 0 && capitalise && cite.Length > 0 ? char.ToUpperInvariant(cite[0]) + cite[1..] : cite).Append(' ').Append(Phrase(rules[i]));
        }
    }

    /// <summary>
    /// The request's fields the rules test, with their values, except the subject facts: those are facts about the
    /// person's status, which a decision record must not restate. A rule that tests them is named with its legal
    /// effect instead ("the 2A.060(b) exception applies").
    /// </summary>
    private static string FactsOf(List<CompiledRule> rules, LocalDate date)
    {
        var fields = new HashSet<RequestField> { RequestField.Assistance };
        foreach (var rule in rules)
        {
            fields.UnionWith(rule.Fields);
        }

        var parts = RequestSchema.DisplayOrder.Where(f => fields.Contains(f.Field) && f.Field != RequestField.SubjectFacts).Select(f => Slot.Fact(f.Field));
        var text = "on these facts: " + string.Join(", ", parts);
        var onStatus = rules.Where(r => r.Fields.Contains(RequestField.SubjectFacts)).ToList();
        return onStatus.Count == 0 ? text : text + "; " + string.Join("; ", onStatus.Select(r =>
            r.Rule.Excepts.Count > 0 ? $"the {Cite(r, date)} exception applies" : $"the conditions of {Cite(r, date)} are met"));
    }

    private static string More(int count) => count > MaxRulesNamed
        ? string.Create(CultureInfo.InvariantCulture, $", and {count - MaxRulesNamed:N0} more")
        : string.Empty;

    private static string Cite(CompiledRule rule, LocalDate date) => Slot.Clean(rule.Rule.Provision.CitationOn(date));

    private static string Phrase(CompiledRule rule) => rule.Rule.Explains is { } explains ? Slot.Clean(explains) : rule.Rule.Effect switch
    {
        Effect.Prohibit => "forbids it",
        Effect.Require => "requires it",
        Effect.Permit => "permits it",
        Effect.Refer => "turns on a fact the request cannot express",
        Effect.PoliceAction => "calls for ordinary police action",
        _ => "applies",
    };

    private static string Lead(Outcome outcome) => outcome switch
    {
        Outcome.Denied => "Denied",
        Outcome.Granted => "Granted",
        Outcome.Required => "Required",
        Outcome.PoliceAction => "Police action",
        Outcome.Refer => "Refer",
        _ => "Discretionary",
    };

    private static string Join(IEnumerable<string> values) => string.Join(" and ", values);
}

/// <summary>
/// Placeholders for request-specific values in an explanation template: a template is shared by every request of
/// one equivalence class, and the request's own values are filled in when the decision is materialised.
/// </summary>
internal static class Slot
{
    public const char Marker = '\uE000';

    /// <summary>The slot of a field's value: <c>ice-ero</c>, <c>crime-in-progress and traffic-hazard</c>.</summary>
    public static string Value(RequestField field) => string.Concat(Marker, (char)('0' + RequestSchema.Of(field).Position));

    /// <summary>The slot of the fact a field's value states: <c>requester ice-ero</c>, <c>at a courthouse</c>.</summary>
    public static string Fact(RequestField field) => string.Concat(Marker, (char)('a' + RequestSchema.Of(field).Position));

    public const string Date = "\uE000D";

    /// <summary>Removes markers from document-supplied text, so a document can never inject a slot.</summary>
    public static string Clean(string text) => text.Contains(Marker, StringComparison.Ordinal) ? text.Replace(Marker.ToString(), string.Empty, StringComparison.Ordinal) : text;

    public static string Fill(string template, AssistanceRequest request, LocalDate date)
    {
        if (!template.Contains(Marker, StringComparison.Ordinal))
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != Marker || i + 1 >= template.Length)
            {
                text.Append(template[i]);
                continue;
            }

            i++;
            var code = template[i];
            if (code == 'D')
            {
                text.Append(date.ToContractText());
                continue;
            }

            var field = RequestSchema.Fields[code >= 'a' ? code - 'a' : code - '0'];
            if (request.Unknown.Contains(field.Field))
            {
                // A partial request whose unknown facts cannot change the decision: say so rather than name a placeholder.
                text.Append(code >= 'a' ? $"{field.Label} unknown" : $"unknown {field.Label}");
                continue;
            }

            var value = field.ValueOf(request);
            text.Append(code >= 'a' ? field.Phrase(value) : field.ValueText(value));
        }

        return text.ToString();
    }
}
