using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// Runtime replay of a scheme over per-worker completion times (spec §2.4, the authors' evaluation): in round r the
/// master's cutoff is (1+mu) min_i d[r][i]; the slower workers S_r are candidate stragglers. If the scheme's design
/// model accepts S_r given the accepted past, the round lasts min(cutoff, max_i d) and S_r straggle; otherwise the master
/// waits everyone out (max_i d, nobody straggles). Acceptance: GC |S_r| &lt;= s (the authors' code uses &lt; s:
/// <c>gcStrictLess</c>); uncoded never tolerates a straggler; M-SGC the bursty checker; SR-SGC the bursty checker where
/// past rounds with no re-attempts and at most s stragglers count as clean (the authors' relaxation; such a round is
/// accepted outright). The scheme's state machine runs alongside, so <see cref="ReplayResult.DecodedOnTime"/> is
/// measured, not assumed, and policed by the rules of <see cref="PatternSimulator"/> (load, release, decode only with a
/// full job's data returned) on the straggler set each round is told. SR-SGC tail rounds with nothing to do cost 0.
/// O((J+T) n B).
/// </summary>
public static class SgcReplay
{
    /// <summary>Replays <paramref name="spec"/> on <paramref name="trace"/> (already at the scheme's load).</summary>
    /// <exception cref="OnlineAlgos.Core.ModelViolationException">The scheme broke the model (the rules of
    /// <see cref="PatternSimulator"/>, checked on the straggler set each round is told).</exception>
    public static ReplayResult Run(SgcSchemeSpec spec, StragglerTrace trace, double mu, int jobs, bool gcStrictLess = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {jobs}");
        return Run(spec, spec.CreateScheme(jobs), trace, mu, jobs, gcStrictLess);
    }

    /// <summary>As the public overload, with the scheme object given (tests hand it deliberately broken schemes).</summary>
    internal static ReplayResult Run(SgcSchemeSpec spec, ISequentialGradientScheme scheme, StragglerTrace trace, double mu, int jobs, bool gcStrictLess)
    {
        Validate(spec, scheme, trace, mu, jobs);
        int rounds = scheme.Rounds, n = spec.Workers;
        var checker = spec.Kind is SgcSchemeKind.MSgc or SgcSchemeKind.SrSgc ? new BurstyAdmissibilityChecker(spec.Model) : null;
        var sr = scheme as SelectiveReattemptSgcScheme;
        var police = new SchemePolice(scheme);
        var stragglers = new bool[n];
        var clean = new bool[n];
        var durations = new double[rounds];
        var waitOut = new bool[rounds];
        var idle = new bool[rounds];
        int waitOuts = 0;
        for (int r = 0; r < rounds; r++)
        {
            scheme.PlanRound(r);
            var d = trace.Round(r);
            int count = MarkStragglers(d, mu, stragglers, out double cutoff, out double max);
            if (scheme.RoundIsIdle)
            {
                idle[r] = true;
                checker?.AddClean();
                Complete(police, scheme, r, clean);
                continue;
            }
            bool accept = Accepts(spec, r, jobs, count, gcStrictLess, sr, checker, stragglers);
            Complete(police, scheme, r, accept ? stragglers : clean);
            waitOut[r] = !accept;
            if (!accept) waitOuts++;
            durations[r] = accept ? Math.Min(cutoff, max) : max;
        }
        return new ReplayResult(spec, jobs, CountOnTime(scheme, jobs), waitOuts, durations, waitOut, idle);
    }

