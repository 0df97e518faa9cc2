namespace PolicyModel.Reliability.Tests.Support;

/// <summary>
/// Calls the public entry points the way an embedding system does, turning the documented exceptions
/// (<c>docs/errors.md</c>, "Exceptions the public API throws") into their problems. Any other exception escapes, and
/// the caller (a bad-input case or the fuzzer) reports it as a defect.
/// </summary>
internal static class PublicApi
{
    /// <summary>Parses a document from bytes with <c>TryParse</c> and with <c>Parse</c>; both must agree.</summary>
    public static (PolicyDocument? Document, IReadOnlyList<Problem> Problems) ParseDocument(byte[] utf8, string name = "bad.json")
    {
        if (PolicyDocument.TryParse(utf8, name, out var document, out var problems))
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().NotBeEmpty("a failed parse reports why");
            document.Should().BeNull();
            FluentActions.Invoking(() => PolicyDocument.Parse(utf8, name)).Should().Throw<PolicyLoadException>().Which.Problems.Should().Equal(problems);
        }

        return (document, problems);
    }

    /// <summary>Parses a document from a string with <c>TryParse</c> and with <c>Parse</c>; both must agree.</summary>
    public static (PolicyDocument? Document, IReadOnlyList<Problem> Problems) ParseDocument(string text, string name = "bad.json")
    {
        if (PolicyDocument.TryParse(text, name, out var document, out var problems))
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().NotBeEmpty("a failed parse reports why");
            document.Should().BeNull();
            FluentActions.Invoking(() => PolicyDocument.Parse(text, name)).Should().Throw<PolicyLoadException>().Which.Problems.Should().Equal(problems);
        }

        return (document, problems);
    }

    /// <summary>Compiles documents with <c>TryCompile</c> and with <c>Compile</c>; both must agree.</summary>
    public static (PolicySet? Set, IReadOnlyList<Problem> Problems) Compile(IReadOnlyList<PolicyDocument> documents)
    {
        if (!PolicySet.TryCompile(documents, out var set, out var problems))
        {
            problems.Should().NotBeEmpty("a failed compilation reports why");
            var thrown = FluentActions.Invoking(() => PolicySet.Compile(documents)).Should().Throw<PolicyLoadException>().Which;
            thrown.Problems.Select(p => p.ToString()).Should().Equal(problems.Select(p => p.ToString()));
        }
        else
        {
            problems.Should().BeEmpty();
        }

        return (set, problems);
    }

    /// <summary>Reads a request file; only <see cref="InvalidRequestException"/> may escape.</summary>
    public static (IReadOnlyList<AssistanceRequest> Requests, IReadOnlyList<Problem> Problems) ReadRequests(byte[] utf8, string name = "requests.json")
    {
        try
        {
            return (RequestJson.ReadAll(utf8, name, out _), []);
        }
        catch (InvalidRequestException e)
        {
            e.Problems.Should().NotBeEmpty();
            return ([], e.Problems);
        }
    }

    /// <summary>Parses one request from a string; only <see cref="InvalidRequestException"/> may escape.</summary>
    public static (AssistanceRequest? Request, IReadOnlyList<Problem> Problems) ParseRequest(string json)
    {
        try
        {
            return (RequestJson.Parse(json), []);
        }
        catch (InvalidRequestException e)
        {
            e.Problems.Should().NotBeEmpty();
            return (null, e.Problems);
        }
    }

    /// <summary>
    /// Decides through every deciding entry point (<c>Decide</c>, <c>DecideCompact</c>, <c>TryDecide</c>, <c>Explain</c>,
    /// <c>DecideAll</c>, <c>DecideAllParallel</c>) and checks they agree: the same decision, or the same one problem.
    /// </summary>
    public static (Decision? Decision, Problem? Problem) Decide(PolicySet set, AssistanceRequest request)
    {
        Decision? decision = null;
        Problem? problem = null;
        try
        {
            decision = set.Decide(request);
        }
        catch (InvalidRequestException e)
        {
            e.Problems.Should().ContainSingle();
            problem = e.Problems[0];
        }

        set.TryDecide(request, out var tried, out var triedProblem).Should().Be(decision is not null);
        tried.Should().Be(decision);
        triedProblem.Should().Be(problem);

        if (decision is not null)
        {
            set.DecideCompact(request).ToDecision().Should().Be(decision);
            set.Explain(request).Decision.Should().Be(decision);
            set.DecideAll([request]).Should().Equal(decision);
            var results = new CompactDecision[1];
            set.DecideAllParallel([request], results);
            results[0].ToDecision().Should().Be(decision);
        }
        else
        {
            FluentActions.Invoking(() => set.DecideCompact(request)).Should().Throw<InvalidRequestException>().Which.Problems.Should().Equal(problem!);
            FluentActions.Invoking(() => set.Explain(request)).Should().Throw<InvalidRequestException>().Which.Problems.Should().Equal(problem!);
            FluentActions.Invoking(() => set.DecideAllParallel([request], new CompactDecision[1])).Should().Throw<AggregateException>()
                .Which.InnerExceptions.Should().ContainSingle().Which.Should().BeOfType<InvalidRequestException>();
        }

        return (decision, problem);
    }

    /// <summary>Reads a decision; only <see cref="InvalidRequestException"/> may escape.</summary>
    public static (Decision? Decision, IReadOnlyList<Problem> Problems) ParseDecision(string json)
    {
        try
        {
            return (DecisionJson.Parse(json), []);
        }
        catch (InvalidRequestException e)
        {
            e.Problems.Should().NotBeEmpty();
            return (null, e.Problems);
        }
    }
}
