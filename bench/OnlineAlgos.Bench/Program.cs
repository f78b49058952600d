using BenchmarkDotNet.Running;

namespace OnlineAlgos.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/OnlineAlgos.Bench -- --filter '*Lru*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
