using OnlineAlgos.Core;
using OnlineAlgos.Paging.Generators;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Testing;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.Paging.Tests.Peers;

/// <summary>The Cache-Coliseum block (spec paging-peers): consistency with perfect predictions, robustness on the
/// adversarial families, harness properties, naive references and hand-checked runs.</summary>
public class PeerAlgorithmTests
{
    private readonly ITestOutputHelper _out;

    public PeerAlgorithmTests(ITestOutputHelper output) => _out = output;

    private static RequestSequence Random(Rng rng, out int k, int maxK = 5, int maxN = 80)
    {
        k = rng.NextInt(1, maxK + 1);
        int universe = rng.NextInt(1, 3 * k + 2);
        var pages = new int[rng.NextInt(0, maxN)];
        for (int t = 0; t < pages.Length; t++) pages[t] = rng.NextInt(universe);
        return RequestSequence.FromPages(pages);
    }

    private static long Run(string name, RequestSequence s, int k, ulong seed, double[]? h = null, byte[]? bits = null) =>
        PagingSimulator.Run(PagingAlgorithms.Create(name, new PagingAlgorithmOptions(bits, h ?? NextArrivalPredictions.Exact(s), NextArrivalPredictions.Exact(s))),
            s, k, new Rng(seed));

    // ---- consistency: equal to OPT with perfect predictions ----

    /// <summary>With exact next arrivals Guard and GuardWithoutRandomEvict never guard and evict as Belady: cost = OPT
    /// on 2,000 random traces × 3 seeds; so do F&amp;R (SIM follows Belady's state) and CombDet (FtP has the fewest
    /// misses, so it is always followed and the lazy evictor drops exactly FtP's victim).</summary>
    [Theory]
    [InlineData("guard")]
    [InlineData("guard-no-random-evict")]
    [InlineData("follower-robust")]
    [InlineData("combdet-coliseum")]
    public void Equal_to_OPT_with_exact_next_arrivals(string name)
    {
        var rng = new Rng(16);
        for (int i = 0; i < 2000; i++)
        {
            var s = Random(rng, out int k);
            long opt = BeladyPaging.Faults(s, k);
            for (ulong seed = 0; seed < 3; seed++) Assert.Equal(opt, Run(name, s, k, seed));
        }
    }

    /// <summary>The same through the harness (CompetitiveCheck, shrinking): ALG ≤ 1·OPT with exact next arrivals.</summary>
    [Fact]
    public void Guard_is_one_consistent_through_the_harness()
    {
        CompetitiveCheck.Create("guard", PagingGenerators.Instances(6, 120),
            inst => Run("guard", inst.Sequence, inst.K, 7), inst => BeladyPaging.Faults(inst.Sequence, inst.K),
            Guarantee.Competitive(1, source: "1-consistency (Chen et al., abstract)"), inst => inst.ToText()).Verify(400);
    }

    /// <summary>Cache-Coliseum's follow-the-bits equals OPT with perfect discard bits (ours and its labels), 2,000
    /// random traces × 3 seeds.</summary>
    [Fact]
    public void Follow_discard_coliseum_equals_OPT_with_perfect_bits()
    {
        var rng = new Rng(17);
        for (int i = 0; i < 2000; i++)
        {
            var s = Random(rng, out int k);
            long opt = BeladyPaging.Faults(s, k);
            for (ulong seed = 0; seed < 3; seed++)
            {
                Assert.Equal(opt, Run("follow-discard-coliseum", s, k, seed, bits: GroundTruthBits.Discard(s, k)));
                Assert.Equal(opt, Run("follow-discard-coliseum", s, k, seed, bits: GroundTruthBits.DiscardColiseum(s, k)));
            }
        }
    }

    // ---- robustness on the adversarial families ----

    /// <summary>The adversarial families for next-arrival predictions (spec paging-peers has none of its own; these
    /// are the classical ones of spec paging §3/§6): a loop over k+1 pages and uniform requests over k+1 pages, each
    /// with inverted predictions (the page requested soonest is predicted furthest) and with random predictions.</summary>
    internal static IEnumerable<(string Family, RequestSequence Seq, double[] H)> Families(int k, int n, ulong seed)
    {
        var rng = new Rng(seed);
        var loop = RequestSequence.FromPages(Enumerable.Range(0, n).Select(t => t % (k + 1)).ToArray());
        var uniform = RequestSequence.FromPages(Enumerable.Range(0, n).Select(_ => rng.NextInt(k + 1)).ToArray());
        foreach (var (name, s) in new[] { ("loop", loop), ("uniform", uniform) })
        {
            var exact = NextArrivalPredictions.Exact(s);
            yield return (name + "/inverted", s, exact.Select(x => -x).ToArray());
            yield return (name + "/random", s, exact.Select(_ => rng.NextDouble()).ToArray());
        }
    }

