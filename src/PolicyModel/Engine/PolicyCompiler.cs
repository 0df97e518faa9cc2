using NodaTime;

namespace PolicyModel.Engine;

/// <summary>Validates a set of documents as a whole and builds the compiled form. Collects every problem.</summary>
internal sealed class PolicyCompiler
{
    private readonly List<Problem> problems = [];

    /// <summary>Unknown parents reported with a likely intended one, under which checking went on (see DefineJurisdictions).</summary>
    private int recoveredParents;
    private readonly List<PolicyDocument> documents;
    private readonly Dictionary<JurisdictionId, (JurisdictionDeclaration Declaration, PolicyDocument Document)> definitions = [];
    private readonly Dictionary<JurisdictionId, CompiledJurisdiction> jurisdictions = [];
    private readonly Dictionary<RuleId, CompiledRule> rules = [];
    private readonly List<CompiledRule> ruleList = [];
    private readonly List<CompiledPresumption> presumptions = [];
    private readonly List<CompiledPreemption> preemptions = [];
    private readonly Dictionary<(PolicyDocument Document, string Term), Predicate?> resolvedTerms = [];
    private readonly Dictionary<(PolicyDocument Document, string Term), int> termNesting = [];

    public PolicyCompiler(IEnumerable<PolicyDocument> documents) => this.documents = [.. documents];

    public IReadOnlyList<Problem> Problems => problems;

    public PolicySet? Compile()
    {
        DefineJurisdictions();
        if (problems.Count > recoveredParents)
        {
            return null;
        }

        var ruleIds = new Dictionary<RuleId, string>();
        foreach (var document in documents)
        {
            CompileDocument(document, ruleIds);
        }

        LinkExceptionsAndPreemption();
        var beforeCycles = problems.Count;
        CheckExceptionCycles();
        if (problems.Count == beforeCycles)
        {
            CheckExceptionChains();
        }

        if (problems.Count > 0)
        {
            return null;
        }

        foreach (var j in jurisdictions.Values)
        {
            var chainSet = j.Chain.ToHashSet();
            j.Rules = [.. ruleList.Where(r => chainSet.Contains(r.JurisdictionIndex))
                .OrderByDescending(r => r.Rule.Layer).ThenBy(r => r.Index)];
            j.Presumptions = [.. presumptions.Where(p => chainSet.Contains(jurisdictions[p.Presumption.Jurisdiction].Index))
                .OrderByDescending(p => p.Presumption.Layer).ThenBy(p => p.Index)];
            j.Preemptions = [.. preemptions.Where(p => chainSet.Contains(p.JurisdictionIndex))];
            j.Tables = new DecisionTables(j);
        }

        return new PolicySet(documents, jurisdictions, rules, ruleList, presumptions, preemptions);
    }

    private void Add(string code, PolicyDocument document, object? item, string suffix, string message)
    {
        var where = item is null ? null : document.LocationOf(item);
        problems.Add(new Problem(code, document.Name, (where?.Path ?? "$") + suffix, where?.Line, where?.Column, message));
    }

