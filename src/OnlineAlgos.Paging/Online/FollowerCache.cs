namespace OnlineAlgos.Paging.Online;

/// <summary>
/// The real cache of a combiner: serves a request lazily while following a simulated algorithm, evicting (on a fault
/// with a full cache) a page that the followed algorithm does not hold, loaded longest ago (the ACEPS/Chłędowski
/// tie rule). At most one load per request; O(k) per fault, no allocation. Every eviction and load is mirrored into the
/// simulator's <see cref="PagingCache"/>, which polices it.
/// </summary>
internal sealed class FollowerCache
{
    private int[] _pages = Array.Empty<int>();
    private long[] _loaded = Array.Empty<long>();
    private int[] _pos = Array.Empty<int>();
    private int _k, _count;
    private long _loads;

    public int Count => _count;

    public void Reset(int capacity, int pageCount)
    {
        _k = capacity;
        _count = 0;
        _loads = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_pages.Length < slots) { _pages = new int[slots]; _loaded = new long[slots]; }
        if (_pos.Length != pageCount) _pos = new int[pageCount];
        Array.Fill(_pos, -1);
    }

    public bool Contains(int page) => _pos[page] >= 0;

    /// <summary>Serves the request on <paramref name="real"/>; <paramref name="followed"/> already served it (so it holds the page).</summary>
    public void Serve(int page, IPageSet followed, PagingCache real)
    {
        if (_pos[page] >= 0) return;
        int slot;
        if (_count < _k) slot = _count++;
        else
        {
            slot = -1;
            for (int i = 0; i < _count; i++)
                if (!followed.Contains(_pages[i]) && (slot < 0 || _loaded[i] < _loaded[slot])) slot = i;
            if (slot < 0) throw new InvalidOperationException("followed algorithm holds every cached page but not the requested one: its cache exceeds k");
            _pos[_pages[slot]] = -1;
            real.Evict(_pages[slot]);
        }
        _pages[slot] = page;
        _loaded[slot] = _loads++;
        _pos[page] = slot;
        real.Load(page);
    }
}

/// <summary>A set of cached pages that a <see cref="FollowerCache"/> can follow.</summary>
internal interface IPageSet
{
    /// <summary>Whether the page is in the set.</summary>
    bool Contains(int page);
}
