using System.Text;
using NodaTime;
using PolicyModel.Json;

namespace PolicyModel.Engine;

/// <summary>
/// What if and partial requests, from the compiled tables: every value of a field in one equivalence class leads to
/// the same decision on one segment of time, so one lookup per class (its first value as representative) stands for
/// every value of the class. Nothing here re-runs the evaluator except where the tables themselves would (a cell's
/// first use, or a jurisdiction too large for tables).
/// </summary>
internal static class Counterfactuals
{
    /// <summary>Most combinations of classes a partial request may leave open (the size of one table segment).</summary>
    public const int MaxCombinations = DecisionTables.MaxCells;

    public static DecisionTemplate Probe(CompiledJurisdiction jurisdiction, AssistanceRequest request, LocalDate date) =>
        jurisdiction.Tables?.Lookup(request, date) ?? Evaluator.DecideTemplate(request, jurisdiction, date, trace: null);

    public static WhatIfResult WhatIf(CompiledJurisdiction jurisdiction, AssistanceRequest request, WhatIfOptions options)
    {
        var date = jurisdiction.LocalDateOf(request.ReceivedAt.ToInstant());
        var asGiven = Probe(jurisdiction, request, date);
        var fields = RequestFields.All;
        var classes = ClassesOf(jurisdiction);
        var groups = new List<List<ulong>>[fields.Length];
        for (var p = 0; p < fields.Length; p++)
        {
            groups[p] = Neighbours(fields[p], RequestFields.Get(request, fields[p]), classes[p]);
        }

        var alternatives = new List<WhatIfAlternative>();
        var reached = EnumSet<Outcome>.Empty.Add(asGiven.Outcome);
        var positions = new int[options.MaxChangedFields];
        var picks = new int[options.MaxChangedFields];
        for (var size = 1; size <= options.MaxChangedFields; size++)
        {
            var found = reached;
            Combinations(0, 0, size);
            reached = found;

            // Every combination of `size` distinct fields, in field order.
            void Combinations(int depth, int start, int count)
            {
                if (depth == count)
                {
                    Classes(0, count, request);
                    return;
                }

                for (var p = start; p < fields.Length; p++)
                {
                    positions[depth] = p;
                    Combinations(depth + 1, p + 1, count);
                }
            }

            // Every combination of other classes of the chosen fields: one lookup each.
            void Classes(int depth, int count, AssistanceRequest changed)
            {
                if (depth == count)
                {
                    var template = Probe(jurisdiction, changed, date);
                    if (!reached.Contains(template.Outcome))
                    {
                        found = found.Add(template.Outcome);
                        Values(0, count, request, new FieldValue[count], template);
                    }

                    return;
                }

                var field = fields[positions[depth]];
                var options = groups[positions[depth]];
                for (var g = 0; g < options.Count; g++)
                {
                    picks[depth] = g;
                    Classes(depth + 1, count, RequestFields.With(changed, field, options[g][0]));
                }
            }

            // Every value of the chosen classes: one alternative each, sharing the class's decision.
            void Values(int depth, int count, AssistanceRequest changed, FieldValue[] changes, DecisionTemplate template)
            {
                if (depth == count)
                {
                    alternatives.Add(new WhatIfAlternative([.. changes], null, changed, template, date));
                    return;
                }

                var field = fields[positions[depth]];
                foreach (var value in groups[positions[depth]][picks[depth]])
                {
                    changes[depth] = FieldValue.FromRaw(field, value);
                    Values(depth + 1, count, RequestFields.With(changed, field, value), changes, template);
                }
            }
        }

        alternatives.Sort(new AlternativeOrder(request).Compare);
        if (options.VaryReceivedAt && NextChange(jurisdiction, request, date, asGiven.Outcome) is { } next)
        {
            alternatives.Add(next);
        }

        return new WhatIfResult(asGiven.Materialize(request, date), alternatives, options.MaxChangedFields);
    }

