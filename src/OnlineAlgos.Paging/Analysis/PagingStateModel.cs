namespace OnlineAlgos.Paging.Analysis;

/// <summary>
/// A finite state machine that mirrors a deterministic paging algorithm of the registry: the state is the algorithm's
/// cache content in the order its eviction rule reads it (a few ordered page lists), encoded canonically as bytes, and
/// <see cref="Step"/> serves one request (page and, for the bit-reading algorithms, its prediction bit in the internal
/// convention 1 = evictable). Used by <see cref="ExactCompetitiveRatio"/> to build the adversary game graph.
/// The models are written from the classes' rules, not derived from them; they are cross-checked against the real
/// classes (every witness is replayed through <c>PagingSimulator</c>, and tests compare costs on random sequences).
/// Supported: <c>lru</c>, <c>fifo</c>, <c>fwf</c>, <c>marker</c> (deterministic), <c>mru</c>, <c>lifo</c>, and, with the
/// adversary choosing each bit, <c>follow-discard</c> and <c>mark0</c>. Not supported: randomized algorithms (see
/// <see cref="ExactExpectedCost"/>), combiners (their state holds cost counters that grow without bound), algorithms
/// reading next-arrival predictions (real-valued), offline benchmarks. O(k) per step; state size ≤ k + 2 bytes.
/// </summary>
public sealed class PagingStateModel
{
    private const byte Separator = 0xFF;
    private readonly Func<List<int>[], int, int, int, bool> _step;

    private PagingStateModel(string name, int lists, bool usesBits, Func<List<int>[], int, int, int, bool> step)
    {
        Name = name;
        ListCount = lists;
        UsesBits = usesBits;
        _step = step;
    }

    /// <summary>The registry name of the mirrored algorithm.</summary>
    public string Name { get; }

    /// <summary>Whether the algorithm reads one prediction bit per request (the adversary then chooses it too).</summary>
    public bool UsesBits { get; }

    /// <summary>Number of ordered page lists in the state.</summary>
    public int ListCount { get; }

    /// <summary>The names with a model, in registry order.</summary>
    public static IReadOnlyList<string> SupportedNames { get; } = ["lru", "fifo", "fwf", "marker", "mru", "lifo", "follow-discard", "mark0"];

    /// <summary>The model of a registry name, or null when the algorithm has no finite deterministic model.</summary>
    public static PagingStateModel? TryCreate(string name) => name switch
    {
        // list 0 in recency order (least recent first)
        "lru" => new(name, 1, false, (l, p, _, k) => Recency(l[0], p, k, evictMostRecent: false)),
        "mru" => new(name, 1, false, (l, p, _, k) => Recency(l[0], p, k, evictMostRecent: true)),
        // list 0 in load order (oldest first)
        "fifo" => new(name, 1, false, (l, p, _, k) => LoadOrder(l[0], p, k, evictNewest: false)),
        "lifo" => new(name, 1, false, (l, p, _, k) => LoadOrder(l[0], p, k, evictNewest: true)),
        "fwf" => new(name, 1, false, (l, p, _, k) => Fwf(l[0], p, k)),
        // lists: unmarked (marking order of the previous phase), marked (marking order)
        "marker" => new(name, 2, false, (l, p, _, k) => Marker(l[0], l[1], p, k)),
        // lists: latest bit 1 (LRU order), latest bit 0 (LRU order)
        "follow-discard" => new(name, 2, true, (l, p, b, k) => FollowDiscard(l[0], l[1], p, b, k)),
        // lists: bit 1, unmarked 0, marked 0 (each LRU order)
        "mark0" => new(name, 3, true, (l, p, b, k) => Mark0(l[0], l[1], l[2], p, b, k)),
        _ => null,
    };

    /// <summary>The start state (empty cache).</summary>
    public byte[] Start() => Encode(NewLists());

    /// <summary>Serves <paramref name="page"/> (0-based, &lt; 255) with prediction bit <paramref name="bit"/> from
    /// <paramref name="state"/> at cache size k; returns the next state and whether the request faulted.</summary>
    public byte[] Step(byte[] state, int page, int bit, int k, out bool fault)
    {
        ArgumentNullException.ThrowIfNull(state);
        var lists = Decode(state);
        fault = _step(lists, page, bit, k);
        return Encode(lists);
    }