    private void DefineJurisdictions()
    {
        foreach (var document in documents)
        {
            var declaration = document.Jurisdiction;
            if (!declaration.IsDefinition)
            {
                continue;
            }

            if (definitions.TryGetValue(declaration.Id, out var existing))
            {
                problems.Add(new Problem(ProblemCodes.DuplicateJurisdiction, document.Name, "$.jurisdiction.id", null, null,
                    $"the jurisdiction `{declaration.Id}` is already defined by `{existing.Document.Name}`; give `id` alone to add rules to it"));
                continue;
            }

            definitions[declaration.Id] = (declaration, document);
        }

        foreach (var document in documents.Where(d => !d.Jurisdiction.IsDefinition))
        {
            if (!definitions.ContainsKey(document.Jurisdiction.Id))
            {
                problems.Add(new Problem(ProblemCodes.UnknownJurisdiction, document.Name, "$.jurisdiction.id", null, null,
                    $"the document adds rules to `{document.Jurisdiction.Id}`, which no document of the set defines{Json.Binder.Suggest(document.Jurisdiction.Id.Value, definitions.Keys.Select(k => k.Value))}"));
            }
        }

        var index = 0;
        foreach (var (id, (declaration, document)) in definitions)
        {
            var parentId = declaration.Parent;
            if (declaration.Parent is { } parent && !definitions.ContainsKey(parent))
            {
                var closest = Json.Binder.Closest(parent.Value, definitions.Keys.Select(k => k.Value).Where(k => k != id.Value));
                problems.Add(new Problem(ProblemCodes.UnknownParent, document.Name, "$.jurisdiction.parent", null, null,
                    $"the parent jurisdiction `{parent}` is not defined by any document of the set{(closest is null ? string.Empty : $" (did you mean `{closest}`?)")}"));
                if (closest is null)
                {
                    continue;
                }

                // A likely typo: keep checking the rest of the set as if the suggested parent had been written, so one
                // run reports every problem (the set is never built: the problem above stays).
                parentId = new JurisdictionId(closest);
                recoveredParents++;
            }

            var jurisdiction = new Jurisdiction(id, declaration.Name!, parentId,
                DateTimeZoneProviders.Tzdb[declaration.TimeZone!], declaration.Level!.Value)
            {
                LawCurrentTo = ChainLawCurrentTo(id),
            };
            jurisdictions[id] = new CompiledJurisdiction { Jurisdiction = jurisdiction, Index = index++ };
        }

        if (problems.Count > recoveredParents)
        {
            return;
        }

        foreach (var j in jurisdictions.Values)
        {
            var chain = new List<CompiledJurisdiction> { j };
            var seen = new HashSet<JurisdictionId> { j.Jurisdiction.Id };
            var current = j.Jurisdiction;
            var cyclic = false;
            var tooDeep = false;
            while (current.Parent is { } parentId)
            {
                if (!seen.Add(parentId))
                {
                    cyclic = true;
                    break;
                }

                if (chain.Count >= DocumentLimits.MaxJurisdictionDepth)
                {
                    // Bounds the walk (and every chain the engine keeps) whatever the number of documents.
                    tooDeep = true;
                    break;
                }

                var parent = jurisdictions[parentId];
                chain.Add(parent);
                current = parent.Jurisdiction;
            }

            if (tooDeep)
            {
                problems.Add(new Problem(ProblemCodes.TooComplex, definitions[j.Jurisdiction.Id].Document.Name, "$.jurisdiction.parent", null, null,
                    $"`{j.Jurisdiction.Id}` is nested more than {DocumentLimits.MaxJurisdictionDepth} jurisdictions deep (or in a cycle longer than that); at most {DocumentLimits.MaxJurisdictionDepth} levels are allowed"));
                continue;
            }

            if (cyclic)
            {
                var document = definitions[j.Jurisdiction.Id].Document;
                problems.Add(new Problem(ProblemCodes.ParentCycle, document.Name, "$.jurisdiction.parent", null, null,
                    $"the parents of `{j.Jurisdiction.Id}` form a cycle: {string.Join(" -> ", chain.Select(c => $"`{c.Jurisdiction.Id}`"))} -> `{current.Parent}`"));
                continue;
            }

            chain.Reverse();
            for (var i = 1; i < chain.Count; i++)
            {
                if (chain[i].Jurisdiction.Level < chain[i - 1].Jurisdiction.Level)
                {
                    var document = definitions[chain[i].Jurisdiction.Id].Document;
                    problems.Add(new Problem(ProblemCodes.LayerTooGeneral, document.Name, "$.jurisdiction.level", null, null,
                        $"`{chain[i].Jurisdiction.Id}` (level `{chain[i].Jurisdiction.Level.ToContractName()}`) cannot sit inside `{chain[i - 1].Jurisdiction.Id}` (level `{(chain[i - 1].Jurisdiction.Level).ToContractName()}`)"));
                }
            }

            j.Chain = [.. chain.Select(c => c.Index)];
            j.ChainIds = [.. chain.Select(c => c.Jurisdiction.Id)];
        }

        // Only one problem per cycle member is useful; keep them all (each names its own document).
    }

