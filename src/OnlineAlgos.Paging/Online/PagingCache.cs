using System.Runtime.CompilerServices;
using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// The cache of a paging run, owned by the simulator (or by a combiner for its virtual caches) and changed only through
/// <see cref="Evict"/> and <see cref="Load"/> while an algorithm serves a request. It polices the paging model and
/// throws <see cref="ModelViolationException"/> naming the algorithm and the step for: evicting a page that is not
/// cached, loading a page other than the requested one, loading a page already cached (including loading twice),
/// loading into a full cache (more than k pages), and finishing a request without the requested page cached (a fault
/// served without loading). Cost = requests whose page was absent on arrival, cold misses included, counted by
/// <see cref="Serve"/>, not by the algorithm; a request during which the algorithm evicts the requested page and loads
/// it again also costs one (the eager-discard variant <see cref="Mark0ColiseumPaging"/> empties a slot at the start of
/// the next request, so an immediate repeat is a miss, as in Cache-Coliseum). For every demand-paging algorithm that
/// never evicts the requested page the two definitions coincide. O(1) per operation, no allocation; state is a bool per page and a count.
/// </summary>
public sealed class PagingCache : IPageSet
{
    private bool[] _cached = Array.Empty<bool>();
    private int _count, _capacity, _requested = -1;
    private bool _loadedNow;
    private long _step = -1;
    private string _algorithm = "algorithm";

    /// <summary>Cache size k.</summary>
    public int Capacity => _capacity;

    /// <summary>Number of cached pages now (never above <see cref="Capacity"/>).</summary>
    public int Count => _count;

    /// <summary>Size of the page universe (pages 0..PageCount−1).</summary>
    public int PageCount => _cached.Length;

    /// <summary>Whether <paramref name="page"/> is cached now. O(1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int page) => _cached[page];

    /// <summary>Empties the cache for a run of <paramref name="algorithm"/> (named in violations) with capacity k over
    /// pages 0..pageCount−1. O(pageCount).</summary>
    public void Reset(int capacity, int pageCount, string algorithm)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "cache size k must be at least 1");
        ArgumentOutOfRangeException.ThrowIfNegative(pageCount);
        _capacity = capacity;
        _count = 0;
        _requested = -1;
        _step = -1;
        _algorithm = algorithm ?? "algorithm";
        if (_cached.Length != pageCount) _cached = new bool[pageCount];
        else Array.Clear(_cached);
    }

    /// <summary>Evicts a cached page (any cached page, any number of times per request).</summary>
    /// <exception cref="ModelViolationException">The page is not cached.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Evict(int page)
    {
        if ((uint)page >= (uint)_cached.Length || !_cached[page])
            throw Violation($"evicted page {page}, which is not cached");
        _cached[page] = false;
        _count--;
    }

    /// <summary>Loads the requested page: only it, only when absent, only when fewer than k pages are cached.</summary>
    /// <exception cref="ModelViolationException">Another page, already cached, or the cache is full.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Load(int page)
    {
        if (page != _requested) throw Violation($"loaded page {page} while serving page {_requested} (only the requested page may be loaded)");
        if (_cached[page]) throw Violation($"loaded page {page}, which is already cached");
        if (_count == _capacity) throw Violation($"loaded page {page} into a full cache: it would hold {_count + 1} pages, above k = {_capacity}");
        _cached[page] = true;
        _count++;
        _loadedNow = true;
    }

    /// <summary>
    /// One step of the model: <paramref name="algorithm"/> serves the request for <paramref name="page"/> at
    /// <paramref name="time"/> on this cache; afterwards the requested page must be cached. Returns true on a fault
    /// (page absent on arrival, or evicted and loaded again during the request). O(1) plus the algorithm's work.
    /// </summary>
    /// <exception cref="ModelViolationException">The algorithm broke a rule (see the type's summary).</exception>
    public bool Serve(IOnlinePagingAlgorithm algorithm, int page, int time)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if ((uint)page >= (uint)_cached.Length) throw new ArgumentOutOfRangeException(nameof(page), page, "page outside the page universe");
        _requested = page;
        _step = time;
        bool fault = !_cached[page];
        _loadedNow = false;
        algorithm.Serve(page, time, this);
        if (!_cached[page]) throw Violation(fault ? $"fault on page {page} served without loading it" : $"requested page {page} is not cached after the request");
        _requested = -1;
        return fault || _loadedNow;
    }

    private ModelViolationException Violation(string rule) => new(_algorithm, _step, rule);
}
