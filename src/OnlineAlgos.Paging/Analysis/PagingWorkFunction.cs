namespace OnlineAlgos.Paging.Analysis;

/// <summary>
/// OPT's work function for paging on N pages with cache size k from a cold start, normalised: for every configuration
/// C (a set of at most k pages, a bit mask), w(C) = least cost of serving the requests so far and ending in C, minus
/// the minimum over all C. Cost = loads (evictions are free), so w₀(C) = |C| and a request for p updates
/// w'(C) = min over B ∋ p of w(B) + |C \ B|; OPT's cost increment is min w' (before normalising), and Σ increments =
/// Belady's fault count. Normalised values lie in 0..k, so the set of reachable work functions is finite.
/// Because a work function is closed (w(C) ≤ w(D) + |C \ D|), the update reduces to w'(C) = w(C) for C ∋ p,
/// w'(C) = w(C ∪ {p}) for |C| &lt; k, and min over x ∈ C of w(C − x + p) + 1 otherwise (the general O(M²) formula is
/// kept as <see cref="StepNaive"/> and tests compare both). O(M·k) per update with M = Σ_{i≤k} C(N, i)
/// configurations; values kept as bytes (the canonical key).
/// </summary>
public sealed class PagingWorkFunction
{
    private readonly int[] _masks;
    private readonly int[] _popCount;
    private readonly int[] _indexOfMask; // -1 for masks with more than k pages

    /// <summary>The configurations of N pages and cache size k.</summary>
    public PagingWorkFunction(int pages, int k)
    {
        if (pages < 1 || pages > 20) throw new ArgumentOutOfRangeException(nameof(pages), "1..20 pages");
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        Pages = pages;
        K = k;
        var masks = new List<int>();
        for (int m = 0; m < 1 << pages; m++)
            if (System.Numerics.BitOperations.PopCount((uint)m) <= k) masks.Add(m);
        _masks = masks.ToArray();
        _popCount = Array.ConvertAll(_masks, m => System.Numerics.BitOperations.PopCount((uint)m));
        _indexOfMask = new int[1 << pages];
        Array.Fill(_indexOfMask, -1);
        for (int i = 0; i < _masks.Length; i++) _indexOfMask[_masks[i]] = i;
    }

    /// <summary>Number of pages N.</summary>
    public int Pages { get; }

    /// <summary>Cache size k.</summary>
    public int K { get; }

    /// <summary>Number of configurations M.</summary>
    public int Configurations => _masks.Length;

    /// <summary>The start (cold cache): w₀(C) = |C|, already normalised (w₀(∅) = 0).</summary>
    public byte[] Start() => Array.ConvertAll(_popCount, c => (byte)c);

    /// <summary>The normalised work function after a request for <paramref name="page"/>, and OPT's cost increment.</summary>
    public byte[] Step(byte[] w, int page, out int optIncrement)
    {
        ArgumentNullException.ThrowIfNull(w);
        int bit = 1 << page;
        var next = new int[_masks.Length];
        int min = int.MaxValue;
        for (int c = 0; c < _masks.Length; c++)
        {
            int mc = _masks[c], v;
            if ((mc & bit) != 0) v = w[c];
            else if (_popCount[c] < K) v = w[_indexOfMask[mc | bit]];
            else
            {
                v = int.MaxValue;
                for (int rest = mc; rest != 0; rest &= rest - 1)
                {
                    int x = rest & -rest;
                    int u = w[_indexOfMask[(mc & ~x) | bit]] + 1;
                    if (u < v) v = u;
                }
            }
            next[c] = v;
            if (v < min) min = v;
        }
        optIncrement = min;
        var r = new byte[next.Length];
        for (int c = 0; c < r.Length; c++) r[c] = (byte)(next[c] - min);
        return r;
    }

    /// <summary>As <see cref="Step"/> by the general formula min over B ∋ p of w(B) + |C \ B| (O(M²); for tests).</summary>
    internal byte[] StepNaive(byte[] w, int page, out int optIncrement)
    {
        ArgumentNullException.ThrowIfNull(w);
        int bit = 1 << page;
        var next = new int[_masks.Length];
        int min = int.MaxValue;
        for (int c = 0; c < _masks.Length; c++)
        {
            int best = int.MaxValue, mc = _masks[c];
            for (int b = 0; b < _masks.Length; b++)
            {
                int mb = _masks[b];
                if ((mb & bit) == 0) continue;
                int v = w[b] + System.Numerics.BitOperations.PopCount((uint)(mc & ~mb));
                if (v < best) best = v;
            }
            next[c] = best;
            if (best < min) min = best;
        }
        optIncrement = min;
        var r = new byte[next.Length];
        for (int c = 0; c < r.Length; c++) r[c] = (byte)(next[c] - min);
        return r;
    }
}
