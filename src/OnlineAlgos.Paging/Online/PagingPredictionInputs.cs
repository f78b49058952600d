namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Predictions and parameters handed to <see cref="PredictivePagingAlgorithms.TryCreate"/>: one bit per request
/// (internal convention 1 = evictable), next-arrival predictions, exact next arrivals (for offline benchmarks), the
/// deterministic combiner's γ (&gt; 0, default 0.01) and the randomized combiner's ε (in (0, 1], default 0.5, β = 1 − ε/2).
/// </summary>
public sealed record PagingPredictionInputs(
    byte[]? Bits = null,
    double[]? NextArrivals = null,
    double[]? ExactNextArrivals = null,
    double Gamma = 0.01,
    double Epsilon = 0.5);
