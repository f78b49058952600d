using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// A sequential gradient coding scheme as a round-by-round state machine (spec §1-§2): jobs 0..J-1, job t released in
/// round t and due at the end of round t+T; rounds 0..J-1+T. Usage per round r: <see cref="PlanRound"/> (assignments may
/// depend on all earlier straggler sets), read <see cref="Tasks"/>, then <see cref="CompleteRound"/> with who straggled.
/// </summary>
public interface ISequentialGradientScheme
{
    /// <summary>Number of workers n.</summary>
    int Workers { get; }
    /// <summary>Number of jobs J.</summary>
    int Jobs { get; }
    /// <summary>Delay T: job t is due at the end of round t+T.</summary>
    int Delay { get; }
    /// <summary>Total rounds J+T.</summary>
    int Rounds { get; }
    /// <summary>Normalised load per worker per round (exact formula of spec §3).</summary>
    Rational Load { get; }
    /// <summary>Units a job's data is cut into (for real gradients): each task is a linear combination of units.</summary>
    int UnitsPerJob { get; }
    /// <summary>Data fraction of a unit (sums to 1 over a job).</summary>
    double UnitSize(int unit);
    /// <summary>The (unit, coefficient) pairs of a task key.</summary>
    void TaskCombination(int key, List<(int Unit, double Coefficient)> into);

    /// <summary>Decides round r's assignments. Rounds must be planned in order, each followed by CompleteRound.</summary>
    void PlanRound(int round);
    /// <summary>Tasks of a worker in the planned round.</summary>
    ReadOnlySpan<MiniTask> Tasks(int worker);
    /// <summary>True when nobody has anything to do in the planned round (a tail round that costs nothing).</summary>
    bool RoundIsIdle { get; }
    /// <summary>Applies the planned round's outcome: non-stragglers return all their tasks.</summary>
    void CompleteRound(ReadOnlySpan<bool> stragglers);

    /// <summary>The first round at whose end the job was decodable, or -1.</summary>
    int DecodedRound(int job);
    /// <summary>
    /// Decoding coefficients over received task results of a decodable job: (key, coefficient) pairs such that
    /// sum coefficient * result(key) = the job's full gradient. Requires the scheme's gradient code(s).
    /// </summary>
    DecodeResult DecodeCoefficients(int job, List<(int Key, double Coefficient)> into);
}

/// <summary>One task of one worker in one round: a coded combination (key) for a job, costing Size of data.</summary>
/// <param name="Job">Job index.</param>
/// <param name="Key">Task key within the job (see <see cref="ISequentialGradientScheme.TaskCombination"/>).</param>
/// <param name="Size">Data processed (fraction of a job).</param>
/// <param name="IsReattempt">True for a re-attempt of earlier lost work.</param>
public readonly record struct MiniTask(int Job, int Key, double Size, bool IsReattempt);
