using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Online;

/// <summary>Runs an online paging algorithm over a request sequence from a cold start on a simulator-owned
/// <see cref="PagingCache"/> (which polices the model) and counts faults.</summary>
public static class PagingSimulator
{
    /// <summary>Faults of <paramref name="algorithm"/> on <paramref name="sequence"/> with cache size k (requests whose
    /// page was absent on arrival). O(n) calls, no allocation per request.</summary>
    /// <exception cref="ModelViolationException">The algorithm broke the paging model (step = request index).</exception>
    public static long Run(IOnlinePagingAlgorithm algorithm, RequestSequence sequence, int k, Rng? rng = null) =>
        Run(algorithm, sequence, k, new PagingCache(), rng);

    /// <summary>As <see cref="Run(IOnlinePagingAlgorithm, RequestSequence, int, Rng?)"/>, reusing <paramref name="cache"/>
    /// (reset here), which afterwards holds the final cache content.</summary>
    public static long Run(IOnlinePagingAlgorithm algorithm, RequestSequence sequence, int k, PagingCache cache, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(cache);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "cache size k must be at least 1");
        algorithm.Reset(k, sequence.PageCount, rng ?? new Rng(0));
        cache.Reset(k, sequence.PageCount, algorithm.Name);
        long faults = 0;
        var req = sequence.Requests;
        for (int t = 0; t < req.Length; t++)
            if (cache.Serve(algorithm, req[t], t)) faults++;
        return faults;
    }
}