    /// <summary>
    /// The earliest <c>lawCurrentTo</c> stated by any document of the jurisdiction or of a jurisdiction enclosing it
    /// (a chain is known only as far as its least current part); parents that are missing or cyclic are reported
    /// elsewhere and simply end the walk here.
    /// </summary>
    private LocalDate? ChainLawCurrentTo(JurisdictionId id)
    {
        LocalDate? earliest = null;
        var seen = new HashSet<JurisdictionId>();
        JurisdictionId? current = id;
        while (current is { } c && seen.Add(c) && definitions.TryGetValue(c, out var definition))
        {
            foreach (var document in documents)
            {
                if (document.Jurisdiction.Id == c && document.LawCurrentTo is { } date && (earliest is null || date < earliest))
                {
                    earliest = date;
                }
            }

            current = definition.Declaration.Parent;
        }

        return earliest;
    }

    private void CompileDocument(PolicyDocument document, Dictionary<RuleId, string> ruleIds)
    {
        var jurisdiction = jurisdictions[document.Jurisdiction.Id];
        var level = jurisdiction.Jurisdiction.Level;
        var sources = document.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var resolver = new TermResolver(this, document);

        // Every term is checked (unknown references, cycles) whether or not a rule uses it.
        resolver.ResolveOwnTerms();

        Layer LayerOf(Layer? declared, object item)
        {
            if (declared is { } layer && layer < level)
            {
                Add(ProblemCodes.LayerTooGeneral, document, item, ".layer",
                    $"the layer `{layer.ToContractName()}` is less specific than the jurisdiction's level `{level.ToContractName()}`");
            }

            return declared ?? level;
        }

        bool ClaimId(RuleId id, object item)
        {
            if (ruleIds.TryGetValue(id, out var other))
            {
                Add(ProblemCodes.DuplicateRuleId, document, item, ".id", $"the id `{id}` is already used by a rule or presumption in `{other}`");
                return false;
            }

            ruleIds[id] = document.Name;
            return true;
        }

        foreach (var declaration in document.Rules)
        {
            var layer = LayerOf(declaration.Layer, declaration);
            var parts = resolver.ResolveParts(declaration.When);
            var predicate = CheckSize(parts is null ? null : TermResolver.Combine(parts), document, declaration, declaration.Id);
            if (!sources.TryGetValue(declaration.Source, out var source))
            {
                Add(ProblemCodes.UnknownSource, document, declaration, ".source",
                    $"the source `{declaration.Source}` is not defined in this document's `sources`{(problems.Count < 1_000 ? Json.Binder.Suggest(declaration.Source, sources.Keys) : string.Empty)}");
            }

            if (!ClaimId(declaration.Id, declaration))
            {
                continue;
            }

            // A rule whose source or conditions failed is still registered (the set is rejected anyway), so that its
            // exceptions and preemptions are checked too and every problem is reported at once.
            var failed = source is null || predicate is null;
            source ??= new LegalSource(declaration.Source, SourceKind.Doctrine, declaration.Source, string.Empty, null);
            predicate ??= TruePredicate.Instance;
            parts = failed ? [] : parts;

            var rule = new Rule
            {
                Id = declaration.Id,
                Jurisdiction = jurisdiction.Jurisdiction.Id,
                Layer = layer,
                Period = declaration.Period,
                Binds = declaration.Binds,
                Conditions = declaration.When,
                Effect = declaration.Effect,
                Obligations = declaration.Obligations,
                Provision = new Provision(source, declaration.Sections),
                Excepts = declaration.Excepts,
                Preempts = declaration.Preempts,
                Explains = declaration.Explains,
                Confidence = declaration.Confidence,
                Document = document.Name,
            };
            var fields = new HashSet<RequestField>();
            predicate.CollectFields(fields);
            var compiled = new CompiledRule
            {
                Rule = rule,
                Index = ruleList.Count,
                JurisdictionIndex = jurisdiction.Index,
                Predicate = predicate,
                Parts = parts!,
                Fields = fields,
            };
            rules[rule.Id] = compiled;
            ruleList.Add(compiled);
            pendingLinks.Add((compiled, declaration, document));
        }

        foreach (var declaration in document.Presumptions)
        {
            var layer = LayerOf(declaration.Layer, declaration);
            var predicate = CheckSize(resolver.Resolve(declaration.When), document, declaration, declaration.Id);
            if (!ClaimId(declaration.Id, declaration) || predicate is null)
            {
                continue;
            }

            presumptions.Add(new CompiledPresumption
            {
                Presumption = new Presumption
                {
                    Id = declaration.Id,
                    Jurisdiction = jurisdiction.Jurisdiction.Id,
                    Layer = layer,
                    Period = declaration.Period,
                    Binds = declaration.Binds,
                    Conditions = declaration.When,
                    Presumed = declaration.Presume,
                    Explains = declaration.Explains,
                    Document = document.Name,
                },
                Index = presumptions.Count,
                Predicate = predicate,
            });
        }

        foreach (var declaration in document.Preemption)
        {
            foreach (var layer in declaration.Layers)
            {
                if (layer <= level)
                {
                    Add(ProblemCodes.LayerTooGeneral, document, declaration, ".layers",
                        $"preemption reaches only layers more specific than `{level.ToContractName()}`; `{layer.ToContractName()}` is not");
                }
            }

            preemptions.Add(new CompiledPreemption
            {
                Preemption = new Preemption
                {
                    Id = declaration.Id,
                    Jurisdiction = jurisdiction.Jurisdiction.Id,
                    When = declaration.When,
                    Preempts = declaration.Preempts,
                    Layers = declaration.Layers,
                    Explains = declaration.Explains,
                },
                JurisdictionIndex = jurisdiction.Index,
                Level = level,
            });
        }
    }

