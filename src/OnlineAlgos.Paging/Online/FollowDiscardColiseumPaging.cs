using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// <c>follow-discard-coliseum</c>: Cache-Coliseum's Predict[FBP] (follow the discard bits; spec paging-peers §0, §5.2).
/// It differs from <see cref="FollowDiscardPaging"/> in one rule: on a fault with a full cache it evicts a uniformly
/// random page among those whose latest discard bit is 1, else a uniformly random cached page (ours: the least
/// recently used page among them). No guarantee is claimed by Cache-Coliseum (NOT FOUND); with perfect discard bits it
/// still equals OPT (the same exchange argument as ours: every bit-1 page is evicted by Belady before its next
/// request, and when there is none the predictions are not needed; tested on random traces). Randomized; O(1) per
/// request, no allocation: two swap-remove arrays (latest bit 1 / latest bit 0). Not reconstructed: the rule is
/// read in Cache-Coliseum's code (commit 4568bb6).
/// </summary>
public sealed class FollowDiscardColiseumPaging : IOnlinePagingAlgorithm
{
    private readonly byte[] _bits;
    private int[] _ones = Array.Empty<int>(), _zeros = Array.Empty<int>(), _pos = Array.Empty<int>();
    private sbyte[] _where = Array.Empty<sbyte>(); // -1 not cached, 0 zeros, 1 ones
    private int _k, _n1, _n0;
    private Rng _rng = new(0);

    /// <summary>Creates the algorithm over one discard bit per request (1 = evictable).</summary>
    public FollowDiscardColiseumPaging(byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _bits = bits;
    }

    /// <inheritdoc/>
    public string Name => "follow-discard-coliseum";
    /// <inheritdoc/>
    public int Count => _n0 + _n1;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _k = capacity;
        _rng = rng;
        _n0 = _n1 = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_ones.Length < slots) { _ones = new int[slots]; _zeros = new int[slots]; }
        if (_where.Length != pageCount) { _where = new sbyte[pageCount]; _pos = new int[pageCount]; }
        Array.Fill(_where, (sbyte)-1);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _where[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        if (_where[page] >= 0) Remove(page);
        else
        {
            if (_n0 + _n1 == _k)
            {
                int victim;
                if (_n1 > 0) victim = _ones[_rng.NextInt(_n1)];
                else victim = _zeros[_rng.NextInt(_n0)];
                Remove(victim);
                _where[victim] = -1;
                cache.Evict(victim);
            }
            cache.Load(page);
        }
        if (_bits[time] == 1) { _ones[_n1] = page; _pos[page] = _n1++; _where[page] = 1; }
        else { _zeros[_n0] = page; _pos[page] = _n0++; _where[page] = 0; }
    }

    private void Remove(int p)
    {
        int i = _pos[p];
        if (_where[p] == 1) { int last = _ones[--_n1]; _ones[i] = last; _pos[last] = i; }
        else { int last = _zeros[--_n0]; _zeros[i] = last; _pos[last] = i; }
    }
}
