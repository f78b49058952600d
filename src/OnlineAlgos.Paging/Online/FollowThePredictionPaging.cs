using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Online;

/// <summary>
/// FtP / BlindOracle (Lykouris–Vassilvitskii 2018; Wei 2020; ACEPS 2020): on a fault with a full cache, evict the cached
/// page whose latest next-arrival prediction h is largest; ties (equal h, including +∞) go to the smallest last-request
/// index (spec §4.4; reproduces FtP+POPU 58,029 / 182,920). Exact predictions give exactly OPT. With ℓ1 error η,
/// Wei's bound is cost ≤ min(1 + 2η/OPT, 2 + 4η/((k−1)OPT))·OPT [second-hand]; not robust alone — combine with LRU
/// (<see cref="DeterministicCombinerPaging"/>) or Marker (<see cref="RandomizedCombinerPaging"/>).
/// O(log k) per request: indexed binary max-heap over cached pages, no allocation.
/// </summary>
public sealed class FollowThePredictionPaging : IOnlinePagingAlgorithm
{
    private readonly double[] _predictions;
    private int[] _heap = Array.Empty<int>();
    private int[] _pos = Array.Empty<int>(); // heap index of a cached page, −1 otherwise
    private double[] _h = Array.Empty<double>();
    private int[] _last = Array.Empty<int>();
    private int _k, _size;

    /// <summary>Creates the algorithm; <paramref name="predictions"/>[t] is the predicted next arrival of the request at t.</summary>
    public FollowThePredictionPaging(double[] predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        _predictions = predictions;
    }

    /// <inheritdoc/>
    public string Name => "ftp";
    /// <inheritdoc/>
    public int Count => _size;

    /// <inheritdoc/>
    public void Reset(int capacity, int pageCount, Rng rng)
    {
        _k = capacity;
        _size = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (_heap.Length < slots) _heap = new int[slots];
        if (_pos.Length != pageCount)
        {
            _pos = new int[pageCount];
            _h = new double[pageCount];
            _last = new int[pageCount];
        }
        Array.Fill(_pos, -1);
    }

    /// <inheritdoc/>
    public bool Contains(int page) => _pos[page] >= 0;

    /// <inheritdoc/>
    public void Serve(int page, int time, PagingCache cache)
    {
        double h = _predictions[time];
        int i = _pos[page];
        if (i >= 0)
        {
            _h[page] = h;
            _last[page] = time;
            SiftUp(i);
            SiftDown(_pos[page]);
            return;
        }
        if (_size == _k)
        {
            int victim = _heap[0];
            _pos[victim] = -1;
            _size--;
            cache.Evict(victim);
            if (_size > 0)
            {
                _heap[0] = _heap[_size];
                _pos[_heap[0]] = 0;
                SiftDown(0);
            }
        }
        _h[page] = h;
        _last[page] = time;
        _heap[_size] = page;
        _pos[page] = _size++;
        SiftUp(_size - 1);
        cache.Load(page);
    }

    // a evicted before b: larger prediction, then older last request
    private bool Before(int a, int b) => _h[a] > _h[b] || (_h[a] == _h[b] && _last[a] < _last[b]);

    private void SiftUp(int i)
    {
        int p = _heap[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            int q = _heap[parent];
            if (!Before(p, q)) break;
            _heap[i] = q;
            _pos[q] = i;
            i = parent;
        }
        _heap[i] = p;
        _pos[p] = i;
    }

    private void SiftDown(int i)
    {
        int p = _heap[i];
        while (true)
        {
            int c = 2 * i + 1;
            if (c >= _size) break;
            if (c + 1 < _size && Before(_heap[c + 1], _heap[c])) c++;
            int q = _heap[c];
            if (!Before(q, p)) break;
            _heap[i] = q;
            _pos[q] = i;
            i = c;
        }
        _heap[i] = p;
        _pos[p] = i;
    }
}
