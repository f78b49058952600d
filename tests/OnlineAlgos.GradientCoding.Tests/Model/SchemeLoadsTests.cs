using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;
using Xunit;

namespace OnlineAlgos.GradientCoding.Tests.Model;

public class SchemeLoadsTests
{
    // Spec §3.6, exact fractions: n, B, W, lambda, T, M-SGC, s, SR-SGC, GC (null = infeasible), bound.
    public static TheoryData<int, int, int, int, int, string, int, string, string?, string> Table => new()
    {
        { 256, 1, 2, 27, 1, "7/928", 14, "15/256", "7/64", "2/485" },
        { 256, 2, 3, 23, 3, "3/400", 12, "13/256", "3/32", "2/489" },
        { 256, 1, 2, 9, 1, "5/704", 5, "3/128", "5/128", "2/503" },
        { 10, 2, 3, 4, 3, "1/6", 2, "3/10", "1/2", "1/8" },
        { 8, 1, 2, 7, 1, "2/9", 4, "5/8", "1", "2/9" },
        { 8, 1, 2, 8, 1, "1/4", 4, "5/8", null, "1/4" },
        { 20, 2, 5, 6, 5, "7/100", 2, "3/20", "7/20", "1/18" },
        { 100, 3, 7, 50, 8, "153/10300", 17, "9/50", "51/100", "3/250" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Reference_table_3_6_is_reproduced_exactly(int n, int b, int w, int l, int t, string msgc, int s, string srsgc, string? gc, string bound)
    {
        var m = new BurstyModel(n, b, w, l);
        Assert.Equal(msgc, SchemeLoads.MSgc(m).ToString());
        Assert.Equal(t, w - 2 + b);
        Assert.Equal(s, SchemeLoads.SrSgcS(b, w, l));
        Assert.Equal(srsgc, SchemeLoads.SrSgc(m).ToString());
        if (gc is null) Assert.Throws<ArgumentException>(() => SchemeLoads.Gc(n, l));
        else Assert.Equal(gc, SchemeLoads.Gc(n, l).ToString());
        Assert.Equal(bound, SchemeLoads.LowerBound(m).ToString());
    }

    [Fact]
    public void MSgc_load_is_monotone_in_lambda_below_its_cap_and_above_the_bound_with_equality_iff_lambda_at_least_n_minus_1()
    {
        // Spec §6 item 7 on a grid.
        for (int n = 2; n <= 40; n += 3)
            for (int w = 2; w <= 7; w++)
                for (int b = 1; b < w; b++)
                {
                    var cap = new Rational(w - 1 + b, (long)n * (w - 1));
                    Rational? prev = null;
                    for (int l = 1; l <= n; l++)
                    {
                        var m = new BurstyModel(n, b, w, l);
                        var load = SchemeLoads.MSgc(m);
                        if (prev is { } p) Assert.True(load >= p, $"{m}: not monotone");
                        if (l < n) Assert.True(load < cap, $"{m}: {load} >= cap {cap}");
                        else Assert.Equal(cap, load);
                        var bound = SchemeLoads.LowerBound(m);
                        Assert.True(load >= bound, $"{m}: load {load} below bound {bound}");
                        Assert.Equal(l >= n - 1, load == bound);
                        prev = load;
                    }
                }
    }

    [Fact]
    public void MSgc_le_SrSgc_le_Gc_when_B_divides_W_minus_1()
    {
        int checkedCount = 0;
        for (int n = 2; n <= 64; n += 2)
            for (int w = 2; w <= 9; w++)
                for (int b = 1; b < w; b++)
                {
                    if ((w - 1) % b != 0) continue;
                    for (int l = 1; l <= n - 1; l++)
                    {
                        var m = new BurstyModel(n, b, w, l);
                        var ms = SchemeLoads.MSgc(m);
                        var sr = SchemeLoads.SrSgc(m);
                        var gc = SchemeLoads.Gc(n, l);
                        Assert.True(ms <= sr && sr <= gc, $"{m}: {ms} {sr} {gc}");
                        checkedCount++;
                    }
                }
        Assert.True(checkedCount > 5000);
    }

    [Fact]
    public void SrSgc_rejects_B_not_dividing_W_minus_1_and_n_equal_1()
    {
        Assert.Throws<ArgumentException>(() => SchemeLoads.SrSgc(new BurstyModel(10, 2, 4, 3)));
        // Spec §6 edge case: n = 1 gives s = 1 = n, not a valid GC.
        Assert.Throws<ArgumentException>(() => SchemeLoads.SrSgc(new BurstyModel(1, 1, 2, 1)));
    }
}
