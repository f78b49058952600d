namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Shared bookkeeping of the prediction-based marking baselines (O(k) scans per fault, like their reference code):
/// the cached pages in an array, per-page latest prediction and last request, and marks stamped with a phase number.
/// </summary>
internal sealed class MarkingCache
{
    public int[] Pages = Array.Empty<int>();
    public int[] Pos = Array.Empty<int>();      // index in Pages, −1 when not cached
    public int[] MarkPhase = Array.Empty<int>(); // marked iff == Phase
    public double[] H = Array.Empty<double>();
    public int[] Last = Array.Empty<int>();
    public int[] Scratch = Array.Empty<int>();
    public int[] StalePhase = Array.Empty<int>(); // stale (cached at the start of the current phase) iff == Phase
    public int Count, Phase, K;

    public void Reset(int capacity, int pageCount)
    {
        K = capacity;
        Count = 0;
        Phase = 1;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (Pages.Length < slots) { Pages = new int[slots]; Scratch = new int[slots]; }
        if (Pos.Length != pageCount)
        {
            Pos = new int[pageCount];
            MarkPhase = new int[pageCount];
            H = new double[pageCount];
            Last = new int[pageCount];
            StalePhase = new int[pageCount];
        }
        else
        {
            Array.Clear(MarkPhase);
            Array.Clear(StalePhase);
        }
        Array.Fill(Pos, -1);
    }

    public bool Contains(int page) => Pos[page] >= 0;
    public bool Full => Count == K;
    public bool IsMarked(int page) => MarkPhase[page] == Phase;
    public bool IsStale(int page) => StalePhase[page] == Phase;

    /// <summary>Unmarks every page and records the current cache content as the stale set of the new phase. O(k).</summary>
    public void StartPhase()
    {
        Phase++;
        for (int i = 0; i < Count; i++) StalePhase[Pages[i]] = Phase;
    }

    /// <summary>Number of unmarked cached pages, copied to <see cref="Scratch"/> in cache order.</summary>
    public int CollectUnmarked()
    {
        int m = 0;
        for (int i = 0; i < Count; i++)
            if (MarkPhase[Pages[i]] != Phase) Scratch[m++] = Pages[i];
        return m;
    }

    /// <summary>The unmarked cached page with the largest prediction (ties: smallest last request), or −1.</summary>
    public int FurthestUnmarked()
    {
        int best = -1;
        for (int i = 0; i < Count; i++)
        {
            int p = Pages[i];
            if (MarkPhase[p] == Phase) continue;
            if (best < 0 || H[p] > H[best] || (H[p] == H[best] && Last[p] < Last[best])) best = p;
        }
        return best;
    }

    public void Evict(int page)
    {
        int i = Pos[page];
        int last = Pages[--Count];
        Pages[i] = last;
        Pos[last] = i;
        Pos[page] = -1;
    }

    public void Load(int page)
    {
        Pages[Count] = page;
        Pos[page] = Count++;
    }

    /// <summary>Records the request: latest prediction, last request time, mark.</summary>
    public void Touch(int page, int time, double h)
    {
        H[page] = h;
        Last[page] = time;
        MarkPhase[page] = Phase;
    }
}
