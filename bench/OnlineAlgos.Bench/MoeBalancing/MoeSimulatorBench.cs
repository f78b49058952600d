using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Online;

namespace OnlineAlgos.Bench.MoeBalancing;

/// <summary>
/// A whole simulation: ALF-LB over 64 experts, top-8 of 4,096 Zipf–Gumbel tokens, 50 steps, with the per-step metrics
/// and the model checks. Watches the named-step split of <c>MoeSimulator.Run</c> (issue 13). Run:
/// <c>dotnet run -c Release --project bench/OnlineAlgos.Bench -- --filter '*MoeSimulator*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class MoeSimulatorBench
{
    private readonly SimulationSettings _settings = new(4096, 8, 50);

    /// <summary>50 steps; the generator and balancer are created per run (a few hundred bytes).</summary>
    [Benchmark(Description = "simulate ALF-LB 4096x64 top-8, 50 steps")]
    public double SimulateAlfLb()
    {
        var rng = new Rng(1);
        var metrics = MoeSimulator.Run(new ZipfGumbelGenerator(64, 1.0, rng.Split()), new AlfLbBalancer(64, 1e-3), _settings, rng);
        return metrics[^1].MaxVio;
    }
}
