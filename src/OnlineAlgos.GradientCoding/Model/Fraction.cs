using System.Numerics;

namespace OnlineAlgos.GradientCoding.Model;

/// <summary>An exact non-negative rational p/q in lowest terms (BigInteger), used for the load formulas of spec §3.</summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    /// <summary>Creates p/q reduced; q must be positive.</summary>
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign <= 0) throw new ArgumentException("denominator must be positive");
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (g.IsZero) g = BigInteger.One;
        Numerator = numerator / g;
        Denominator = denominator / g;
    }

    /// <summary>Numerator (lowest terms).</summary>
    public BigInteger Numerator { get; }
    /// <summary>Denominator (lowest terms, positive).</summary>
    public BigInteger Denominator { get; }

    /// <summary>Nearest double.</summary>
    public double ToDouble() => (double)Numerator / (double)Denominator;

    /// <inheritdoc />
    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>Less-than.</summary>
    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;
    /// <summary>Greater-than.</summary>
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;
    /// <summary>Less-or-equal.</summary>
    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;
    /// <summary>Greater-or-equal.</summary>
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;
    /// <summary>Product.</summary>
    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    /// <summary>Sum.</summary>
    public static Fraction operator +(Fraction a, Fraction b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <inheritdoc />
    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";
}