    /// <summary>The first later segment of time on which the same facts lead to another outcome, as a change of <c>receivedAt</c>.</summary>
    private static WhatIfAlternative? NextChange(CompiledJurisdiction jurisdiction, AssistanceRequest request, LocalDate date, Outcome outcome)
    {
        var tables = jurisdiction.Tables!;
        var breakpoints = tables.Breakpoints;
        for (var i = tables.SegmentOf(date); i < breakpoints.Count; i++)
        {
            var template = Probe(jurisdiction, request, breakpoints[i]);
            if (template.Outcome != outcome)
            {
                var at = breakpoints[i].AtStartOfDayInZone(jurisdiction.Jurisdiction.TimeZone).ToOffsetDateTime();
                return new WhatIfAlternative([], at, request with { ReceivedAt = at }, template, breakpoints[i]);
            }
        }

        return null;
    }

    /// <summary>The values one change of a field reaches (another value; for a set, one member added or removed), grouped by class, without the request's own class.</summary>
    private static List<List<ulong>> Neighbours(RequestField field, ulong current, FieldClasses classes)
    {
        var byClass = new Dictionary<int, List<ulong>>();
        var order = new List<List<ulong>>();
        var own = classes.ClassOf[(int)current];
        var size = RequestFields.VocabularySize(field);
        for (var i = 0; i < size; i++)
        {
            var value = RequestFields.IsSet(field) ? current ^ (1UL << i) : (ulong)i;
            var @class = classes.ClassOf[(int)value];
            if (value == current || @class == own)
            {
                continue;
            }

            if (!byClass.TryGetValue(@class, out var members))
            {
                byClass[@class] = members = [];
                order.Add(members);
            }

            members.Add(value);
        }

        return order;
    }

    /// <summary>The equivalence classes of each field of <see cref="RequestFields.All"/>, by position.</summary>
    private static FieldClasses[] ClassesOf(CompiledJurisdiction jurisdiction)
    {
        var all = jurisdiction.Tables!.Classes;
        return [.. RequestFields.All.Select(f => all.First(c => c.Field == f))];
    }

    /// <summary>Smallest first, then by outcome, then by field and value (a set field's value by the member added or removed).</summary>
    private sealed class AlternativeOrder(AssistanceRequest original)
    {
        public int Compare(WhatIfAlternative? a, WhatIfAlternative? b)
        {
            var c = a!.Changes.Count.CompareTo(b!.Changes.Count);
            if (c == 0)
            {
                c = a.Outcome.CompareTo(b.Outcome);
            }

            for (var i = 0; c == 0 && i < a.Changes.Count; i++)
            {
                c = RequestFields.Position(a.Changes[i].Field).CompareTo(RequestFields.Position(b.Changes[i].Field));
                if (c == 0)
                {
                    c = Rank(a.Changes[i]).CompareTo(Rank(b.Changes[i]));
                }
            }

            return c;
        }

        private ulong Rank(FieldValue value) =>
            value.IsSet ? (ulong)System.Numerics.BitOperations.TrailingZeroCount(value.Raw ^ RequestFields.Get(original, value.Field)) : value.Raw;
    }

