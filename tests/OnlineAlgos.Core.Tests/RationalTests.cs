using OnlineAlgos.Core;
using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace OnlineAlgos.Core.Tests;

public class RationalTests
{
    private static Rational Create<TFrom>(TFrom x) where TFrom : INumberBase<TFrom> => CreateVia<Rational, TFrom>(x);
    private static TTo CreateVia<TTo, TFrom>(TFrom x) where TTo : INumberBase<TTo> where TFrom : INumberBase<TFrom> => TTo.CreateChecked(x);

    private static Rational R(string s) => Rational.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void NormalisesSignAndGcd()
    {
        var r = new Rational(6, -4);
        Assert.Equal(new BigInteger(-3), r.Numerator);
        Assert.Equal(new BigInteger(2), r.Denominator);
        Assert.Equal("-3/2", r.ToString());
        Assert.Equal(new Rational(0, 7), Rational.Zero);
        Assert.Equal(BigInteger.One, new Rational(0, -7).Denominator);
        Assert.Equal(default(Rational), new Rational(0, 5));
        Assert.Equal("0", default(Rational).ToString());
    }

    [Fact]
    public void Arithmetic()
    {
        Assert.Equal(R("5/6"), R("1/2") + R("1/3"));
        Assert.Equal(R("1/6"), R("1/2") - R("1/3"));
        Assert.Equal(R("1/6"), R("1/2") * R("1/3"));
        Assert.Equal(R("3/2"), R("1/2") / R("1/3"));
        Assert.Equal(R("1/6"), R("1/2") % R("1/3"));
        Assert.Equal(R("-1/6"), R("-1/2") % R("1/3"));
        Assert.Equal(R("-2"), Rational.Floor(R("-3/2")));
        Assert.Equal(R("-1"), Rational.Truncate(R("-3/2")));
        Assert.Equal(R("2"), Rational.Ceiling(R("3/2")));
        Assert.Throws<DivideByZeroException>(() => R("1") / Rational.Zero);
        Assert.Throws<DivideByZeroException>(() => new Rational(1, 0));
    }

    [Fact]
    public void Comparison()
    {
        Assert.True(R("1/3") < R("1/2"));
        Assert.True(R("-1/2") < R("-1/3"));
        Assert.True(R("2/4") == R("1/2"));
        Assert.Equal(0, R("2/4").CompareTo(R("1/2")));
        Assert.Equal(R("1/2").GetHashCode(), R("2/4").GetHashCode());
    }

    [Theory]
    [InlineData("2.5", "5/2")]
    [InlineData("-0.125", "-1/8")]
    [InlineData("1e-3", "1/1000")]
    [InlineData("1.5E2", "150")]
    [InlineData(" 7/21 ", "1/3")]
    [InlineData("+4", "4")]
    public void ParsesExactly(string text, string expected) => Assert.Equal(expected, R(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1/0")]
    [InlineData("1/-2")]
    [InlineData("a/b")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("1/2/3")]
    public void RejectsMalformedText(string text) => Assert.False(Rational.TryParse(text, CultureInfo.InvariantCulture, out _));

    [Fact]
    public void DoubleConversionsAreExactOrNearest()
    {
        Assert.Equal(0.1, R("1/10").ToDouble());
        Assert.Equal(2.0 / 3.0, R("2/3").ToDouble());
        Assert.Equal(-7.0 / 3.0, R("-7/3").ToDouble());
        Assert.Equal(R("3/8"), Rational.FromDouble(0.375));
        Assert.Equal(0.1, Rational.FromDouble(0.1).ToDouble());
        Assert.Equal(R("5/2"), Create(2.5));
        Assert.Equal(R("7"), Create(7));
        Assert.Equal(2.5, double.CreateChecked(R("5/2")));
        Assert.Equal(3, int.CreateTruncating(R("7/2")));
        Assert.Throws<OverflowException>(() => int.CreateChecked(R("7/2")));
        Assert.Throws<OverflowException>(() => Rational.FromDouble(double.NaN));
        Assert.Equal(1e300, new Rational(BigInteger.Pow(10, 300)).ToDouble(), 1e285);
        Assert.Equal(1e-300, new Rational(BigInteger.One, BigInteger.Pow(10, 300)).ToDouble(), 1e-315);
    }

    [Fact]
    public void FieldLawsOnRandomValues()
    {
        var gen = from a in Gen.Choose(-50, 50) from b in Gen.Choose(1, 30) select new Rational(a, b);
        var prop = Prop.ForAll(Arb.From(gen), Arb.From(gen), Arb.From(gen), (x, y, z) =>
            (x + y) + z == x + (y + z) && x * (y + z) == x * y + x * z && x - x == Rational.Zero
            && (Rational.IsZero(y) || (x / y) * y == x) && (x < y) == (x.ToDouble() < y.ToDouble() || (x < y && x.ToDouble() == y.ToDouble()))
            && Rational.Parse(x.ToString(), null) == x);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true), prop);
    }
}
