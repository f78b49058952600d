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
    // Slack for the double sums of task sizes (sizes are exact fractions of a job, summed in double).
    private const double Slack = 1e-9;

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
        var returned = new double[scheme.Jobs];
        var decoded = new bool[scheme.Jobs];
        double load = scheme.Load.ToDouble();
        string name = scheme.GetType().Name;
        double maxWork = 0;
        for (int r = 0; r < scheme.Rounds; r++)
        {
            scheme.PlanRound(r);
            var stragglers = r < pattern.Rounds ? pattern.Round(r) : clean;
            for (int i = 0; i < scheme.Workers; i++)
            {
                double work = 0;
                foreach (var t in scheme.Tasks(i))
                {
                    work += t.Size;
                    if (t.Job < 0 || t.Job > r)
                        throw new ModelViolationException(name, r, $"worker {i} was given job {t.Job}, which is not released by round {r}");
                    if (!stragglers[i] && t.Job < scheme.Jobs) returned[t.Job] += t.Size;
                }
                maxWork = Math.Max(maxWork, work);
                if (work > load + Slack)
                    throw new ModelViolationException(name, r, $"worker {i} was given {work:R} of data, above the declared load {load:R}");
            }
            scheme.CompleteRound(stragglers);
            CheckDecodes(scheme, name, r, returned, decoded);
        }
        int missed = 0;
        for (int j = 0; j < scheme.Jobs; j++)
        {
            int d = scheme.DecodedRound(j);
            if (d < 0 || d > j + scheme.Delay) missed++;
        }
        return (missed, maxWork);
    }

    // Newly decoded jobs after round r: decoded in [release, r] and with a full job's data returned.
    private static void CheckDecodes(ISequentialGradientScheme scheme, string name, int r, double[] returned, bool[] decoded)
    {
        int last = Math.Min(r, scheme.Jobs - 1);
        for (int j = 0; j <= last; j++)
        {
            if (decoded[j]) continue;
            int d = scheme.DecodedRound(j);
            if (d < 0) continue;
            if (d < j || d > r)
                throw new ModelViolationException(name, r, $"job {j} reported decoded in round {d}, outside [{j}, {r}]");
            if (returned[j] < 1 - Slack)
                throw new ModelViolationException(name, r, $"job {j} reported decoded with only {returned[j]:R} of its data returned");
            decoded[j] = true;
        }
        for (int j = last + 1; j < scheme.Jobs; j++)
            if (scheme.DecodedRound(j) >= 0)
                throw new ModelViolationException(name, r, $"job {j} reported decoded before its release round {j}");
    }
}
