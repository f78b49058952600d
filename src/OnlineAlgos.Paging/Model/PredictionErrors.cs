namespace OnlineAlgos.Paging.Model;

/// <summary>
/// Error counts of one-bit predictions against ground truth (spec §1, reconstructed mapping):
/// η₀ = #{t : predicted 0, truth 1} (false "keep"), η₁ = #{t : predicted 1, truth 0} (false "evict"), η = η₀ + η₁.
/// Counted over every request, including last requests of pages (their truth is the normative label).
/// </summary>
public readonly record struct PredictionErrors(long Eta0, long Eta1)
{
    /// <summary>η = η₀ + η₁.</summary>
    public long Eta => Eta0 + Eta1;

    /// <summary>Counts both error kinds. O(n), no allocation.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or hold values other than 0/1.</exception>
    public static PredictionErrors Compute(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> truth)
    {
        if (predicted.Length != truth.Length)
            throw new ArgumentException($"{predicted.Length} predictions for {truth.Length} ground-truth labels", nameof(predicted));
        long e0 = 0, e1 = 0;
        for (int t = 0; t < predicted.Length; t++)
        {
            byte p = predicted[t], y = truth[t];
            if ((p | y) > 1) throw new ArgumentException($"bit at position {t} is not 0 or 1", nameof(predicted));
            if (p != y)
            {
                if (p == 0) e0++;
                else e1++;
            }
        }
        return new PredictionErrors(e0, e1);
    }
}
