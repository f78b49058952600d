using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Online;

/// <summary>Runs an online paging algorithm over a request sequence from a cold start and counts faults.</summary>
public static class PagingSimulator
{
    /// <summary>Faults of <paramref name="algorithm"/> on <paramref name="sequence"/> with cache size k. O(n) calls.</summary>
    public static long Run(IOnlinePagingAlgorithm algorithm, RequestSequence sequence, int k, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(sequence);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "cache size k must be at least 1");
        algorithm.Reset(k, sequence.PageCount, rng ?? new Rng(0));
        long faults = 0;
        var req = sequence.Requests;
        for (int t = 0; t < req.Length; t++)
            if (algorithm.Serve(req[t], t)) faults++;
        return faults;
    }
}
