namespace OnlineAlgos.Paging.Online;

/// <summary>
/// The learning-augmented paging algorithms by their CLI names (lower case), what prediction each consumes, and a
/// factory. Robust variants are combinations (spec §2.3, §4.8): <c>mark0-robust</c> = Det(MARK0, LRU),
/// <c>mark0-rand-robust</c> = Rnd(MARK0-rand, Marker), <c>mark-predict-robust</c> = Rnd(MARK&amp;PREDICT, Marker),
/// <c>ftp-det-lru</c> = Det(FtP, LRU), <c>robust-ftp</c> = Rnd(Marker, FtP) (ACEPS's RobustFtP),
/// <c>lnonmarker</c> = Det(LNonMarker core, Marker) (ACEPS), <c>lnonmarker-rnd</c> = Rnd(LNonMarker core, Marker), <c>trust-doubt</c> = Trust&amp;Doubt with FtP as action predictor.
/// "Marker" inside combinations is randomized Marker.
/// </summary>
public static class PredictivePagingAlgorithms
{
    /// <summary>All names, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "follow-discard", "mark0", "mark0-rand", "mark0-robust", "mark0-rand-robust",
        "mark-predict", "mark-predict-robust",
        "ftp", "ftp-det-lru", "robust-ftp", "predictive-marker", "lmarker", "lnonmarker", "lnonmarker-rnd", "trust-doubt", "opt-marking",
    ];

    /// <summary>The prediction the named algorithm consumes (None for unknown names).</summary>
    public static PredictionKind KindOf(string name) => name switch
    {
        "follow-discard" or "mark0" or "mark0-rand" or "mark0-robust" or "mark0-rand-robust" => PredictionKind.DiscardBits,
        "mark-predict" or "mark-predict-robust" => PredictionKind.PhaseBits,
        "ftp" or "ftp-det-lru" or "robust-ftp" or "predictive-marker" or "lmarker" or "lnonmarker" or "lnonmarker-rnd" or "trust-doubt" => PredictionKind.NextArrival,
        "opt-marking" => PredictionKind.ExactNextArrival,
        _ => PredictionKind.None,
    };

    /// <summary>Whether the named algorithm uses random coins.</summary>
    public static bool IsRandomized(string name) => name is "mark0-rand" or "mark0-rand-robust" or "mark-predict"
        or "mark-predict-robust" or "robust-ftp" or "predictive-marker" or "lmarker" or "lnonmarker" or "lnonmarker-rnd" or "trust-doubt";

    /// <summary>
    /// A fresh instance of the named algorithm over the given predictions, or null when the name is unknown.
    /// </summary>
    /// <exception cref="ArgumentException">The predictions the algorithm needs are missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">γ or ε out of range.</exception>
    public static IOnlinePagingAlgorithm? TryCreate(string name, PagingPredictionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var kind = KindOf(name);
        if (kind == PredictionKind.None) return null;
        double gamma = inputs.Gamma, eps = inputs.Epsilon;
        if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(inputs), gamma, "γ must be a positive finite number");
        RandomizedCombinerPaging.CheckEpsilon(eps);
        byte[] Bits() => inputs.Bits ?? throw new ArgumentException($"{name} needs one prediction bit per request", nameof(inputs));
        double[] H() => inputs.NextArrivals ?? throw new ArgumentException($"{name} needs next-arrival predictions", nameof(inputs));
        return name switch
        {
            "follow-discard" => new FollowDiscardPaging(Bits()),
            "mark0" => new Mark0DiscardPaging(Bits()),
            "mark0-rand" => new RandomizedMark0DiscardPaging(Bits()),
            "mark0-robust" => new DeterministicCombinerPaging(new Mark0DiscardPaging(Bits()), new LruPaging(), gamma, name),
            "mark0-rand-robust" => RandomizedCombinerPaging.FromEpsilon(new RandomizedMark0DiscardPaging(Bits()), new RandomizedMarkerPaging(), eps, name),
            "mark-predict" => new MarkAndPredictPaging(Bits()),
            "mark-predict-robust" => RandomizedCombinerPaging.FromEpsilon(new MarkAndPredictPaging(Bits()), new RandomizedMarkerPaging(), eps, name),
            "ftp" => new FollowThePredictionPaging(H()),
            "ftp-det-lru" => new DeterministicCombinerPaging(new FollowThePredictionPaging(H()), new LruPaging(), gamma, name),
            "robust-ftp" => RandomizedCombinerPaging.FromEpsilon(new RandomizedMarkerPaging(), new FollowThePredictionPaging(H()), eps, name),
            "predictive-marker" => new PredictiveMarkerPaging(H()),
            "lmarker" => new LMarkerPaging(H()),
            "lnonmarker" => new DeterministicCombinerPaging(new LNonMarkerPaging(H()), new RandomizedMarkerPaging(), gamma, name),
            "lnonmarker-rnd" => RandomizedCombinerPaging.FromEpsilon(new LNonMarkerPaging(H()), new RandomizedMarkerPaging(), eps, name),
            "trust-doubt" => new TrustAndDoubtPaging(H()),
            "opt-marking" => new FollowPredictionMarkingPaging(inputs.ExactNextArrivals
                ?? throw new ArgumentException("opt-marking needs the exact next arrivals", nameof(inputs))),
            _ => null,
        };
    }
}
