using OnlineAlgos.Core;
using System.Globalization;
using OnlineAlgos.Scheduling.Model;

namespace OnlineAlgos.Scheduling.Formats;

/// <summary>
/// Guarded exact parsing of the numbers in scheduling inputs (JSON and SWF). <see cref="Rational"/> parses decimal
/// literals exactly, so an unchecked 300,000-digit literal costs seconds and gigabytes and <c>1e999999999</c> a huge
/// power of ten; here a literal has at most <see cref="MaxLength"/> characters, its decimal magnitude is checked from
/// the text before any big integer is built, and the value must be a finite double that does not underflow to 0
/// (every instance is also run in <c>double</c>). O(length) before the exact parse.
/// </summary>
internal static class ExactNumber
{
    /// <summary>Longest accepted literal (characters), as for every JSON number (Core's InstanceJson).</summary>
    public const int MaxLength = 1000;

    /// <summary>What the checks require, for error messages.</summary>
    public const string Range = "within the double range (magnitude at most 1.8e308, and 0 or at least 4.9e-324)";

    /// <summary>
    /// Parses <c>p/q</c> or a decimal literal; false with <paramref name="problem"/> set when it is not a number or out of
    /// range. <paramref name="approx"/> is a double near the value (for range checks of sums; not exact).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Rational value, out double approx, out string? problem)
    {
        value = default;
        approx = 0;
        problem = null;
        text = text.Trim();
        if (text.Length > MaxLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"a number written with at most {MaxLength} characters, found {text.Length}");
            return false;
        }
        int slash = text.IndexOf('/');
        long magnitude = slash < 0 ? DecimalMagnitude(text) : 0;
        if (magnitude == long.MaxValue)
        {
            problem = "a number " + Range;
            return false;
        }
        if (!Rational.TryParse(text, CultureInfo.InvariantCulture, out value)) return false;
        // Far from the edges of the double range (leading digit between 1e-300 and 1e300) the value surely fits; only
        // p/q and literals near the edges pay for an exact conversion.
        if (slash < 0 && magnitude is >= -300 and <= 300 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out approx))
            return true;
        approx = value.ToDouble();
        if (!double.IsFinite(approx) || (approx == 0 && !Rational.IsZero(value)))
        {
            problem = "a number " + Range;
            return false;
        }
        return true;
    }

    // For [sign] digits [. digits] [e|E [sign] digits]: the decimal exponent of the leading significant digit; 0 when
    // every digit is 0 or the text is malformed (Rational.TryParse then decides); long.MaxValue when it is outside
    // [-330, 330] (wider than double, so the exact conversion decides the edges).
    private static long DecimalMagnitude(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        long firstNonZero = long.MinValue; // 1-based position in the integer part (> 0), or -(position in the fraction)
        long intDigits = 0, fracIndex = 0;
        bool fraction = false;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '.' && !fraction) { fraction = true; continue; }
            if (c < '0' || c > '9') break;
            if (!fraction) intDigits++; else fracIndex++;
            if (c != '0' && firstNonZero == long.MinValue) firstNonZero = fraction ? -fracIndex : intDigits;
        }
        if (firstNonZero == long.MinValue) return 0;
        long magnitude = firstNonZero > 0 ? intDigits - firstNonZero : firstNonZero;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int j = i + 1;
            bool negative = false;
            if (j < s.Length && (s[j] == '+' || s[j] == '-')) { negative = s[j] == '-'; j++; }
            long exp = 0;
            for (; j < s.Length && s[j] >= '0' && s[j] <= '9'; j++)
            {
                exp = exp * 10 + (s[j] - '0');
                if (exp > 100_000) return long.MaxValue;
            }
            magnitude += negative ? -exp : exp;
        }
        return magnitude is >= -330 and <= 330 ? magnitude : long.MaxValue;
    }
}
