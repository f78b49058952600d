using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// The paging registry: every online algorithm and offline benchmark by its CLI name, in the README's table order,
/// with its guarantee as data (<see cref="AlgorithmInfo.GuaranteeFor"/> from the instance parameter <c>k</c>), the
/// prediction it consumes, and a factory. Robust variants are combinations (spec §2.3, §4.8): <c>mark0-robust</c> =
/// Det(MARK0, LRU), <c>mark0-rand-robust</c> = Rnd(MARK0-rand, Marker), <c>mark-predict-robust</c> = Rnd(MARK&amp;PREDICT,
/// Marker), <c>ftp-det-lru</c> = Det(FtP, LRU), <c>robust-ftp</c> = Rnd(Marker, FtP) (ACEPS's RobustFtP),
/// <c>lnonmarker</c> = Det(LNonMarker core, Marker) (ACEPS), <c>lnonmarker-rnd</c> = Rnd(LNonMarker core, Marker),
/// <c>trust-doubt</c> = Trust&amp;Doubt with FtP as action predictor; "Marker" inside combinations is randomized Marker.
/// <c>belady</c> is offline with no online algorithm object (use <see cref="Faults"/> or <see cref="BeladyPaging"/>);
/// <c>opt-marking</c> is offline but runs as an algorithm over the exact next arrivals.
/// </summary>
public static class PagingAlgorithms
{
    private const string Family = "paging";

    private sealed record Entry(AlgorithmInfo Info, PredictionKind Kind, Func<string, PagingAlgorithmOptions, IOnlinePagingAlgorithm>? Factory);