    /// <summary>Decides a partial request: one decision when the unknown facts cannot change the outcome, otherwise outcome <c>depends</c>.</summary>
    public static Decision DecidePartial(CompiledJurisdiction jurisdiction, AssistanceRequest request)
    {
        var date = jurisdiction.LocalDateOf(request.ReceivedAt.ToInstant());
        var unknown = RequestFields.All.Where(request.Unknown.Contains).ToArray();
        var representative = request with { Unknown = EnumSet<RequestField>.Empty };
        foreach (var field in unknown)
        {
            representative = RequestFields.With(representative, field, RequestFields.Placeholder(field));
        }

        var all = ClassesOf(jurisdiction);
        var classes = unknown.Select(f => all[RequestFields.Position(f)]).ToArray();
        long total = 1;
        foreach (var c in classes)
        {
            total *= c.Count;
        }

        if (total > MaxCombinations)
        {
            throw new InvalidRequestException([new Problem(ProblemCodes.LimitExceeded, "request", "$.unknown", null, null,
                $"the unknown facts leave {total} combinations open, more than the {MaxCombinations} one partial decision may weigh; give some of them")]);
        }

        var templates = new DecisionTemplate[total];
        var purpose = Array.IndexOf(unknown, RequestField.Purpose);
        var tuple = new int[unknown.Length];
        for (var cell = 0; cell < total; cell++)
        {
            Decode(cell, classes, tuple);
            var completion = representative;
            for (var i = 0; i < unknown.Length; i++)
            {
                completion = RequestFields.With(completion, unknown[i], (ulong)classes[i].Members[tuple[i]][0]);
            }

            // A presumption that covers an unknown purpose decides, whatever purpose the requester may have had.
            if (purpose >= 0 && Presumed(jurisdiction, Probe(jurisdiction, completion with { Purpose = Purpose.Unknown }, date)) is { } presumed)
            {
                templates[cell] = presumed;
                continue;
            }

            templates[cell] = Probe(jurisdiction, completion, date);
        }

        if (templates.All(t => t.Outcome == templates[0].Outcome))
        {
            return Probe(jurisdiction, representative, date).Materialize(representative with { Unknown = request.Unknown }, date);
        }

        var entries = Group(unknown, classes, templates);
        var askFirst = AskFirst(unknown, classes, templates);
        var obligations = templates.Select(t => t.ObligationSet).Aggregate((a, b) => EnumSet<Obligation>.FromMask(a.Mask & b.Mask));
        return new Decision
        {
            RequestId = request.Id,
            Outcome = Outcome.Depends,
            EffectiveDate = date,
            JurisdictionChain = jurisdiction.ChainIds,
            DecidingRules = [],
            Citations = [],
            Obligations = [.. obligations],
            Preempted = [],
            DependsOn = entries,
            AskFirst = askFirst,
            Explanation = ExplainDepends(unknown, entries, askFirst),
        };
    }

    private static DecisionTemplate? Presumed(CompiledJurisdiction jurisdiction, DecisionTemplate template) =>
        template.DecidingRules.Count > 0 && Array.Exists(jurisdiction.Presumptions, p => p.Presumption.Id == template.DecidingRules[^1]) ? template : null;

    private static void Decode(long cell, FieldClasses[] classes, int[] tuple)
    {
        for (var i = classes.Length - 1; i >= 0; i--)
        {
            tuple[i] = (int)(cell % classes[i].Count);
            cell /= classes[i].Count;
        }
    }

    /// <summary>
    /// The combinations grouped into products with one outcome each (disjoint, covering all): start from one product
    /// per combination of classes and merge two products of one outcome that differ in one field only, until none
    /// can be merged; the field order that gives the fewest products is kept.
    /// </summary>
    private static List<DependsOnEntry> Group(RequestField[] unknown, FieldClasses[] classes, DecisionTemplate[] templates)
    {
        var tuple = new int[unknown.Length];
        List<Product>? best = null;
        for (var first = 0; first < unknown.Length; first++)
        {
            var products = new List<Product>(templates.Length);
            for (var cell = 0; cell < templates.Length; cell++)
            {
                Decode(cell, classes, tuple);
                products.Add(new Product(templates[cell].Outcome, [.. tuple.Select(c => new SortedSet<int> { c })]));
            }

            var merged = true;
            while (merged)
            {
                merged = false;
                for (var step = 0; step < unknown.Length; step++)
                {
                    var d = (first + step) % unknown.Length;
                    var byRest = new Dictionary<string, Product>(StringComparer.Ordinal);
                    var next = new List<Product>();
                    foreach (var product in products)
                    {
                        var key = product.KeyWithout(d);
                        if (byRest.TryGetValue(key, out var into))
                        {
                            into.Classes[d].UnionWith(product.Classes[d]);
                            merged = true;
                        }
                        else
                        {
                            byRest[key] = product;
                            next.Add(product);
                        }
                    }

                    products = next;
                }
            }

            if (best is null || products.Count < best.Count)
            {
                best = products;
            }
        }

        return [.. best!
            .Select(p => new DependsOnEntry(
                unknown.Select((f, i) => (f, Values: (IReadOnlyList<FieldValue>)[.. p.Classes[i].SelectMany(c => classes[i].Members[c]).Order().Select(v => FieldValue.FromRaw(f, (ulong)v))]))
                    .ToDictionary(x => x.f, x => x.Values),
                p.Outcome))
            .OrderBy(e => e.Outcome)
            .ThenBy(e => e.When.Values.Select(v => v[0].Raw).ToArray(), RawOrder.Instance)];
    }

