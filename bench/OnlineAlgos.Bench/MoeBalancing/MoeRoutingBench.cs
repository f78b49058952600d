using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Online;

namespace OnlineAlgos.Bench.MoeBalancing;

/// <summary>
/// Biased top-8 routing over 64 experts (issue target: >= 300 M scores/s on one core). One operation routes a batch of
/// 4096 tokens = 262,144 scores, so scores/s = 262,144 / mean time. Also the ALF-LB update (O(E)).
/// </summary>
[MemoryDiagnoser]
public class MoeRoutingBench
{
    private ScoreMatrix _scores = null!;
    private double[] _bias = null!;
    private int[] _assignment = null!;
    private int[] _loads = null!;
    private AlfLbBalancer _alf = null!;

    [Params(4096)]
    public int Tokens { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1);
        _scores = new ScoreMatrix(Tokens, 64);
        new ZipfGumbelGenerator(64, 1.0, rng.Split()).Next(_scores, rng);
        _bias = new double[64];
        for (int i = 0; i < 64; i++) _bias[i] = 0.01 * rng.NextGaussian();
        _assignment = new int[Tokens * 8];
        _loads = new int[64];
        _alf = new AlfLbBalancer(64, 1e-3);
    }

    [Benchmark(Description = "route 4096x64 top-8 biased")]
    public int RouteBiasedTop8()
    {
        TopKRouter.Route(_scores, _bias, 8, _assignment, _loads);
        return _loads[0];
    }

    [Benchmark(Description = "route + ALF-LB update")]
    public double RouteAndUpdate()
    {
        TopKRouter.Route(_scores, _alf.Bias, 8, _assignment, _loads);
        _alf.Update(_scores, _loads, 8);
        return _alf.Bias[0];
    }
}
