using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Offline;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.ProofChecks.GradientCoding;

/// <summary>
/// Spec §4.2 (reconstructed, "not run" there): on the periodic instance of §3.4 (0-based, opening with a burst) with
/// T = W−2+B, the clairvoyant LP optimum lies in [bound·J/(J+T), bound] and tends to the §3.4 bound as J grows.
/// GLOP at J = 10, 20, 40 (cross-checked against the exact value), the exact value alone up to J = 2000.
/// </summary>
public class ClairvoyantLpLimitChecks
{
    private readonly ITestOutputHelper _out;
    public ClairvoyantLpLimitChecks(ITestOutputHelper output) => _out = output;

    [Theory]
    [InlineData(8, 2, 3, 4)]
    [InlineData(10, 2, 3, 4)]
    [InlineData(20, 2, 5, 6)]
    [InlineData(8, 1, 2, 7)]    // lambda = n-1: the bound is M-SGC's own load
    [InlineData(256, 1, 2, 27)] // the paper's M-SGC parameters
    public void Periodic_instance_LP_rises_monotonically_to_the_bound(int n, int b, int w, int l)
    {
        var m = new BurstyModel(n, b, w, l);
        int t = w - 2 + b;
        var bound = SchemeLoads.LowerBound(m);
        double previous = 0;
        foreach (int jobs in new[] { 10, 20, 40 })
        {
            var p = BurstyPatternGenerator.Periodic(m, jobs + t);
            var lp = ClairvoyantLoadLp.Solve(p, jobs, t);
            Assert.Equal(ClairvoyantLpStatus.Optimal, lp.Status);
            var exact = ClairvoyantLoadLp.ExactLoad(p, jobs, t)!.Value;
            Assert.True(Math.Abs(lp.Load - exact.ToDouble()) <= 1e-9, $"J={jobs}: GLOP {lp.Load} vs exact {exact}");
            Assert.True(exact <= bound, $"J={jobs}: LP {exact} above bound {bound}");
            Assert.True(exact >= bound * new Rational(jobs, jobs + t), $"J={jobs}: LP {exact} below bound*J/(J+T)");
            Assert.True(lp.Load > previous, $"J={jobs}: LP {lp.Load} did not rise from {previous}");
            // Both steps of the counting argument: L* >= J / (worker-rounds in rounds 0..J+T-1) >= bound*J/(J+T).
            // (All J jobs need not be the binding set: at (8,2,3,4), J = 20 the first 19 jobs bind, L* = 19/128.)
            var counting = new Rational(jobs, (long)n * (jobs + t) - (long)l * StraggleRounds(m, jobs + t));
            Assert.True(exact >= counting && counting >= bound * new Rational(jobs, jobs + t), $"J={jobs}: counting step fails");
            _out.WriteLine($"{m} J={jobs}: LP {lp.Load:G8} = {exact}, bound {bound.ToDouble():G8}, gap {1 - lp.Load / bound.ToDouble():P3} ({lp.Variables} variables)");
            previous = lp.Load;
        }
        foreach (int jobs in new[] { 200, 2000 })
        {
            var exact = ClairvoyantLoadLp.ExactLoad(BurstyPatternGenerator.Periodic(m, jobs + t), jobs, t)!.Value;
            double gap = 1 - exact.ToDouble() / bound.ToDouble();
            Assert.True(exact.ToDouble() > previous);
            Assert.InRange(gap, 0, (double)t / (jobs + t) + 1e-15);
            _out.WriteLine($"{m} J={jobs}: exact LP gap {gap:P4} (<= T/(J+T) = {(double)t / (jobs + t):P4})");
            previous = exact.ToDouble();
        }
    }

    private static int StraggleRounds(BurstyModel m, int rounds)
    {
        int period = m.W - 1 + m.B, count = 0;
        for (int r = 0; r < rounds; r++) if (r % period < m.B) count++;
        return count;
    }
}
