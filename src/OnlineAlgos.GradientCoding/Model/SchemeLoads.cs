using OnlineAlgos.Core;
namespace OnlineAlgos.GradientCoding.Model;

/// <summary>
/// Exact load formulas of spec §3 (normalised computation per worker per round; a job's data has size 1).
/// Sources: GC (lambda+1)/n [Tandon et al. 2017]; SR-SGC (ceil(B lambda/(W-1+B))+1)/n and M-SGC
/// (lambda+1)(W-1+B)/(n(B+(W-1)(lambda+1))) [Krishnan et al. 2023, authors' code]; lower bound
/// (W-1+B)/(n(W-1+B)-lambda B) is the spec's reconstruction (counting argument on the periodic instance).
/// </summary>
public static class SchemeLoads
{
    /// <summary>GC with tolerance s: (s+1)/n. Requires 0 &lt;= s &lt;= n-1.</summary>
    public static Rational Gc(int n, int s)
    {
        if (s < 0 || s > n - 1) throw new ArgumentException($"GC needs 0 <= s <= n-1 = {n - 1}, got s={s}");
        return new Rational(s + 1, n);
    }

    /// <summary>SR-SGC tolerance s = ceil(B lambda / (W-1+B)).</summary>
    public static int SrSgcS(int b, int w, int lambda) => (b * lambda + (w - 1 + b) - 1) / (w - 1 + b);

    /// <summary>SR-SGC load (s+1)/n. Requires (W-1) mod B = 0 and s &lt;= n-1.</summary>
    public static Rational SrSgc(BurstyModel m)
    {
        if ((m.W - 1) % m.B != 0) throw new ArgumentException($"SR-SGC needs B | W-1, got B={m.B}, W={m.W}");
        int s = SrSgcS(m.B, m.W, m.Lambda);
        if (s > m.Workers - 1) throw new ArgumentException($"SR-SGC needs s = ceil(B*lambda/(W-1+B)) = {s} <= n-1 = {m.Workers - 1}");
        return new Rational(s + 1, m.Workers);
    }

    /// <summary>M-SGC mini-task size c (spec §2.3).</summary>
    public static Rational MSgcMiniTask(BurstyModel m)
    {
        int n = m.Workers, w = m.W, b = m.B, l = m.Lambda;
        return l == n
            ? new Rational(1, (long)n * (w - 1))
            : new Rational(l + 1, (long)n * ((long)(w - 1) * (l + 1) + b));
    }

    /// <summary>M-SGC load M c with M = W-1+B.</summary>
    public static Rational MSgc(BurstyModel m) => new Rational(m.W - 1 + m.B, 1) * MSgcMiniTask(m);

    /// <summary>Lower bound of spec §3.4 (reconstructed): (W-1+B)/(n(W-1+B) - lambda B).</summary>
    public static Rational LowerBound(BurstyModel m) =>
        new(m.W - 1 + m.B, (long)m.Workers * (m.W - 1 + m.B) - (long)m.Lambda * m.B);
}
