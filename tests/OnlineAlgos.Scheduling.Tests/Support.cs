using OnlineAlgos.Core;
using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Scheduling.Testing;

namespace OnlineAlgos.Scheduling.Tests;

internal static class Support
{
    public static readonly string[] AllNames = SchedulingAlgorithms.Names.ToArray();

    public static ScheduleResult<Rational> Run(SchedulingInstance<Rational> inst, string name, bool segments = false, TieRule tie = TieRule.ReleaseAscending) =>
        ScheduleSimulator.Run(inst, SchedulingAlgorithms.Create<Rational>(name, new SchedulingAlgorithmOptions(tie)), segments);

    /// <summary>Runs an FsCheck property over an arbitrary, throwing with the JSON of the failing instance.</summary>
    public static void ForAll(Arbitrary<SchedulingInstance<Rational>> arb, int maxTest, Action<SchedulingInstance<Rational>> check)
    {
        var prop = Prop.ForAll(arb, inst =>
        {
            try { check(inst); }
            catch (Exception e) { throw new InvalidOperationException(e.Message + "\ninstance:\n" + SchedulingGenerators.ToText(inst), e); }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true), prop);
    }

    /// <summary>Union of the busy time of a schedule as disjoint sorted intervals.</summary>
    public static List<(Rational Start, Rational End)> BusyIntervals(ScheduleResult<Rational> result)
    {
        var segs = result.Segments!.OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var busy = new List<(Rational, Rational)>();
        foreach (var s in segs)
        {
            if (s.End <= s.Start) continue;
            if (busy.Count > 0 && s.Start <= busy[^1].Item2)
            {
                if (s.End > busy[^1].Item2) busy[^1] = (busy[^1].Item1, s.End);
            }
            else busy.Add((s.Start, s.End));
        }
        return busy;
    }

    public static Rational Opt(SchedulingInstance<Rational> inst) => SrptOptimum.Cost(inst);
}
