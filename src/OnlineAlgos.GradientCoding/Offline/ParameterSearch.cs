using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;

namespace OnlineAlgos.GradientCoding.Offline;

/// <summary>
/// The authors' probe-then-grid parameter choice (spec §2.5): replay every grid point on a probe trace (measured at
/// load <c>baseLoad</c>, shifted to each candidate's load with slope kappa, spec §2.4 step 5) with J = R - T_max jobs
/// and keep the fastest. Grids: GC s = 1..n-1; SR-SGC B = 1..T_max, W in {B+1, 2B+1, ...} &lt;= W_max = T_max+1,
/// lambda = 1..n; M-SGC W = 2..W_max-1, B = 1..W-1 with W-1+B &lt;= T_max, lambda = 1..n. Run on the evaluation trace
/// itself it gives the best parameters in hindsight (spec §4.3). Cost: (grid size) replays.
/// </summary>
public static class ParameterSearch
{
    /// <summary>Candidates of a scheme kind for n workers and delay cap tMax.</summary>
    public static IReadOnlyList<SgcSchemeSpec> Grid(SgcSchemeKind kind, int n, int tMax)
    {
        var list = new List<SgcSchemeSpec>();
        int wMax = tMax + 1;
        switch (kind)
        {
            case SgcSchemeKind.Uncoded: list.Add(SgcSchemeSpec.Uncoded(n)); break;
            case SgcSchemeKind.Gc:
                for (int s = 1; s <= n - 1; s++) list.Add(SgcSchemeSpec.Gc(n, s));
                break;
            case SgcSchemeKind.SrSgc:
                for (int b = 1; b <= tMax; b++)
                    for (int w = b + 1; w <= wMax; w += b)
                        for (int l = 1; l <= n; l++)
                            if (SchemeLoads.SrSgcS(b, w, l) <= n - 1) list.Add(SgcSchemeSpec.SrSgc(n, b, w, l));
                break;
            default:
                for (int w = 2; w <= wMax - 1; w++)
                    for (int b = 1; b <= w - 1; b++)
                        if (w - 1 + b <= tMax)
                            for (int l = 1; l <= n; l++) list.Add(SgcSchemeSpec.MSgc(n, b, w, l));
                break;
        }
        return list;
    }

    /// <summary>The candidate with the smallest replayed runtime (ties: first in grid order), with its replay.</summary>
    public static (SgcSchemeSpec Best, ReplayResult Replay) Best(SgcSchemeKind kind, StragglerTrace probe, double baseLoad,
        double kappa, double mu, int tMax)
    {
        int jobs = probe.Rounds - tMax;
        if (jobs < 1) throw new ArgumentException($"probe trace has {probe.Rounds} rounds; T_max = {tMax} needs more");
        SgcSchemeSpec? best = null;
        ReplayResult? bestReplay = null;
        foreach (var spec in Grid(kind, probe.Workers, tMax))
        {
            var replay = SgcReplay.Run(spec, AtLoad(probe, baseLoad, spec.Load.ToDouble(), kappa), mu, jobs);
            if (bestReplay is null || replay.Runtime < bestReplay.Runtime) { best = spec; bestReplay = replay; }
        }
        return (best!, bestReplay!);
    }

    /// <summary>The trace moved from <paramref name="baseLoad"/> to <paramref name="load"/> (spec §2.4 step 5).</summary>
    public static StragglerTrace AtLoad(StragglerTrace trace, double baseLoad, double load, double kappa) =>
        kappa == 0 || load == baseLoad ? trace : trace.Shifted((load - baseLoad) * kappa);
}
