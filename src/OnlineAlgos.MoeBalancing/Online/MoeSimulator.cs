using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// The online loop of spec A1/A3: for k = 1..N draw a batch, route it with the bias fixed before the batch (causal
/// timing; plain biased top-K, or group-limited per <see cref="SimulationSettings.Groups"/>), optionally drop over
/// capacity, record metrics, then let the balancer update. One score buffer and one assignment buffer are reused, so
/// the loop allocates nothing per step apart from the optional gap solves. O(N·T·E) plus the balancer's update cost.
/// </summary>
public static class MoeSimulator
{
    /// <summary>Runs the loop; <paramref name="balancer"/> is ignored (may be a plain one) in expert-choice mode.</summary>
    public static StepMetrics[] Run(IScoreGenerator generator, IBiasBalancer balancer, SimulationSettings settings, Rng rng,
        Action<int, ScoreMatrix, ReadOnlySpan<int>>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        int e = generator.Experts, k = settings.K, t = settings.Tokens;
        if (k < 1 || k > e) throw new ArgumentOutOfRangeException(nameof(settings), $"K must be in 1..E = {e}, got {k}");
        if (t < 0) throw new ArgumentOutOfRangeException(nameof(settings), "tokens must be >= 0");
        if (settings.Steps < 0) throw new ArgumentOutOfRangeException(nameof(settings), "steps must be >= 0");
        if (balancer.Bias.Length != e) throw new ArgumentException("balancer has a different number of experts", nameof(balancer));
        var groups = settings.Groups;
        if (groups is not null)
        {
            if (groups.Check(e, k) is { } why) throw new ArgumentException(why, nameof(settings));
            if (settings.ExpertChoice) throw new ArgumentException("group-limited routing does not apply to expert choice (experts pick tokens)", nameof(settings));
            if (balancer.Rule != SelectionRule.Additive)
                throw new ArgumentException($"group-limited routing adds the bias to the scores; balancer '{balancer.Name}' selects by {balancer.Rule}", nameof(settings));
        }
        var batch = new ScoreMatrix(t, e);
        var assignment = new int[t * k];
        var loads = new int[e];
        var stamp = new int[e];
        var global = new long[e];
        var result = new StepMetrics[settings.Steps];
        double target = BalanceMetrics.Target(t, k, e);
        int ceilL = AssignmentProblem.DefaultCapacity(t, k, e);
        double globalTarget = 0;
        int? capacity = settings.CapacityFactor is { } cf ? CapacityDropping.Capacity(cf, t, k, e) : null;
        for (int step = 1; step <= settings.Steps; step++)
        {
            generator.Next(batch, rng);
            double objective, dropRate = 0, dual = double.NaN;
            ReadOnlySpan<int> counted;
            if (settings.ExpertChoice)
            {
                var (_, obj) = ExpertChoiceRouting.Route(batch, ceilL);
                objective = obj;
                for (int i = 0; i < e; i++) loads[i] = Math.Min(ceilL, t);
                counted = loads;
            }
            else
            {
                if (settings.Router is { } router)
                {
                    router.Route(batch, balancer.Bias, k, assignment, loads);
                    CheckRouting(router.Name, step, assignment, loads, k, e, groups, stamp);
                }
                else if (groups is null) TopKRouter.Route(batch, balancer.Bias, k, assignment, loads, balancer.Rule);
                else GroupLimitedRouter.Route(batch, balancer.Bias, k, groups.Groups, groups.TopGroups, assignment, loads);
                objective = BalanceMetrics.Objective(batch, assignment, k);
                // Plain top-K routing maximises the Lagrangian, so ℒ(x_k, p_k) = D(p_k); group-limited routing does
                // not, so D(p_k) is evaluated directly (one more O(T·E) pass).
                if (groups is not null) dual = BalanceMetrics.DualFunction(batch, balancer.Bias, k, target);
                else if (balancer.Rule == SelectionRule.Additive)
                    dual = BalanceMetrics.Lagrangian(batch, assignment, k, balancer.Bias, target);
                counted = loads;
                if (capacity is { } c)
                {
                    var dr = CapacityDropping.Apply(batch, assignment, k, c, settings.Policy);
                    objective = dr.KeptObjective;
                    dropRate = dr.DropRate(t, k);
                    counted = dr.Loads;
                }
            }
            for (int i = 0; i < e; i++) global[i] += counted[i];
            globalTarget += target;
            double gap = double.NaN;
            if (settings.GapEvery > 0 && step % settings.GapEvery == 0 && t > 0) gap = GapOverSpan(batch, k, counted, objective);
            // Under dropping, MaxVio is measured against the nominal target T·K/E (kept loads sum to less).
            double maxVio = capacity is null ? BalanceMetrics.MaxVio(counted) : BalanceMetrics.MaxVio(counted, target);
            result[step - 1] = new StepMetrics(step, maxVio, BalanceMetrics.IdleExperts(counted), objective, gap,
                capacity is null ? BalanceMetrics.MaxVio(global) : BalanceMetrics.MaxVio(global, globalTarget), dual, dropRate);
            observe?.Invoke(step, batch, loads);
            balancer.Update(batch, loads, k);
        }
        return result;
    }

