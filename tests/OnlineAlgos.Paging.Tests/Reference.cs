using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Tests;

/// <summary>Independent, deliberately naive implementations used as oracles (lists, linear scans, exhaustive search).</summary>
internal static class Reference
{
    public static int Lru(int[] req, int k)
    {
        var cache = new List<int>(); // most recent last
        int faults = 0;
        foreach (int p in req)
        {
            if (cache.Remove(p)) { cache.Add(p); continue; }
            faults++;
            if (cache.Count == k) cache.RemoveAt(0);
            cache.Add(p);
        }
        return faults;
    }

    public static int Fifo(int[] req, int k)
    {
        var cache = new List<int>(); // oldest load first
        int faults = 0;
        foreach (int p in req)
        {
            if (cache.Contains(p)) continue;
            faults++;
            if (cache.Count == k) cache.RemoveAt(0);
            cache.Add(p);
        }
        return faults;
    }

    public static int Fwf(int[] req, int k)
    {
        var cache = new HashSet<int>();
        int faults = 0;
        foreach (int p in req)
        {
            if (cache.Contains(p)) continue;
            faults++;
            if (cache.Count == k) cache.Clear();
            cache.Add(p);
        }
        return faults;
    }

    /// <summary>Exact optimum by exhaustive search over every eviction choice (memoised on time and cache set).</summary>
    public static int BruteForceOpt(int[] req, int k)
    {
        var memo = new Dictionary<(int, string), int>();
        return Go(0, new SortedSet<int>());

        int Go(int t, SortedSet<int> cache)
        {
            if (t == req.Length) return 0;
            var key = (t, string.Join(",", cache));
            if (memo.TryGetValue(key, out int v)) return v;
            int p = req[t];
            int best;
            if (cache.Contains(p)) best = Go(t + 1, cache);
            else if (cache.Count < k)
            {
                var c = new SortedSet<int>(cache) { p };
                best = 1 + Go(t + 1, c);
            }
            else
            {
                best = int.MaxValue;
                foreach (int victim in cache.ToArray())
                {
                    var c = new SortedSet<int>(cache);
                    c.Remove(victim);
                    c.Add(p);
                    best = Math.Min(best, 1 + Go(t + 1, c));
                }
            }
            memo[key] = best;
            return best;
        }
    }

    public static int Phases(int[] req, int k)
    {
        int phases = 0;
        var current = new HashSet<int>();
        foreach (int p in req)
        {
            if (phases == 0 || (!current.Contains(p) && current.Count == k))
            {
                phases++;
                current.Clear();
            }
            current.Add(p);
        }
        return phases;
    }

    public static int[] Pages(RequestSequence s) => s.Requests.ToArray();
}
