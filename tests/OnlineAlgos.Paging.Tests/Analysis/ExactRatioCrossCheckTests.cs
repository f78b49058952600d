using OnlineAlgos.Core;
using OnlineAlgos.Paging.Analysis;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.Paging.Tests.Analysis;

/// <summary>Independent checks of the exact-ratio engine: its state models against the real classes, its work
/// function against Belady, and its ratio against brute force over every short sequence on k = 2, N = 3.</summary>
public class ExactRatioCrossCheckTests(ITestOutputHelper output)
{
    public static TheoryData<string> Supported() => new(PagingStateModel.SupportedNames);

    [Theory]
    [MemberData(nameof(Supported))]
    public void ModelCostsEqualTheRealClassOnRandomSequences(string name)
    {
        var model = PagingStateModel.TryCreate(name)!;
        var rng = new Rng(1515);
        for (int trial = 0; trial < 400; trial++)
        {
            int k = rng.NextInt(1, 5), n = rng.NextInt(1, 60), universe = rng.NextInt(k + 1, k + 4);
            var pages = new int[n];
            var bits = new byte[n];
            for (int t = 0; t < n; t++) { pages[t] = rng.NextInt(universe); bits[t] = (byte)rng.NextInt(2); }
            var seq = RequestSequence.FromPages(pages, model.UsesBits ? bits : null);
            long real = PagingSimulator.Run(PagingAlgorithms.Create(name, new PagingAlgorithmOptions(model.UsesBits ? bits : null)), seq, k);
            // the model runs on the dense ids, which are a relabelling of the pages (rules are label-invariant)
            Assert.Equal(real, model.Cost(seq.Requests, model.UsesBits ? bits : default, k));
        }
    }

    [Fact]
    public void WorkFunctionIncrementsSumToBeladyAndTheFastUpdateEqualsTheGeneralOne()
    {
        var rng = new Rng(42);
        for (int trial = 0; trial < 200; trial++)
        {
            int k = rng.NextInt(1, 5), universe = rng.NextInt(k + 1, Math.Min(k + 4, 8)), n = rng.NextInt(0, 50);
            var pages = new int[n];
            for (int t = 0; t < n; t++) pages[t] = rng.NextInt(universe);
            var wf = new PagingWorkFunction(universe, k);
            var w = wf.Start();
            long sum = 0;
            foreach (int p in pages)
            {
                var fast = wf.Step(w, p, out int inc);
                var slow = wf.StepNaive(w, p, out int incSlow);
                Assert.Equal(slow, fast);
                Assert.Equal(incSlow, inc);
                Assert.InRange(inc, 0, 1);
                sum += inc;
                w = fast;
            }
            // pages are already 0..universe-1, any unused ids do not change Belady's cost
            var ids = new string[universe];
            for (int i = 0; i < universe; i++) ids[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(BeladyPaging.Faults(new RequestSequence(pages, ids), k), sum);
        }
    }

    /// <summary>Brute force over all 3^L sequences on k = 2, N = 3, real classes and Belady only: g(c, L) =
    /// max over |σ| ≤ L of ALG − c·OPT. At the exact ratio c it stays flat from L = 7 to L = 11 (bounded additive
    /// term); just below it (c − 1/2) it keeps growing; for unbounded algorithms it grows even at c = 3 (> k).</summary>
    [Theory]
    [InlineData("lru")]
    [InlineData("fifo")]
    [InlineData("fwf")]
    [InlineData("marker")]
    [InlineData("mru")]
    [InlineData("lifo")]
    public void BruteForceAgreesWithTheExactRatio(string name)
    {
        const int k = 2, pages = 3;
        var r = ExactCompetitiveRatio.Compute(name, k, pages);
        var (alg, opt) = AllSequences(name, k, pages, 11);
        Rational c = r.Unbounded ? new Rational(3) : r.Ratio;
        Rational G(Rational cc, int len)
        {
            Rational best = Rational.Zero;
            for (int i = 0; i < alg.Length; i++)
                if (opt[i].Length <= len && (Rational)alg[i].Cost - cc * opt[i].Cost > best) best = (Rational)alg[i].Cost - cc * opt[i].Cost;
            return best;
        }
        output.WriteLine($"{name}: exact {r.RatioText}; g(c,7) = {G(c, 7)}, g(c,11) = {G(c, 11)}");
        if (r.Unbounded)
            Assert.True(G(c, 11) > G(c, 7));
        else
        {
            Assert.Equal(G(c, 7), G(c, 11));
            var below = c - new Rational(1, 2);
            Assert.True(G(below, 11) > G(below, 7), $"g(c - 1/2) does not grow: {G(below, 7)} vs {G(below, 11)}");
        }
    }

    [Theory]
    [InlineData("follow-discard")]
    [InlineData("mark0")]
    public void BitAlgorithmsWithAdversarialBitsAreUnboundedAndBruteForceAgrees(string name)
    {
        const int k = 2, pages = 3;
        var r = ExactCompetitiveRatio.Compute(name, k, pages);
        output.WriteLine($"{name}: {r.RatioText}, states {r.States}, witness {r.Witness.Length}");
        Assert.True(r.Unbounded);
        Assert.True(r.Witness.HasBits);
        // brute force over all page-and-bit sequences of length <= 7: ALG - 2·OPT (k = 2) keeps growing with the length
        long G(int len)
        {
            long best = 0;
            var p = new int[len];
            var b = new byte[len];
            for (long code = 0; code < (long)Math.Pow(2 * pages, len); code++)
            {
                long x = code;
                for (int t = 0; t < len; t++) { p[t] = (int)(x % pages); x /= pages; b[t] = (byte)(x % 2); x /= 2; }
                var seq = RequestSequence.FromPages(p, (byte[])b.Clone());
                long a = PagingSimulator.Run(PagingAlgorithms.Create(name, new PagingAlgorithmOptions(seq.Bits.ToArray())), seq, k);
                best = Math.Max(best, a - 2 * BeladyPaging.Faults(seq, k));
            }
            return best;
        }
        long g5 = G(5), g7 = G(7);
        output.WriteLine($"g(2,5) = {g5}, g(2,7) = {g7}");
        Assert.True(g7 > g5, $"ALG - 2·OPT does not grow: {g5} vs {g7}");
    }

    private static ((int Length, long Cost)[] Alg, (int Length, long Cost)[] Opt) AllSequences(string name, int k, int pages, int maxLen)
    {
        var alg = new List<(int, long)>();
        var opt = new List<(int, long)>();
        for (int len = 0; len <= maxLen; len++)
        {
            var p = new int[len];
            long total = (long)Math.Pow(pages, len);
            for (long code = 0; code < total; code++)
            {
                long x = code;
                for (int t = 0; t < len; t++) { p[t] = (int)(x % pages); x /= pages; }
                var seq = RequestSequence.FromPages(p);
                alg.Add((len, PagingSimulator.Run(PagingAlgorithms.Create(name), seq, k)));
                opt.Add((len, BeladyPaging.Faults(seq, k)));
            }
        }
        return (alg.ToArray(), opt.ToArray());
    }
}
