using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Generators;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;
using OnlineAlgos.Matching.Online;

namespace OnlineAlgos.Bench.Matching;

/// <summary>
/// The exact evaluator (a DP over reachable available-sets) on pivotal sampling, ER(0.3) with T = 16, n = 12 (at most
/// 4,096 sets per step). Watches the named-step split of <c>ExactEvaluator.Evaluate</c> (issue 13). Run:
/// <c>dotnet run -c Release --project bench/OnlineAlgos.Bench -- --filter '*ExactEvaluator*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ExactEvaluatorBenchmarks
{
    private MatchingInstance _instance = null!;
    private PivotalSamplingMatching _pivotal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instance = RandomInstances.ErdosRenyi(new Rng(5), 16, 12, 0.3);
        _pivotal = new PivotalSamplingMatching(_instance, PpswLinearProgram.Solve(_instance));
    }

    /// <summary>Value plus availability and edge-match probabilities.</summary>
    [Benchmark]
    public double ExactPivotal_n12_T16() => ExactEvaluator.Evaluate(_instance, _pivotal).Value;
}
