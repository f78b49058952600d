namespace OnlineAlgos.GradientCoding.Model;

/// <summary>
/// Online admissibility check for the (B, W, lambda)-bursty model (spec §1, pairwise form): a proposed straggler set
/// S_r is accepted iff (a) |S_r ∪ S_{r-W+1..r-1}| &lt;= lambda and (b) no worker of S_r straggled in rounds r-W+1..r-B.
/// Checking only the window that ends at r suffices because every window is fully checked when its last round is
/// added. In an admissible history a worker has at most B straggles inside any window, so the checker keeps each
/// worker's last B straggle rounds in a ring: O(n B) per round, no allocation after construction.
/// Also serves as the replay's acceptance test for M-SGC (spec §2.4).
/// </summary>
public sealed class BurstyAdmissibilityChecker
{
    private readonly BurstyModel _model;
    private readonly int[] _ring;   // n x B most recent accepted straggle rounds per worker
    private readonly int[] _count;  // straggles stored per worker (<= B)
    private readonly int[] _head;   // next write position per worker
    private int _round;

    /// <summary>A checker at round 0 with empty history.</summary>
    public BurstyAdmissibilityChecker(BurstyModel model)
    {
        _model = model;
        _ring = new int[model.Workers * model.B];
        _count = new int[model.Workers];
        _head = new int[model.Workers];
    }

    /// <summary>The round the next set is proposed for.</summary>
    public int Round => _round;

    /// <summary>The model checked.</summary>
    public BurstyModel Model => _model;

    /// <summary>True when <paramref name="stragglers"/> may be added as round <see cref="Round"/>.</summary>
    public bool CanAdd(ReadOnlySpan<bool> stragglers)
    {
        int n = _model.Workers;
        if (stragglers.Length != n) throw new ArgumentException($"expected {n} flags, got {stragglers.Length}");
        int r = _round, w = _model.W, b = _model.B;
        int windowStart = r - w + 1;
        int distinct = 0;
        for (int i = 0; i < n; i++)
        {
            bool inWindow = false, tooOld = false;
            int baseIdx = i * b;
            for (int k = 0; k < _count[i]; k++)
            {
                int t = _ring[baseIdx + k];
                if (t >= windowStart)
                {
                    inWindow = true;
                    if (t <= r - b) tooOld = true;
                }
            }
            if (stragglers[i])
            {
                if (tooOld) return false; // (b): the burst would span more than B rounds inside a window
                distinct++;
            }
            else if (inWindow) distinct++;
        }
        return distinct <= _model.Lambda;
    }

    /// <summary>Adds the set as round <see cref="Round"/> if admissible; returns whether it was added.</summary>
    public bool TryAdd(ReadOnlySpan<bool> stragglers)
    {
        if (!CanAdd(stragglers)) return false;
        int b = _model.B;
        for (int i = 0; i < _count.Length; i++)
        {
            if (!stragglers[i]) continue;
            _ring[i * b + _head[i]] = _round;
            _head[i] = (_head[i] + 1) % b;
            if (_count[i] < b) _count[i]++;
        }
        _round++;
        return true;
    }

    /// <summary>Records a round with no stragglers (e.g. a wait-out round of the replay).</summary>
    public void AddClean() => _round++;
}
