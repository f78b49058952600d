using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Tests;

/// <summary>Hand-written instances of spec §6.4 (ids 0-based in listed order).</summary>
internal static class TestInstances
{
    public static Rational R(string s) => Rational.Parse(s, null);

    public static SchedulingInstance<Rational> Build(params (string Release, string[] Ops)[] jobs)
    {
        var list = new List<SchedulingJob<Rational>>();
        for (int j = 0; j < jobs.Length; j++)
            list.Add(new SchedulingJob<Rational>(j.ToString(System.Globalization.CultureInfo.InvariantCulture), R(jobs[j].Release), jobs[j].Ops.Select(R).ToArray()));
        return new SchedulingInstance<Rational>(list);
    }

    public static SchedulingInstance<Rational> Chain16()
    {
        var jobs = new List<(string, string[])> { ("0", Enumerable.Repeat("1", 16).ToArray()) };
        for (int i = 0; i < 4; i++) jobs.Add(("0", new[] { "2" }));
        return Build(jobs.ToArray());
    }

    public static SchedulingInstance<Rational> Mpt4()
    {
        var jobs = new List<(string, string[])>();
        for (int i = 0; i < 4; i++) jobs.Add(("0", Enumerable.Repeat("1/4", 5).ToArray()));
        for (int i = 0; i < 64; i++) jobs.Add(((new Rational(4) + new Rational(i, 4)).ToString(), new[] { "1/4" }));
        return Build(jobs.ToArray());
    }

    public static SchedulingInstance<Rational> Tests5() => Build(
        ("0", new[] { "1", "3" }), ("0", new[] { "1", "0" }), ("1/2", new[] { "1", "1" }),
        ("2", new[] { "1", "5" }), ("3", new[] { "1", "1/2" }));

    public static SchedulingInstance<Rational> Batch5Eq() => Build(Enumerable.Range(0, 5).Select(_ => ("0", new[] { "1" })).ToArray());
}
