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
        var req = new List<int>(inst.Sequence.Requests.ToArray());
        var b = bits ? new List<byte>(inst.Sequence.HasBits ? inst.Sequence.Bits.ToArray() : new byte[req.Count]) : null;
        int k = inst.K;
        int n = req.Count;
        int pageLimit = k + 1 + extraPages;
        int distinct = inst.Sequence.Length == 0 ? 0 : inst.Sequence.PageCount;
        // A new page is allowed while under the limit; otherwise draw among the pages in use.
        int Page() => rng.NextInt(Math.Max(1, Math.Min(pageLimit, distinct + 1)));
        int move = rng.NextInt(bits ? 11 : 9);
        switch (move)
        {
            case 0 when n < maxLength: // insert a request
            {
                int at = rng.NextInt(n + 1);
                req.Insert(at, Page());
                b?.Insert(at, (byte)rng.NextInt(2));
                break;
            }
            case 1 or 2 when n > 0 && n < maxLength: // copy a segment to the end (1) or to a random place (2)
            {
                // To the end: a short tail (≤ 2(k+1) requests) repeated extends a loop or a phase by one period.
                int cap = move == 1 ? Math.Min(n, 2 * (k + 1)) : n;
                int len = 1 + rng.NextInt(Math.Min(cap, maxLength - n));
                int from = move == 1 ? n - len : rng.NextInt(n - len + 1);
                int at = move == 1 ? n : rng.NextInt(n + 1);
                req.InsertRange(at, req.GetRange(from, len));
                b?.InsertRange(at, b.GetRange(from, len));
                break;
            }
            case 3 when n > 0: // change a request's page
                req[rng.NextInt(n)] = Page();
                break;
            case 4 when n > 1: // swap two neighbours
            {
                int i = rng.NextInt(n - 1);
                (req[i], req[i + 1]) = (req[i + 1], req[i]);
                if (b is not null) (b[i], b[i + 1]) = (b[i + 1], b[i]);
                break;
            }
            case 5 when n > 0: // delete a request
            {
                int i = rng.NextInt(n);
                req.RemoveAt(i);
                b?.RemoveAt(i);
                break;
            }
            case 6 when n > 1: // delete a segment
            {
                int len = 1 + rng.NextInt(Math.Max(1, n / 4));
                int from = rng.NextInt(n - len + 1);
                req.RemoveRange(from, len);
                b?.RemoveRange(from, len);
                break;
            }
            case 7 when k < maxK:
                k++;
                break;
            case 8 when k > minK:
                k--;
                break;
            case 9 when n > 0: // flip a bit
            {
                int i = rng.NextInt(n);
                b![i] ^= 1;
                break;
            }
            case 10 when n > 0: // set a segment of bits to one value
            {
                int len = 1 + rng.NextInt(n);
                int from = rng.NextInt(n - len + 1);
                byte v = (byte)rng.NextInt(2);
                for (int i = from; i < from + len; i++) b![i] = v;
                break;
            }
            default:
                if (n < maxLength) { req.Add(Page()); b?.Add((byte)rng.NextInt(2)); }
                break;
        }
        return Build(k, req.ToArray(), b?.ToArray());
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