    private readonly List<(CompiledRule Rule, RuleDeclaration Declaration, PolicyDocument Document)> pendingLinks = [];

    /// <summary>The predicate, or null after reporting that it is larger than <see cref="DocumentLimits.MaxExpandedConditionSize"/>.</summary>
    private Predicate? CheckSize(Predicate? predicate, PolicyDocument document, object declaration, RuleId id)
    {
        if (predicate is null || predicate.Size <= DocumentLimits.MaxExpandedConditionSize)
        {
            return predicate;
        }

        Add(ProblemCodes.TooComplex, document, declaration, ".when",
            $"the conditions of `{id}` have {(predicate.Size == int.MaxValue ? "more than 2 billion" : predicate.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} operators and tests once their terms are expanded; at most {DocumentLimits.MaxExpandedConditionSize:N0} are allowed");
        return null;
    }

    private bool IsSameOrInside(JurisdictionId inner, JurisdictionId outer) =>
        jurisdictions[inner].ChainIds.Contains(outer);

    private void LinkExceptionsAndPreemption()
    {
        foreach (var (rule, declaration, document) in pendingLinks)
        {
            for (var i = 0; i < declaration.Excepts.Count; i++)
            {
                var id = declaration.Excepts[i];
                if (!rules.TryGetValue(id, out var target))
                {
                    Add(ProblemCodes.UnknownExceptedRule, document, declaration.Excepts, $"[{i}]",
                        $"`{rule.Rule.Id}` is an exception to `{id}`, but no rule of the set has that id{Json.Binder.Suggest(id.Value, rules.Keys.Select(k => k.Value))}");
                    continue;
                }

                if (!IsSameOrInside(target.Rule.Jurisdiction, rule.Rule.Jurisdiction))
                {
                    Add(ProblemCodes.ExceptsOuterRule, document, declaration.Excepts, $"[{i}]",
                        $"`{rule.Rule.Id}` ({rule.Rule.Jurisdiction}) cannot be an exception to `{id}` of `{target.Rule.Jurisdiction}`: an exception names rules of its own jurisdiction or of one nested in it");
                    continue;
                }

                if (target.Rule.Layer < rule.Rule.Layer)
                {
                    Add(ProblemCodes.ExceptsOuterRule, document, declaration.Excepts, $"[{i}]",
                        $"`{rule.Rule.Id}` (layer `{rule.Rule.Layer.ToContractName()}`) cannot be an exception to `{id}` of the controlling layer `{target.Rule.Layer.ToContractName()}` (a directive cannot loosen its ordinance)");
                    continue;
                }

                target.ExceptedBy.Add(rule);
            }

            for (var i = 0; i < declaration.Preempts.Count; i++)
            {
                var id = declaration.Preempts[i];
                if (!rules.TryGetValue(id, out var target))
                {
                    Add(ProblemCodes.UnknownPreemptedRule, document, declaration.Preempts, $"[{i}]",
                        $"`{rule.Rule.Id}` preempts `{id}`, but no rule of the set has that id{Json.Binder.Suggest(id.Value, rules.Keys.Select(k => k.Value))}");
                    continue;
                }

                if (!IsSameOrInside(target.Rule.Jurisdiction, rule.Rule.Jurisdiction) || target.Rule.Layer <= rule.Rule.Layer)
                {
                    Add(ProblemCodes.PreemptsOuterRule, document, declaration.Preempts, $"[{i}]",
                        $"`{rule.Rule.Id}` can preempt only rules of more specific layers within its jurisdiction; `{id}` is not one");
                    continue;
                }

                rule.PreemptsRules.Add(target);
                target.PreemptedBy.Add(rule);
            }
        }

        // Each target's preempting rules in evaluation order (the order of a jurisdiction's rules), so a decision
        // looks only at the preempting rules of the rules that count and stops at the first that counts too.
        foreach (var rule in ruleList)
        {
            if (rule.PreemptedBy.Count > 1)
            {
                rule.PreemptedBy.Sort(static (a, b) => a.Rule.Layer != b.Rule.Layer ? b.Rule.Layer.CompareTo(a.Rule.Layer) : a.Index.CompareTo(b.Index));
            }
        }
    }