    /// <summary>Guard's robustness E[ALG] ≤ (2H_{k−1}+2)·OPT on every family, k ∈ {2, 3, 4, 6, 10}, n = 1,200: mean of
    /// 200 seeds ≤ bound·OPT + 3 standard errors (one-sided ≈ 99.9 %). The worst mean ratio of every new algorithm is
    /// written to the test output (for the issue note); only Guard has a claimed bound to assert.</summary>
    [Fact]
    public void Robustness_on_adversarial_families()
    {
        string[] names = ["guard", "guard-no-random-evict", "guard-no-protection", "follower-robust", "combdet-coliseum", "combrand-coliseum", "lnonmarker-bare"];
        foreach (var name in names)
        {
            double worst = 0;
            string where = "";
            foreach (int k in new[] { 2, 3, 4, 6, 10 })
            {
                double bound = 2 * (double)PagingAlgorithms.Harmonic(k - 1) + 2;
                foreach (var (family, s, h) in Families(k, 1200, (ulong)k))
                {
                    long opt = BeladyPaging.Faults(s, k);
                    var costs = Enumerable.Range(0, 200).Select(seed => (double)Run(name, s, k, (ulong)seed, h)).ToArray();
                    var st = RatioStatistics.Compute(costs);
                    if (st.Mean / opt > worst) { worst = st.Mean / opt; where = $"{family}, k={k}"; }
                    if (name == "guard")
                        Assert.True(st.Mean <= bound * opt + 3 * st.StdErr, $"guard on {family}, k={k}: mean {st.Mean} > {bound}·{opt}");
                }
            }
            _out.WriteLine($"{name}: worst mean ALG/OPT = {worst:F3} ({where})");
        }
    }

    /// <summary>The convention variants on the same families with bits (the loop and uniform sequences over k+1 pages
    /// with inverted discard labels and with all bits 1) and, for marker-rand-coliseum, without predictions: mean of
    /// 200 seeds, k ∈ {2, 4, 10}. Asserted: marker-rand-coliseum's registry bound 2k·OPT + k (per run, so also for the
    /// mean); the worst mean ratios are written to the test output.</summary>
    [Fact]
    public void Convention_variants_on_adversarial_families()
    {
        var worst = new Dictionary<string, (double Ratio, string Where)>();
        foreach (int k in new[] { 2, 4, 10 })
            foreach (var (family, s, _) in Families(k, 1200, (ulong)k))
            {
                if (family.EndsWith("/random", StringComparison.Ordinal)) continue;
                long opt = BeladyPaging.Faults(s, k);
                var truth = GroundTruthBits.DiscardColiseum(s, k);
                foreach (var (bitsName, bits) in new[] { ("inverted bits", BitNoise.Inverted(truth)), ("all-1 bits", BitNoise.AllOne(s.Length)) })
                    foreach (var name in new[] { "marker-rand-coliseum", "follow-discard-coliseum", "mark0-rand-coliseum" })
                    {
                        var st = RatioStatistics.Compute(Enumerable.Range(0, 200).Select(seed => (double)Run(name, s, k, (ulong)seed, bits: bits)).ToArray());
                        if (name == "marker-rand-coliseum") Assert.True(st.Max <= 2 * k * opt + k, $"{name} on {family}: {st.Max} > 2k·OPT + k");
                        string where = $"{family.Split('/')[0]}, {bitsName}, k={k}";
                        if (!worst.TryGetValue(name, out var w) || st.Mean / opt > w.Ratio) worst[name] = (st.Mean / opt, where);
                    }
            }
        foreach (var (name, w) in worst) _out.WriteLine($"{name}: worst mean ALG/OPT = {w.Ratio:F3} ({w.Where})");
    }

    /// <summary>marker-rand-coliseum is a per-run 2k-competitive algorithm (+k) by the pairing argument in the
    /// registry, through the harness (each run one seed).</summary>
    [Fact]
    public void Marker_coliseum_registry_guarantee_holds_through_the_harness()
    {
        var info = PagingAlgorithms.Find("marker-rand-coliseum")!;
        PagingChecks.Competitive("marker-rand-coliseum", () => PagingAlgorithms.Create("marker-rand-coliseum"),
            k => info.GuaranteeFor!(new Dictionary<string, double> { ["k"] = k }), maxTest: 400);
    }

    // ---- independent references ----

