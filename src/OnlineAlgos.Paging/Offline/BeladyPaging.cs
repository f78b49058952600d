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
        var heap = new int[cap];
        var pos = new int[pages];
        var key = new long[pages];
        var lastReq = new int[pages];
        var cached = new bool[pages];
        long stride = (long)n + 1;
        int size = 0;
        long faults = 0;
        for (int t = 0; t < n; t++)
        {
            int p = req[t];
            long newKey = next[t] * stride + (n - t);
            if (cached[p])
            {
                key[p] = newKey; // next occurrence only moves later: the key grows
                SiftUp(heap, pos, key, pos[p]);
            }
            else
            {
                faults++;
                if (size == k)
                {
                    int victim = heap[0];
                    if (!discardLabels.IsEmpty) discardLabels[lastReq[victim]] = 1;
                    cached[victim] = false;
                    size--;
                    if (size > 0)
                    {
                        heap[0] = heap[size];
                        pos[heap[0]] = 0;
                        SiftDown(heap, pos, key, 0, size);
                    }
                }
                cached[p] = true;
                key[p] = newKey;
                heap[size] = p;
                pos[p] = size;
                SiftUp(heap, pos, key, size);
                size++;
            }
            lastReq[p] = t;
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

    private static void SiftUp(int[] heap, int[] pos, long[] key, int i)
    {
        int p = heap[i];
        long kp = key[p];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            int q = heap[parent];
            if (key[q] >= kp) break;
            heap[i] = q;
            pos[q] = i;
            i = parent;
        }
        heap[i] = p;
        pos[p] = i;
    }

    private static void SiftDown(int[] heap, int[] pos, long[] key, int i, int size)
    {
        int p = heap[i];
        long kp = key[p];
        while (true)
        {
            int c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && key[heap[c + 1]] > key[heap[c]]) c++;
            int q = heap[c];
            if (key[q] <= kp) break;
            heap[i] = q;
            pos[q] = i;
            i = c;
        }
        heap[i] = p;
        pos[p] = i;
    }
}
