namespace OnlineAlgos.Bench;

/// <summary>OA_BENCH_QUICK=1 shrinks every benchmark's input (CI's dry job checks that benchmarks run, not speed).</summary>
public static class BenchEnvironment
{
    public static bool Quick => Environment.GetEnvironmentVariable("OA_BENCH_QUICK") == "1";
}
