using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// SR-SGC, selective-reattempt sequential gradient coding (Krishnan, Ebrahimi, Khisti, ICLR 2023; spec §2.2, as in the
/// authors' simulator): parameters (n, B, W, lambda) with B | W-1; every job uses an (n, s)-GC with
/// s = ceil(B lambda/(W-1+B)); delay T = B; load (s+1)/n. Round r: every worker computes its row for job r, except
/// that when v &gt; s workers have not yet returned job j = r-B, the v-s lowest-indexed of them re-attempt their own
/// job-j row instead. Job j is decodable once n-s distinct workers returned it. Feasible for the bursty model
/// (paper's claim; checked exhaustively / randomly in the tests). O(n) per round, memory O(J n).
/// <para><see cref="UnsafeToleranceOverride"/> exists only for the spec's mutation tests (s-1 must fail).</para>
/// </summary>
public sealed class SelectiveReattemptSgcScheme : ISequentialGradientScheme
{
    private readonly IGradientCode? _code;
    private readonly bool[] _returned;   // J x n
    private readonly int[] _returnedCount;
    private readonly int[] _decoded;
    private readonly int[] _reattempts;  // per job: re-attempts assigned
    private readonly MiniTask[] _tasks;
    private readonly int[] _taskCount;
    private readonly double _size;
    private int _round = -1;

    /// <summary>Creates the scheme. Throws when B does not divide W-1 or s &gt; n-1 (e.g. n = 1).</summary>
    /// <param name="model">The (B, W, lambda) model designed for.</param>
    /// <param name="jobs">Number of jobs J.</param>
    /// <param name="code">(n, s) gradient code, needed only for real decoding.</param>
    /// <param name="unsafeToleranceOverride">Replaces s (mutation tests only); null = the formula.</param>
    /// <param name="allowIndivisible">Skip the B | W-1 check (mutation tests only).</param>
    public SelectiveReattemptSgcScheme(BurstyModel model, int jobs, IGradientCode? code = null,
        int? unsafeToleranceOverride = null, bool allowIndivisible = false)
    {
        if (jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {jobs}");
        if (!allowIndivisible && (model.W - 1) % model.B != 0)
            throw new ArgumentException($"SR-SGC needs B | W-1, got B={model.B}, W={model.W}");
        int s = unsafeToleranceOverride ?? SchemeLoads.SrSgcS(model.B, model.W, model.Lambda);
        if (s < 0 || s > model.Workers - 1)
            throw new ArgumentException($"SR-SGC needs s = ceil(B*lambda/(W-1+B)) = {s} <= n-1 = {model.Workers - 1}");
        if (code is not null && (code.Workers != model.Workers || code.Tolerance != s))
            throw new ArgumentException("code does not match (n, s)");
        Model = model; Jobs = jobs; Tolerance = s; _code = code;
        UnsafeToleranceOverride = unsafeToleranceOverride;
        Load = new Rational(s + 1, model.Workers);
        int n = model.Workers;
        _returned = new bool[jobs * n];
        _returnedCount = new int[jobs];
        _decoded = new int[jobs];
        Array.Fill(_decoded, -1);
        _reattempts = new int[jobs];
        _tasks = new MiniTask[n];
        _taskCount = new int[n];
        _size = (s + 1.0) / n;
    }

    /// <summary>The model designed for.</summary>
    public BurstyModel Model { get; }
    /// <summary>GC tolerance s per job.</summary>
    public int Tolerance { get; }
    /// <summary>The overridden s of a mutation test, or null.</summary>
    public int? UnsafeToleranceOverride { get; }
    /// <summary>Re-attempts assigned in the planned round.</summary>
    public int ReattemptsThisRound { get; private set; }
    /// <summary>Re-attempts assigned for a job so far.</summary>
    public int ReattemptsOfJob(int job) => _reattempts[job];
    /// <summary>Distinct workers that returned a job so far.</summary>
    public int ReturnedCount(int job) => _returnedCount[job];

    /// <inheritdoc />
    public int Workers => Model.Workers;
    /// <inheritdoc />
    public int Jobs { get; }
    /// <inheritdoc />
    public int Delay => Model.B;
    /// <inheritdoc />
    public int Rounds => Jobs + Model.B;
    /// <inheritdoc />
    public Rational Load { get; }
    /// <inheritdoc />
    public int UnitsPerJob => Workers;
    /// <inheritdoc />
    public double UnitSize(int unit) => 1.0 / Workers;

    /// <inheritdoc />
    public void TaskCombination(int key, List<(int Unit, double Coefficient)> into)
    {
        var code = _code ?? throw new InvalidOperationException("real decoding needs a gradient code");
        into.Clear();
        foreach (int j in code.Support(key)) into.Add((j, code.Coefficient(key, j)));
    }

    /// <inheritdoc />
    public bool RoundIsIdle { get; private set; }

    /// <inheritdoc />
    public void PlanRound(int round)
    {
        if (round != _round + 1 || round >= Rounds) throw new InvalidOperationException($"round {round} planned out of order");
        _round = round;
        int n = Workers;
        for (int i = 0; i < n; i++)
        {
            if (round < Jobs) { _tasks[i] = new MiniTask(round, i, _size, false); _taskCount[i] = 1; }
            else _taskCount[i] = 0;
        }
        ReattemptsThisRound = 0;
        int j = round - Model.B;
        if (j >= 0 && j < Jobs)
        {
            int v = n - _returnedCount[j];
            int extra = v - Tolerance;
            for (int i = 0; i < n && extra > 0; i++)
            {
                if (_returned[j * n + i]) continue;
                _tasks[i] = new MiniTask(j, i, _size, true);
                _taskCount[i] = 1;
                extra--;
                ReattemptsThisRound++;
                _reattempts[j]++;
            }
        }
        RoundIsIdle = round >= Jobs && ReattemptsThisRound == 0;
    }

    /// <inheritdoc />
    public ReadOnlySpan<MiniTask> Tasks(int worker) => _tasks.AsSpan(worker, _taskCount[worker]);

    /// <inheritdoc />
    public void CompleteRound(ReadOnlySpan<bool> stragglers)
    {
        int n = Workers;
        for (int i = 0; i < n; i++)
        {
            if (stragglers[i] || _taskCount[i] == 0) continue;
            int job = _tasks[i].Job;
            if (!_returned[job * n + i]) { _returned[job * n + i] = true; _returnedCount[job]++; }
        }
        MarkDecoded(_round);
        MarkDecoded(_round - Model.B);
    }

    private void MarkDecoded(int job)
    {
        if (job < 0 || job >= Jobs || _decoded[job] >= 0) return;
        if (_returnedCount[job] >= Workers - Tolerance) _decoded[job] = _round;
    }

    /// <inheritdoc />
    public int DecodedRound(int job) => _decoded[job];

    /// <inheritdoc />
    public DecodeResult DecodeCoefficients(int job, List<(int Key, double Coefficient)> into)
    {
        var code = _code ?? throw new InvalidOperationException("real decoding needs a gradient code");
        into.Clear();
        var a = new double[Workers];
        var res = code.Decode(_returned.AsSpan(job * Workers, Workers), a);
        for (int i = 0; i < Workers; i++) if (a[i] != 0) into.Add((i, a[i]));
        return res;
    }
}
