using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests;

/// <summary>Spec §6.4 golden values, exact rationals, tie rule (key, release, id).</summary>
public class GoldenValueTests
{
    public static TheoryData<string, string, string, string, string, string, string, string> Rows => new()
    {
        // instance, OPT, OpSRPT, SLF-op, RR, SETF, FIFO, skeleton
        { "chain16", "44", "100", "52", "64", "64", "100", "52" },
        { "mpt4", "89/2", "185/2", "197/2", "164", "100", "185/2", "197/2" },
        { "tests5", "26", "31", "65/2", "81/2", "42", "38", "65/2" },
        { "batch5eq", "15", "15", "15", "25", "25", "15", "15" },
    };

    private static SchedulingInstance<Rational> Get(string name) => name switch
    {
        "chain16" => TestInstances.Chain16(),
        "mpt4" => TestInstances.Mpt4(),
        "tests5" => TestInstances.Tests5(),
        _ => TestInstances.Batch5Eq(),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void MatchesSpecTable(string name, string opt, string opsrpt, string slf, string rr, string setf, string fifo, string chunked)
    {
        var inst = Get(name);
        Assert.Equal(TestInstances.R(opt), SrptOptimum.Cost(inst));
        Assert.Equal(TestInstances.R(opsrpt), Run(inst, "opsrpt"));
        Assert.Equal(TestInstances.R(slf), Run(inst, "slf-op"));
        Assert.Equal(TestInstances.R(rr), Run(inst, "rr"));
        Assert.Equal(TestInstances.R(setf), Run(inst, "setf"));
        Assert.Equal(TestInstances.R(fifo), Run(inst, "fifo"));
        Assert.Equal(TestInstances.R(chunked), Run(inst, "chunked"));
    }

    private static Rational Run(SchedulingInstance<Rational> inst, string name)
    {
        var result = ScheduleSimulator.Run(inst, SchedulingAlgorithms.Create<Rational>(name));
        Assert.Equal(result.TotalFlowTime, result.AliveIntegral); // P3 on every golden run
        return result.TotalFlowTime;
    }
}
