using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;

namespace OnlineAlgos.Paging.Analysis;

/// <summary>The exact expected cost of a randomized algorithm on one sequence, next to the optimum.</summary>
/// <param name="Expected">E[ALG], exact.</param>
/// <param name="Optimum">OPT (Belady).</param>
/// <param name="MaxSupport">The largest number of distinct algorithm states with positive probability at any step.</param>
public sealed record ExpectedCostResult(Rational Expected, long Optimum, int MaxSupport)
{
    /// <summary>E[ALG] / OPT exactly (zero for an empty sequence).</summary>
    public Rational Ratio => Optimum == 0 ? Rational.Zero : Expected / Optimum;
}

/// <summary>
/// Exact expected cost of randomized paging algorithms on a given sequence (issue #15 item 2): the distribution over
/// the algorithm's states (which pages are cached and in which list: unmarked / marked, by latest bit), pushed forward
/// request by request with exact <see cref="Rational"/> probabilities; E[ALG] = Σ_t P(fault at t). Supported, with the
/// rules of the registry's classes (reconstructions where those are): <c>marker-rand</c> (uniform eviction among
/// unmarked pages; state = (unmarked set, marked set)), <c>mark0-rand</c> (bit-1 pages in LRU order, else uniform
/// among unmarked 0-pages), <c>mark-predict</c> (uniform among unmarked bit-1 pages, else among unmarked pages).
/// Cross-checked against Monte-Carlo runs of the real classes in tests. Cost: O(n · S · k) rational operations with
/// S the support size (at most Σ_j C(N, j)·2^j-ish on N pages; tiny for N = k + 1), so meant for short sequences on
/// small universes — the objective of a worst-case search. Pure.
/// </summary>
public static class ExactExpectedCost
{
    /// <summary>The supported names.</summary>
    public static IReadOnlyList<string> SupportedNames { get; } = ["marker-rand", "mark0-rand", "mark-predict"];

    /// <summary>Whether the name is supported.</summary>
    public static bool IsSupported(string name) => Spec.For(name) is not null;

