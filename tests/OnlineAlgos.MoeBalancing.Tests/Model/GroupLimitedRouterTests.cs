using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;
using Xunit;

namespace OnlineAlgos.MoeBalancing.Tests.Model;

public class GroupLimitedRouterTests
{
    [Fact]
    public void HandCheckedTokenDiffersFromPlainTopK()
    {
        // E = 8 in G = 4 groups of 2, keep 2 groups, K = 2. Row [5,0 | 1,1 | 4,4 | 0,4.5]: group scores 5, 2, 8, 4.5,
        // so groups 2 and 0 are kept; top-2 among {5,0,4,4} = experts 0 and 4 (tie 4 vs 5: smaller index first).
        // Plain top-2 would take expert 7 (4.5) instead of 4.
        var s = new ScoreMatrix(1, 8, [5, 0, 1, 1, 4, 4, 0, 4.5]);
        var (a, loads) = GroupLimitedRouter.Route(s, new double[8], 2, 4, 2);
        Assert.Equal(new[] { 0, 4 }, a);
        Assert.Equal(new[] { 1, 0, 0, 0, 1, 0, 0, 0 }, loads);
        Assert.Equal(new[] { 0, 7 }, TopKRouter.Route(s, new double[8], 2).Assignment);
    }

    [Fact]
    public void BiasSelectsGroupsToo()
    {
        // Same row, bias +10 on expert 6: group 3 scores 14.5 and is kept with group 2 (8); top-2 = 6 and 7.
        var s = new ScoreMatrix(1, 8, [5, 0, 1, 1, 4, 4, 0, 4.5]);
        var bias = new double[8];
        bias[6] = 10;
        Assert.Equal(new[] { 6, 7 }, GroupLimitedRouter.Route(s, bias, 2, 4, 2).Assignment);
    }

    /// <summary>Equality with a naive sort-based implementation on 500 random few-valued matrices (many ties), and with
    /// plain top-K when every group is kept.</summary>
    [Fact]
    public void EqualsNaiveReferenceAndPlainTopKWhenAllGroupsKept()
    {
        var rng = new Rng(77);
        for (int rep = 0; rep < 500; rep++)
        {
            int groups = rng.NextInt(1, 5), size = rng.NextInt(1, 5), e = groups * size;
            int top = rng.NextInt(1, groups + 1), k = rng.NextInt(1, top * size + 1), t = rng.NextInt(1, 6);
            var s = new ScoreMatrix(t, e);
            for (int i = 0; i < s.Data.Length; i++) s.Data[i] = rng.NextInt(4);
            var bias = new double[e];
            for (int i = 0; i < e; i++) bias[i] = rng.NextInt(3) - 1;
            var (a, loads) = GroupLimitedRouter.Route(s, bias, k, groups, top);
            for (int tok = 0; tok < t; tok++)
                Assert.Equal(Naive(s, bias, tok, k, groups, top), a.AsSpan(tok * k, k).ToArray());
            Assert.Equal(t * k, loads.Sum());
            if (top == groups) Assert.Equal(TopKRouter.Route(s, bias, k).Assignment, a);
        }
    }

    private static int[] Naive(ScoreMatrix s, double[] bias, int tok, int k, int groups, int top)
    {
        int e = s.Experts, size = e / groups;
        var row = Enumerable.Range(0, e).Select(i => s[tok, i] + bias[i]).ToArray();
        var keptGroups = Enumerable.Range(0, groups)
            .Select(g => (g, score: row.Skip(g * size).Take(size).OrderByDescending(v => v).Take(2).Sum()))
            .OrderByDescending(x => x.score).ThenBy(x => x.g).Take(top).Select(x => x.g).ToHashSet();
        return Enumerable.Range(0, e).Where(i => keptGroups.Contains(i / size))
            .OrderByDescending(i => row[i]).ThenBy(i => i).Take(k).ToArray();
    }

    [Theory]
    [InlineData(3, 2, 2)] // groups do not divide E = 8
    [InlineData(4, 0, 2)] // no group kept
    [InlineData(4, 5, 2)] // more kept groups than groups
    [InlineData(4, 1, 3)] // K larger than the experts of the kept groups (1 group of 2)
    public void RejectsBadParameters(int groups, int top, int k) =>
        Assert.Throws<ArgumentException>(() => GroupLimitedRouter.Route(new ScoreMatrix(2, 8), new double[8], k, groups, top));
}
