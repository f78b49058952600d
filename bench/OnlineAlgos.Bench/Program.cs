using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace OnlineAlgos.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/OnlineAlgos.Bench -- --filter '*Lru*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // A loaded 2-core machine needs more than the default 2 minutes to build the generated benchmark project.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
