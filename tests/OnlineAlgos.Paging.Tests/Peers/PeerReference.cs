namespace OnlineAlgos.Paging.Tests.Peers;

/// <summary>Naive transcriptions of spec paging-peers' pseudo-code (lists and sets, linear scans), as oracles for the
/// array-based implementations; they draw the same coins in the same order.</summary>
internal static class PeerReference
{
    /// <summary>Guard (spec §1, defaults relax_times = relax_prob = 0, follow_if_guarded = false) over next-arrival
    /// predictions h; variant 0 = Guard, 1 = WithoutRandomEvict, 2 = WithoutProtection. Returns the faults.</summary>
    public static int Guard(int[] req, double[] h, int k, int variant, Core.Rng rng)
    {
        var cache = new int?[k];
        var pred = new double[k];
        var old = new SortedSet<int>();
        var free = new SortedSet<int>();
        var ev = new HashSet<int>();
        int faults = 0;
        for (int t = 0; t < req.Length; t++)
        {
            int p = req[t];
            int s = Array.IndexOf(cache, p);
            bool guard = false;
            if (s < 0)
            {
                faults++;
                s = Array.IndexOf(cache, null);
                if (s < 0)
                {
                    if (old.Count == 0)
                    {
                        for (int i = 0; i < k; i++) { old.Add(i); free.Add(i); }
                        ev.Clear();
                    }
                    bool inEv = ev.Contains(p);
                    if (variant == 2) s = inEv ? old.ElementAt(rng.NextInt(old.Count)) : Argmax(pred, old);
                    else
                    {
                        if (inEv) guard = rng.NextDouble() > 0;
                        s = guard && variant == 0 ? old.ElementAt(rng.NextInt(old.Count)) : Argmax(pred, free);
                    }
                    ev.Add(cache[s]!.Value);
                }
            }
            old.Remove(s);
            if (guard) free.Remove(s);
            cache[s] = p;
            pred[s] = h[t];
        }
        return faults;
    }

    private static int Argmax(double[] pred, IEnumerable<int> slots)
    {
        int best = -1;
        foreach (int i in slots) if (best < 0 || pred[i] > pred[best]) best = i;
        return best;
    }

    /// <summary>Cache-Coliseum's discard labels by sets: Belady over slots, never-again = +∞ tie, lowest slot.</summary>
    public static byte[] DiscardColiseum(int[] req, int k)
    {
        int n = req.Length;
        var labels = new byte[n];
        var cache = new int?[k];
        var last = new int[k];
        for (int t = 0; t < n; t++)
        {
            int p = req[t];
            int s = Array.IndexOf(cache, p);
            if (s < 0)
            {
                s = Array.IndexOf(cache, null);
                if (s < 0)
                {
                    long best = -1;
                    for (int i = 0; i < k; i++)
                    {
                        long nx = NextUse(req, t, cache[i]!.Value);
                        if (nx > best) { best = nx; s = i; }
                    }
                    labels[last[s]] = 1;
                }
                cache[s] = p;
            }
            last[s] = t;
        }
        return labels;
    }

    private static long NextUse(int[] req, int t, int page)
    {
        for (int u = t + 1; u < req.Length; u++) if (req[u] == page) return u;
        return long.MaxValue;
    }

    /// <summary>Cache-Coliseum's phase labels by sets: cut at the first request after k distinct pages; a request of
    /// phase i is 0 iff its page is in phase i+1 and phase i+1 closes.</summary>
    public static byte[] PhaseColiseum(int[] req, int k)
    {
        var phases = new List<List<int>>();
        var distinct = new HashSet<int>();
        foreach (var (p, t) in req.Select((p, t) => (p, t)))
        {
            if (phases.Count == 0 || distinct.Count == k) { phases.Add(new List<int>()); distinct.Clear(); }
            phases[^1].Add(t);
            distinct.Add(p);
        }
        var labels = Enumerable.Repeat((byte)1, req.Length).ToArray();
        for (int i = 0; i + 2 < phases.Count; i++)
        {
            var next = phases[i + 1].Select(t => req[t]).ToHashSet();
            foreach (int t in phases[i]) if (next.Contains(req[t])) labels[t] = 0;
        }
        return labels;
    }
}
