namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Parameters for <see cref="SgcAlgorithms.Create"/>: the number of workers and, per scheme, GC's tolerance
/// <see cref="S"/> or the bursty model (<see cref="B"/>, <see cref="W"/>, <see cref="Lambda"/>). Parameters a scheme does
/// not use are ignored.
/// </summary>
/// <param name="Workers">Workers n (≥ 1).</param>
/// <param name="S">GC tolerance s (0 ≤ s ≤ n−1); <c>gc</c> only.</param>
/// <param name="B">Burst length B; <c>sr-sgc</c>, <c>m-sgc</c>.</param>
/// <param name="W">Window W; <c>sr-sgc</c>, <c>m-sgc</c>.</param>
/// <param name="Lambda">Stragglers per window λ; <c>sr-sgc</c>, <c>m-sgc</c>.</param>
public sealed record SgcAlgorithmOptions(int Workers, int S = 0, int B = 0, int W = 0, int Lambda = 0)
{
    /// <summary>The paper's parameters for a scheme (Krishnan et al. ICLR 2023, n = 256 experiments): GC s = 15,
    /// SR-SGC (B, W, λ) = (2, 3, 23), M-SGC (1, 2, 27); uncoded has none.</summary>
    /// <exception cref="ArgumentException">Unknown scheme name.</exception>
    public static SgcAlgorithmOptions Paper(string scheme, int workers) => scheme switch
    {
        "uncoded" => new(workers),
        "gc" => new(workers, S: 15),
        "sr-sgc" => new(workers, B: 2, W: 3, Lambda: 23),
        "m-sgc" => new(workers, B: 1, W: 2, Lambda: 27),
        _ => throw new ArgumentException(SgcAlgorithms.UnknownMessage(scheme), nameof(scheme)),
    };
}