    /// <summary>
    /// The unknown fact to ask first: the one whose answer leaves, on average over its values, the least uncertainty
    /// about the outcome (the lowest expected entropy of the outcome once it is known), every combination of values
    /// of the unknown facts counting alike; ties go to the field that comes first in the contract.
    /// </summary>
    private static RequestField AskFirst(RequestField[] unknown, FieldClasses[] classes, DecisionTemplate[] templates)
    {
        var tuple = new int[unknown.Length];
        var weights = new double[templates.Length];
        for (var cell = 0; cell < templates.Length; cell++)
        {
            Decode(cell, classes, tuple);
            double weight = 1;
            for (var i = 0; i < unknown.Length; i++)
            {
                weight *= classes[i].Members[tuple[i]].Length;
            }

            weights[cell] = weight;
        }

        var total = weights.Sum();
        var best = 0;
        var bestEntropy = double.MaxValue;
        var outcomes = ContractNames<Outcome>.All.Count;
        for (var i = 0; i < unknown.Length; i++)
        {
            var byClass = new double[classes[i].Count, outcomes];
            for (var cell = 0; cell < templates.Length; cell++)
            {
                Decode(cell, classes, tuple);
                byClass[tuple[i], (int)templates[cell].Outcome] += weights[cell];
            }

            double entropy = 0;
            for (var c = 0; c < classes[i].Count; c++)
            {
                double mass = 0;
                for (var o = 0; o < outcomes; o++)
                {
                    mass += byClass[c, o];
                }

                for (var o = 0; o < outcomes; o++)
                {
                    if (byClass[c, o] > 0)
                    {
                        var p = byClass[c, o] / mass;
                        entropy -= mass / total * p * Math.Log2(p);
                    }
                }
            }

            if (entropy < bestEntropy - 1e-9)
            {
                best = i;
                bestEntropy = entropy;
            }
        }

        return unknown[best];
    }

    private sealed record Product(Outcome Outcome, SortedSet<int>[] Classes)
    {
        public string KeyWithout(int field)
        {
            var key = new StringBuilder().Append((int)Outcome);
            for (var i = 0; i < Classes.Length; i++)
            {
                key.Append('|');
                if (i != field)
                {
                    key.AppendJoin(',', Classes[i]);
                }
            }

            return key.ToString();
        }
    }

    private sealed class RawOrder : IComparer<ulong[]>
    {
        public static readonly RawOrder Instance = new();

