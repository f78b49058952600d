using OnlineAlgos.Core;
using System.Globalization;
using System.Numerics;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Online;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.ProofChecks.GradientCoding;

/// <summary>
/// Spec §3.6 and §6 item 7 (Krishnan et al. ICLR 2023; lower bound reconstructed): every row of the reference table
/// re-derived in exact arithmetic from the defining relations (data layout of M-SGC, smallest s of SR-SGC, the counting
/// identity of §3.4) rather than from the closed forms, and the load ordering / lower-bound claims on a grid of
/// n ≤ 256, W ≤ 10, every B and lambda (about 1.5 million models).
/// </summary>
public class LoadFormulaChecks
{
    private readonly ITestOutputHelper _out;
    public LoadFormulaChecks(ITestOutputHelper output) => _out = output;

    /// <summary>Minimal exact rational with division (the family's Rational has none on purpose).</summary>
    private readonly record struct Q(BigInteger P, BigInteger D)
    {
        public static Q Of(long p, long d = 1) => Norm(p, d);
        private static Q Norm(BigInteger p, BigInteger d)
        {
            if (d.Sign < 0) { p = -p; d = -d; }
            var g = BigInteger.GreatestCommonDivisor(p, d);
            return g.IsZero ? new Q(0, 1) : new Q(p / g, d / g);
        }
        public static Q operator +(Q a, Q b) => Norm(a.P * b.D + b.P * a.D, a.D * b.D);
        public static Q operator -(Q a, Q b) => Norm(a.P * b.D - b.P * a.D, a.D * b.D);
        public static Q operator *(Q a, Q b) => Norm(a.P * b.P, a.D * b.D);
        public static Q operator /(Q a, Q b) => Norm(a.P * b.D, a.D * b.P);
        public override string ToString() => D.IsOne ? P.ToString(CultureInfo.InvariantCulture) : $"{P}/{D}";
        public double ToDouble() => (double)P / (double)D;
    }

    /// <summary>M-SGC mini-task size c from the layout: n(W−1) D1 pieces of size c plus B D2 groups of size
    /// n·c/(lambda+1) make one job (no D2 when lambda = n).</summary>
    private static Q MiniTaskFromLayout(int n, int b, int w, int l)
    {
        var perC = Q.Of((long)n * (w - 1)) + (l < n ? Q.Of(b) * Q.Of(n) / Q.Of(l + 1) : Q.Of(0));
        return Q.Of(1) / perC;
    }

    /// <summary>Smallest s with s (W−1+B) ≥ B lambda, found by counting up.</summary>
    private static int SmallestS(int b, int w, int l)
    {
        int s = 0;
        while ((long)s * (w - 1 + b) < (long)b * l) s++;
        return s;
    }

    /// <summary>L with L (nP − lambda B) = P on the periodic instance (§3.4), P = W−1+B.</summary>
    private static Q BoundFromCounting(int n, int b, int w, int l)
    {
        int p = w - 1 + b;
        return Q.Of(p) / (Q.Of((long)n * p) - Q.Of((long)l * b));
    }

    // The table prints decimals rounded half up (13/256 = 0.05078125 -> 0.0507813).
    // n, B, W, lambda, T, M-SGC (exact, printed decimal or NaN), s, SR-SGC (exact, decimal), GC (null = infeasible), bound.
    public static IEnumerable<object?[]> Table =>
    [
        [256, 1, 2, 27, 1, "7/928", 0.0075431, 14, "15/256", 0.0585938, "7/64", "2/485"],
        [256, 2, 3, 23, 3, "3/400", 0.0075, 12, "13/256", 0.0507813, "3/32", "2/489"],
        [256, 1, 2, 9, 1, "5/704", 0.0071023, 5, "3/128", double.NaN, "5/128", "2/503"],
        [10, 2, 3, 4, 3, "1/6", double.NaN, 2, "3/10", double.NaN, "1/2", "1/8"],
        [8, 1, 2, 7, 1, "2/9", double.NaN, 4, "5/8", double.NaN, "1", "2/9"],
        [8, 1, 2, 8, 1, "1/4", double.NaN, 4, "5/8", double.NaN, null, "1/4"],
        [20, 2, 5, 6, 5, "7/100", double.NaN, 2, "3/20", double.NaN, "7/20", "1/18"],
        [100, 3, 7, 50, 8, "153/10300", double.NaN, 17, "9/50", double.NaN, "51/100", "3/250"],
    ];

