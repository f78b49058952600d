using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Testing;
using Xunit;

namespace OnlineAlgos.Paging.Testing.Tests.Paging;

/// <summary>The classical guarantees, checked through the public harness on generated instances (uniform, loops,
/// scans, phase-structured; spec §6) from a cold start.</summary>
public class ClassicalPagingProperties
{
    private const int Tests = 400;

    [Theory]
    [InlineData("lru")]
    [InlineData("fifo")]
    [InlineData("fwf")]
    [InlineData("marker")]
    public void DeterministicAlgorithmsAreKCompetitive(string name)
    {
        var check = CompetitiveCheck.Create(name, PagingGenerators.Instances(),
            inst => PagingSimulator.Run(PagingAlgorithms.Create(name), inst.Sequence, inst.K),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => Guarantee.Competitive(inst.K, source: "Sleator–Tarjan 1985; Karlin et al. 1988"),
            inst => inst.ToText());
        check.Verify(Tests);
    }

    [Theory]
    [InlineData("lru")]
    [InlineData("fifo")]
    [InlineData("fwf")]
    [InlineData("marker")]
    [InlineData("marker-rand")]
    [InlineData("rand")]
    public void NoAlgorithmBeatsBelady(string name)
    {
        // "ALG >= 1·OPT" is the maximisation form of the guarantee: no online algorithm can be cheaper than OPT.
        var check = CompetitiveCheck.Create(name, PagingGenerators.Instances(),
            inst => PagingSimulator.Run(PagingAlgorithms.Create(name), inst.Sequence, inst.K, new Rng((ulong)inst.Sequence.Length)),
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            Guarantee.Approximates(1.0, "Belady 1966: FitF is optimal"),
            inst => inst.ToText());
        check.Verify(Tests);
    }

    [Fact]
    public void BeladyEqualsBruteForceOnSmallInstances()
    {
        // n <= 12, k <= 3: both directions of the equality through the harness.
        var small = PagingGenerators.Instances(maxK: 3, maxN: 12);
        CompetitiveCheck.Create("belady", small,
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => BruteForce.Opt(inst.Sequence.Requests.ToArray(), inst.K),
            Guarantee.Competitive(1.0, source: "exact"), inst => inst.ToText()).Verify(500);
        CompetitiveCheck.Create("belady", small,
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            inst => BruteForce.Opt(inst.Sequence.Requests.ToArray(), inst.K),
            Guarantee.Approximates(1.0, "exact"), inst => inst.ToText()).Verify(500);
    }

    [Fact]
    public void PhasesAtMostOpt()
    {
        CompetitiveCheck.Create("phases", PagingGenerators.Instances(),
            inst => PhasePartition.Compute(inst.Sequence, inst.K).PhaseCount,
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            Guarantee.Competitive(1.0, source: "spec §1"), inst => inst.ToText()).Verify(Tests);
        CompetitiveCheck.Create("clean pages", PagingGenerators.Instances(),
            inst => PhasePartition.Compute(inst.Sequence, inst.K).TotalCleanPages,
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            Guarantee.Competitive(2.0, source: "spec §1: sum c_i <= 2 OPT"), inst => inst.ToText()).Verify(Tests);
    }

    [Fact]
    public void GeneratorsCoverTheFamilies()
    {
        // The mixture must produce loops (LRU = n on a k+1 loop) and instances with more than k distinct pages.
        var sample = PagingGenerators.InstanceGen(6, 120).Sample(300, new Rnd(7UL, 3UL), 100);
        Assert.Contains(sample, i => i.Sequence.PageCount > i.K);
        Assert.Contains(sample, i => i.Sequence.Length > 20
            && PagingSimulator.Run(new LruPaging(), i.Sequence, i.K) == i.Sequence.Length && i.Sequence.PageCount == i.K + 1);
    }
}

/// <summary>Exhaustive optimum for tiny instances (independent of Belady).</summary>
internal static class BruteForce
{
    public static int Opt(int[] req, int k)
    {
        var memo = new Dictionary<(int, long), int>();
        return Go(0, 0L);

        int Go(int t, long cache) // bitmask of cached pages (ids < 64 in small instances)
        {
            if (t == req.Length) return 0;
            if (memo.TryGetValue((t, cache), out int v)) return v;
            long bit = 1L << req[t];
            int best;
            if ((cache & bit) != 0) best = Go(t + 1, cache);
            else if (long.PopCount(cache) < k) best = 1 + Go(t + 1, cache | bit);
            else
            {
                best = int.MaxValue;
                for (long rest = cache; rest != 0; rest &= rest - 1)
                    best = Math.Min(best, 1 + Go(t + 1, (cache & ~(rest & -rest)) | bit));
            }
            memo[(t, cache)] = best;
            return best;
        }
    }
}