    /// <summary>The three Guard variants equal the naive transcription of the spec's pseudo-code, fault for fault, on
    /// 1,500 random traces with random predictions (same coins).</summary>
    [Fact]
    public void Guard_equals_the_naive_transcription()
    {
        var rng = new Rng(18);
        for (int i = 0; i < 1500; i++)
        {
            var s = Random(rng, out int k);
            var h = new double[s.Length];
            for (int t = 0; t < h.Length; t++) h[t] = rng.NextInt(6); // many ties: checks the lowest-slot rule
            var req = s.Requests.ToArray();
            for (int v = 0; v < 3; v++)
            {
                var variant = (GuardVariant)v;
                long mine = PagingSimulator.Run(new GuardPaging(h, variant), s, k, new Rng((ulong)i));
                Assert.Equal(PeerReference.Guard(req, h, k, v, new Rng((ulong)i)), mine);
            }
        }
    }

    /// <summary>With exact next arrivals Guard equals the exhaustive-search OPT (independent of Belady) on 400 tiny
    /// traces.</summary>
    [Fact]
    public void Guard_equals_brute_force_OPT_on_tiny_traces()
    {
        var rng = new Rng(19);
        for (int i = 0; i < 400; i++)
        {
            int k = rng.NextInt(1, 4);
            var pages = new int[rng.NextInt(0, 12)];
            for (int t = 0; t < pages.Length; t++) pages[t] = rng.NextInt(k + 3);
            var s = RequestSequence.FromPages(pages);
            Assert.Equal(Reference.BruteForceOpt(pages, k), Run("guard", s, k, (ulong)i));
        }
    }

    /// <summary>Cache-Coliseum's ground truths equal the naive set-based transcriptions on 2,000 random traces.</summary>
    [Fact]
    public void Coliseum_ground_truths_equal_naive_transcriptions()
    {
        var rng = new Rng(20);
        for (int i = 0; i < 2000; i++)
        {
            var s = Random(rng, out int k);
            var req = s.Requests.ToArray();
            Assert.Equal(PeerReference.DiscardColiseum(req, k), GroundTruthBits.DiscardColiseum(s, k));
            Assert.Equal(PeerReference.PhaseColiseum(req, k), GroundTruthBits.PhaseColiseum(s, k));
            Assert.Equal(PeerReference.DiscardColiseum(req, k), GroundTruthBits.For(PredictionSetup.DiscardColiseum, s, k));
        }
    }

    // ---- hand-checked runs: each convention differs from ours in its one rule ----

    /// <summary>k = 2, a b a c a: Coliseum clears the marks at the hit on a (all marked), so c evicts b (the only
    /// unmarked page) and the last a hits: 3 faults for every seed. Ours clears at c's fault and evicts a with
    /// probability ½: 4 faults for some seeds.</summary>
    [Fact]
    public void Marker_coliseum_resets_at_a_hit()
    {
        var s = RequestSequence.FromPages([0, 1, 0, 2, 0]);
        var ours = new HashSet<long>();
        for (ulong seed = 0; seed < 64; seed++)
        {
            Assert.Equal(3, PagingSimulator.Run(new RandomizedMarkerPaging(coliseumReset: true), s, 2, new Rng(seed)));
            ours.Add(PagingSimulator.Run(new RandomizedMarkerPaging(), s, 2, new Rng(seed)));
        }
        Assert.Equal(new HashSet<long> { 3, 4 }, ours);
    }

    /// <summary>Eager discard: k = 2, a(bit 1) a(0) b(0) a(0): Coliseum empties a's slot after t0, so t1 misses (an
    /// immediate repeat still costs, PagingCache counts the reload), then b fills the free slot: 3 faults. Ours keeps
    /// a: 2 faults.</summary>
    [Fact]
    public void Mark0_coliseum_discards_eagerly()
    {
        var s = RequestSequence.FromPages([0, 0, 1, 0]);
        byte[] bits = [1, 0, 0, 0];
        for (ulong seed = 0; seed < 16; seed++)
        {
            Assert.Equal(3, PagingSimulator.Run(new Mark0ColiseumPaging(bits), s, 2, new Rng(seed)));
            Assert.Equal(2, PagingSimulator.Run(new RandomizedMark0DiscardPaging(bits), s, 2, new Rng(seed)));
        }
        // a(1) b(1) c(0): both slots emptied; c, a, b all miss without evicting anything: 5 faults, any seed.
        var s2 = RequestSequence.FromPages([0, 1, 2, 0, 1]);
        Assert.Equal(5, PagingSimulator.Run(new Mark0ColiseumPaging([1, 1, 0, 0, 0]), s2, 2, new Rng(3)));
    }

