namespace OnlineAlgos.Paging.Online;

/// <summary>
/// What <see cref="PagingAlgorithms.Create"/> hands to the factories: one bit per request (internal convention
/// 1 = evictable), next-arrival predictions, exact next arrivals (for offline benchmarks such as <c>opt-marking</c>),
/// the deterministic combiner's γ (&gt; 0, default 0.01) and the randomized combiner's ε (in (0, 1], default 0.5,
/// β = 1 − ε/2). Classical algorithms need none of them.
/// </summary>
public sealed record PagingAlgorithmOptions(
    byte[]? Bits = null,
    double[]? NextArrivals = null,
    double[]? ExactNextArrivals = null,
    double Gamma = 0.01,
    double Epsilon = 0.5)
{
    /// <summary>No predictions, default γ and ε (enough for the classical algorithms).</summary>
    public static PagingAlgorithmOptions None { get; } = new();
}