    // The trace matches the scheme (workers, enough rounds); jobs and mu are in range.
    private static void Validate(SgcSchemeSpec spec, ISequentialGradientScheme scheme, StragglerTrace trace, double mu, int jobs)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Workers != spec.Workers) throw new ArgumentException($"trace has {trace.Workers} workers, scheme expects {spec.Workers}");
        if (jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {jobs}");
        if (!(mu >= 0)) throw new ArgumentException($"mu must be >= 0, got {mu}");
        int rounds = scheme.Rounds;
        if (trace.Rounds < rounds) throw new ArgumentException($"trace has {trace.Rounds} rounds; {jobs} jobs with T = {spec.Delay} need {rounds}");
    }

    // The round's cutoff (1+mu) min_i d and max_i d; marks the workers slower than the cutoff and returns their count.
    private static int MarkStragglers(ReadOnlySpan<double> d, double mu, bool[] stragglers, out double cutoff, out double max)
    {
        double min = double.PositiveInfinity, hi = 0; // locals, not the out parameters, inside the loops
        foreach (double v in d) { min = Math.Min(min, v); hi = Math.Max(hi, v); }
        double cut = (1 + mu) * min;
        int count = 0;
        for (int i = 0; i < stragglers.Length; i++) { stragglers[i] = d[i] > cut; if (stragglers[i]) count++; }
        cutoff = cut;
        max = hi;
        return count;
    }

    // Whether the scheme's design model accepts this round's stragglers given the accepted past (see the class).
    private static bool Accepts(SgcSchemeSpec spec, int r, int jobs, int count, bool gcStrictLess, SelectiveReattemptSgcScheme? sr,
        BurstyAdmissibilityChecker? checker, bool[] stragglers)
    {
        switch (spec.Kind)
        {
            case SgcSchemeKind.Uncoded: return count == 0;
            case SgcSchemeKind.Gc: return gcStrictLess ? count < spec.S || count == 0 : count <= spec.S;
            case SgcSchemeKind.SrSgc:
                if (r < jobs && sr!.ReattemptsThisRound == 0 && count <= sr.Tolerance) { checker!.AddClean(); return true; }
                return Admit(checker!, stragglers);
            default: return Admit(checker!, stragglers);
        }
    }

    // Tells the scheme the round's straggler set, policing its tasks before and its decodes after.
    private static void Complete(SchemePolice police, ISequentialGradientScheme scheme, int r, bool[] told)
    {
        police.CheckTasks(r, told);
        scheme.CompleteRound(told);
        police.CheckDecodes(r);
    }

    // Jobs decoded by their deadline j + T.
    private static int CountOnTime(ISequentialGradientScheme scheme, int jobs)
    {
        int onTime = 0;
        for (int j = 0; j < jobs; j++)
        {
            int dr = scheme.DecodedRound(j);
            if (dr >= 0 && dr <= j + scheme.Delay) onTime++;
        }
        return onTime;
    }

    private static bool Admit(BurstyAdmissibilityChecker checker, bool[] stragglers)
    {
        if (checker.TryAdd(stragglers)) return true;
        checker.AddClean();
        return false;
    }

    /// <summary>Duration of round r of a trace under a given decision (accepted or waited out).</summary>
    public static double RoundDuration(StragglerTrace trace, int round, double mu, bool waitedOut)
    {
        double max = trace.Max(round);
        return waitedOut ? max : Math.Min((1 + mu) * trace.Min(round), max);
    }

    /// <summary>The per-round lower bound of spec §6 item 10: sum over rounds of min(cutoff_r, max_i d).</summary>
    public static double NoWaitLowerBound(StragglerTrace trace, double mu, int rounds)
    {
        double t = 0;
        for (int r = 0; r < rounds; r++) t += RoundDuration(trace, r, mu, false);
        return t;
    }

    /// <summary>
    /// Splits runtime(scheme) - runtime(reference) into (load, wait-out, tail) so that the three add up exactly:
    /// load = scheme's decisions timed at its own load minus the same decisions timed at the reference's load
    /// (rounds &lt; J); wait-out = scheme's decisions minus the reference's decisions, both timed at the reference's load;
    /// tail = the scheme's rounds J..J+T-1 minus the reference's. Counterfactual attribution, documented as such.
    /// </summary>
    public static (double Load, double WaitOut, double Tail) Decompose(ReplayResult scheme, StragglerTrace schemeTrace,
        ReplayResult reference, StragglerTrace referenceTrace, double mu)
    {
        int jobs = scheme.Jobs;
        if (reference.Jobs != jobs) throw new ArgumentException("both replays need the same number of jobs");
        double load = 0, wait = 0, tail = 0;
        for (int r = 0; r < jobs; r++)
        {
            double own = RoundDuration(schemeTrace, r, mu, scheme.WaitOut[r]);
            double atRef = RoundDuration(referenceTrace, r, mu, scheme.WaitOut[r]);
            double refOwn = RoundDuration(referenceTrace, r, mu, reference.WaitOut[r]);
            load += own - atRef;
            wait += atRef - refOwn;
        }
        for (int r = jobs; r < scheme.Durations.Count; r++) tail += scheme.Durations[r];
        for (int r = jobs; r < reference.Durations.Count; r++) tail -= reference.Durations[r];
        return (load, wait, tail);
    }
}

/// <summary>Result of <see cref="SgcReplay.Run(SgcSchemeSpec, StragglerTrace, double, int, bool)"/>.</summary>
/// <param name="Spec">Scheme and parameters.</param>
/// <param name="Jobs">Jobs J.</param>
/// <param name="DecodedOnTime">Jobs decodable by their deadline in the replayed (accepted) pattern.</param>
/// <param name="WaitOuts">Rounds the master waited for everyone.</param>
/// <param name="Durations">Duration of each round 0..J+T-1 (0 for idle tail rounds).</param>
/// <param name="WaitOut">Per round: waited out.</param>
/// <param name="Idle">Per round: nothing to do (costs 0).</param>
public sealed record ReplayResult(SgcSchemeSpec Spec, int Jobs, int DecodedOnTime, int WaitOuts,
    IReadOnlyList<double> Durations, IReadOnlyList<bool> WaitOut, IReadOnlyList<bool> Idle)
{
    /// <summary>Total runtime (sum of round durations).</summary>
    public double Runtime
    {
        get
        {
            double t = 0;
            foreach (double d in Durations) t += d;
            return t;
        }
    }

    /// <summary>Time spent in tail rounds J..J+T-1.</summary>
    public double TailTime
    {
        get
        {
            double t = 0;
            for (int r = Jobs; r < Durations.Count; r++) t += Durations[r];
            return t;
        }
    }
}
