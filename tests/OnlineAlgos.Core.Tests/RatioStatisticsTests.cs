using OnlineAlgos.Core;
using Xunit;

namespace OnlineAlgos.Core.Tests;

public class RatioStatisticsTests
{
    [Fact]
    public void HandComputedSample()
    {
        var s = RatioStatistics.Compute(new[] { 1.0, 4.0, 2.0, 3.0 }, new[] { "a", "d", "b", "c" });
        Assert.Equal(4, s.Count);
        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), s.StdDev, 12);
        Assert.Equal(1.0, s.Min);
        Assert.Equal(4.0, s.Max);
        // t(0.975; 3) = 3.18244630528371
        Assert.Equal(3.18244630528371 * Math.Sqrt(5.0 / 3.0) / 2, s.Ci95HalfWidth, 9);
        Assert.Equal(2.5, s.Quantile(0.5), 12);
        Assert.Equal(1.75, s.Quantile(0.25), 12);
        Assert.Equal(4.0, s.Quantile(1), 12);
        Assert.Equal("d", s.WorstLabel);
        Assert.Equal(4.0, s.Worst);
    }

    [Fact]
    public void WorstForMaximisationIsTheSmallest()
    {
        var s = RatioStatistics.Compute(new[] { 0.9, 0.7, 0.8 }, new[] { "x", "y", "z" }, largerIsWorse: false);
        Assert.Equal("y", s.WorstLabel);
        Assert.Equal(0.7, s.Worst);
    }

    [Fact]
    public void SingleValueHasNoInterval()
    {
        var s = RatioStatistics.Compute(new[] { 1.5 });
        Assert.Equal(0, s.Ci95HalfWidth);
        Assert.Equal(1.5, s.Mean);
        Assert.Null(s.WorstLabel);
    }

    [Fact]
    public void RejectsNaNAndMismatchedLabels()
    {
        Assert.Throws<ArgumentException>(() => RatioStatistics.Compute(new[] { double.NaN }));
        Assert.Throws<ArgumentException>(() => RatioStatistics.Compute(new[] { 1.0 }, new[] { "a", "b" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatioStatistics.Compute(new[] { 1.0 }).Quantile(1.5));
    }
}
