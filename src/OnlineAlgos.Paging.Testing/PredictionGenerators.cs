using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Paging.Testing;

/// <summary>
/// FsCheck generators of paging instances carrying one-bit predictions (spec §6): the request sequences of
/// <see cref="PagingGenerators"/> plus the adversarial lower-bound families of spec §3, with bits drawn as the true
/// labels of the setup under independent flips (q0 for 1→0, q1 for 0→1, each in {0, 0.1, 0.3, 1}), all-0, all-1,
/// inverted, or uniformly random. Shrinking is <see cref="PagingGenerators.Shrink"/> (it keeps bits aligned; the
/// properties recompute the truth and η on the shrunk sequence).
/// </summary>
public static class PredictionGenerators
{
    private static readonly double[] Rates = [0, 0.1, 0.3, 1];

    /// <summary>Instances with bits for the given setup.</summary>
    public static Arbitrary<PagingInstance> WithBits(PredictionSetup setup, int maxK = 6, int maxN = 120, bool adversarial = true) =>
        Arb.From(WithBitsGen(setup, maxK, maxN, adversarial), PagingGenerators.Shrink);

    /// <summary>Instances with perfect (ground-truth) bits for the setup.</summary>
    public static Arbitrary<PagingInstance> WithPerfectBits(PredictionSetup setup, int maxK = 6, int maxN = 120) =>
        Arb.From(
            from inst in PagingGenerators.InstanceGen(maxK, maxN)
            select new PagingInstance(inst.K, inst.Sequence.WithBits(GroundTruthBits.For(setup, inst.Sequence, inst.K))),
            inst => PagingGenerators.Shrink(inst).Select(s =>
                new PagingInstance(s.K, s.Sequence.WithBits(GroundTruthBits.For(setup, s.Sequence, s.K)))));

    /// <summary>The generator behind <see cref="WithBits"/>.</summary>
    public static Gen<PagingInstance> WithBitsGen(PredictionSetup setup, int maxK, int maxN, bool adversarial)
    {
        var random =
            from inst in PagingGenerators.InstanceGen(maxK, maxN)
            from mode in Gen.Choose(0, 4)
            from q0 in Gen.Elements(Rates)
            from q1 in Gen.Elements(Rates)
            from seed in PagingGenerators.SeedGen()
            select new PagingInstance(inst.K, inst.Sequence.WithBits(Bits(setup, inst, mode, q0, q1, seed)));
        if (!adversarial) return random;
        var family =
            from k in Gen.Choose(1, maxK)
            from n in Gen.Choose(0, maxN)
            from bit in Gen.Elements((byte)0, (byte)1)
            select new PagingInstance(k, DiscardLowerBoundFamily.Build(b => new Mark0DiscardPaging(b), k, n, bit));
        return Gen.Frequency((4, random), (1, family));
    }

    private static byte[] Bits(PredictionSetup setup, PagingInstance inst, int mode, double q0, double q1, ulong seed)
    {
        int n = inst.Sequence.Length;
        var rng = new Core.Rng(seed);
        var truth = GroundTruthBits.For(setup, inst.Sequence, inst.K);
        return mode switch
        {
            0 or 1 => BitNoise.Flip(truth, q0, q1, rng),
            2 => BitNoise.AllZero(n),
            3 => BitNoise.AllOne(n),
            _ => rng.NextBernoulli(0.5) ? BitNoise.Inverted(truth) : BitNoise.Flip(BitNoise.AllZero(n), 0, 0.5, rng),
        };
    }
}
