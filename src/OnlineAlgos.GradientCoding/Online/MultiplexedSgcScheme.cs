using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// M-SGC, multiplexed sequential gradient coding (Krishnan, Ebrahimi, Khisti, ICLR 2023; spec §2.3, as in the authors'
/// simulator): M = W-1+B mini-task slots per worker per round, slot m serves job r-m; delay T = W-2+B. A job's data is
/// D1 (n(W-1) uncoded pieces of size c, worker i owns pieces (i, 0..W-2), piece m attempted in slot m) plus D2
/// (B groups, each coded with an (n, lambda)-GC; worker i's coded task of group g runs in slot W-1+g unless it still
/// misses a D1 piece of that job, which it then re-attempts, lowest index first). Job j is decodable at round j+T iff
/// every D1 piece arrived and every D2 group has n-lambda coded returns (no D2 when lambda = n).
/// Load L = (lambda+1)(W-1+B)/(n(B+(W-1)(lambda+1))) for lambda &lt; n, (W-1+B)/(n(W-1)) for lambda = n (spec §3.3).
/// O(n M) per round; memory O(J n M).
/// <para>The D2 code can be any (n, lambda) gradient code; the spec's cyclic support is one choice (we pass
/// <see cref="GradientCodes.Create"/>: fractional repetition when (lambda+1) | n). <c>d2ToleranceOverride</c> exists
/// only for the spec's mutation test (lambda-1 must fail).</para>
/// </summary>
public sealed class MultiplexedSgcScheme : ISequentialGradientScheme
{
    private readonly IGradientCode? _code;
    private readonly int _d1PerWorker;     // W-1
    private readonly int _slots;           // M
    private readonly int _d2Tolerance;
    private readonly bool _hasD2;
    private readonly bool[] _d1Done;       // J x n x (W-1)
    private readonly int[] _d1Missing;     // J: pieces not yet returned (counts only attempted ones at decode time)
    private readonly bool[] _d2Returned;   // J x B x n
    private readonly int[] _d2Count;       // J x B
    private readonly int[] _decoded;
    private readonly MiniTask[] _tasks;    // n x M
    private readonly int[] _taskCount;
    private readonly double _c, _subPiece;
    private int _round = -1;

    /// <summary>Creates the scheme.</summary>
    /// <param name="model">The (B, W, lambda) model designed for.</param>
    /// <param name="jobs">Number of jobs J.</param>
    /// <param name="d2Code">(n, lambda) gradient code for the D2 groups, needed only for real decoding.</param>
    /// <param name="d2ToleranceOverride">Replaces lambda as the D2 tolerance (mutation tests only).</param>
    public MultiplexedSgcScheme(BurstyModel model, int jobs, IGradientCode? d2Code = null, int? d2ToleranceOverride = null)
    {
        if (jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {jobs}");
        Model = model; Jobs = jobs; _code = d2Code;
        int n = model.Workers;
        _d1PerWorker = model.W - 1;
        _slots = model.W - 1 + model.B;
        _d2Tolerance = d2ToleranceOverride ?? model.Lambda;
        _hasD2 = model.Lambda < n;
        if (d2Code is not null && (!_hasD2 || d2Code.Workers != n || d2Code.Tolerance != _d2Tolerance))
            throw new ArgumentException("D2 code does not match (n, lambda)");
        Load = SchemeLoads.MSgc(model);
        MiniTaskSize = SchemeLoads.MSgcMiniTask(model);
        _c = MiniTaskSize.ToDouble();
        _subPiece = _hasD2 ? _c / (model.Lambda + 1) : 0;
        _d1Done = new bool[jobs * n * _d1PerWorker];
        _d1Missing = new int[jobs];
        Array.Fill(_d1Missing, n * _d1PerWorker);
        _d2Returned = new bool[jobs * model.B * n];
        _d2Count = new int[jobs * model.B];
        _decoded = new int[jobs];
        Array.Fill(_decoded, -1);
        _tasks = new MiniTask[n * _slots];
        _taskCount = new int[n];
    }

    /// <summary>The model designed for.</summary>
    public BurstyModel Model { get; }
    /// <summary>Mini-task size c (exact).</summary>
    public Rational MiniTaskSize { get; }
    /// <summary>Rational of a job's data in D1: (lambda+1)(W-1)/((lambda+1)(W-1)+B), or 1 when lambda = n.</summary>
    public Rational D1Fraction => new Rational((long)Model.Workers * _d1PerWorker, 1) * MiniTaskSize;

    /// <inheritdoc />
    public int Workers => Model.Workers;
    /// <inheritdoc />
    public int Jobs { get; }
    /// <inheritdoc />
    public int Delay => Model.W - 2 + Model.B;
    /// <inheritdoc />
    public int Rounds => Jobs + Delay;
    /// <inheritdoc />
    public Rational Load { get; }

    /// <summary>Units: n(W-1) D1 pieces (unit i(W-1)+m), then B groups of n D2 sub-pieces (unit n(W-1)+g n+k).</summary>
    public int UnitsPerJob => Workers * _d1PerWorker + (_hasD2 ? Model.B * Workers : 0);

    /// <inheritdoc />
    public double UnitSize(int unit) => unit < Workers * _d1PerWorker ? _c : _subPiece;

    /// <summary>Task keys use the same numbering: a D1 key is its piece, a D2 key n(W-1)+g n+i is worker i's row of group g.</summary>
    public void TaskCombination(int key, List<(int Unit, double Coefficient)> into)
    {
        into.Clear();
        int d1Units = Workers * _d1PerWorker;
        if (key < d1Units) { into.Add((key, 1.0)); return; }
        var code = _code ?? throw new InvalidOperationException("real decoding needs a D2 gradient code");
        int g = (key - d1Units) / Workers, i = (key - d1Units) % Workers;
        foreach (int k in code.Support(i)) into.Add((d1Units + g * Workers + k, code.Coefficient(i, k)));
    }

    /// <inheritdoc />
    public bool RoundIsIdle { get; private set; }

    /// <summary>Data processed by a worker in the planned round (sum of its mini-task sizes).</summary>
    public double WorkOf(int worker)
    {
        double w = 0;
        foreach (var t in Tasks(worker)) w += t.Size;
        return w;
    }

    /// <inheritdoc />
    public void PlanRound(int round)
    {
        if (round != _round + 1 || round >= Rounds) throw new InvalidOperationException($"round {round} planned out of order");
        _round = round;
        int n = Workers, d1 = _d1PerWorker;
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            int count = 0;
            for (int m = 0; m < _slots; m++)
            {
                int j = round - m;
                if (j < 0 || j >= Jobs) continue;
                int baseIdx = (j * n + i) * d1;
                if (m < d1)
                {
                    _tasks[i * _slots + count++] = new MiniTask(j, i * d1 + m, _c, false);
                    continue;
                }
                int missing = -1;
                for (int p = 0; p < d1; p++)
                    if (!_d1Done[baseIdx + p]) { missing = p; break; }
                if (missing >= 0)
                    _tasks[i * _slots + count++] = new MiniTask(j, i * d1 + missing, _c, true);
                else if (_hasD2)
                    _tasks[i * _slots + count++] = new MiniTask(j, n * d1 + (m - d1) * n + i, _c, false);
            }
            _taskCount[i] = count;
            any |= count > 0;
        }
        RoundIsIdle = !any;
    }

