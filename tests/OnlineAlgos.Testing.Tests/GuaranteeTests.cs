using OnlineAlgos.Core;
using Xunit;

namespace OnlineAlgos.Testing.Tests;

public class GuaranteeTests
{
    [Fact]
    public void Minimisation_bound_adds_error_terms_and_the_constant()
    {
        var g = new Guarantee(1, 2, [new ErrorTerm("eta0", 3), new ErrorTerm("eta1", 1)], Source: "spec");
        var m = new Dictionary<string, double> { ["eta0"] = 2, ["eta1"] = 5 };
        Assert.Equal(10 + 6 + 5 + 2, g.Bound(10.0, m));
        Assert.Equal(new Rational(23), g.Bound(new Rational(10), m));
        Assert.True(g.Holds(23L, 10L, m));
        Assert.False(g.Holds(24L, 10L, m));
        Assert.False(g.Holds(23.001, 10.0, m));
        Assert.Equal("ALG <= 1*OPT + 3*eta0 + 1*eta1 + 2  [spec]", g.ToString());
        Assert.Throws<InvalidOperationException>(() => g.Bound(10.0, new Dictionary<string, double>()));
    }

    [Fact]
    public void Maximisation_bound_subtracts_error_terms_too()
    {
        // The Testing-era Guarantee dropped the error terms when maximising; they are subtracted now.
        var g = new Guarantee(new Rational(1, 2), 1, [new ErrorTerm("loss", 2)], Objective.Maximize);
        var m = new Dictionary<string, double> { ["loss"] = 1.5 };
        Assert.Equal(new Rational(1), g.Bound(new Rational(10), m)); // 5 - 3 - 1
        Assert.True(g.Holds(1L, 10L, m));
        Assert.False(g.Holds(new Rational(99, 100), new Rational(10), m));
        Assert.Equal("ALG >= 0.5*OPT - 2*loss - 1", g.Inequality);
    }

    [Fact]
    public void Double_constants_are_read_as_the_decimal_that_was_typed()
    {
        Assert.Equal(new Rational(339, 500), Guarantee.Approximates(0.678).Ratio);
        Assert.Equal(new Rational(5, 2), Guarantee.Competitive(2.5).Ratio);
        Assert.Equal(new Rational(1, 10), new ErrorTerm("x", 0.1).Coefficient);
        // Exact: 0.678 * 1000 = 678 exactly, so 678 passes and 677.999... does not.
        var g = Guarantee.Approximates(0.678);
        Assert.True(g.Holds(new Rational(678), new Rational(1000)));
        Assert.False(g.Holds(new Rational(677999, 1000), new Rational(1000)));
    }

    [Fact]
    public void Integer_costs_are_checked_exactly_and_doubles_with_the_tolerance()
    {
        var g = Guarantee.Competitive(new Rational(1, 3), Rational.Zero);
        Assert.True(g.Holds(1L, 3L));
        Assert.False(g.Holds(2L, 5L)); // 2 > 5/3
        // In double 1/3*3 rounds; the tolerance absorbs it, an exact type needs none.
        Assert.True(g.Holds(1.0, 3.0));
        Assert.Equal("5/3", g.BoundText(5L));
    }
}
