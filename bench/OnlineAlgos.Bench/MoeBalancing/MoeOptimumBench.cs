using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.MoeBalancing.Offline;

namespace OnlineAlgos.Bench.MoeBalancing;

/// <summary>Exact offline optimum for 8,192 tokens x 64 experts x K = 8 by min-cost flow (issue target: &lt; 2 s).</summary>
public class MoeOptimumBench
{
    private ScoreMatrix _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(2);
        _scores = new ScoreMatrix(8192, 64);
        new ZipfGumbelGenerator(64, 1.0, rng.Split()).Next(_scores, rng);
    }

    [Benchmark(Description = "min-cost flow 8192x64 K=8 balanced")]
    public double MinCostFlowBalanced() => MinCostFlowAssignment.Solve(_scores, 8, 1024, balanced: true).Value;
}