    private static readonly Entry[] Entries =
    [
        Offline("belady", "Belady / FitF (offline OPT); ties among never-again pages: smallest last-request index",
            "exact optimum: ALG = OPT", "Belady 1966", "O(n log k)", PredictionKind.None, null, _ => Guarantee.Competitive(1, source: "Belady 1966")),
        Online("lru", false, "LRU", "ALG <= k*OPT", "Sleator–Tarjan 1985", false, "O(1)/request", PredictionKind.None,
            (_, _) => new LruPaging(), k => Guarantee.Competitive(k, source: "Sleator–Tarjan 1985")),
        Online("fifo", false, "FIFO", "ALG <= k*OPT", "Sleator–Tarjan 1985", false, "O(1)/request", PredictionKind.None,
            (_, _) => new FifoPaging(), k => Guarantee.Competitive(k, source: "Sleator–Tarjan 1985")),
        Online("fwf", false, "Flush-when-full (marking)", "ALG <= k*OPT", "Karlin et al. 1988", false, "O(1) amortized/request", PredictionKind.None,
            (_, _) => new FlushWhenFullPaging(), k => Guarantee.Competitive(k, source: "Karlin et al. 1988")),
        Online("marker", false, "Marker, deterministic (evicts the unmarked page marked earliest in the previous phase; marking)",
            "ALG <= k*OPT", "Fiat et al. 1991", false, "O(1)/request", PredictionKind.None,
            (_, _) => new MarkerPaging(), k => Guarantee.Competitive(k, source: "Fiat et al. 1991")),
        Online("mru", false, "MRU: evicts the most recently used page (a classical baseline)", "not competitive (unbounded)",
            "Borodin–El-Yaniv 1998", false, "O(1)/request", PredictionKind.None, (_, _) => new MruPaging(), null),
        Online("lifo", false, "LIFO: evicts the most recently loaded page (a classical baseline)", "not competitive (unbounded)",
            "Borodin–El-Yaniv 1998", false, "O(1)/request", PredictionKind.None, (_, _) => new LifoPaging(), null),
        Online("marker-rand", true, "Marker, randomized", "E[ALG] <= 2H_k*OPT", "Fiat et al. 1991", false, "O(1)/request", PredictionKind.None,
            (_, _) => new RandomizedMarkerPaging(), k => Guarantee.Competitive(2 * Harmonic(k), Rational.Zero, "Fiat et al. 1991")),
        Online("rand", true, "RAND", "E[ALG] <= k*OPT", "Raghavan–Snir 1989", false, "O(1)/request", PredictionKind.None,
            (_, _) => new RandomEvictionPaging(), k => Guarantee.Competitive(k, source: "Raghavan–Snir 1989")),
        Online("follow-discard", false, "FollowDiscard: LRU among bit-1 pages, else LRU (rule reconstructed)",
            "ALG = OPT with perfect discard bits", "spec §2.0", true, "O(1)/request", PredictionKind.DiscardBits,
            (n, o) => new FollowDiscardPaging(Bits(n, o)), null),
        Online("mark0", false, "MARK0, deterministic; with LRU rules it evicts exactly as FollowDiscard; not robust alone",
            "ALG <= OPT + (k-1)*eta0 + eta1 (tight)", "Antoniadis et al. ICML 2023 (second-hand)", true, "O(1)/request", PredictionKind.DiscardBits,
            (n, o) => new Mark0DiscardPaging(Bits(n, o)),
            k => WithEtas(Rational.One, k - 1, "Antoniadis et al. ICML 2023 (second-hand)")),
        Online("mark0-rand", true, "MARK0, randomized; = OPT with perfect bits",
            "E[ALG] <= OPT + 2H_k*eta0 + eta1", "Antoniadis et al. ICML 2023 (second-hand)", true, "O(1)/request", PredictionKind.DiscardBits,
            (n, o) => new RandomizedMark0DiscardPaging(Bits(n, o)),
            k => WithEtas(Rational.One, 2 * Harmonic(k), "Antoniadis et al. ICML 2023 (second-hand)")),
        Online("mark0-robust", false, "Det(MARK0, LRU) combiner, γ",
            "ALG <= ((1+γ)^3/γ)*min + k(3 + log_{1+γ} min) + 2 + γ", "our derivation, tested; convention from ACEPS code", false, "O(k)/fault", PredictionKind.DiscardBits,
            (n, o) => new DeterministicCombinerPaging(new Mark0DiscardPaging(Bits(n, o)), new LruPaging(), o.Gamma, n), null),
        Online("mark0-rand-robust", true, "Rnd(MARK0-rand, Marker) combiner, ε; weights renormalised every step",
            "E[ALG] <= (1+ε)*min + O(k/ε)", "Blum–Burch (smoke-tested only); convention from ACEPS code", false, "O(k)/fault", PredictionKind.DiscardBits,
            (n, o) => RandomizedCombinerPaging.FromEpsilon(new RandomizedMark0DiscardPaging(Bits(n, o)), new RandomizedMarkerPaging(), o.Epsilon, n), null),
        Online("mark-predict", true, "MARK&PREDICT; = OPTMarking with perfect phase bits; O(log k)-robust",
            "E[ALG] <= 2*OPT + H_k*eta0 + eta1", "Antoniadis et al. ICML 2023 (second-hand)", true, "O(1)/request", PredictionKind.PhaseBits,
            (n, o) => new MarkAndPredictPaging(Bits(n, o)),
            k => WithEtas(2, Harmonic(k), "Antoniadis et al. ICML 2023 (second-hand)")),
        Online("mark-predict-robust", true, "Rnd(MARK&PREDICT, Marker) combiner, ε",
            "E[ALG] <= (1+ε)*min + O(k/ε)", "Blum–Burch (smoke-tested only); convention from ACEPS code", false, "O(k)/fault", PredictionKind.PhaseBits,
            (n, o) => RandomizedCombinerPaging.FromEpsilon(new MarkAndPredictPaging(Bits(n, o)), new RandomizedMarkerPaging(), o.Epsilon, n), null),
        Online("ftp", false, "FtP / BlindOracle; ties: smallest last request; PLECO/POPU predictors",
            "ALG = OPT with exact next-arrival predictions; ALG <= OPT + 2*eta (tested)", "Lykouris–Vassilvitskii 2018; Wei 2020", false, "O(log k)/request", PredictionKind.NextArrival,
            (n, o) => new FollowThePredictionPaging(Arrivals(n, o)),
            _ => new Guarantee(1, 0, [new ErrorTerm("eta", 2)], Source: "Wei 2020 type bound (spec §6 item 7)")),
        Online("ftp-det-lru", false, "Det(FtP, LRU) combiner, γ",
            "ALG <= ((1+γ)^3/γ)*min + k(3 + log_{1+γ} min) + 2 + γ", "our derivation, tested; convention from ACEPS code", false, "O(k)/fault", PredictionKind.NextArrival,
            (n, o) => new DeterministicCombinerPaging(new FollowThePredictionPaging(Arrivals(n, o)), new LruPaging(), o.Gamma, n), null),
        Online("robust-ftp", true, "Rnd(Marker, FtP) combiner, ε (ACEPS's RobustFtP)",
            "E[ALG] <= (1+ε)*min + O(k/ε)", "Blum–Burch (smoke-tested only); convention from ACEPS code", false, "O(k)/fault", PredictionKind.NextArrival,
            (n, o) => RandomizedCombinerPaging.FromEpsilon(new RandomizedMarkerPaging(), new FollowThePredictionPaging(Arrivals(n, o)), o.Epsilon, n), null),
        Online("predictive-marker", true, "Predictive Marker (ACEPS code)",
            "E[ALG] <= min(2+2*sqrt(5*eta/OPT), 4H_k)*OPT", "Lykouris–Vassilvitskii 2018 (second-hand)", false, "O(k)/fault", PredictionKind.NextArrival,
            (n, o) => new PredictiveMarkerPaging(Arrivals(n, o)),
            k => Guarantee.Competitive(4 * Harmonic(k), Rational.Zero, "Lykouris–Vassilvitskii 2018 (second-hand), robustness part")),
        Online("lmarker", true, "LMarker (core)",
            "E[ALG] <= O(1 + min((eta/OPT)/k, 1)*log k)*OPT", "Rohatgi 2020", false, "O(k)/fault", PredictionKind.NextArrival,
            (n, o) => new LMarkerPaging(Arrivals(n, o)), null),
        Online("lnonmarker", true, "Det(LNonMarker core, Marker) combiner (ACEPS); LNonMarker conventions from the spec",
            "E[ALG] <= O(1 + min((eta/OPT)/k, 1)*log k)*OPT", "Rohatgi 2020", false, "O(k)/fault", PredictionKind.NextArrival,
            (n, o) => new DeterministicCombinerPaging(new LNonMarkerPaging(Arrivals(n, o)), new RandomizedMarkerPaging(), o.Gamma, n), null),
        Online("lnonmarker-rnd", true, "Rnd(LNonMarker core, Marker) combiner",
            "E[ALG] <= (1+ε)*min + O(k/ε)", "Rohatgi 2020; Blum–Burch", false, "O(k)/fault", PredictionKind.NextArrival,
            (n, o) => RandomizedCombinerPaging.FromEpsilon(new LNonMarkerPaging(Arrivals(n, o)), new RandomizedMarkerPaging(), o.Epsilon, n), null),
        Online("trust-doubt", true, "Trust&Doubt, FtP as action predictor; follows ACEPS code; empty-candidate cases our choice",
            "E[ALG] <= O(log k)*OPT (robust)", "ACEPS 2020 (abstract)", false, "O(k)/request", PredictionKind.NextArrival,
            (n, o) => new TrustAndDoubtPaging(Arrivals(n, o)), null),
        new(new AlgorithmInfo(Family, "opt-marking", AlgorithmRole.Offline, false,
                "OPTMarking (offline): marking with exact next arrivals; cost = Σc_i of the k-phase partition",
                "ALG <= 2*OPT", "textbook", false, "O(k)/fault")
            { GuaranteeFor = _ => Guarantee.Competitive(2, source: "textbook (Σc_i <= 2·OPT)") },
            PredictionKind.ExactNextArrival,
            (_, o) => new FollowPredictionMarkingPaging(o.ExactNextArrivals
                ?? throw new ArgumentException("opt-marking needs the exact next arrivals", nameof(o)))),
    ];