    private void CheckExceptionCycles()
    {
        // excepts edges: excepter -> excepted. A cycle (including a self-loop) makes "counts" undefined.
        var state = new Dictionary<CompiledRule, int>();
        var reported = new HashSet<CompiledRule>();
        var stack = new List<CompiledRule>();
        var excepts = ruleList.ToDictionary(r => r, _ => new List<CompiledRule>());
        foreach (var r in ruleList)
        {
            foreach (var by in r.ExceptedBy)
            {
                excepts[by].Add(r);
            }
        }

        // Depth-first, with an explicit stack rather than recursion: a chain of thousands of exceptions must not overflow the thread's stack.
        void Visit(CompiledRule root)
        {
            var work = new Stack<(CompiledRule Rule, int Next)>();
            state[root] = 1;
            stack.Add(root);
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (r, i) = work.Pop();
                var edges = excepts[r];
                if (i >= edges.Count)
                {
                    stack.RemoveAt(stack.Count - 1);
                    state[r] = 2;
                    continue;
                }

                work.Push((r, i + 1));
                var next = edges[i];
                if (state.GetValueOrDefault(next) == 1)
                {
                    var loop = stack.Skip(stack.IndexOf(next)).ToList();
                    if (reported.Add(next))
                    {
                        var link = pendingLinks.First(p => p.Rule == next);
                        var message = loop.Count == 1
                            ? $"`{next.Rule.Id}` is an exception to itself"
                            : $"`{next.Rule.Id}` is an exception to itself through a loop: {string.Join(" excepts ", loop.Append(next).Select(x => $"`{x.Rule.Id}`"))}";
                        Add(ProblemCodes.ExceptionCycle, link.Document, link.Declaration.Excepts, string.Empty, message);
                    }
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    state[next] = 1;
                    stack.Add(next);
                    work.Push((next, 0));
                }
            }
        }

