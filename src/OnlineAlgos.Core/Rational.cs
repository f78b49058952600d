using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace OnlineAlgos.Core;

/// <summary>
/// Exact rational number p/q over <see cref="BigInteger"/>, always normalised (gcd(p, q) = 1, q &gt; 0), so equal
/// values have equal representations and <see cref="Equals(Rational)"/> is structural. Implements
/// <see cref="INumber{TSelf}"/> so the scheduling simulator, written once over generic math, runs exactly with it.
/// Text form is <c>p/q</c> (or <c>p</c> when q = 1); parsing also accepts decimal literals such as <c>2.5</c> or
/// <c>1e-3</c>, converted exactly. Arithmetic costs grow with the size of numerators and denominators; use
/// <see cref="double"/> for large runs. There is no NaN or infinity: division by zero throws.
/// </summary>
public readonly struct Rational : INumber<Rational>, ISignedNumber<Rational>
{
    private readonly BigInteger _num;
    private readonly BigInteger _den; // 0 only in default(Rational), which means 0/1

    private Rational(BigInteger num, BigInteger den, bool normalized)
    {
        if (!normalized)
        {
            if (den.IsZero) throw new DivideByZeroException("rational with denominator 0");
            if (den.Sign < 0) { num = -num; den = -den; }
            var g = BigInteger.GreatestCommonDivisor(num, den);
            if (!g.IsOne && !g.IsZero) { num /= g; den /= g; }
            if (num.IsZero) den = BigInteger.One;
        }
        _num = num;
        _den = den;
    }

    /// <summary>The rational num/den, normalised. Throws <see cref="DivideByZeroException"/> when den = 0.</summary>
    public Rational(BigInteger num, BigInteger den) : this(num, den, false) { }

    /// <summary>The integer n.</summary>
    public Rational(BigInteger n) : this(n, BigInteger.One, true) { }

    /// <summary>Numerator (sign carrier).</summary>
    public BigInteger Numerator => _num;
    /// <summary>Denominator, always positive.</summary>
    public BigInteger Denominator => _den.IsZero ? BigInteger.One : _den;

    /// <summary>0.</summary>
    public static Rational Zero => default;
    /// <summary>1.</summary>
    public static Rational One => new(BigInteger.One);
    /// <summary>-1.</summary>
    public static Rational NegativeOne => new(BigInteger.MinusOne);
    /// <summary>Radix of the representation (not meaningful for rationals; 2 as for BigInteger).</summary>
    public static int Radix => 2;
    /// <summary>0.</summary>
    public static Rational AdditiveIdentity => Zero;
    /// <summary>1.</summary>
    public static Rational MultiplicativeIdentity => One;

    /// <summary>Implicit conversion from an integer.</summary>
    public static implicit operator Rational(int n) => new(new BigInteger(n));
    /// <summary>Implicit conversion from an integer.</summary>
    public static implicit operator Rational(long n) => new(new BigInteger(n));
    /// <summary>Implicit conversion from an integer.</summary>
    public static implicit operator Rational(BigInteger n) => new(n);
    /// <summary>Nearest double (exact when representable).</summary>
    public static explicit operator double(Rational r) => r.ToDouble();

    /// <summary>The value of the shortest decimal that round-trips to <paramref name="value"/> (0.1 becomes 1/10, not
    /// the binary fraction nearest to it): how a constant typed in source code is meant.</summary>
    /// <exception cref="OverflowException">NaN or infinity.</exception>
    public static Rational FromShortestDecimal(double value)
    {
        if (!double.IsFinite(value)) throw new OverflowException($"{value} has no rational value");
        return Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The exact value of a finite double (every double is a dyadic rational).</summary>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value)) throw new OverflowException($"{value} has no rational value");
        if (value == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger num = mantissa;
        if (negative) num = -num;
        return exponent >= 0
            ? new Rational(num << exponent)
            : new Rational(num, BigInteger.One << -exponent);
    }

    /// <summary>Nearest double, correctly rounded (ties to even) outside the subnormal range.</summary>
    public double ToDouble()
    {
        if (_num.IsZero) return 0;
        var den = Denominator;
        var num = BigInteger.Abs(_num);
        // Quotient with 54 or 55 significant bits plus a sticky remainder, then round to 53 bits once.
        long shift = 54 - ((long)num.GetBitLength() - (long)den.GetBitLength());
        BigInteger q, rem;
        if (shift >= 0) q = BigInteger.DivRem(num << (int)shift, den, out rem);
        else q = BigInteger.DivRem(num, den << (int)-shift, out rem);
        int drop = (int)q.GetBitLength() - 53;
        BigInteger low = q & ((BigInteger.One << drop) - 1);
        q >>= drop;
        BigInteger half = BigInteger.One << (drop - 1);
        if (low > half || (low == half && (!rem.IsZero || !q.IsEven))) q += 1;
        double result = Math.ScaleB((double)q, (int)(drop - shift));
        return _num.Sign < 0 ? -result : result;
    }

    /// <inheritdoc/>
    public static Rational operator +(Rational a, Rational b)
    {
        if (a._den.IsZero) return b;
        if (b._den.IsZero) return a;
        if (a._den == b._den) return new Rational(a._num + b._num, a._den);
        return new Rational(a._num * b._den + b._num * a._den, a._den * b._den);
    }

    /// <inheritdoc/>
    public static Rational operator -(Rational a, Rational b) => a + (-b);
    /// <inheritdoc/>
    public static Rational operator *(Rational a, Rational b)
    {
        if (a._num.IsZero || b._num.IsZero) return Zero;
        return new Rational(a._num * b._num, a.Denominator * b.Denominator);
    }

    /// <inheritdoc/>
    public static Rational operator /(Rational a, Rational b)
    {
        if (b._num.IsZero) throw new DivideByZeroException("rational division by zero");
        return new Rational(a._num * b.Denominator, a.Denominator * b._num);
    }

    /// <summary>Remainder of truncated division: a - trunc(a/b)·b (same sign as a, as for integers).</summary>
    public static Rational operator %(Rational a, Rational b)
    {
        var q = Truncate(a / b);
        return a - q * b;
    }

    /// <inheritdoc/>
    public static Rational operator -(Rational a) => new(-a._num, a.Denominator, true);
    /// <inheritdoc/>
    public static Rational operator +(Rational a) => a;
    /// <inheritdoc/>
    public static Rational operator ++(Rational a) => a + One;
    /// <inheritdoc/>
    public static Rational operator --(Rational a) => a - One;
    /// <inheritdoc/>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    /// <inheritdoc/>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    /// <inheritdoc/>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    /// <inheritdoc/>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    /// <inheritdoc/>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    /// <inheritdoc/>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>Largest integer not above the value.</summary>
    public static Rational Floor(Rational a)
    {
        var q = BigInteger.DivRem(a._num, a.Denominator, out var rem);
        if (rem.Sign < 0) q -= 1;
        return new Rational(q);
    }

    /// <summary>The larger value.</summary>
    public static Rational Max(Rational x, Rational y) => x >= y ? x : y;
    /// <summary>The smaller value.</summary>
    public static Rational Min(Rational x, Rational y) => x <= y ? x : y;
    /// <summary>Smallest integer not below the value.</summary>
    public static Rational Ceiling(Rational a) => -Floor(-a);

    /// <summary>Integer part (towards zero).</summary>
    public static Rational Truncate(Rational a) => new(BigInteger.Divide(a._num, a.Denominator));

    /// <inheritdoc/>
    public int CompareTo(Rational other)
    {
        if (Denominator == other.Denominator) return _num.CompareTo(other._num);
        int sa = _num.Sign, sb = other._num.Sign;
        if (sa != sb) return sa.CompareTo(sb);
        return (_num * other.Denominator).CompareTo(other._num * Denominator);
    }

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Rational r => CompareTo(r),
        _ => throw new ArgumentException("object is not a Rational", nameof(obj)),
    };

    /// <inheritdoc/>
    public bool Equals(Rational other) => _num == other._num && Denominator == other.Denominator;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_num, Denominator);

    /// <summary><c>p/q</c>, or <c>p</c> for integers.</summary>
    public override string ToString() =>
        Denominator.IsOne
            ? _num.ToString(CultureInfo.InvariantCulture)
            : _num.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var s = ToString();
        if (s.Length > destination.Length) { charsWritten = 0; return false; }
        s.AsSpan().CopyTo(destination);
        charsWritten = s.Length;
        return true;
    }

    /// <summary>
    /// Parses <c>p/q</c> (integers, optional sign on p, q &gt; 0) or a decimal literal (<c>-2.5</c>, <c>1e-3</c>),
    /// exactly. Returns false for anything else (including NaN and infinities).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Rational result)
    {
        result = Zero;
        s = s.Trim();
        if (s.IsEmpty) return false;
        int slash = s.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParseInteger(s[..slash], true, out var p) || !TryParseInteger(s[(slash + 1)..], false, out var q) || q.IsZero)
                return false;
            result = new Rational(p, q);
            return true;
        }
        return TryParseDecimal(s, out result);
    }

    private static bool TryParseInteger(ReadOnlySpan<char> s, bool allowSign, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (s.IsEmpty) return false;
        int start = 0;
        if (allowSign && (s[0] == '-' || s[0] == '+')) start = 1;
        if (start == s.Length) return false;
        for (int i = start; i < s.Length; i++) if (s[i] < '0' || s[i] > '9') return false;
        return BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> s, out Rational result)
    {
        result = Zero;
        int i = 0;
        bool negative = false;
        if (s[0] == '-' || s[0] == '+') { negative = s[0] == '-'; i = 1; }
        BigInteger mantissa = BigInteger.Zero;
        int digits = 0, fractionDigits = 0;
        bool inFraction = false;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= '0' && c <= '9')
            {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (inFraction) fractionDigits++;
            }
            else if (c == '.' && !inFraction) inFraction = true;
            else break;
        }
        if (digits == 0) return false;
        long exponent = 0;
        if (i < s.Length)
        {
            if (s[i] != 'e' && s[i] != 'E') return false;
            var expText = s[(i + 1)..];
            if (!TryParseInteger(expText, true, out var e) || BigInteger.Abs(e) > 100_000) return false;
            exponent = (long)e;
        }
        exponent -= fractionDigits;
        if (negative) mantissa = -mantissa;
        result = exponent >= 0
            ? new Rational(mantissa * BigInteger.Pow(10, (int)exponent))
            : new Rational(mantissa, BigInteger.Pow(10, (int)-exponent));
        return true;
    }

    /// <inheritdoc/>
    public static Rational Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var r) ? r : throw new FormatException($"'{s.ToString()}' is not a rational (p/q or a decimal literal)");

    /// <inheritdoc/>
    public static Rational Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);
    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Rational result)
    {
        if (s is null) { result = Zero; return false; }
        return TryParse(s.AsSpan(), provider, out result);
    }

    /// <inheritdoc/>
    public static Rational Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => Parse(s, provider);
    /// <inheritdoc/>
    public static Rational Parse(string s, NumberStyles style, IFormatProvider? provider) => Parse(s, provider);
    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out Rational result) =>
        TryParse(s, provider, out result);
    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out Rational result) =>
        TryParse(s, provider, out result);

    /// <inheritdoc/>
    public static Rational Abs(Rational value) => value._num.Sign < 0 ? -value : value;
    /// <inheritdoc/>
    public static bool IsCanonical(Rational value) => true;
    /// <inheritdoc/>
    public static bool IsComplexNumber(Rational value) => false;
    /// <inheritdoc/>
    public static bool IsEvenInteger(Rational value) => IsInteger(value) && value._num.IsEven;
    /// <inheritdoc/>
    public static bool IsFinite(Rational value) => true;
    /// <inheritdoc/>
    public static bool IsImaginaryNumber(Rational value) => false;
    /// <inheritdoc/>
    public static bool IsInfinity(Rational value) => false;
    /// <inheritdoc/>
    public static bool IsInteger(Rational value) => value.Denominator.IsOne;
    /// <inheritdoc/>
    public static bool IsNaN(Rational value) => false;
    /// <inheritdoc/>
    public static bool IsNegative(Rational value) => value._num.Sign < 0;
    /// <inheritdoc/>
    public static bool IsNegativeInfinity(Rational value) => false;
    /// <inheritdoc/>
    public static bool IsNormal(Rational value) => !value._num.IsZero;
    /// <inheritdoc/>
    public static bool IsOddInteger(Rational value) => IsInteger(value) && !value._num.IsEven;
    /// <inheritdoc/>
    public static bool IsPositive(Rational value) => value._num.Sign >= 0;
    /// <inheritdoc/>
    public static bool IsPositiveInfinity(Rational value) => false;
    /// <inheritdoc/>
    public static bool IsRealNumber(Rational value) => true;
    /// <inheritdoc/>
    public static bool IsSubnormal(Rational value) => false;
    /// <inheritdoc/>
    public static bool IsZero(Rational value) => value._num.IsZero;
    /// <inheritdoc/>
    public static Rational MaxMagnitude(Rational x, Rational y) => Abs(x) >= Abs(y) ? x : y;
    /// <inheritdoc/>
    public static Rational MaxMagnitudeNumber(Rational x, Rational y) => MaxMagnitude(x, y);
    /// <inheritdoc/>
    public static Rational MinMagnitude(Rational x, Rational y) => Abs(x) <= Abs(y) ? x : y;
    /// <inheritdoc/>
    public static Rational MinMagnitudeNumber(Rational x, Rational y) => MinMagnitude(x, y);

    /// <summary>Exact conversion from the built-in integer types, decimal, and finite float/double; false otherwise.</summary>
    static bool INumberBase<Rational>.TryConvertFromChecked<TOther>(TOther value, out Rational result) =>
        TryConvertFrom(value, out result);
    static bool INumberBase<Rational>.TryConvertFromSaturating<TOther>(TOther value, out Rational result) =>
        TryConvertFrom(value, out result);
    static bool INumberBase<Rational>.TryConvertFromTruncating<TOther>(TOther value, out Rational result) =>
        TryConvertFrom(value, out result);

    private static bool TryConvertFrom<TOther>(TOther value, out Rational result) where TOther : INumberBase<TOther>
    {
        switch (value)
        {
            case int i: result = i; return true;
            case long l: result = l; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte b: result = b; return true;
            case ushort us: result = us; return true;
            case uint ui: result = (long)ui; return true;
            case ulong ul: result = new Rational(new BigInteger(ul)); return true;
            case Int128 i128: result = new Rational((BigInteger)i128); return true;
            case BigInteger bi: result = new Rational(bi); return true;
            case double d when double.IsFinite(d): result = FromDouble(d); return true;
            case float f when float.IsFinite(f): result = FromDouble(f); return true;
            case decimal m:
                result = Parse(m.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                return true;
            default: result = Zero; return false;
        }
    }

    /// <summary>Conversion to double/float (nearest), decimal, and the integer types (truncating; checked throws
    /// <see cref="OverflowException"/> for non-integers). False for other types.</summary>
    static bool INumberBase<Rational>.TryConvertToChecked<TOther>(Rational value, [MaybeNullWhen(false)] out TOther result)
    {
        if (typeof(TOther) == typeof(double) || typeof(TOther) == typeof(float) || typeof(TOther) == typeof(decimal))
            return TryConvertTo(value, out result);
        if (!IsInteger(value)) throw new OverflowException($"{value} is not an integer");
        return TryConvertTo(value, out result);
    }

    static bool INumberBase<Rational>.TryConvertToSaturating<TOther>(Rational value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, out result);
    static bool INumberBase<Rational>.TryConvertToTruncating<TOther>(Rational value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, out result);

    private static bool TryConvertTo<TOther>(Rational value, [MaybeNullWhen(false)] out TOther result) where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(double)) { result = (TOther)(object)value.ToDouble(); return true; }
        if (typeof(TOther) == typeof(float)) { result = (TOther)(object)(float)value.ToDouble(); return true; }
        if (typeof(TOther) == typeof(decimal))
        {
            result = (TOther)(object)((decimal)value._num / (decimal)value.Denominator);
            return true;
        }
        var integer = BigInteger.Divide(value._num, value.Denominator);
        // Built-in integer types know long/Int128 but not BigInteger; BigInteger knows itself.
        if (integer >= long.MinValue && integer <= long.MaxValue)
        {
            long l = (long)integer;
            return TOther.TryConvertFromChecked(l, out result!);
        }
        if (typeof(TOther) == typeof(BigInteger)) { result = (TOther)(object)integer; return true; }
        throw new OverflowException($"{value} is outside the range of {typeof(TOther).Name}");
    }
}