        public int Compare(ulong[]? x, ulong[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var c = x[i].CompareTo(y![i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }

    /// <summary>"Depends on the authority: granted if authority is …; otherwise denied. Ask first about the authority."</summary>
    private static string ExplainDepends(RequestField[] unknown, List<DependsOnEntry> entries, RequestField askFirst)
    {
        var byOutcome = entries.GroupBy(e => e.Outcome).ToList();
        var otherwise = byOutcome.MaxBy(g => g.Sum(Weight))!.Key;
        var clauses = new List<string>();
        foreach (var group in byOutcome.Where(g => g.Key != otherwise))
        {
            var cases = group.Select(e => Condition(e, unknown)).ToList();
            var shown = cases.Take(2).ToList();
            var more = cases.Count - shown.Count;
            clauses.Add($"{OutcomeWord(group.Key)} if {string.Join(" or if ", shown)}{(more > 0 ? $" (or {more} more combinations)" : string.Empty)}");
        }

        clauses.Add($"otherwise {OutcomeWord(otherwise)}");
        var depending = unknown.Where(f => entries.Any(e => e.When[f].Count < RequestFields.DomainSize(f))).Select(RequestFields.Name);
        return $"Depends on {Join(depending)}: {string.Join("; ", clauses)}. Ask first about {RequestFields.Name(askFirst)}.";

        static double Weight(DependsOnEntry entry) => entry.When.Values.Aggregate(1.0, (w, v) => w * v.Count);
    }

    private static string Condition(DependsOnEntry entry, RequestField[] unknown)
    {
        var parts = new List<string>();
        foreach (var field in unknown)
        {
            var values = entry.When[field];
            if (values.Count == RequestFields.DomainSize(field))
            {
                continue;
            }

            parts.Add(values.Count > 4
                ? $"{RequestFields.Name(field)} {(RequestFields.IsSet(field) ? "are" : "is")} one of {values.Count} values"
                : $"{RequestFields.Name(field)} {(RequestFields.IsSet(field) ? "are" : "is")} {Join(values.Select(v => v.ToString()), "or")}");
        }

        return string.Join(" and ", parts);
    }

    /// <summary>"Denied as asked (…). It would be granted with authority judicial-criminal-warrant (5 ILCS 805/10); …."</summary>
    public static string Explain(WhatIfResult result)
    {
        var decision = result.Decision;
        var text = new StringBuilder();
        text.Append(char.ToUpperInvariant(OutcomeWord(decision.Outcome)[0])).Append(OutcomeWord(decision.Outcome).AsSpan(1)).Append(" as asked");
        if (decision.Citations.Count > 0)
        {
            text.Append(" (").Append(decision.Citations[0]).Append(')');
        }

        text.Append('.');
        var clauses = new List<string>();
        foreach (var group in result.Alternatives.GroupBy(a => a.Outcome))
        {
            var first = group.First();
            var others = group.Count() - 1;
            var change = first.ReceivedAt is { } at
                ? $"from {at.Date.ToContractText()}"
                : "with " + string.Join(" and ", first.Changes.Select(c => $"{RequestFields.Name(c.Field)} {c}"));
            var cite = first.Citations.Count > 0 && group.Key != Outcome.Discretionary ? $" ({first.Citations[0]})" : string.Empty;
            clauses.Add($"{OutcomeWord(group.Key)} {change}{cite}{(others > 0 ? $" or {others} other {(others == 1 ? "change" : "changes")}" : string.Empty)}");
        }

        text.Append(clauses.Count == 0
            ? $" No change of up to {result.MaxChangedFields} {(result.MaxChangedFields == 1 ? "fact" : "facts")} leads to another outcome."
            : $" It would be {Join(clauses, "and", "; ")}.");
        return text.ToString();
    }

    private static string OutcomeWord(Outcome outcome) => outcome switch
    {
        Outcome.PoliceAction => "police action",
        Outcome.Refer => "referred",
        _ => ContractNames<Outcome>.Name(outcome),
    };

    /// <summary>"a", "a and b", "a, b and c" (with <paramref name="separator"/> "; ": "a; b; and c").</summary>
    private static string Join(IEnumerable<string> items, string conjunction = "and", string separator = ", ")
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list)
            : string.Join(separator, list.Take(list.Count - 1)) + (list.Count > 2 && separator != ", " ? separator.TrimEnd() + " " : " ") + conjunction + " " + list[^1];
    }
}
