using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Paging.Generators;

/// <summary>
/// The adversarial families behind the deterministic lower bounds of the discard setup (spec §3; reconstructed
/// instances): pages {0..k}; at each step request the smallest page not in the deterministic algorithm's cache (the
/// adversary simulates it), so the algorithm faults on every request (ALG = n). With all bits 0, η₁ = 0 and
/// η₀ ≈ OPT ≈ n/k, forcing α + β ≥ k; with all bits 1, η₀ = 0 and η₁ ≈ (k−1)·OPT, forcing α + (k−1)·γ ≥ k.
/// For randomized algorithms the classical instance is <see cref="UniformOverKPlusOne"/> (uniform over k+1 pages):
/// it forces α + β ≥ H_k with all-0 bits (η₀ ≤ OPT). O(n·(k + cost of Serve)).
/// </summary>
public static class DiscardLowerBoundFamily
{
    /// <summary>
    /// Builds the sequence of length n against the algorithm made by <paramref name="create"/> from the constant bit
    /// vector (all <paramref name="bit"/>); the result carries those bits.
    /// </summary>
    public static RequestSequence Build(Func<byte[], IOnlinePagingAlgorithm> create, int k, int n, byte bit)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), "n must be non-negative");
        if (bit > 1) throw new ArgumentOutOfRangeException(nameof(bit), "bit must be 0 or 1");
        var bits = bit == 1 ? BitNoise.AllOne(n) : BitNoise.AllZero(n);
        var alg = create(bits);
        alg.Reset(k, k + 1, new Rng(0));
        var cache = new PagingCache();
        cache.Reset(k, k + 1, alg.Name);
        var pages = new int[n];
        for (int t = 0; t < n; t++)
        {
            int p = 0;
            while (p < k && cache.Contains(p)) p++;
            pages[t] = p;
            cache.Serve(alg, p, t);
        }
        return RequestSequence.FromPages(pages, bits);
    }

    /// <summary>n uniform requests over k+1 pages (the H_k lower-bound instance), with all-0 bits.</summary>
    public static RequestSequence UniformOverKPlusOne(int k, int n, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var pages = new int[n];
        for (int t = 0; t < n; t++) pages[t] = rng.NextInt(k + 1);
        return RequestSequence.FromPages(pages, BitNoise.AllZero(n));
    }
}