    [Theory]
    [MemberData(nameof(Table))]
    public void Table_3_6_row_is_rederived_exactly(int n, int b, int w, int l, int t, string msgc, double msgcDecimal,
        int s, string srsgc, double srDecimal, string? gc, string bound)
    {
        var m = new BurstyModel(n, b, w, l);
        var c = MiniTaskFromLayout(n, b, w, l);
        var ms = Q.Of(w - 1 + b) * c;
        Assert.Equal(msgc, ms.ToString());
        Assert.Equal(w - 2 + b, t);
        // The scheme object agrees with the layout: mini-task size, load, D1 share, and its units sum to one job.
        var scheme = new MultiplexedSgcScheme(m, 1);
        Assert.Equal(c.ToString(), scheme.MiniTaskSize.ToString());
        Assert.Equal(msgc, scheme.Load.ToString());
        Assert.Equal((Q.Of((long)n * (w - 1)) * c).ToString(), scheme.D1Fraction.ToString());
        double units = 0;
        for (int u = 0; u < scheme.UnitsPerJob; u++) units += scheme.UnitSize(u);
        Assert.Equal(1.0, units, 12);
        if (!double.IsNaN(msgcDecimal)) Assert.Equal(msgcDecimal, Math.Round(ms.ToDouble(), 7, MidpointRounding.AwayFromZero));

        int sFound = SmallestS(b, w, l);
        Assert.Equal(s, sFound);
        Assert.Equal(s, SchemeLoads.SrSgcS(b, w, l));
        var sr = Q.Of(sFound + 1, n);
        Assert.Equal(srsgc, sr.ToString());
        Assert.Equal(srsgc, SchemeLoads.SrSgc(m).ToString());
        if (!double.IsNaN(srDecimal)) Assert.Equal(srDecimal, Math.Round(sr.ToDouble(), 7, MidpointRounding.AwayFromZero));

        // GC needs s = lambda <= n-1 (an (n, n) code would have to survive losing everyone).
        if (gc is null) { Assert.Equal(n, l); Assert.Throws<ArgumentException>(() => SchemeLoads.Gc(n, l)); }
        else Assert.Equal(gc, Q.Of(l + 1, n).ToString());

        var lb = BoundFromCounting(n, b, w, l);
        Assert.Equal(bound, lb.ToString());
        Assert.Equal(bound, SchemeLoads.LowerBound(m).ToString());
        _out.WriteLine($"n={n} B={b} W={w} lambda={l}: M-SGC {ms} ({ms.ToDouble():G6}), bound {lb} ({lb.ToDouble():G6}), ratio {(ms / lb).ToDouble():F4}");
    }

    [Fact]
    public void Load_ordering_and_lower_bound_hold_on_the_wide_grid()
    {
        // Spec §6 item 7 on n = 1..256, W = 2..10, every B < W, every lambda <= n:
        // (a) L_M-SGC non-decreasing in lambda, < (W-1+B)/(n(W-1)) for lambda < n, equal to it at lambda = n;
        // (b) L_M-SGC >= bound 3.4, with equality iff lambda >= n-1;
        // (c) when B | W-1 (and the schemes exist): L_M-SGC <= L_SR-SGC <= L_GC.
        long models = 0, ordered = 0, equalities = 0;
        double worstGap = 0; // largest M-SGC / bound
        string worstAt = "";
        for (int n = 1; n <= 256; n++)
            for (int w = 2; w <= 10; w++)
                for (int b = 1; b < w; b++)
                {
                    var cap = new Rational(w - 1 + b, (long)n * (w - 1));
                    Rational? prev = null;
                    bool divides = (w - 1) % b == 0;
                    for (int l = 1; l <= n; l++)
                    {
                        var m = new BurstyModel(n, b, w, l);
                        var ms = SchemeLoads.MSgc(m);
                        var lb = SchemeLoads.LowerBound(m);
                        if (prev is { } p && ms < p) Assert.Fail($"{m}: M-SGC load decreases in lambda");
                        if (l < n ? !(ms < cap) : ms != cap) Assert.Fail($"{m}: M-SGC {ms} vs cap {cap}");
                        if (ms < lb) Assert.Fail($"{m}: M-SGC {ms} below bound {lb}");
                        if ((ms == lb) != (l >= n - 1)) Assert.Fail($"{m}: equality M-SGC = bound is {ms == lb}");
                        if (ms == lb) equalities++;
                        double gap = ms.ToDouble() / lb.ToDouble();
                        if (gap > worstGap) { worstGap = gap; worstAt = m.ToString(); }
                        if (divides && l < n && SchemeLoads.SrSgcS(b, w, l) <= n - 1)
                        {
                            var sr = SchemeLoads.SrSgc(m);
                            var gc = SchemeLoads.Gc(n, l);
                            if (!(ms <= sr && sr <= gc)) Assert.Fail($"{m}: M-SGC {ms}, SR-SGC {sr}, GC {gc} out of order");
                            ordered++;
                        }
                        prev = ms;
                        models++;
                    }
                }
        _out.WriteLine($"{models} models, {ordered} with all three schemes, {equalities} equalities; largest M-SGC/bound {worstGap:F4} at {worstAt}");
        Assert.Equal(257L * 256 / 2 * 45, models);
        Assert.True(ordered > 400_000, $"only {ordered} ordered triples checked");
        // Equality only at lambda in {n-1, n}: two per (n >= 2, W, B), one for n = 1.
        Assert.Equal(45 + 255L * 2 * 45, equalities);
    }
}
