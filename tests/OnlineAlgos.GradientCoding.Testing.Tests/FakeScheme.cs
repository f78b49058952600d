using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Online;

namespace OnlineAlgos.GradientCoding.Testing.Tests;

/// <summary>A deliberately broken scheme: each worker gets <c>1/(2n)</c> of job r in round r (half of what uncoded
/// needs) while declaring load 1/n, and reports every job decoded in its own round.</summary>
internal sealed class HalfLoadScheme(int workers, int jobs) : ISequentialGradientScheme
{
    private readonly int[] _decoded = Enumerable.Repeat(-1, jobs).ToArray();
    private MiniTask[] _tasks = [];

    public int Workers => workers;
    public int Jobs => jobs;
    public int Delay => 0;
    public int Rounds => jobs;
    public Rational Load => new(1, workers);
    public int UnitsPerJob => 1;
    public double UnitSize(int unit) => 1;
    public void TaskCombination(int key, List<(int Unit, double Coefficient)> into) => into.Add((0, 1));
    public void PlanRound(int round) => _tasks = [new MiniTask(round, 0, 0.5 / workers, false)];
    public ReadOnlySpan<MiniTask> Tasks(int worker) => _tasks;
    public bool RoundIsIdle => false;
    public void CompleteRound(ReadOnlySpan<bool> stragglers) => _decoded[_tasks[0].Job] = _tasks[0].Job;
    public int DecodedRound(int job) => _decoded[job];
    public DecodeResult DecodeCoefficients(int job, List<(int Key, double Coefficient)> into) => throw new NotSupportedException();
}
