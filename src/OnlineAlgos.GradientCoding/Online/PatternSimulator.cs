using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Runs a scheme's state machine over a straggler pattern (rounds beyond the pattern are clean) and reports which jobs
/// were decodable by their deadline t+T. This is the feasibility check of spec §6 items 3-5. O((J+T) per-round cost).
/// </summary>
public static class PatternSimulator
{
    /// <summary>Number of jobs not decodable by their deadline (0 = feasible on this pattern).</summary>
    public static int MissedDeadlines(ISequentialGradientScheme scheme, StragglerPattern pattern)
    {
        if (pattern.Workers != scheme.Workers) throw new ArgumentException($"pattern has {pattern.Workers} workers, scheme {scheme.Workers}");
        var clean = new bool[scheme.Workers];
        for (int r = 0; r < scheme.Rounds; r++)
        {
            scheme.PlanRound(r);
            scheme.CompleteRound(r < pattern.Rounds ? pattern.Round(r) : clean);
        }
        int missed = 0;
        for (int j = 0; j < scheme.Jobs; j++)
        {
            int d = scheme.DecodedRound(j);
            if (d < 0 || d > j + scheme.Delay) missed++;
        }
        return missed;
    }
}