    private static readonly Dictionary<string, Entry> ByName = Entries.ToDictionary(e => e.Info.Name, StringComparer.Ordinal);

    /// <summary>Every paging algorithm and benchmark, in table order.</summary>
    public static IReadOnlyList<AlgorithmInfo> All { get; } = Array.ConvertAll(Entries, e => e.Info);

    /// <summary>Every name, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(Entries, e => e.Info.Name);

    /// <summary>Names of the competitive classical online algorithms (no predictions, a guarantee as data), in table
    /// order; the non-competitive baselines <c>mru</c> and <c>lifo</c> are in <see cref="NonCompetitiveNames"/>.</summary>
    public static IReadOnlyList<string> ClassicalNames { get; } =
        Array.FindAll(Entries, e => e.Kind == PredictionKind.None && e.Info.Role == AlgorithmRole.Online && e.Info.GuaranteeFor is not null)
            .Select(e => e.Info.Name).ToArray();

    /// <summary>Names of the classical online baselines without any competitive guarantee (<c>mru</c>, <c>lifo</c>:
    /// their competitive ratio is unbounded), in table order. Useful as targets that a worst-case search must break.</summary>
    public static IReadOnlyList<string> NonCompetitiveNames { get; } =
        Array.FindAll(Entries, e => e.Kind == PredictionKind.None && e.Info.Role == AlgorithmRole.Online && e.Info.GuaranteeFor is null)
            .Select(e => e.Info.Name).ToArray();

    /// <summary>Names of the algorithms that consume predictions (learning-augmented, plus <c>opt-marking</c>), in table order.</summary>
    public static IReadOnlyList<string> PredictiveNames { get; } =
        Array.FindAll(Entries, e => e.Kind != PredictionKind.None).Select(e => e.Info.Name).ToArray();

    /// <summary>The entry of a name, or null.</summary>
    public static AlgorithmInfo? Find(string name) => ByName.TryGetValue(name, out var e) ? e.Info : null;

    /// <summary>The prediction the named algorithm consumes (None for classical, offline-optimum and unknown names).</summary>
    public static PredictionKind KindOf(string name) => ByName.TryGetValue(name, out var e) ? e.Kind : PredictionKind.None;

