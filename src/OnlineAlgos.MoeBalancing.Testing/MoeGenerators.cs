using FsCheck;
using FsCheck.Fluent;

namespace OnlineAlgos.MoeBalancing.Testing;

/// <summary>
/// FsCheck generators of fixed-score MoE instances for the exact properties of spec §6: integer scores in [0, 10⁶],
/// T ≤ maxTokens, E ≤ maxExperts, 1 ≤ K ≤ E, and an integer rate u = E·m, m ≥ 100 (divisible by E so the zero-mean variant stays
/// exact, spec E6 review note) with u ≥ 10⁻⁴·(score range) (E12 review note). Families: uniform, few-valued (ties),
/// binary (massive ties), identical rows (L1), superstar (L3). Sized (T and E grow with FsCheck's size). Shrinking
/// drops tokens, lowers scores and the rate, so a counterexample ends up small. The scores are drawn by FsCheck itself
/// (no hidden seed), so shrinking acts on them directly.
/// </summary>
public static class MoeGenerators
{
    /// <summary>Largest score value.</summary>
    public const long MaxScore = 1_000_000;

    /// <summary>Arbitrary instances; <paramref name="integerTarget"/> forces T·K divisible by E (BAP feasible).</summary>
    public static Arbitrary<MoeInstance> Instances(int maxTokens = 10, int maxExperts = 5, bool integerTarget = false) =>
        Arb.From(InstanceGen(maxTokens, maxExperts, integerTarget), i => Shrink(i, integerTarget));

    /// <summary>The generator behind <see cref="Instances"/>. Sized: the caps on T and E grow linearly with FsCheck's
    /// size (T ≤ 1, E ≤ 1 at size 0; the full caps at size 100), so a run starts with tiny instances.</summary>
    public static Gen<MoeInstance> InstanceGen(int maxTokens, int maxExperts, bool integerTarget) =>
        Gen.Sized(size =>
            from e in Gen.Choose(1, Scaled(maxExperts, 1, size))
            from k in Gen.Choose(1, e)
            from t0 in Gen.Choose(0, Scaled(maxTokens, 1, size))
            let t = integerTarget ? RoundToFeasible(t0, k, e, maxTokens) : t0
            from family in Gen.Elements("uniform", "few-valued", "binary", "identical", "superstar")
            from rows in Rows(family, t, e)
            from m in Gen.Choose(100, 20_000)
            select MoeInstance.FromRows(rows, e, k, (double)e * m, family));

    // A cap that grows linearly with FsCheck's size from lo (size 0) to max (size >= 100).
    private static int Scaled(int max, int lo, int size) => Math.Max(lo, lo + (int)((long)(max - lo) * Math.Min(size, 100) / 100));

    private static int RoundToFeasible(int t, int k, int e, int maxTokens)
    {
        int step = e / Gcd(k, e); // T·K divisible by E iff T divisible by E/gcd(K, E)
        int r = t / step * step;
        return Math.Min(r, maxTokens / step * step);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static Gen<long[][]> Rows(string family, int t, int e)
    {
        Gen<long> score = Gen.Choose(0, (int)MaxScore).Select(v => (long)v);
        switch (family)
        {
            case "few-valued":
                return Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 3).Select(v => v * 250_000L), e), t);
            case "binary":
                return Gen.ArrayOf(Gen.ArrayOf(Gen.Elements(0L, MaxScore), e), t);
            case "identical":
                return Gen.ArrayOf(score, e).Select(row => Enumerable.Range(0, t).Select(_ => (long[])row.Clone()).ToArray());
            case "superstar":
                return from gap in Gen.Choose(1, (int)(MaxScore / 2))
                       from rows in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, (int)(MaxScore / 2)).Select(v => (long)v), e), t)
                       select rows.Select(r => { var c = (long[])r.Clone(); c[0] = c.Max() + gap; return c; }).ToArray();
            default:
                return Gen.ArrayOf(Gen.ArrayOf(score, e), t);
        }
    }

    /// <summary>Shrinks: drop tokens (keeping T·K/E integral when required), halve scores, lower the rate.</summary>
    public static IEnumerable<MoeInstance> Shrink(MoeInstance instance, bool integerTarget = false)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var rows = instance.Rows();
        int e = instance.Experts, k = instance.K;
        int step = integerTarget ? e / Gcd(k, e) : 1;
        if (rows.Length >= step)
        {
            yield return MoeInstance.FromRows(rows[..(rows.Length - step)], e, k, instance.Rate, instance.Family);
            yield return MoeInstance.FromRows(rows[step..], e, k, instance.Rate, instance.Family);
        }
        bool any = false;
        foreach (var r in rows) foreach (var v in r) if (v > 1) any = true;
        if (any)
            yield return MoeInstance.FromRows(rows.Select(r => r.Select(v => v / 2).ToArray()).ToArray(), e, k, instance.Rate, instance.Family);
        if (instance.Rate > 100 * e)
            yield return instance with { Rate = Math.Max(100 * e, Math.Floor(instance.Rate / 2 / e) * e) };
    }
}