    /// <summary>
    /// Checks one routing against the model: every token has exactly K distinct experts in 0..E−1 (a dropped slot,
    /// e.g. −1, is not allowed: dropping is the simulator's own step, after routing), <paramref name="loads"/> are the
    /// per-expert counts of <paramref name="assignment"/>, and under a group limit each token's experts lie in at most
    /// M groups. O(T·K + E). <paramref name="stamp"/>: E ints of scratch.
    /// </summary>
    /// <exception cref="ModelViolationException">The first broken rule, naming the step and the token.</exception>
    public static void CheckRouting(string router, int step, ReadOnlySpan<int> assignment, ReadOnlySpan<int> loads, int k, int experts,
        GroupLimit? groups, Span<int> stamp)
    {
        if (assignment.Length % k != 0 || loads.Length != experts || stamp.Length != experts)
            throw new ModelViolationException(router, step, $"routing buffers of the wrong size: {assignment.Length} slots, {loads.Length} loads");
        stamp.Clear();
        int tokens = assignment.Length / k;
        int groupSize = groups is null ? 0 : experts / groups.Groups;
        Span<int> seenGroups = groups is null ? [] : stackalloc int[groups.TopGroups];
        for (int t = 0; t < tokens; t++)
        {
            int groupsUsed = 0;
            for (int j = 0; j < k; j++)
            {
                int x = assignment[t * k + j];
                if ((uint)x >= (uint)experts)
                    throw new ModelViolationException(router, step, $"token {t} slot {j}: expert {x} is not one of the {experts} experts (no dropping while routing)");
                for (int jj = 0; jj < j; jj++)
                    if (assignment[t * k + jj] == x)
                        throw new ModelViolationException(router, step, $"token {t} got expert {x} twice (K = {k} distinct experts per token)");
                stamp[x]++;
                if (groups is not null)
                {
                    int g = x / groupSize;
                    bool known = false;
                    for (int q = 0; q < groupsUsed; q++) known |= seenGroups[q] == g;
                    if (!known)
                    {
                        if (groupsUsed == groups.TopGroups)
                            throw new ModelViolationException(router, step, $"token {t}: expert {x} lies in a group beyond the {groups.TopGroups} allowed");
                        seenGroups[groupsUsed++] = g;
                    }
                }
            }
        }
        for (int i = 0; i < experts; i++)
            if (stamp[i] != loads[i])
                throw new ModelViolationException(router, step, $"expert {i} reported load {loads[i]} but was assigned {stamp[i]} tokens");
    }

    /// <summary>
    /// (OPT(CAP_m) − objective)/span with m = max(max load, ⌈L⌉) and span = UB_topK − OPT(CAP_⌈L⌉), the oberpierre
    /// "gap over span" (spec §4.1); 0 when span is 0. Two min-cost-flow solves.
    /// </summary>
    public static double GapOverSpan(ScoreMatrix batch, int k, ReadOnlySpan<int> loads, double objective)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int ceilL = AssignmentProblem.DefaultCapacity(batch.Tokens, k, batch.Experts);
        int m = ceilL;
        foreach (int n in loads) m = Math.Max(m, n);
        // An infeasible capacity gives NaN (no gap), as before; a solver failure throws SolverException.
        double optBalanced = MinCostFlowAssignment.TrySolve(batch, k, ceilL, false, out var bal) ? bal.Value : double.NaN;
        double optMatched = m == ceilL ? optBalanced
            : MinCostFlowAssignment.TrySolve(batch, k, m, false, out var matched) ? matched.Value : double.NaN;
        double span = BalanceMetrics.TopKBound(batch, k) - optBalanced;
        double scale = Math.Max(1e-12, 1e-9 * Math.Abs(optBalanced));
        return span <= scale ? 0 : (optMatched - objective) / span;
    }
}
