using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Most Recently Used: on a fault with a full cache, evict the cached page whose last request is the most recent (the
/// page of the previous request). A classical baseline that is <b>not competitive</b>: on k+1 pages the adversary
/// alternates the two pages outside MRU's frozen k−1 pages, so MRU faults on every request while OPT faults once
/// (Borodin–El-Yaniv 1998). O(1) per request: LRU's recency list over the k slots, evicting at its most recent end.
/// </summary>
public sealed class MruPaging : IOnlinePagingAlgorithm
{
    private readonly LruPaging _list = new(evictMostRecent: true);

    /// <inheritdoc/>
    public string Name => "mru";
    /// <inheritdoc/>
    public int Count => _list.Count;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng) => _list.Reset(capacity, pageCount, rng);

    /// <inheritdoc/>
    public bool Contains(int page) => _list.Contains(page);

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache) => _list.Serve(page, time, cache);
}
