using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.Paging.Testing;

/// <summary>
/// Search moves over paging instances for <see cref="AdversarialSearch{TInstance}"/> and the search phase of the
/// paging checks. Growth moves: insert a request, append or insert a copy of a segment (so loops and phases can grow
/// into long cycles), raise k. Shrink moves: delete a request or a segment, lower k. Neutral moves: change a
/// request's page, swap two neighbours, and with bits, flip one prediction bit or a segment of bits. Pages are kept
/// dense (renumbered in first-request order) and within <c>k + 1 + extraPages</c> distinct pages; sequences within
/// <c>maxLength</c> requests. The final shrinking uses <see cref="PagingGenerators.Shrink"/> (restricted to
/// k ≥ <c>minK</c>).
/// </summary>
public static class PagingMoves
{
    /// <summary>The moves. <paramref name="k"/> fixes the cache size (for a claim at one k); otherwise k ranges over
    /// [<paramref name="minK"/>, <paramref name="maxK"/>]. <paramref name="bits"/> adds a prediction bit per request
    /// (drawn uniformly and mutated too).</summary>
    public static SearchMoves<PagingInstance> Create(int? k = null, int minK = 1, int maxK = 6, int maxLength = 200,
        bool bits = false, int extraPages = 1)
    {
        if (k is { } fixedK) { minK = fixedK; maxK = fixedK; }
        ArgumentOutOfRangeException.ThrowIfLessThan(minK, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxK, minK);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(extraPages);
        int lo = minK, hi = maxK;
        return new SearchMoves<PagingInstance>(
            rng => Random(rng, lo, hi, maxLength, bits, extraPages),
            (inst, rng) => Mutate(inst, rng, lo, hi, maxLength, bits, extraPages),
            inst => Shrink(inst, lo));
    }

    private static PagingInstance Random(Rng rng, int minK, int maxK, int maxLength, bool bits, int extraPages)
    {
        int k = minK + rng.NextInt(maxK - minK + 1);
        int universe = k + 1 + rng.NextInt(extraPages + 1);
        int n = Math.Min(maxLength, universe + rng.NextInt(2 * universe + 1));
        var req = new int[n];
        for (int t = 0; t < n; t++) req[t] = rng.NextInt(universe);
        byte[]? b = bits ? RandomBits(rng, n) : null;
        return Build(k, req, b);
    }

    private static byte[] RandomBits(Rng rng, int n)
    {
        var b = new byte[n];
        for (int t = 0; t < n; t++) b[t] = (byte)rng.NextInt(2);
        return b;
    }

    private static PagingInstance Mutate(PagingInstance inst, Rng rng, int minK, int maxK, int maxLength, bool bits, int extraPages)
    {
        var m = new Mutation(inst, rng, bits, inst.K + 1 + extraPages);
        int k = inst.K;
        int n = m.Length;
        int move = rng.NextInt(bits ? 11 : 9);
        // A move whose guard fails falls to the default (append a request while under maxLength).
        switch (move)
        {
            case 0 when n < maxLength: m.InsertRequest(); break;
            case 1 or 2 when n > 0 && n < maxLength: m.CopySegment(toEnd: move == 1, k, maxLength); break;
            case 3 when n > 0: m.ChangePage(); break;
            case 4 when n > 1: m.SwapNeighbours(); break;
            case 5 when n > 0: m.DeleteRequest(); break;
            case 6 when n > 1: m.DeleteSegment(); break;
            case 7 when k < maxK: k++; break;
            case 8 when k > minK: k--; break;
            case 9 when n > 0: m.FlipBit(); break;
            case 10 when n > 0: m.SetBitSegment(); break;
            default:
                if (n < maxLength) m.AppendRequest();
                break;
        }
        return Build(k, m.Requests(), m.Bits());
    }

    // The sequence being mutated (requests and, with bits, prediction bits) and the rng its moves draw from.
    private sealed class Mutation
    {
        private readonly List<int> _req;
        private readonly List<byte>? _b;
        private readonly Rng _rng;
        private readonly int _pageLimit, _distinct;

        public Mutation(PagingInstance inst, Rng rng, bool bits, int pageLimit)
        {
            _req = new List<int>(inst.Sequence.Requests.ToArray());
            _b = bits ? new List<byte>(inst.Sequence.HasBits ? inst.Sequence.Bits.ToArray() : new byte[_req.Count]) : null;
            _rng = rng;
            _pageLimit = pageLimit;
            _distinct = inst.Sequence.Length == 0 ? 0 : inst.Sequence.PageCount;
        }

