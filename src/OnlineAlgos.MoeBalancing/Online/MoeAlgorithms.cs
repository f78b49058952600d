using OnlineAlgos.Core;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// The registry of the MoE load-balancing family (CLI family <c>moe</c>): the bias balancers and routing baselines
/// <see cref="MoeSimulator"/> runs, then the offline benchmarks (<c>optimum</c>, <c>hindsight</c>), in the order of
/// README's table. Group-limited routing (DeepSeek-V3, spec A2e) is an option of every additive balancer
/// (<see cref="SimulationSettings.Groups"/>), not a separate name. The CLI, the studies and the testing kit resolve
/// balancer names here only.
/// </summary>
public static class MoeAlgorithms
{
    private const string Family = "moe";
    private const string Wang = "Wang et al. 2024 (update verified); primal-dual reading reconstructed in the spec";
    private const string AlfGuarantee = "D(p_k) >= OPT; overloaded experts never gain tokens, underloaded never lose (T1-T3)";
    private const string RouteCost = "O(T E) routing per step plus O(E) update";
    private const string Baseline = "baseline";

    /// <summary>Weak duality as data (spec T1, reconstructed and proved): ALG = min over the iterates of D(p_k) on a fixed
    /// batch, OPT = the exact assignment optimum, ALG ≥ 1·OPT (maximisation form) up to 1e-12 relative. Holds for every
    /// additive-bias balancer, whatever its update rule; the testing kit's check uses this value.</summary>
    public static Guarantee DualAtLeastOptimum { get; } = new(1, Objective: Objective.Maximize, RelativeTolerance: 1e-12,
        Source: "weak duality, spec T1 (reconstructed, proved)");

    /// <summary>Every balancer and benchmark: online ones first, then <c>optimum</c> and <c>hindsight</c>.</summary>
    public static IReadOnlyList<AlgorithmInfo> All { get; } =
    [
        new(Family, "alf-lb", AlgorithmRole.Online, false,
            "auxiliary-loss-free sign rule A1: p_i += u*sign(L - load_i) after each batch; biased top-K routing",
            AlfGuarantee, Wang, false, RouteCost) { GuaranteeFor = _ => DualAtLeastOptimum },
        new(Family, "alf-lb-zero-mean", AlgorithmRole.Online, false,
            "ALF-LB with the bias re-centred to mean 0 after each update (A2a)", AlfGuarantee, Wang, false, RouteCost) { GuaranteeFor = _ => DualAtLeastOptimum },
        new(Family, "alf-lb-annealed", AlgorithmRole.Online, false,
            "ALF-LB with the inverse-sqrt step u_k = 10u/sqrt(k)", AlfGuarantee, Wang, false, RouteCost) { GuaranteeFor = _ => DualAtLeastOptimum },
        new(Family, "proportional", AlgorithmRole.Online, false,
            "proportional (OGD) step p_i += u*(L - load_i)/L (A2b)",
            "O(log N) expected regret with eta = 1/(mu k) (T6)", "spec A2b/T6", true, RouteCost) { GuaranteeFor = _ => DualAtLeastOptimum },
        new(Family, "ogd", AlgorithmRole.Online, false,
            "proportional step on token counts, centred (A2b as OGD on the dual)",
            "O(log N) expected regret with eta = 1/(mu k) (T6)", "spec A2b/T6", true, RouteCost) { GuaranteeFor = _ => DualAtLeastOptimum },
        new(Family, "multiplicative", AlgorithmRole.Online, false,
            "multiplicative bias (A2c): scores scaled by exp-updated factors; positive scores only",
            "", "Wang et al. 2024 (empirical)", false, RouteCost),
        new(Family, "aux-loss", AlgorithmRole.Online, false,
            "routing-time stand-in for an auxiliary balance loss with weight alpha",
            "", "reconstructed routing-time emulation", true, RouteCost),
        new(Family, "top-k", AlgorithmRole.Online, false,
            "plain top-K routing, no bias; with --groups, DeepSeek-V3 group-limited routing",
            "objective = the top-K upper bound UB >= OPT (ignores balance)", Baseline, false, "O(T E) per step") { GuaranteeFor = _ => DualAtLeastOptimum },
        new(Family, "capacity-probs", AlgorithmRole.Online, false,
            "plain top-K, then capacity dropping C = ceil(CF*T*K/E), over-capacity experts keep their highest scores",
            "kept <= OPT with <= K experts per token and capacity C", Baseline, false, "O(T E + T K log T) per step"),
        new(Family, "capacity-position", AlgorithmRole.Online, false,
            "plain top-K, then capacity dropping, over-capacity experts keep their earliest tokens",
            "kept <= OPT with <= K experts per token and capacity C", Baseline, false, "O(T E) per step"),
        new(Family, "expert-choice", AlgorithmRole.Online, false,
            "expert choice: each expert takes its top-ceil(L) tokens (a token may get any number of experts)",
            "EC >= OPT", Baseline, false, "O(T E log T) per step"),
        new(Family, "optimum", AlgorithmRole.Offline, false,
            "exact balanced / capacitated assignment (MinCostFlowAssignment; GlopAssignment for the dual prices; ExhaustiveAssignment as oracle)",
            "exact; GLOP duals = ideal biases, D(p*) = OPT +- 1e-6", "spec §4.1", false, "min-cost flow on O(T E) arcs"),
        new(Family, "hindsight", AlgorithmRole.Offline, false,
            "HindsightComparator: best fixed bias in hindsight, min_p sum_k f_k(p) = LP optimum over the concatenated batches / B",
            "regret comparator (definition)", "spec A3 regret definition", true, "one LP / min-cost flow over N*B tokens"),
    ];

