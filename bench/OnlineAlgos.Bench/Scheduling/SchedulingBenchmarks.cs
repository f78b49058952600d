using BenchmarkDotNet.Attributes;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Generators;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Bench.Scheduling;

/// <summary>Issue 5 target: 10^6 jobs with up to 8 operations each (G1, LogNormal(0,1) sizes, load 0.9), double mode,
/// each algorithm and OPT single-threaded in under 2 s.</summary>
[MemoryDiagnoser]
public class SchedulingBenchmarks
{
    private SchedulingInstance<double> _instance = null!;

    [Params(1_000_000)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup() => _instance = SchedulingWorkloads.Poisson(new Rng(42), Jobs, 0.9, 8, OperationSizeDistribution.LogNormal(1));

    [Benchmark(Baseline = true)] public double Opt() => SrptOptimum.Cost(_instance);
    [Benchmark] public double OpSrpt() => ScheduleSimulator.Run(_instance, new OperationSrptScheduler<double>()).TotalFlowTime;
    [Benchmark] public double SlfOp() => ScheduleSimulator.Run(_instance, new ShortestLowerBoundFirstScheduler<double>()).TotalFlowTime;
    [Benchmark] public double Chunked() => ScheduleSimulator.Run(_instance, new ChunkedExploreScheduler<double>(1.0)).TotalFlowTime;
    [Benchmark] public double Fifo() => ScheduleSimulator.Run(_instance, new FifoScheduler<double>()).TotalFlowTime;
    [Benchmark] public double Mlf() => ScheduleSimulator.Run(_instance, new MultilevelFeedbackScheduler<double>(1.0)).TotalFlowTime;
    [Benchmark] public double RoundRobin() => ScheduleSimulator.Run(_instance, new RoundRobinScheduler<double>()).TotalFlowTime;
    [Benchmark] public double Setf() => ScheduleSimulator.Run(_instance, new SetfScheduler<double>()).TotalFlowTime;
    [Benchmark] public double Laps() => ScheduleSimulator.Run(_instance, new LapsScheduler<double>(0.5)).TotalFlowTime;
}