    /// <summary>Cost of the model on a whole sequence from the empty cache (for cross-checks against the real class).</summary>
    public long Cost(ReadOnlySpan<int> pages, ReadOnlySpan<byte> bits, int k)
    {
        var s = Start();
        long cost = 0;
        for (int t = 0; t < pages.Length; t++)
        {
            s = Step(s, pages[t], bits.IsEmpty ? 0 : bits[t], k, out bool f);
            if (f) cost++;
        }
        return cost;
    }

    private List<int>[] NewLists()
    {
        var l = new List<int>[ListCount];
        for (int i = 0; i < l.Length; i++) l[i] = new List<int>(8);
        return l;
    }

    private List<int>[] Decode(byte[] state)
    {
        var l = NewLists();
        int li = 0;
        foreach (byte b in state)
        {
            if (b == Separator) li++;
            else l[li].Add(b);
        }
        return l;
    }

    private static byte[] Encode(List<int>[] lists)
    {
        int n = lists.Length - 1;
        foreach (var l in lists) n += l.Count;
        var s = new byte[n];
        int i = 0;
        for (int li = 0; li < lists.Length; li++)
        {
            if (li > 0) s[i++] = Separator;
            foreach (int p in lists[li]) s[i++] = (byte)p;
        }
        return s;
    }

    private static int Total(List<int>[] lists)
    {
        int n = 0;
        foreach (var l in lists) n += l.Count;
        return n;
    }

    private static bool Recency(List<int> order, int p, int k, bool evictMostRecent)
    {
        int i = order.IndexOf(p);
        if (i >= 0) { order.RemoveAt(i); order.Add(p); return false; }
        if (order.Count == k) order.RemoveAt(evictMostRecent ? order.Count - 1 : 0);
        order.Add(p);
        return true;
    }

    private static bool LoadOrder(List<int> order, int p, int k, bool evictNewest)
    {
        if (order.Contains(p)) return false;
        if (order.Count == k) order.RemoveAt(evictNewest ? order.Count - 1 : 0);
        order.Add(p);
        return true;
    }

    private static bool Fwf(List<int> set, int p, int k)
    {
        if (set.Contains(p)) return false;
        if (set.Count == k) set.Clear();
        // canonical: sorted set (FWF's eviction does not depend on order)
        int i = 0;
        while (i < set.Count && set[i] < p) i++;
        set.Insert(i, p);
        return true;
    }

    private static bool Marker(List<int> unmarked, List<int> marked, int p, int k)
    {
        if (marked.Contains(p)) return false;
        int i = unmarked.IndexOf(p);
        if (i >= 0) { unmarked.RemoveAt(i); marked.Add(p); return false; }
        if (unmarked.Count + marked.Count == k)
        {
            if (unmarked.Count == 0) { unmarked.AddRange(marked); marked.Clear(); }
            unmarked.RemoveAt(0);
        }
        marked.Add(p);
        return true;
    }

    private static bool FollowDiscard(List<int> ones, List<int> zeros, int p, int bit, int k)
    {
        bool fault = !ones.Remove(p) && !zeros.Remove(p);
        if (fault && ones.Count + zeros.Count == k)
        {
            if (ones.Count > 0) ones.RemoveAt(0);
            else zeros.RemoveAt(0);
        }
        (bit == 1 ? ones : zeros).Add(p);
        return fault;
    }

    private static bool Mark0(List<int> ones, List<int> unmarked, List<int> marked, int p, int bit, int k)
    {
        bool fault = !ones.Remove(p) && !unmarked.Remove(p) && !marked.Remove(p);
        if (fault && ones.Count + unmarked.Count + marked.Count == k)
        {
            if (ones.Count > 0) ones.RemoveAt(0);
            else
            {
                if (unmarked.Count == 0) { unmarked.AddRange(marked); marked.Clear(); }
                unmarked.RemoveAt(0);
            }
        }
        (bit == 1 ? ones : marked).Add(p);
        return fault;
    }
}
