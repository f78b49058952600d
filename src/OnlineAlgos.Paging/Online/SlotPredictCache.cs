namespace OnlineAlgos.Paging.Online;

/// <summary>
/// Cache-Coliseum's "Predict" on scores as a shadow cache (spec paging-peers §0): k slots, a cold miss fills the lowest
/// empty slot, a full miss evicts the slot whose latest score is largest, ties to the lowest slot. On exact next
/// arrivals it is Cache-Coliseum's OPT (Belady) and its "OracleState"; on predicted ones, the "-State" predictors.
/// O(k) per fault, no allocation.
/// </summary>
internal sealed class SlotPredictCache
{
    public int[] SlotPage = Array.Empty<int>();
    private double[] _score = Array.Empty<double>();
    private int[] _slotOf = Array.Empty<int>();
    private int _k;

    public int Used { get; private set; }

    public void Reset(int capacity, int pageCount)
    {
        _k = capacity;
        Used = 0;
        int slots = Math.Min(capacity, Math.Max(pageCount, 1));
        if (SlotPage.Length < slots) { SlotPage = new int[slots]; _score = new double[slots]; }
        if (_slotOf.Length != pageCount) _slotOf = new int[pageCount];
        Array.Fill(_slotOf, -1);
    }

    public bool Contains(int page) => _slotOf[page] >= 0;

    /// <summary>Serves a request with its score; returns true on a miss.</summary>
    public bool Serve(int page, double score)
    {
        int s = _slotOf[page];
        bool miss = s < 0;
        if (miss)
        {
            if (Used < _k) s = Used++;
            else
            {
                s = 0;
                for (int i = 1; i < _k; i++) if (_score[i] > _score[s]) s = i;
                _slotOf[SlotPage[s]] = -1;
            }
            SlotPage[s] = page;
            _slotOf[page] = s;
        }
        _score[s] = score;
        return miss;
    }
}