    /// <summary>Follow-the-bits: k = 2, a(1) b(1) c(0) then a: Coliseum evicts a or b uniformly (over 200 seeds both
    /// happen, each at least 60 times: P(fail) &lt; 1e-8 for a fair coin); ours evicts the LRU bit-1 page a.</summary>
    [Fact]
    public void Follow_discard_coliseum_is_uniform_among_bit_one_pages()
    {
        var s = RequestSequence.FromPages([0, 1, 2, 0]);
        byte[] bits = [1, 1, 0, 0];
        int evictedA = 0;
        for (ulong seed = 0; seed < 200; seed++)
            if (PagingSimulator.Run(new FollowDiscardColiseumPaging(bits), s, 2, new Rng(seed)) == 4) evictedA++;
        Assert.InRange(evictedA, 60, 140);
        Assert.Equal(4, PagingSimulator.Run(new FollowDiscardPaging(bits), s, 2));
    }

    /// <summary>Phase labels, k = 2, a b a c c d: Coliseum cuts at the repeat a (phases [a b] [a c] [c d]), labels
    /// only phase 0: a → 0 (in phase 1), b → 1; ours cuts at c ([a b a] [c c d]... ) and labels a b a with 1 (none of
    /// them in the next phase). Discard ties: k = 2, a b a c: at c both are never requested again; Coliseum evicts slot 0 (a, so a's latest request
    /// t2 gets 1), ours the page with the smallest last request (b, t1).</summary>
    [Fact]
    public void Coliseum_ground_truth_hand_checked()
    {
        var s = RequestSequence.FromPages([0, 1, 0, 2, 2, 3]);
        Assert.Equal(new byte[] { 0, 1, 1, 1, 1, 1 }, GroundTruthBits.PhaseColiseum(s, 2));
        Assert.Equal(new byte[] { 1, 1, 1, 1, 1, 1 }, GroundTruthBits.Phase(s, 2));
        var d = RequestSequence.FromPages([0, 1, 0, 2]);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, GroundTruthBits.DiscardColiseum(d, 2));
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, GroundTruthBits.Discard(d, 2));
    }

    /// <summary>Bare LNonMarker, k = 2, a b a c with exact next arrivals: the hit on a finds |PH| = k and starts a
    /// phase (ours would not), so only a is marked and c must evict b: the final cache is {a, c} for every seed.</summary>
    [Fact]
    public void Lnonmarker_bare_resets_at_a_hit()
    {
        var s = RequestSequence.FromPages([0, 1, 0, 2]);
        var h = NextArrivalPredictions.Exact(s);
        for (ulong seed = 0; seed < 16; seed++)
        {
            var alg = new LNonMarkerBarePaging(h);
            Assert.Equal(3, PagingSimulator.Run(alg, s, 2, new Rng(seed)));
            Assert.True(alg.Contains(0) && alg.Contains(2) && !alg.Contains(1));
        }
    }

    /// <summary>F&amp;R's query points (spec paging-peers §2 examples).</summary>
    [Fact]
    public void Follower_robust_windows()
    {
        Assert.Equal([1, 9, 13, 15, 16], FollowerRobustPaging.WindowStarts(16));
        Assert.Equal([1, 5, 9, 10, 11, 12, 13, 14, 15, 16], FollowerRobustPaging.QueryPoints(16));
        Assert.Equal([1, 51, 76, 89, 95, 98, 100], FollowerRobustPaging.WindowStarts(100));
        Assert.Equal([1, 6, 9], FollowerRobustPaging.QueryPoints(10));
        Assert.Equal([1], FollowerRobustPaging.QueryPoints(1));
    }

    /// <summary>The block is registered with the prediction it consumes; ours stay the defaults.</summary>
    [Fact]
    public void Registry_block()
    {
        foreach (var name in PagingAlgorithms.PeerNames) Assert.NotNull(PagingAlgorithms.Find(name));
        Assert.Equal(PredictionKind.DiscardBits, PagingAlgorithms.KindOf("mark0-rand-coliseum"));
        Assert.Equal(PredictionKind.None, PagingAlgorithms.KindOf("marker-rand-coliseum"));
        Assert.DoesNotContain("marker-rand-coliseum", PagingAlgorithms.ClassicalNames);
        Assert.Equal("marker-rand", PagingAlgorithms.Create("marker-rand").Name);
        var g = PagingAlgorithms.Find("guard")!.GuaranteeFor!(new Dictionary<string, double> { ["k"] = 3 });
        Assert.Equal(2 * (PagingAlgorithms.Harmonic(2)) + 2, g.Ratio);
    }
}
