using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// An online paging algorithm (lazy/demand paging): it sees requests one at a time and, on a fault with a full cache,
/// evicts one cached page. Cost = number of faults, cold misses included (cache starts empty).
/// </summary>
public interface IOnlinePagingAlgorithm
{
    /// <summary>Lower-case name used by the CLI and tables (e.g. <c>lru</c>).</summary>
    string Name { get; }

    /// <summary>Empties the cache for a new run with capacity k over pages 0..pageCount−1; randomized algorithms
    /// take their coins from <paramref name="rng"/> (deterministic ones ignore it).</summary>
    void Reset(int capacity, int pageCount, Rng rng);

    /// <summary>Serves the request for <paramref name="page"/> at time <paramref name="time"/>; returns true on a fault.</summary>
    bool Serve(int page, int time);

    /// <summary>Whether the page is cached now.</summary>
    bool Contains(int page);

    /// <summary>Number of cached pages now.</summary>
    int Count { get; }
}
