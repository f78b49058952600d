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
        Validate(generator.Experts, balancer, settings);
        var loop = new Loop(generator.Experts, balancer, settings);
        var result = new StepMetrics[settings.Steps];
        for (int step = 1; step <= settings.Steps; step++)
        {
            generator.Next(loop.Batch, rng);
            result[step - 1] = loop.Step(step);
            observe?.Invoke(step, loop.Batch, loop.Loads);
            balancer.Update(loop.Batch, loop.Loads, settings.K);
        }
        return result;
    }

    // K in 1..E, tokens and steps >= 0, the balancer's E, and a group limit only with additive token-choice routing.
    private static void Validate(int e, IBiasBalancer balancer, SimulationSettings settings)
    {
        int k = settings.K, t = settings.Tokens;
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
    }

    // The loop's buffers and running totals, created once per run so a step allocates nothing of its own.
    private sealed class Loop
    {
        private readonly IBiasBalancer balancer;
        private readonly SimulationSettings settings;
        private readonly GroupLimit? groups;
        private readonly int e, k, t, ceilL;
        private readonly int? capacity;
        private readonly double target;
        private readonly int[] assignment, stamp;
        private readonly long[] global;
        private double globalTarget;

        public Loop(int experts, IBiasBalancer balancer, SimulationSettings settings)
        {
            this.balancer = balancer;
            this.settings = settings;
            groups = settings.Groups;
            e = experts;
            k = settings.K;
            t = settings.Tokens;
            Batch = new ScoreMatrix(t, e);
            assignment = new int[t * k];
            Loads = new int[e];
            stamp = new int[e];
            global = new long[e];
            target = BalanceMetrics.Target(t, k, e);
            ceilL = AssignmentProblem.DefaultCapacity(t, k, e);
            capacity = settings.CapacityFactor is { } cf ? CapacityDropping.Capacity(cf, t, k, e) : null;
        }

        public ScoreMatrix Batch { get; }

        // Routed loads per expert (before dropping): what the balancer and the observer see.
        public int[] Loads { get; }

        // Routes the drawn batch and records its metrics.
        public StepMetrics Step(int step)
        {
            double objective, dropRate = 0, dual = double.NaN;
            ReadOnlySpan<int> counted = settings.ExpertChoice
                ? RouteExpertChoice(out objective)
                : RouteTokenChoice(step, out objective, ref dropRate, ref dual);
            return Record(step, counted, objective, dropRate, dual);
        }

        // Experts pick ⌈L⌉ tokens each: every expert's load is min(⌈L⌉, T).
        private int[] RouteExpertChoice(out double objective)
        {
            var (_, obj) = ExpertChoiceRouting.Route(Batch, ceilL);
            objective = obj;
            for (int i = 0; i < e; i++) Loads[i] = Math.Min(ceilL, t);
            return Loads;
        }

        // Tokens pick K experts with the bias fixed before the batch (custom router, biased top-K or group-limited),
        // then the dual value and the optional capacity drop; the loads that count are the kept ones.
        private ReadOnlySpan<int> RouteTokenChoice(int step, out double objective, ref double dropRate, ref double dual)
        {
            var loads = Loads;
            if (settings.Router is { } router)
            {
                router.Route(Batch, balancer.Bias, k, assignment, loads);
                CheckRouting(router.Name, step, assignment, loads, k, e, groups, stamp);
            }
            else if (groups is null) TopKRouter.Route(Batch, balancer.Bias, k, assignment, loads, balancer.Rule);
            else GroupLimitedRouter.Route(Batch, balancer.Bias, k, groups.Groups, groups.TopGroups, assignment, loads);
            objective = BalanceMetrics.Objective(Batch, assignment, k);
            // Plain top-K routing maximises the Lagrangian, so ℒ(x_k, p_k) = D(p_k); group-limited routing does
            // not, so D(p_k) is evaluated directly (one more O(T·E) pass).
            if (groups is not null) dual = BalanceMetrics.DualFunction(Batch, balancer.Bias, k, target);
            else if (balancer.Rule == SelectionRule.Additive)
                dual = BalanceMetrics.Lagrangian(Batch, assignment, k, balancer.Bias, target);
            if (capacity is not { } c) return loads;
            var dr = CapacityDropping.Apply(Batch, assignment, k, c, settings.Policy);
            objective = dr.KeptObjective;
            dropRate = dr.DropRate(t, k);
            return dr.Loads;
        }

        // Adds the step's counted loads to the global totals and builds its metrics (the gap only every GapEvery steps).
        private StepMetrics Record(int step, ReadOnlySpan<int> counted, double objective, double dropRate, double dual)
        {
            for (int i = 0; i < e; i++) global[i] += counted[i];
            globalTarget += target;
            double gap = double.NaN;
            if (settings.GapEvery > 0 && step % settings.GapEvery == 0 && t > 0) gap = GapOverSpan(Batch, k, counted, objective);
            // Under dropping, MaxVio is measured against the nominal target T·K/E (kept loads sum to less).
            double maxVio = capacity is null ? BalanceMetrics.MaxVio(counted) : BalanceMetrics.MaxVio(counted, target);
            return new StepMetrics(step, maxVio, BalanceMetrics.IdleExperts(counted), objective, gap,
                capacity is null ? BalanceMetrics.MaxVio(global) : BalanceMetrics.MaxVio(global, globalTarget), dual, dropRate);
        }
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
