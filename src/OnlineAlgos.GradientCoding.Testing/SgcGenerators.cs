using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Generators;
using OnlineAlgos.GradientCoding.Model;

namespace OnlineAlgos.GradientCoding.Testing;

/// <summary>
/// FsCheck generators of (B, W, lambda) feasibility instances (spec §6 item 3): n in [2, maxN], W in [2, maxW],
/// B in [1, W-1] (optionally only B | W-1 for SR-SGC), lambda in [1, n], J in [1, maxJ], pattern from a mixture of
/// the random bursty generator (p in {0.1, 0.3, 0.6}), the greedy adversary (p = 1) and the periodic lower-bound
/// instance (spec §3.4, offset 0 or 1). Sized: the caps on n, W and J grow with FsCheck's size (small instances
/// first, the full caps at size 100). Shrinking moves the pattern seed toward 0, removes rounds at the end, drops
/// single stragglers (admissibility is closed under removal) and lowers J, so a counterexample ends up small.
/// </summary>
public static class SgcGenerators
{
    /// <summary>Arbitrary instances.</summary>
    public static Arbitrary<SgcInstance> Instances(int maxN = 10, int maxW = 6, int maxJ = 20, bool bDividesWMinus1 = false) =>
        Arb.From(InstanceGen(maxN, maxW, maxJ, bDividesWMinus1), Shrink);

    /// <summary>The generator behind <see cref="Instances"/>: sized, the seed drawn by FsCheck's shrinkable int generator.</summary>
    public static Gen<SgcInstance> InstanceGen(int maxN, int maxW, int maxJ, bool bDividesWMinus1) =>
        Gen.Sized(size =>
            from n in Gen.Choose(2, Scaled(maxN, 2, size))
            from w in Gen.Choose(2, Scaled(maxW, 2, size))
            from b0 in Gen.Choose(1, w - 1)
            from lambda in Gen.Choose(1, n)
            from jobs in Gen.Choose(1, Scaled(maxJ, 1, size))
            from kind in Gen.Choose(0, 4)
            from seed in ArbMap.Default.GeneratorFor<int>()
            let b = bDividesWMinus1 ? LargestDivisorAtMost(w - 1, b0) : b0
            let model = new BurstyModel(n, b, w, lambda)
            select Create(model, jobs, kind, (ulong)Math.Abs((long)seed)));

    /// <summary>The instance the generator draws for these parameters (pattern over J+W+B rounds).</summary>
    public static SgcInstance Create(BurstyModel model, int jobs, int kind, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new SgcInstance(model, jobs, Pattern(model, jobs + model.W + model.B, kind, seed)) { PatternKind = kind, Seed = seed };
    }

    // A cap that grows linearly with FsCheck's size from lo (size 0) to max (size >= 100).
    private static int Scaled(int max, int lo, int size) => Math.Max(lo, lo + (int)((long)(max - lo) * Math.Min(size, 100) / 100));

    private static int LargestDivisorAtMost(int x, int cap)
    {
        for (int d = cap; d >= 1; d--) if (x % d == 0) return d;
        return 1;
    }

    private static StragglerPattern Pattern(BurstyModel model, int rounds, int kind, ulong seed) => kind switch
    {
        0 => BurstyPatternGenerator.Random(model, rounds, 0.1, new Rng(seed)),
        1 => BurstyPatternGenerator.Random(model, rounds, 0.3, new Rng(seed)),
        2 => BurstyPatternGenerator.Random(model, rounds, 0.6, new Rng(seed)),
        3 => BurstyPatternGenerator.Random(model, rounds, 1.0, new Rng(seed)),
        _ => BurstyPatternGenerator.Periodic(model, rounds, (int)(seed % 2)),
    };

    /// <summary>Shrinks: a smaller pattern seed (same model, J and family), fewer jobs, fewer rounds, single
    /// stragglers removed.</summary>
    public static IEnumerable<SgcInstance> Shrink(SgcInstance inst)
    {
        ArgumentNullException.ThrowIfNull(inst);
        if (inst.PatternKind >= 0 && inst.Seed > 0)
        {
            yield return Create(inst.Model, inst.Jobs, inst.PatternKind, 0);
            if (inst.Seed > 1) yield return Create(inst.Model, inst.Jobs, inst.PatternKind, inst.Seed / 2);
        }
        var p = inst.Pattern;
        var plain = inst with { PatternKind = -1, Seed = 0 };
        if (inst.Jobs > 1) yield return plain with { Jobs = inst.Jobs - 1 };
        if (p.Rounds > 1) yield return plain with { Pattern = p.Prefix(p.Rounds - 1) };
        for (int r = 0; r < p.Rounds; r++)
            for (int i = 0; i < p.Workers; i++)
            {
                if (!p[r, i]) continue;
                var cells = new bool[p.Rounds * p.Workers];
                for (int rr = 0; rr < p.Rounds; rr++)
                    for (int ii = 0; ii < p.Workers; ii++) cells[rr * p.Workers + ii] = p[rr, ii];
                cells[r * p.Workers + i] = false;
                yield return plain with { Pattern = new StragglerPattern(p.Rounds, p.Workers, cells) };
            }
    }
}
