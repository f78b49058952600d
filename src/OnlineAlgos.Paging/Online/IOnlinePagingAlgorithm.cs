using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// An online paging algorithm: it sees requests one at a time and changes the simulator-owned <see cref="PagingCache"/>
/// through <see cref="PagingCache.Evict"/> and <see cref="PagingCache.Load"/>. Cost = number of requests whose page was
/// absent on arrival (faults, cold misses included; the cache starts empty), counted by the cache, not the algorithm.
/// </summary>
public interface IOnlinePagingAlgorithm
{
    /// <summary>Lower-case name used by the CLI and tables (e.g. <c>lru</c>).</summary>
    string Name { get; }

    /// <summary>Empties the algorithm's state for a new run with capacity k over pages 0..pageCount−1; randomized
    /// algorithms take their coins from <paramref name="rng"/> (deterministic ones ignore it).</summary>
    void Reset(int capacity, int pageCount, Rng rng);

    /// <summary>Serves the request for <paramref name="page"/> at time <paramref name="time"/>: evicts pages from and
    /// loads the requested page into <paramref name="cache"/> so that afterwards the page is cached.</summary>
    void Serve(int page, int time, PagingCache cache);

    /// <summary>Whether the page is in the algorithm's own view of its cache now (equals the simulator's
    /// <see cref="PagingCache.Contains"/> for a correct algorithm; kept for tests and followers).</summary>
    bool Contains(int page);

    /// <summary>Number of pages in the algorithm's own view of its cache now.</summary>
    int Count { get; }
}
