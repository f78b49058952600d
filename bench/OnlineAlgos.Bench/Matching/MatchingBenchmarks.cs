using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;

namespace OnlineAlgos.Bench.Matching;

/// <summary>
/// Issue 4 targets: online-optimum DP for n = 20, T = 40 under 10 s single-threaded; PPSW LP for n = T = 200 under
/// 2 s; pivotal sampling at least 10 M proposals (items rounded) per second.
/// Run: <c>dotnet run -c Release --project bench/OnlineAlgos.Bench -- --filter '*Matching*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private MatchingInstance _dp = null!;
    private MatchingInstance _lp = null!;
    private MatchingInstance _sim = null!;
    private PivotalSamplingMatching _piv = null!;
    private double[] _y = null!;
    private bool[] _sel = null!;
    private int[] _types = null!;
    private MatchingSimulator _simulator = null!;
    private readonly Rng _rng = new(7);

    /// <summary>Items per pivotal-sampling call.</summary>
    public const int Items = 64;

    /// <summary>Calls per benchmark invocation.</summary>
    public const int Calls = 10000;

    [GlobalSetup]
    public void Setup()
    {
        // Complete bipartite graphs: one connected component, so the DP really runs over 2^20 sets.
        _dp = RandomInstances.Complete(new Rng(1), 40, 20);
        _lp = RandomInstances.Complete(new Rng(2), 200, 200);
        _sim = RandomInstances.ErdosRenyi(new Rng(3), 200, 100, 0.2);
        _piv = new PivotalSamplingMatching(_sim, PpswLinearProgram.Solve(_sim));
        _simulator = new MatchingSimulator(_sim);
        _types = new int[_sim.StepCount];
        var r = new Rng(4);
        _y = new double[Items];
        for (int i = 0; i < Items; i++) _y[i] = r.NextDouble() * 0.3;
        _sel = new bool[Items];
    }

    /// <summary>Exact online optimum, n = 20, T = 40 (target &lt; 10 s).</summary>
    [Benchmark]
    public double OnlineOptimumDp_n20_T40() => OnlineOptimum.Solve(_dp);

    /// <summary>PPSW LP with GLOP, n = T = 200, complete graph (40,000 edges; target &lt; 2 s).</summary>
    [Benchmark]
    public double PpswLp_n200_T200() => PpswLinearProgram.Solve(_lp).Value;

    /// <summary>Pivotal sampling of 64 items, 10,000 calls: per-item time gives proposals/s (target ≥ 10 M/s).</summary>
    [Benchmark(OperationsPerInvoke = Items * Calls)]
    public bool PivotalSampling_64Items()
    {
        bool any = false;
        for (int c = 0; c < Calls; c++)
        {
            PivotalSampling.Sample(_y, _sel, _rng);
            any ^= _sel[c & (Items - 1)];
        }
        return any;
    }

    /// <summary>One full run of the default pivotal template on an ER(0.2) instance with T = 200, n = 100.</summary>
    [Benchmark]
    public double PivotalTemplateRun_n100_T200()
    {
        Realization.Sample(_sim, _rng, _types);
        return _simulator.Run(_piv, _types, _rng);
    }
}
