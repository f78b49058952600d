using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Offline;

/// <summary>
/// Belady's offline optimum (FitF / LFD / MIN): on a fault with a full cache, evict the cached page whose next request
/// is furthest in the future. Exact optimum of unit-cost paging (Belady 1966; Mattson et al. 1970).
/// Tie-break (normative, spec §1): among never-requested-again pages evict the one with the smallest last-request
/// index. Finite next requests never tie. Also yields the discard labels: d_t = 1 iff FitF evicts page r_t after t and
/// before its next request. O(n log k): next-occurrence array plus an indexed binary max-heap keyed by
/// (next request, −last request); no allocation per request.
/// </summary>
public static class BeladyPaging
{
    /// <summary>Optimal number of faults with cache size k (cold start).</summary>
    public static long Faults(RequestSequence sequence, int k) => Run(sequence, k, default);

    /// <summary>
    /// Optimal number of faults; when <paramref name="discardLabels"/> is non-empty (length n) it receives the
    /// ground-truth discard bits (1 = FitF evicts this page before its next request).
    /// </summary>
    /// <remarks>
    /// The heap holds (key, page) pairs inline (key = next request · (n+1) + (n − last request), unique per cached
    /// page, so the victim never depends on the heap's shape); a fault with a full cache replaces the root by the new
    /// page and sifts once. Per page only its heap slot is stored (−1 = not cached); the last request, needed for the
    /// discard labels, is read back from the key.
    /// </remarks>
    public static long Run(RequestSequence sequence, int k, Span<byte> discardLabels)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "cache size k must be at least 1");
        int n = sequence.Length;
        if (!discardLabels.IsEmpty && discardLabels.Length != n)
            throw new ArgumentException($"discard labels need length {n}", nameof(discardLabels));
        discardLabels.Clear();
        var req = sequence.Requests;
        int[] next = NextOccurrences(sequence);
        int pages = sequence.PageCount;
        int cap = Math.Min(k, Math.Max(pages, 1));
        var heapKey = new long[cap];
        var heapPage = new int[cap];
        var pos = new int[pages];
        Array.Fill(pos, -1);
        long stride = (long)n + 1;
        int size = 0;
        long faults = 0;
        for (int t = 0; t < n; t++)
        {
            int p = req[t];
            long newKey = next[t] * stride + (n - t);
            int at = pos[p];
            if (at >= 0)
            {
                SiftUp(heapKey, heapPage, pos, at, newKey, p); // next occurrence only moves later: the key grows
                continue;
            }
            faults++;
            if (size == k)
            {
                int victim = heapPage[0];
                if (!discardLabels.IsEmpty) discardLabels[(int)(n - heapKey[0] % stride)] = 1;
                pos[victim] = -1;
                SiftDown(heapKey, heapPage, pos, 0, size, newKey, p);
            }
            else
            {
                SiftUp(heapKey, heapPage, pos, size, newKey, p);
                size++;
            }
        }
        return faults;
    }

    /// <summary>next[t] = index of the next request to r_t, or n when there is none. O(n).</summary>
    public static int[] NextOccurrences(RequestSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        int n = sequence.Length;
        var req = sequence.Requests;
        var next = new int[n];
        var seen = new int[sequence.PageCount];
        Array.Fill(seen, n);
        for (int t = n - 1; t >= 0; t--)
        {
            next[t] = seen[req[t]];
            seen[req[t]] = t;
        }
        return next;
    }

    /// <summary>Places (kp, p) at slot i or above (max-heap on keys).</summary>
    private static void SiftUp(long[] heapKey, int[] heapPage, int[] pos, int i, long kp, int p)
    {
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            long kq = heapKey[parent];
            if (kq >= kp) break;
            int q = heapPage[parent];
            heapKey[i] = kq;
            heapPage[i] = q;
            pos[q] = i;
            i = parent;
        }
        heapKey[i] = kp;
        heapPage[i] = p;
        pos[p] = i;
    }

    /// <summary>Places (kp, p) at slot i or below in a heap of <paramref name="size"/> entries.</summary>
    private static void SiftDown(long[] heapKey, int[] heapPage, int[] pos, int i, int size, long kp, int p)
    {
        while (true)
        {
            int c = 2 * i + 1;
            if (c >= size) break;
            long kc = heapKey[c];
            if (c + 1 < size && heapKey[c + 1] > kc) kc = heapKey[++c];
            if (kc <= kp) break;
            int q = heapPage[c];
            heapKey[i] = kc;
            heapPage[i] = q;
            pos[q] = i;
            i = c;
        }
        heapKey[i] = kp;
        heapPage[i] = p;
        pos[p] = i;
    }
}
