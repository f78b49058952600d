using FsCheck;
using FsCheck.Fluent;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Testing;

/// <summary>
/// FsCheck generators of paging instances (spec §6): k in [1, maxK], page universe N in [k+1, 3k+1], n up to maxN,
/// drawn from a mixture of uniform requests, short loops over ≤ k+1 pages (LRU's worst case), scans, and
/// phase-structured sequences (each phase = k−1 old pages + 1 new page, shuffled). Shrinking removes requests
/// (halves, then single requests), lowers k, and renumbers pages densely, so a counterexample ends up minimal.
/// </summary>
public static class PagingGenerators
{
    /// <summary>Arbitrary paging instances (no prediction bits).</summary>
    /// <remarks><paramref name="minK"/> &gt; 1 restricts k to [minK, maxK] (a claim at one k: minK = maxK); the
    /// shrinker then never lowers k below it.</remarks>
    public static Arbitrary<PagingInstance> Instances(int maxK = 6, int maxN = 120, int minK = 1) =>
        minK <= 1 ? Arb.From(InstanceGen(maxK, maxN), Shrink)
        : Arb.From(InstanceGen(maxK, maxN, minK), i => Shrink(i).Where(s => s.K >= minK));

    /// <summary>The generator behind <see cref="Instances"/>.</summary>
    public static Gen<PagingInstance> InstanceGen(int maxK, int maxN, int minK = 1) =>
        Gen.Sized(size =>
            from k in Gen.Choose(Math.Min(minK, maxK), Math.Max(minK, SizedBound(size, maxK, 1)))
            from universe in Gen.Choose(k + 1, 3 * k + 1)
            from n in Gen.Choose(0, SizedBound(size, maxN, Math.Min(maxN, 4)))
            from pages in Gen.OneOf(Uniform(universe, n), Loop(k, n), Scan(universe, n), Phased(k, n))
            select new PagingInstance(k, RequestSequence.FromPages(pages)));

    /// <summary>A seed drawn from FsCheck's sized (and shrinkable) int generator, so small sizes give small seeds.</summary>
    public static Gen<ulong> SeedGen() =>
        from x in ArbMap.Default.GeneratorFor<int>()
        select (ulong)(uint)(x < 0 ? -(long)x : x);

    // The bound grows with FsCheck's size (0..100 over a default run) from `floor` to `max`.
    private static int SizedBound(int size, int max, int floor) => Math.Clamp(size * max / 100, Math.Min(floor, max), max);

    private static Gen<int[]> Uniform(int universe, int n) => Gen.ArrayOf(Gen.Choose(0, universe - 1), n);

    // A loop over w ≤ k+1 pages, repeated: every LRU/FIFO request faults when w = k+1.
    private static Gen<int[]> Loop(int k, int n) =>
        from w in Gen.Choose(1, k + 1)
        select Enumerable.Range(0, n).Select(i => i % w).ToArray();

    // Sequential scans over the universe with random restarts.
    private static Gen<int[]> Scan(int universe, int n) =>
        from starts in Gen.ArrayOf(Gen.Choose(0, universe - 1), Math.Max(1, n / Math.Max(1, universe) + 1))
        select Enumerable.Range(0, n).Select(i => (starts[i / universe % starts.Length] + i) % universe).ToArray();

    // Phases of k distinct pages: k−1 from the previous phase plus one new page, shuffled.
    private static Gen<int[]> Phased(int k, int n) =>
        from seeds in Gen.ArrayOf(SeedGen(), Math.Max(1, n / Math.Max(1, k) + 1))
        select PhasedSequence(k, n, seeds);

    private static int[] PhasedSequence(int k, int n, ulong[] seeds)
    {
        var result = new List<int>(n);
        var current = Enumerable.Range(0, k).ToList();
        int nextPage = k;
        for (int phase = 0; result.Count < n; phase++)
        {
            var rng = new Core.Rng(seeds[phase % seeds.Length] + (ulong)phase);
            if (phase > 0)
            {
                current.RemoveAt(rng.NextInt(current.Count));
                current.Add(nextPage++ % (3 * k + 1));
                current = current.Distinct().ToList();
            }
            var order = current.ToArray();
            rng.Shuffle(order.AsSpan());
            foreach (var p in order)
            {
                if (result.Count == n) break;
                result.Add(p);
                if (rng.NextDouble() < 0.3 && result.Count < n) result.Add(order[rng.NextInt(order.Length)]);
            }
        }
        return result.ToArray();
    }

    /// <summary>Shrinks an instance: drop halves and single requests, lower k, keep ids dense.</summary>
    public static IEnumerable<PagingInstance> Shrink(PagingInstance instance)
    {
        var req = instance.Sequence.Requests.ToArray();
        var bits = instance.Sequence.HasBits ? instance.Sequence.Bits.ToArray() : null;
        int n = req.Length;
        if (n > 1)
        {
            yield return Build(instance.K, req[..(n / 2)], bits?[..(n / 2)]);
            yield return Build(instance.K, req[(n / 2)..], bits?[(n / 2)..]);
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var r = new int[n - 1];
            Array.Copy(req, 0, r, 0, i);
            Array.Copy(req, i + 1, r, i, n - 1 - i);
            byte[]? b = null;
            if (bits is not null)
            {
                b = new byte[n - 1];
                Array.Copy(bits, 0, b, 0, i);
                Array.Copy(bits, i + 1, b, i, n - 1 - i);
            }
            yield return Build(instance.K, r, b);
        }
        if (instance.K > 1) yield return Build(instance.K - 1, req, bits);
        if (bits is not null)
            for (int i = 0; i < n; i++)
                if (bits[i] == 1)
                {
                    var b = (byte[])bits.Clone();
                    b[i] = 0;
                    yield return Build(instance.K, req, b);
                }
    }

    private static PagingInstance Build(int k, int[] requests, byte[]? bits) =>
        new(k, RequestSequence.FromPages(requests, bits));
}
