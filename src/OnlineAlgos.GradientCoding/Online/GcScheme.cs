using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Classical gradient coding run job after job (T = 0; Tandon et al. 2017): in round r every worker computes its
/// (n, s)-code row for job r; job r is decodable iff at most s workers straggle. Feasible for the (B,W,lambda) model
/// with s = lambda (spec §3.1). Load (s+1)/n. s = 0 is the uncoded baseline. O(n) per round.
/// </summary>
public sealed class GcScheme : ISequentialGradientScheme
{
    private readonly IGradientCode? _code;
    private readonly bool[] _returned;   // J x n
    private readonly int[] _decoded;
    private readonly MiniTask[] _tasks;
    private readonly int[] _taskCount;
    private readonly double _size;
    private int _round = -1;

    /// <summary>Creates the scheme; <paramref name="code"/> is only needed for real decoding.</summary>
    public GcScheme(int workers, int s, int jobs, IGradientCode? code = null)
    {
        if (jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {jobs}");
        Load = SchemeLoads.Gc(workers, s);
        if (code is not null && (code.Workers != workers || code.Tolerance != s))
            throw new ArgumentException("code does not match (n, s)");
        Workers = workers; Tolerance = s; Jobs = jobs; _code = code;
        _returned = new bool[jobs * workers];
        _decoded = new int[jobs];
        Array.Fill(_decoded, -1);
        _tasks = new MiniTask[workers];
        _taskCount = new int[workers];
        _size = (s + 1.0) / workers;
    }

    /// <summary>Straggler tolerance s.</summary>
    public int Tolerance { get; }
    /// <inheritdoc />
    public int Workers { get; }
    /// <inheritdoc />
    public int Jobs { get; }
    /// <inheritdoc />
    public int Delay => 0;
    /// <inheritdoc />
    public int Rounds => Jobs;
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
    public void PlanRound(int round)
    {
        if (round != _round + 1 || round >= Rounds) throw new InvalidOperationException($"round {round} planned out of order");
        _round = round;
        for (int i = 0; i < Workers; i++) { _tasks[i] = new MiniTask(round, i, _size, false); _taskCount[i] = 1; }
    }

    /// <inheritdoc />
    public ReadOnlySpan<MiniTask> Tasks(int worker) => _tasks.AsSpan(worker, _taskCount[worker]);

    /// <inheritdoc />
    public bool RoundIsIdle => false;

    /// <inheritdoc />
    public void CompleteRound(ReadOnlySpan<bool> stragglers)
    {
        int got = 0;
        for (int i = 0; i < Workers; i++)
            if (!stragglers[i]) { _returned[_round * Workers + i] = true; got++; }
        if (got >= Workers - Tolerance) _decoded[_round] = _round;
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