    /// <summary>Whether the named algorithm uses random coins (false for unknown names).</summary>
    public static bool IsRandomized(string name) => ByName.TryGetValue(name, out var e) && e.Info.Randomized;

    /// <summary>
    /// A fresh instance of the named algorithm over the options' predictions.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name (message <c>unknown paging algorithm 'x'; known: …</c>),
    /// <c>belady</c> (no online algorithm object: use <see cref="Faults"/>), or predictions the algorithm needs missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">γ or ε out of range.</exception>
    public static IOnlinePagingAlgorithm Create(string name, PagingAlgorithmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ByName.TryGetValue(name, out var e)) throw new ArgumentException(UnknownMessage(name), nameof(name));
        if (e.Factory is null)
            throw new ArgumentException($"{name} is an offline optimum without an online algorithm object: use PagingAlgorithms.Faults", nameof(name));
        options ??= PagingAlgorithmOptions.None;
        if (!(options.Gamma > 0) || double.IsInfinity(options.Gamma))
            throw new ArgumentOutOfRangeException(nameof(options), options.Gamma, "γ must be a positive finite number");
        RandomizedCombinerPaging.CheckEpsilon(options.Epsilon);
        return e.Factory(name, options);
    }

    /// <summary>As <see cref="Create"/>, but false (and null) for an unknown name or one without an algorithm object.</summary>
    public static bool TryCreate(string name, PagingAlgorithmOptions? options, out IOnlinePagingAlgorithm? algorithm)
    {
        algorithm = null;
        if (name is null || !ByName.TryGetValue(name, out var e) || e.Factory is null) return false;
        algorithm = Create(name, options);
        return true;
    }

    /// <summary>Faults of the named algorithm or benchmark on a sequence with cache size k: <c>belady</c> through
    /// <see cref="BeladyPaging.Faults"/>, every other name through <see cref="PagingSimulator"/> with the given coins.</summary>
    /// <exception cref="ArgumentException">As <see cref="Create"/>.</exception>
    public static long Faults(string name, RequestSequence sequence, int k, PagingAlgorithmOptions? options = null, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (name == "belady") return BeladyPaging.Faults(sequence, k);
        return PagingSimulator.Run(Create(name, options), sequence, k, rng);
    }

    /// <summary>The message of an unknown name: <c>unknown paging algorithm 'x'; known: a, b, c</c>.</summary>
    public static string UnknownMessage(string name) => $"unknown paging algorithm '{name}'; known: {string.Join(", ", Names)}";

    /// <summary>The harmonic number H_k = Σ_{i≤k} 1/i, exactly.</summary>
    public static Rational Harmonic(int k)
    {
        Rational h = Rational.Zero;
        for (int i = 1; i <= k; i++) h += new Rational(1, i);
        return h;
    }

    private static Entry Online(string name, bool randomized, string summary, string guarantee, string source, bool reconstructed,
        string complexity, PredictionKind kind, Func<string, PagingAlgorithmOptions, IOnlinePagingAlgorithm> factory, Func<int, Guarantee>? guaranteeForK) =>
        new(new AlgorithmInfo(Family, name, AlgorithmRole.Online, randomized, summary, guarantee, source, reconstructed, complexity)
            { GuaranteeFor = guaranteeForK is null ? null : p => guaranteeForK(K(p)) }, kind, factory);

    private static Entry Offline(string name, string summary, string guarantee, string source, string complexity, PredictionKind kind,
        Func<string, PagingAlgorithmOptions, IOnlinePagingAlgorithm>? factory, Func<int, Guarantee> guaranteeForK) =>
        new(new AlgorithmInfo(Family, name, AlgorithmRole.Offline, false, summary, guarantee, source, false, complexity)
            { GuaranteeFor = p => guaranteeForK(K(p)) }, kind, factory);

    private static int K(IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.TryGetValue("k", out double k) || k < 1 || k != Math.Floor(k))
            throw new ArgumentException("paging guarantees need the cache size k (a positive integer) as parameter \"k\"", nameof(parameters));
        return (int)k;
    }

    // ALG <= ratio·OPT + eta0Coefficient·η₀ + η₁, reconstructed (the paper's pseudo-code was not readable).
    private static Guarantee WithEtas(Rational ratio, Rational eta0Coefficient, string source) =>
        new(ratio, Rational.Zero, [new ErrorTerm("eta0", eta0Coefficient), new ErrorTerm("eta1", 1)], Source: source, Status: GuaranteeStatus.Reconstructed);

    private static byte[] Bits(string name, PagingAlgorithmOptions o) =>
        o.Bits ?? throw new ArgumentException($"{name} needs one prediction bit per request", nameof(o));

    private static double[] Arrivals(string name, PagingAlgorithmOptions o) =>
        o.NextArrivals ?? throw new ArgumentException($"{name} needs next-arrival predictions", nameof(o));
}