    /// <inheritdoc />
    public ReadOnlySpan<MiniTask> Tasks(int worker) => _tasks.AsSpan(worker * _slots, _taskCount[worker]);

    /// <inheritdoc />
    public void CompleteRound(ReadOnlySpan<bool> stragglers)
    {
        int n = Workers, d1 = _d1PerWorker, d1Units = n * d1;
        for (int i = 0; i < n; i++)
        {
            if (stragglers[i]) continue;
            foreach (var t in Tasks(i))
            {
                if (t.Key < d1Units)
                {
                    int idx = t.Job * d1Units + t.Key;
                    if (!_d1Done[idx]) { _d1Done[idx] = true; _d1Missing[t.Job]--; }
                }
                else
                {
                    int g = (t.Key - d1Units) / n;
                    int idx = (t.Job * Model.B + g) * n + i;
                    if (!_d2Returned[idx]) { _d2Returned[idx] = true; _d2Count[t.Job * Model.B + g]++; }
                }
            }
        }
        int first = Math.Max(0, _round - Delay), last = Math.Min(Jobs - 1, _round);
        for (int j = first; j <= last; j++)
            if (_decoded[j] < 0 && IsDecodableNow(j)) _decoded[j] = _round;
    }

    private bool IsDecodableNow(int job)
    {
        if (_d1Missing[job] > 0) return false;
        if (!_hasD2) return true;
        for (int g = 0; g < Model.B; g++)
            if (_d2Count[job * Model.B + g] < Workers - _d2Tolerance) return false;
        return true;
    }

    /// <inheritdoc />
    public int DecodedRound(int job) => _decoded[job];

    /// <inheritdoc />
    public DecodeResult DecodeCoefficients(int job, List<(int Key, double Coefficient)> into)
    {
        into.Clear();
        int n = Workers, d1Units = n * _d1PerWorker;
        for (int k = 0; k < d1Units; k++)
            if (_d1Done[job * d1Units + k]) into.Add((k, 1.0));
        if (_d1Missing[job] > 0) return new DecodeResult(false, 1.0, false, 1.0);
        if (!_hasD2) return new DecodeResult(true, 0, false, 1.0);
        var code = _code ?? throw new InvalidOperationException("real decoding needs a D2 gradient code");
        var a = new double[n];
        double worst = 0, maxA = 1; bool ok = true, fb = false;
        for (int g = 0; g < Model.B; g++)
        {
            var res = code.Decode(_d2Returned.AsSpan((job * Model.B + g) * n, n), a);
            ok &= res.Success; fb |= res.UsedFallback;
            worst = Math.Max(worst, res.Residual); maxA = Math.Max(maxA, res.MaxCoefficient);
            for (int i = 0; i < n; i++) if (a[i] != 0) into.Add((d1Units + g * n + i, a[i]));
        }
        return new DecodeResult(ok, worst, fb, maxA);
    }
}
