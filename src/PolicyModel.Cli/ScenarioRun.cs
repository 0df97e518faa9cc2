namespace PolicyModel.Cli;

/// <summary>
/// One <c>policymodel test</c> run as a stream: each scenario file is read one scenario at a time
/// (<see cref="ScenarioFile.Read"/>, the library's reader), each scenario is decided as it is read, and its result
/// handed on at once. A scenario that cannot be read is reported on standard error as soon as it is found (file,
/// line and JSON path) and the run goes on; <see cref="Invalid"/> then makes the exit code 2 at the end, after every
/// result that could be computed was written. Only counts are kept, so memory does not grow with the scenarios.
/// </summary>
internal sealed class ScenarioRun(PolicySet set, IReadOnlyList<string> files, string? filter, TextWriter stderr)
{
    /// <summary>Gets the number of scenarios read (before the filter).</summary>
    public long Read { get; private set; }

    /// <summary>Gets the number of scenarios run (after the filter).</summary>
    public long Ran { get; private set; }

    /// <summary>Gets the number of scenarios that failed.</summary>
    public long Failed { get; private set; }

    /// <summary>Gets a value indicating whether a file or scenario could not be read.</summary>
    public bool Invalid { get; private set; }

    /// <summary>The results, in file order, computed as the enumeration asks for them (enumerate once).</summary>
    public IEnumerable<(string File, ScenarioResult Result)> Results()
    {
        var problems = new List<Problem>();
        foreach (var file in files)
        {
            foreach (var scenario in ScenarioFile.Read(file, problems))
            {
                Report(problems);
                Read++;
                if (filter is not null && !scenario.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var result = ScenarioRunner.Run(set, scenario);
                Ran++;
                Failed += result.Passed ? 0 : 1;
                yield return (file, result);
            }

            Report(problems);
        }
    }

    private void Report(List<Problem> problems)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine(UntrustedText.Escape(problem.ToString()));
            Invalid = true;
        }

        problems.Clear();
    }
}