        public int Length => _req.Count;
        public int[] Requests() => _req.ToArray();
        public byte[]? Bits() => _b?.ToArray();

        // A new page is allowed while under the limit; otherwise draw among the pages in use.
        private int Page() => _rng.NextInt(Math.Max(1, Math.Min(_pageLimit, _distinct + 1)));

        public void InsertRequest()
        {
            int at = _rng.NextInt(_req.Count + 1);
            _req.Insert(at, Page());
            _b?.Insert(at, (byte)_rng.NextInt(2));
        }

        // Copies a segment to the end or to a random place.
        public void CopySegment(bool toEnd, int k, int maxLength)
        {
            int n = _req.Count;
            // To the end: a short tail (≤ 2(k+1) requests) repeated extends a loop or a phase by one period.
            int cap = toEnd ? Math.Min(n, 2 * (k + 1)) : n;
            int len = 1 + _rng.NextInt(Math.Min(cap, maxLength - n));
            int from = toEnd ? n - len : _rng.NextInt(n - len + 1);
            int at = toEnd ? n : _rng.NextInt(n + 1);
            _req.InsertRange(at, _req.GetRange(from, len));
            _b?.InsertRange(at, _b.GetRange(from, len));
        }

        public void ChangePage() => _req[_rng.NextInt(_req.Count)] = Page();

        public void SwapNeighbours()
        {
            int i = _rng.NextInt(_req.Count - 1);
            (_req[i], _req[i + 1]) = (_req[i + 1], _req[i]);
            if (_b is not null) (_b[i], _b[i + 1]) = (_b[i + 1], _b[i]);
        }

        public void DeleteRequest()
        {
            int i = _rng.NextInt(_req.Count);
            _req.RemoveAt(i);
            _b?.RemoveAt(i);
        }

        public void DeleteSegment()
        {
            int n = _req.Count;
            int len = 1 + _rng.NextInt(Math.Max(1, n / 4));
            int from = _rng.NextInt(n - len + 1);
            _req.RemoveRange(from, len);
            _b?.RemoveRange(from, len);
        }

        public void FlipBit()
        {
            int i = _rng.NextInt(_req.Count);
            _b![i] ^= 1;
        }

        // Sets a segment of bits to one value.
        public void SetBitSegment()
        {
            int n = _req.Count;
            int len = 1 + _rng.NextInt(n);
            int from = _rng.NextInt(n - len + 1);
            byte v = (byte)_rng.NextInt(2);
            for (int i = from; i < from + len; i++) _b![i] = v;
        }

        public void AppendRequest()
        {
            _req.Add(Page());
            _b?.Add((byte)_rng.NextInt(2));
        }
    }

    /// <summary><see cref="PagingGenerators.Shrink"/> without candidates below <paramref name="minK"/>.</summary>
    /// <remarks>Before those candidates: the sequence without its last or first n/2, n/4, …, 1 requests (a long
    /// counterexample, e.g. a loop, shrinks in O(log n) steps per halving instead of one request at a time).</remarks>
    public static IEnumerable<PagingInstance> Shrink(PagingInstance instance, int minK)
    {
        var req = instance.Sequence.Requests.ToArray();
        var bits = instance.Sequence.HasBits ? instance.Sequence.Bits.ToArray() : null;
        int n = req.Length;
        for (int cut = n / 2; cut >= 1; cut /= 2)
        {
            yield return Build(instance.K, req[..(n - cut)], bits?[..(n - cut)]);
            yield return Build(instance.K, req[cut..], bits?[cut..]);
        }
        foreach (var s in PagingGenerators.Shrink(instance))
            if (s.K >= minK) yield return Canonical(s);
    }

    private static PagingInstance Canonical(PagingInstance s) =>
        Build(s.K, s.Sequence.Requests.ToArray(), s.Sequence.HasBits ? s.Sequence.Bits.ToArray() : null);

    // Dense page ids in first-request order, so the ids printed are 0, 1, 2, … and the universe stays small.
    private static PagingInstance Build(int k, int[] requests, byte[]? bits)
    {
        var map = new Dictionary<int, int>();
        var dense = new int[requests.Length];
        for (int t = 0; t < requests.Length; t++)
        {
            if (!map.TryGetValue(requests[t], out int d)) { d = map.Count; map[requests[t]] = d; }
            dense[t] = d;
        }
        return new PagingInstance(k, RequestSequence.FromPages(dense, bits));
    }
}
