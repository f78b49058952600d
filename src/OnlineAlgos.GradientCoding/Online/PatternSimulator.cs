using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Runs a scheme's state machine over a straggler pattern (rounds beyond the pattern are clean) and reports which jobs
/// were decodable by their deadline t+T. This is the feasibility check of spec §6 items 3-5. The simulator owns the
/// straggler outcome and polices the model: a worker given more data in a round than the scheme's declared
/// <see cref="ISequentialGradientScheme.Load"/>, a job reported decoded before its release or in a later round than
/// the one just completed, or reported decoded before the results returned for it hold one full job's data (the
/// charging argument of spec §4.2: every data point must be in some returned result), throws
/// <see cref="ModelViolationException"/> naming the round. O((J+T)·(n·tasks + J)).
/// </summary>
public static class PatternSimulator
{
    /// <summary>Number of jobs not decodable by their deadline (0 = feasible on this pattern).</summary>
    /// <exception cref="ModelViolationException">The scheme broke the model (see the class summary).</exception>
    public static int MissedDeadlines(ISequentialGradientScheme scheme, StragglerPattern pattern) => Run(scheme, pattern).Missed;

    /// <summary>Runs the scheme: jobs not decodable by their deadline, and the most data any worker was given in one
    /// round (the measured load, at most the declared one).</summary>
    /// <exception cref="ModelViolationException">The scheme broke the model (see the class summary).</exception>
    public static (int Missed, double MaxWork) Run(ISequentialGradientScheme scheme, StragglerPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Workers != scheme.Workers) throw new ArgumentException($"pattern has {pattern.Workers} workers, scheme {scheme.Workers}");
        var clean = new bool[scheme.Workers];
        var police = new SchemePolice(scheme);
        for (int r = 0; r < scheme.Rounds; r++)
        {
            scheme.PlanRound(r);
            var stragglers = r < pattern.Rounds ? pattern.Round(r) : clean;
            police.CheckTasks(r, stragglers);
            scheme.CompleteRound(stragglers);
            police.CheckDecodes(r);
        }
        int missed = 0;
        for (int j = 0; j < scheme.Jobs; j++)
        {
            int d = scheme.DecodedRound(j);
            if (d < 0 || d > j + scheme.Delay) missed++;
        }
        return (missed, police.MaxWork);
    }
}
