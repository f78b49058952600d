using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;
using OnlineAlgos.MoeBalancing.Online;
using OnlineAlgos.Testing;

namespace OnlineAlgos.MoeBalancing.Testing;

/// <summary>
/// One-call checks of a MoE bias balancer against the family's exact benchmark (min-cost-flow optimum), over
/// <see cref="MoeGenerators"/> instances (sized, shrinking): <see cref="DualAtLeastOptimum(string, int, int)"/> — weak
/// duality (spec T1): every iterate's D(p_k) ≥ OPT(BAP), ALG = min_k D(p_k) over <c>steps</c> updates on the fixed
/// batch. A balancer is a registry name (<see cref="MoeAlgorithms"/>, rate = the instance's u) or a factory.
/// <see cref="Replay"/> re-checks a saved instance file in one call.
/// </summary>
public static class MoeChecks
{
    /// <summary>D(p) ≥ 1·OPT(BAP), exact on the integer-score instances up to 1e-12 relative.</summary>
    public static readonly Guarantee DualAtLeastOpt = MoeAlgorithms.DualAtLeastOptimum;

    /// <summary>The registry balancer <paramref name="name"/> at the instance's rate u.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones).</exception>
    public static Func<MoeInstance, IBiasBalancer> Registered(string name)
    {
        _ = MoeAlgorithms.Create(name, new MoeAlgorithmOptions(1, new SimulationSettings(0, 1, 0))); // fail fast on a bad name
        return x => MoeAlgorithms.Create(name, new MoeAlgorithmOptions(x.Experts, new SimulationSettings(x.Tokens, x.K, 0), Rate: x.Rate)).Balancer;
    }

    /// <summary>The score a worst-case search minimises for the registered balancer <paramref name="name"/>: its least
    /// dual over <paramref name="steps"/> updates over the balanced optimum (weak duality: never below 1).</summary>
    public static OnlineAlgos.Testing.Search.RatioScore<MoeInstance> WorstRatioScore(string name, int steps)
    {
        var balancer = Registered(name);
        return new(i => (MinDual(balancer(i), i, steps), BalancedOptimum(i)), Objective.Maximize);
    }

    /// <summary>min over the iterates p_0..p_steps of D(p_k) on the instance's batch (the balancer updated after each
    /// routing); +infinity for a balancer whose bias is not additive (D is not its dual).</summary>
    public static double MinDual(IBiasBalancer balancer, MoeInstance instance, int steps)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(instance);
        double min = double.PositiveInfinity;
        for (int s = 0; s <= steps; s++)
        {
            var (_, loads) = TopKRouter.Route(instance.Scores, balancer.Bias, instance.K, balancer.Rule);
            if (balancer.Rule == SelectionRule.Additive)
                min = Math.Min(min, BalanceMetrics.DualFunction(instance.Scores, balancer.Bias, instance.K, instance.Target));
            balancer.Update(instance.Scores, loads, instance.K);
        }
        return min;
    }

    /// <summary>The exact balanced optimum OPT(BAP) (T·K/E must be an integer).</summary>
    /// <exception cref="SolverException">T·K/E is not an integer, or the solver failed.</exception>
    public static double BalancedOptimum(MoeInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return MinCostFlowAssignment.Solve(instance.Scores, instance.K, (int)((long)instance.Tokens * instance.K / instance.Experts), balanced: true).Value;
    }

    /// <summary>The weak-duality check of a balancer (ALG = least D(p_k) over <paramref name="steps"/> updates on the
    /// instance's batch, OPT = the balanced optimum), or of <paramref name="guarantee"/> when given (the CLI's
    /// <c>check moe</c> passes a user's claim ALG ≥ R·OPT − C); instances up to <paramref name="maxTokens"/> ×
    /// <paramref name="maxExperts"/>, then a search of <paramref name="searchBudget"/> evaluations.</summary>
    public static CompetitiveCheck<MoeInstance, double> DualCheck(string name, Func<MoeInstance, IBiasBalancer> balancer,
        int steps = 25, int maxTokens = 8, int maxExperts = 5, int searchBudget = CompetitiveCheck<MoeInstance, double>.DefaultSearchBudget,
        Guarantee? guarantee = null)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        return CompetitiveCheck.Create(name + " D(p_k) >= OPT", MoeGenerators.Instances(maxTokens, maxExperts, integerTarget: true),
            x => MinDual(balancer(x), x, steps), BalancedOptimum, guarantee ?? DualAtLeastOpt, x => x.ToText())
            .WithSearch(MoeMoves.Create(maxTokens, maxExperts), searchBudget);
    }

    /// <summary>Checks weak duality for the registry balancer in one call.</summary>
    /// <exception cref="CounterexampleException">A shrunk instance with an iterate whose D(p_k) is below OPT.</exception>
    public static void DualAtLeastOptimum(string name, int steps = 25, int maxTest = 60) =>
        DualCheck(name, Registered(name), steps).Verify(maxTest);

    /// <summary>Checks weak duality for a balancer in one call.</summary>
    /// <exception cref="CounterexampleException">A shrunk instance with an iterate whose D(p_k) is below OPT.</exception>
    public static void DualAtLeastOptimum(string name, Func<MoeInstance, IBiasBalancer> balancer, int steps = 25, int maxTest = 60) =>
        DualCheck(name, balancer, steps).Verify(maxTest);

    /// <summary>
    /// Replays a saved instance file (<see cref="MoeInstance.ToText"/> format, e.g. under instances/moe-balancing):
    /// reads and parses it, runs the weak-duality check of the balancer (a registry name unless a factory is given)
    /// and returns the evaluation.
    /// </summary>
    /// <exception cref="CounterexampleException">The instance still breaks the guarantee.</exception>
    /// <exception cref="InstanceFormatException">The file is malformed.</exception>
    public static CheckResult<MoeInstance, double> Replay(string path, string name, Func<MoeInstance, IBiasBalancer>? balancer = null, int steps = 25)
    {
        return DualCheck(name, balancer ?? Registered(name), steps).Replay(path, MoeInstance.Parse);
    }
}
