using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Formats;
using OnlineAlgos.Scheduling.Generators;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using Xunit;

namespace OnlineAlgos.Scheduling.Tests.Generators;

public class WorkloadTests
{
    [Theory]
    [InlineData(16, "2.27")]
    [InlineData(64, "4.26")]
    [InlineData(256, "8.26")]
    public void L2_OpSrptRatioMatchesFormulaAndSpec(int m, string specRatio)
    {
        var inst = SchedulingWorkloads.ChainVersusShort(m);
        int s = (int)Math.Floor(Math.Sqrt(m));
        var alg = Support.Run(inst, "opsrpt").TotalFlowTime;
        var opt = SrptOptimum.Cost(inst);
        Assert.Equal(new Rational(m + s * m + s * (s + 1)), alg);
        Assert.Equal(new Rational(s * (s + 1) + 2 * s + m), opt);
        double ratio = (alg / opt).ToDouble();
        Assert.Equal(double.Parse(specRatio, System.Globalization.CultureInfo.InvariantCulture), Math.Round(ratio, 2));
        Assert.True(ratio >= Math.Sqrt(m) / 2 - 0.01); // S2
    }

    [Theory]
    [InlineData(2, "2.08", "1.44", "1.32", "1.40")]
    [InlineData(4, "3.69", "2.25", "2.08", "2.21")]
    [InlineData(6, "5.28", "3.05", "2.87", "3.02")]
    public void L1_FixedStreamRatiosMatchSpec(int k, string rr, string setf, string opsrpt, string slf)
    {
        var inst = SchedulingWorkloads.MptStream(k);
        var opt = SrptOptimum.Cost(inst);
        double Ratio(string name) => Math.Round((Support.Run(inst, name).TotalFlowTime / opt).ToDouble(), 2);
        Assert.Equal(double.Parse(rr, System.Globalization.CultureInfo.InvariantCulture), Ratio("rr"));
        Assert.Equal(double.Parse(setf, System.Globalization.CultureInfo.InvariantCulture), Ratio("setf"));
        Assert.Equal(double.Parse(opsrpt, System.Globalization.CultureInfo.InvariantCulture), Ratio("opsrpt"));
        Assert.Equal(double.Parse(slf, System.Globalization.CultureInfo.InvariantCulture), Ratio("slf-op"));
    }

    [Fact]
    public void MptStreamFourIsTheGoldenInstance() =>
        Assert.Equal(SchedulingJsonWriter.ToJson(TestInstances.Mpt4()), SchedulingJsonWriter.ToJson(SchedulingWorkloads.MptStream(4)));

    [Fact]
    public void AdaptiveMptKeepsPhaseOneAndHurtsRoundRobin()
    {
        // Against RR, every chain gets service 1 by time k, so v_j = k + 1 and p_j = (k+2)/k.
        int k = 3;
        var inst = SchedulingWorkloads.AdaptiveMptStream(k, () => new RoundRobinScheduler<Rational>());
        for (int j = 0; j < k; j++) Assert.Equal(k + 2, inst.OperationCount(j));
        Assert.Equal(k + k * k * k, inst.JobCount);
        var ratio = Support.Run(inst, "rr").TotalFlowTime / SrptOptimum.Cost(inst);
        Assert.True(ratio > 2, $"RR ratio {ratio.ToDouble()}");
    }

    [Fact]
    public void RandomFamiliesAreDeterministicAndWellFormed()
    {
        var a = SchedulingWorkloads.Poisson(new Rng(5), 300, 0.9, 8, OperationSizeDistribution.Pareto());
        var b = SchedulingWorkloads.Poisson(new Rng(5), 300, 0.9, 8, OperationSizeDistribution.Pareto());
        Assert.Equal(SchedulingJsonWriter.ToJson(a), SchedulingJsonWriter.ToJson(b));
        Assert.True(a.MaxOperations <= 8);
        // Load check: total work / release span close to rho (n = 300, Pareto: loose band).
        double work = 0;
        for (int j = 0; j < a.JobCount; j++) work += a.TotalSize(j);
        double span = a.Release(a.JobCount - 1);
        Assert.InRange(work / span, 0.4, 2.0);
        var tests = SchedulingWorkloads.UniformTests(new Rng(1), 200, 0.8, OperationSizeDistribution.LogNormal(1));
        Assert.True(tests.IsUniformTests(out double t) && t == 1);
        var geo = SchedulingWorkloads.GeometricGrowth(new Rng(2), 50, 0.9, 2, 6);
        for (int j = 0; j < geo.JobCount; j++)
            for (int i = 1; i < geo.OperationCount(j); i++)
                Assert.Equal(2 * geo.Operation(j, i - 1), geo.Operation(j, i), 9);
        var tail = SchedulingWorkloads.DeceptiveTail(new Rng(3), 50, 0.9, 5);
        Assert.All(Enumerable.Range(0, tail.JobCount), j => Assert.InRange(tail.OperationCount(j), 4, 5));
    }

    [Fact]
    public void S4_SingleOperationPoissonOpSrptIsOptimal()
    {
        // S4 (spec §6.2): G1 with M = 1: OpSRPT/OPT == 1 (double mode, 20 seeds, n = 300).
        for (int seed = 0; seed < 20; seed++)
        {
            var inst = SchedulingWorkloads.Poisson(new Rng((ulong)seed), 300, 0.95, 1, OperationSizeDistribution.LogNormal(2));
            double opt = SrptOptimum.Cost(inst);
            double alg = ScheduleSimulator.Run(inst, new OperationSrptScheduler<double>()).TotalFlowTime;
            Assert.Equal(1.0, alg / opt, 9);
        }
    }
}