    /// <summary>
    /// The balancer <paramref name="name"/> and the settings it runs with: the options' settings plus, for
    /// <c>capacity-probs</c> / <c>capacity-position</c>, dropping at <see cref="MoeAlgorithmOptions.CapacityFactor"/>,
    /// for <c>expert-choice</c> expert-choice routing. O(E).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones) or an offline benchmark.</exception>
    public static MoeBalancerSetup Create(string name, MoeAlgorithmOptions options)
    {
        if (TryCreate(name, options, out var setup)) return setup!;
        foreach (var a in All)
            if (a.Name == name && a.Role == AlgorithmRole.Offline)
                throw new ArgumentException($"'{name}' is an offline benchmark of the moe family, not a balancer (see MinCostFlowAssignment / HindsightComparator)", nameof(name));
        throw new ArgumentException(UnknownMessage(name), nameof(name));
    }

    /// <summary>Like <see cref="Create"/>, but false (and null) for an unknown name or a benchmark.</summary>
    public static bool TryCreate(string name, MoeAlgorithmOptions options, out MoeBalancerSetup? setup)
    {
        ArgumentNullException.ThrowIfNull(options);
        int e = options.Experts;
        var s = options.Settings;
        var sched = options.Schedule ?? StepSchedule.Constant(options.Rate);
        setup = name switch
        {
            "alf-lb" => new(new AlfLbBalancer(e, sched), s),
            "alf-lb-zero-mean" => new(new AlfLbBalancer(e, sched, zeroMean: true), s),
            "alf-lb-annealed" => new(new AlfLbBalancer(e, StepSchedule.InverseSqrt(10 * options.Rate)), s),
            "proportional" => new(new ProportionalBalancer(e, sched), s),
            "ogd" => new(new ProportionalBalancer(e, sched, ProportionalScale.Tokens, centre: true), s),
            "multiplicative" => new(new MultiplicativeBalancer(e, sched), s),
            "aux-loss" => new(new AuxLossEmulationBalancer(e, options.AuxLossWeight, 1.0), s),
            "top-k" => new(new PlainTopKBalancer(e), s),
            "capacity-probs" => new(new PlainTopKBalancer(e), s with { CapacityFactor = options.CapacityFactor, Policy = DropPolicy.HighestScore }),
            "capacity-position" => new(new PlainTopKBalancer(e), s with { CapacityFactor = options.CapacityFactor, Policy = DropPolicy.EarliestToken }),
            "expert-choice" => new(new PlainTopKBalancer(e), s with { ExpertChoice = true }),
            _ => null,
        };
        return setup is not null;
    }

    /// <summary>The online balancer names in table order.</summary>
    public static IReadOnlyList<string> Balancers { get; } = OnlineNames();

    /// <summary>The error message for an unknown name, listing every registered name.</summary>
    public static string UnknownMessage(string? name)
    {
        var names = new string[All.Count];
        for (int i = 0; i < names.Length; i++) names[i] = All[i].Name;
        return $"unknown moe algorithm '{name}'; known: {string.Join(", ", names)}";
    }

    private static string[] OnlineNames()
    {
        var list = new List<string>();
        foreach (var a in All) if (a.Role == AlgorithmRole.Online) list.Add(a.Name);
        return [.. list];
    }
}