        foreach (var r in ruleList)
        {
            if (state.GetValueOrDefault(r) == 0)
            {
                Visit(r);
            }
        }
    }

    /// <summary>
    /// Reports exception chains longer than <see cref="DocumentLimits.MaxExceptionChain"/> (the evaluator follows a chain
    /// recursively, so its length bounds the stack a decision needs). Runs only on an acyclic exception graph.
    /// </summary>
    private void CheckExceptionChains()
    {
        // length[r]: rules in the longest chain r, an excepter of r, an excepter of that, … (1 when nothing excepts r).
        var length = new Dictionary<CompiledRule, int>();
        foreach (var root in ruleList)
        {
            var work = new Stack<(CompiledRule Rule, int Next)>();
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (r, i) = work.Pop();
                if (length.ContainsKey(r))
                {
                    continue;
                }

                if (i < r.ExceptedBy.Count)
                {
                    work.Push((r, i + 1));
                    if (!length.ContainsKey(r.ExceptedBy[i]))
                    {
                        work.Push((r.ExceptedBy[i], 0));
                    }

                    continue;
                }

                length[r] = 1 + (r.ExceptedBy.Count == 0 ? 0 : r.ExceptedBy.Max(e => length[e]));
            }
        }

        foreach (var (rule, declaration, document) in pendingLinks)
        {
            // Report the rule where the chain first becomes too long, not every rule further along it.
            if (length[rule] == DocumentLimits.MaxExceptionChain + 1)
            {
                Add(ProblemCodes.TooComplex, document, declaration, string.Empty,
                    $"the exceptions to `{rule.Rule.Id}` form a chain of more than {DocumentLimits.MaxExceptionChain} rules (`{rule.Rule.Id}` is excepted by `{rule.ExceptedBy.MaxBy(e => length[e])!.Rule.Id}`, which is excepted by …); at most {DocumentLimits.MaxExceptionChain} are allowed");
            }
        }
    }

    /// <summary>Resolves term references: the document's own terms first, then those of its jurisdiction's other documents and its ancestors.</summary>
    private sealed class TermResolver(PolicyCompiler compiler, PolicyDocument document)
    {
        private readonly HashSet<(PolicyDocument Document, string Term)> resolving = [];
        private readonly HashSet<(PolicyDocument Document, string Term)> tooDeep = [];

        /// <summary>The longest chain of term references met below the definition being resolved.</summary>
        private int nesting;

        public static Predicate Combine(Predicate[] parts) => parts.Length switch
        {
            0 => TruePredicate.Instance,
            1 => parts[0],
            _ => new AllPredicate(parts),
        };

        public Predicate? Resolve(IReadOnlyList<Condition> conditions) =>
            ResolveParts(conditions) is { } parts ? Combine(parts) : null;

        public Predicate[]? ResolveParts(IReadOnlyList<Condition> conditions)
        {
            var parts = new Predicate[conditions.Count];
            var ok = true;
            for (var i = 0; i < conditions.Count; i++)
            {
                var p = Resolve(conditions[i], document);
                ok &= p is not null;
                parts[i] = p!;
            }

            return ok ? parts : null;
        }

        private Predicate? Resolve(Condition condition, PolicyDocument owner)
        {
            switch (condition)
            {
                case AllOfCondition all:
                {
                    var parts = all.Conditions.Select(c => Resolve(c, owner)).ToArray();
                    return parts.Any(p => p is null) ? null : parts.Length == 0 ? TruePredicate.Instance : new AllPredicate(parts!);
                }

                case AnyOfCondition any:
                {
                    var parts = any.Conditions.Select(c => Resolve(c, owner)).ToArray();
                    return parts.Any(p => p is null) ? null : new AnyPredicate(parts!);
                }

                case NotCondition not:
                    return Resolve(not.Inner, owner) is { } inner ? new NotPredicate(inner) : null;

                case FieldCondition field:
                    return new FieldPredicate(field.Field, field.Test, field.Mask);

                case TermCondition term:
                    return ResolveTerm(term, owner);

                default:
                    throw new InvalidOperationException("unreachable: conditions form a closed set");
            }
        }

        /// <summary>Resolves every term the document defines, so that a faulty term is reported even when no rule uses it.</summary>
        public void ResolveOwnTerms()
        {
            foreach (var (name, definition) in document.Terms)
            {
                ResolveDefinition(name, definition, document, reference: null, referring: null);
            }
        }

        private Predicate? ResolveTerm(TermCondition term, PolicyDocument owner)
        {
            var (definition, definingDocument) = Find(term.Term, owner);
            if (definition is null)
            {
                compiler.Add(ProblemCodes.UnknownTerm, owner, term, string.Empty,
                    $"the term `{term.Term}` is not defined in this document or the documents of its enclosing jurisdictions{(compiler.problems.Count < 1_000 ? Json.Binder.Suggest(term.Term, VisibleTerms(owner)) : string.Empty)}");
                return null;
            }

            return ResolveDefinition(term.Term, definition, definingDocument!, term, owner);
        }

        private Predicate? ResolveDefinition(string name, Condition definition, PolicyDocument definingDocument, TermCondition? reference, PolicyDocument? referring)
        {
            // Results are shared by the whole compilation, failures included (null), so each faulty term is reported once.
            var key = (definingDocument, name);
            if (compiler.resolvedTerms.TryGetValue(key, out var done))
            {
                nesting = Math.Max(nesting, compiler.termNesting.GetValueOrDefault(key));
                return done;
            }

            if (resolving.Contains(key))
            {
                compiler.Add(ProblemCodes.TermCycle, referring ?? definingDocument, reference, string.Empty, $"the term `{name}` is defined in terms of itself");
                return null;
            }

            if (resolving.Count >= DocumentLimits.MaxTermNesting)
            {
                // Not cached: the same term may be used legitimately from a shallower place. Resolution recurses, so this bounds the stack.
                if (tooDeep.Add(key))
                {
                    compiler.Add(ProblemCodes.TooComplex, referring ?? definingDocument, reference, string.Empty,
                        $"the term `{name}` is reached through more than {DocumentLimits.MaxTermNesting} nested term references; at most {DocumentLimits.MaxTermNesting} are allowed");
                }

                return null;
            }

            resolving.Add(key);
            var outer = nesting;
            nesting = 0;
            var predicate = Resolve(definition, definingDocument);
            resolving.Remove(key);
            var depth = nesting + 1;
            nesting = Math.Max(outer, depth);
            if (predicate is not null && depth > DocumentLimits.MaxTermNesting)
            {
                // The same verdict whatever order the terms are resolved in (the recursion guard above depends on it).
                compiler.Add(ProblemCodes.TooComplex, definingDocument, definition, string.Empty,
                    $"the term `{name}` is defined through a chain of {depth} nested term references; at most {DocumentLimits.MaxTermNesting} are allowed");
                predicate = null;
            }

            compiler.resolvedTerms[key] = predicate;
            compiler.termNesting[key] = depth;
            return predicate;
        }

        /// <summary>Every term name a rule of <paramref name="owner"/> can use: its own and its enclosing jurisdictions'.</summary>
        private IEnumerable<string> VisibleTerms(PolicyDocument owner)
        {
            var chain = compiler.jurisdictions[owner.Jurisdiction.Id].ChainIds.ToHashSet();
            return owner.Terms.Keys.Concat(compiler.documents.Where(d => chain.Contains(d.Jurisdiction.Id)).SelectMany(d => d.Terms.Keys)).Distinct(StringComparer.Ordinal);
        }

        private (Condition? Definition, PolicyDocument? Document) Find(string name, PolicyDocument owner)
        {
            if (owner.Terms.TryGetValue(name, out var own))
            {
                return (own, owner);
            }

            foreach (var id in compiler.jurisdictions[owner.Jurisdiction.Id].ChainIds.Reverse())
            {
                foreach (var other in compiler.documents)
                {
                    if (other != owner && other.Jurisdiction.Id == id && other.Terms.TryGetValue(name, out var found))
                    {
                        return (found, other);
                    }
                }
            }

            return (null, null);
        }
    }
}