    /// <summary>E[ALG] and OPT of <paramref name="algorithm"/> on <paramref name="sequence"/> with cache size k;
    /// the bit algorithms read the sequence's bits (internal convention, 1 = evictable).</summary>
    /// <exception cref="ArgumentException">Unsupported name, or a bit algorithm on a sequence without bits.</exception>
    public static ExpectedCostResult Compute(string algorithm, RequestSequence sequence, int k)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var spec = Spec.For(algorithm) ?? throw new ArgumentException(
            $"no exact expected cost for '{algorithm}'; supported: {string.Join(", ", SupportedNames)}", nameof(algorithm));
        if (spec.UsesBits && !sequence.HasBits) throw new ArgumentException($"{algorithm} needs one prediction bit per request", nameof(sequence));
        if (sequence.PageCount > 250) throw new ArgumentException("exact expected costs are for small universes (at most 250 pages)", nameof(sequence));
        var (expected, support) = Expected(spec, sequence.Requests, spec.UsesBits ? sequence.Bits : default, k);
        return new ExpectedCostResult(expected, BeladyPaging.Faults(sequence, k), support);
    }

    /// <summary>E[ALG] alone on dense pages (each &lt; 250) and optional bits; the hot call of a search.</summary>
    public static Rational Expected(string algorithm, ReadOnlySpan<int> pages, ReadOnlySpan<byte> bits, int k)
    {
        var spec = Spec.For(algorithm) ?? throw new ArgumentException($"no exact expected cost for '{algorithm}'", nameof(algorithm));
        if (spec.UsesBits && bits.Length != pages.Length) throw new ArgumentException($"{algorithm} needs one prediction bit per request", nameof(bits));
        return Expected(spec, pages, bits, k).Expected;
    }

    private static (Rational Expected, int Support) Expected(Spec spec, ReadOnlySpan<int> pages, ReadOnlySpan<byte> bits, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var dist = new Dictionary<string, (List<int>[] Lists, Rational P)>(StringComparer.Ordinal);
        var start = spec.NewLists();
        dist[Key(start)] = (start, Rational.One);
        Rational expected = Rational.Zero;
        int support = 1;
        for (int t = 0; t < pages.Length; t++)
        {
            int p = pages[t], b = bits.IsEmpty ? 0 : bits[t];
            var next = new Dictionary<string, (List<int>[] Lists, Rational P)>(StringComparer.Ordinal);
            foreach (var (lists, prob) in dist.Values)
            {
                int where = spec.Find(lists, p);
                if (where >= 0)
                {
                    var l = Copy(lists);
                    l[where].Remove(p);
                    spec.Insert(l, p, b);
                    Add(next, l, prob);
                    continue;
                }
                expected += prob;
                int count = 0;
                foreach (var l in lists) count += l.Count;
                if (count < k)
                {
                    var l = Copy(lists);
                    spec.Insert(l, p, b);
                    Add(next, l, prob);
                    continue;
                }
                var pre = Copy(lists);
                var (from, uniform) = spec.Victims(pre);
                if (!uniform)
                {
                    pre[from].RemoveAt(0);
                    spec.Insert(pre, p, b);
                    Add(next, pre, prob);
                    continue;
                }
                var share = prob / pre[from].Count;
                for (int i = 0; i < pre[from].Count; i++)
                {
                    var l = Copy(pre);
                    l[from].RemoveAt(i);
                    spec.Insert(l, p, b);
                    Add(next, l, share);
                }
            }
            dist = next;
            if (dist.Count > support) support = dist.Count;
        }
        return (expected, support);
    }

    private static void Add(Dictionary<string, (List<int>[] Lists, Rational P)> d, List<int>[] lists, Rational p)
    {
        string key = Key(lists);
        d[key] = d.TryGetValue(key, out var old) ? (old.Lists, old.P + p) : (lists, p);
    }

    private static List<int>[] Copy(List<int>[] lists)
    {
        var c = new List<int>[lists.Length];
        for (int i = 0; i < c.Length; i++) c[i] = new List<int>(lists[i]);
        return c;
    }

    private static string Key(List<int>[] lists)
    {
        var chars = new List<char>();
        foreach (var l in lists)
        {
            foreach (int p in l) chars.Add((char)(p + 1));
            chars.Add('\0');
        }
        return new string(chars.ToArray());
    }

    /// <summary>An algorithm as lists of cached pages: which lists are sets (kept sorted, order irrelevant to the
    /// rule), where an accessed page goes, and where the victim of a fault on a full cache comes from.</summary>
    private sealed class Spec
    {
        public required bool[] IsSet { get; init; }
        public required bool UsesBits { get; init; }
        public required Func<int, int> Target { get; init; }                       // bit → list
        public required Func<List<int>[], (int List, bool Uniform)> Victims { get; init; } // may swap lists (new phase)

        public List<int>[] NewLists()
        {
            var l = new List<int>[IsSet.Length];
            for (int i = 0; i < l.Length; i++) l[i] = [];
            return l;
        }

        public int Find(List<int>[] lists, int p)
        {
            for (int i = 0; i < lists.Length; i++)
                if (lists[i].Contains(p)) return i;
            return -1;
        }

        public void Insert(List<int>[] lists, int p, int bit)
        {
            int to = Target(bit);
            var l = lists[to];
            if (!IsSet[to]) { l.Add(p); return; }
            int i = 0;
            while (i < l.Count && l[i] < p) i++;
            l.Insert(i, p);
        }

        private static void Swap(List<int>[] l, int a, int b) => (l[a], l[b]) = (l[b], l[a]);

        public static Spec? For(string name) => name switch
        {
            // [unmarked, marked]
            "marker-rand" => new Spec
            {
                IsSet = [true, true], UsesBits = false, Target = _ => 1,
                Victims = l => { if (l[0].Count == 0) Swap(l, 0, 1); return (0, true); },
            },
            // [bit-1 pages in LRU order, unmarked 0-pages, marked 0-pages]
            "mark0-rand" => new Spec
            {
                IsSet = [false, true, true], UsesBits = true, Target = b => b == 1 ? 0 : 2,
                Victims = l =>
                {
                    if (l[0].Count > 0) return (0, false);
                    if (l[1].Count == 0) Swap(l, 1, 2);
                    return (1, true);
                },
            },
            // [unmarked bit 0, unmarked bit 1, marked bit 0, marked bit 1]
            "mark-predict" => new Spec
            {
                IsSet = [true, true, true, true], UsesBits = true, Target = b => b == 1 ? 3 : 2,
                Victims = l =>
                {
                    if (l[0].Count + l[1].Count == 0) { Swap(l, 0, 2); Swap(l, 1, 3); }
                    return (l[1].Count > 0 ? 1 : 0, true);
                },
            },
            _ => null,
        };
    }
}
