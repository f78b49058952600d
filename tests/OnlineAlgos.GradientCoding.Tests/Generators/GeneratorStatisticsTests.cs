using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Generators;

public class GeneratorStatisticsTests
{
    [Fact]
    public void Gilbert_Elliott_fraction_and_bad_run_length_are_within_3_sigma()
    {
        // Spec §6 statistical (a): 200 workers x 1000 rounds = 2e5 worker-rounds, fixed seed. 3 sigma ~ 99.7% two-sided.
        double pGB = 0.05, pBG = 0.8;
        var p = GilbertElliottPatternGenerator.Generate(200, 1000, pGB, pBG, new Rng(17));
        long bad = 0; int runs = 0; long runTotal = 0;
        var runLengths = new List<int>();
        for (int i = 0; i < 200; i++)
            for (int r = 0; r < 1000; r++)
            {
                if (p[r, i]) bad++;
                if (p[r, i] && (r == 0 || !p[r - 1, i]) && r > 0)
                {
                    int len = 0;
                    while (r + len < 1000 && p[r + len, i]) len++;
                    if (r + len < 1000) { runs++; runTotal += len; runLengths.Add(len); }
                }
            }
        double pi = pGB / (pGB + pBG);
        double frac = bad / 2e5;
        // Correlated chain: variance inflation (1 + rho)/(1 - rho) with rho = 1 - pGB - pBG.
        double rho = 1 - pGB - pBG;
        double sigma = Math.Sqrt(pi * (1 - pi) / 2e5 * (1 + rho) / (1 - rho));
        Assert.InRange(frac, pi - 3 * sigma, pi + 3 * sigma);
        double meanRun = (double)runTotal / runs, expected = 1 / pBG;
        double runSigma = Math.Sqrt((1 - pBG) / (pBG * pBG) / runs); // geometric run length variance
        Assert.InRange(meanRun, expected - 3 * runSigma, expected + 3 * runSigma);
    }

    [Fact]
    public void Iid_per_round_counts_follow_the_binomial_by_chi_square()
    {
        // Spec §6 statistical (b): 1e4 rounds of n = 20, p = 0.3; bins 0..2, 3..10, >= 11 merged where expected < 5.
        int n = 20, rounds = 10000; double prob = 0.3;
        var pat = IidPatternGenerator.Generate(n, rounds, prob, new Rng(23));
        var observed = new double[n + 1];
        for (int r = 0; r < rounds; r++) observed[pat.CountInRound(r)]++;
        var expected = new double[n + 1];
        for (int k = 0; k <= n; k++)
        {
            double c = 1;
            for (int i = 0; i < k; i++) c = c * (n - i) / (i + 1);
            expected[k] = rounds * c * Math.Pow(prob, k) * Math.Pow(1 - prob, n - k);
        }
        // merge tails: k <= 1 and k >= 11
        double chi = 0; int bins = 0;
        double oLow = observed[0] + observed[1], eLow = expected[0] + expected[1];
        chi += (oLow - eLow) * (oLow - eLow) / eLow; bins++;
        for (int k = 2; k <= 10; k++) { chi += (observed[k] - expected[k]) * (observed[k] - expected[k]) / expected[k]; bins++; }
        double oHi = 0, eHi = 0;
        for (int k = 11; k <= n; k++) { oHi += observed[k]; eHi += expected[k]; }
        chi += (oHi - eHi) * (oHi - eHi) / eHi; bins++;
        // 11 bins -> 10 degrees of freedom; 99.9% quantile 29.59 (false alarm 0.1% with this fixed seed).
        Assert.True(chi < 29.59, $"chi-square {chi} over {bins} bins");
    }
}

public class SyntheticTraceCalibrationTests
{
    [Fact]
    public void Synthetic_trace_matches_the_stored_trace_statistics_it_was_fitted_to()
    {
        // Spec §5: median 0.644, mean 0.703, p90 0.889, min 0.542; 12.8 stragglers per round at mu = 1.
        // 256 workers x 400 rounds (102,400 samples), fixed seed; tolerances are about 3% of each value.
        var t = new OnlineAlgos.GradientCoding.Generators.SyntheticTraceGenerator().Generate(256, 400, 0, new Rng(41));
        var all = new double[256 * 400];
        for (int r = 0; r < 400; r++) t.Round(r).CopyTo(all.AsSpan(r * 256, 256));
        Array.Sort(all);
        Assert.InRange(all[all.Length / 2], 0.62, 0.67);
        Assert.InRange(all[(int)(all.Length * 0.9)], 0.86, 0.95);
        Assert.InRange(all.Average(), 0.68, 0.73);
        Assert.InRange(all[0], 0.54, 0.545);
        var p = t.DerivePattern(1.0);
        double perRound = 0;
        for (int r = 0; r < 400; r++) perRound += p.CountInRound(r);
        Assert.InRange(perRound / 400, 11.0, 14.5);
    }
}
