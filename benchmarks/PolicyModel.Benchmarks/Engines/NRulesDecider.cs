using NRules;
using NRules.Fluent;

namespace PolicyModel.Benchmarks.Engines;

/// <summary>
/// The built-in rules as NRules rule classes (namespace <c>PolicyModel.Benchmarks.Engines.NRulesRules</c>): presumption rules and decision rules
/// compiled into two session factories. Each evaluation inserts one <see cref="RequestFacts"/> fact, fires the
/// agenda and retracts the fact again, so one long-lived session serves every request (single-threaded).
/// </summary>
public sealed class NRulesDecider : RuleEngineDecider
{
    public const string PresumptionTag = "presumption";
    public const string DecisionTag = "decision";

    private readonly ISession presumptions;
    private readonly ISession decisions;

    public NRulesDecider()
    {
        presumptions = Compile(PresumptionTag).CreateSession();
        decisions = Compile(DecisionTag).CreateSession();
    }

    public override string Name => "NRules";

    protected override void RunPresumptions(RequestFacts facts) => Run(presumptions, facts);

    protected override void RunRules(RequestFacts facts) => Run(decisions, facts);

    private static void Run(ISession session, RequestFacts facts)
    {
        session.Insert(facts);
        session.Fire();
        session.Retract(facts);
    }

    private static ISessionFactory Compile(string tag)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(typeof(NRulesDecider).Assembly).Where(rule => rule.IsTagged(tag)));
        return repository.Compile();
    }
}
