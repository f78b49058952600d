using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;

namespace OnlineAlgos.Paging.Generators;

/// <summary>
/// Synthetic request sequences, deterministic from an <see cref="Rng"/>: Zipf popularity (the usual model of web and
/// storage traces), cyclic loops (LRU's and FIFO's worst case when the loop is longer than the cache), and a hot set
/// mixed with long sequential scans (where recency-based policies pollute the cache).
/// </summary>
public static class TraceGenerators
{
    /// <summary>
    /// n requests over <paramref name="pages"/> pages with P(page i) ∝ 1/(i+1)^s (page 0 most popular), drawn by
    /// inverse-CDF binary search: O(pages) set-up, O(log pages) per request.
    /// </summary>
    public static RequestSequence Zipf(int n, int pages, double s, Rng rng)
    {
        var cdf = ZipfCdf(pages, s);
        var req = new int[n];
        for (int t = 0; t < n; t++) req[t] = SampleCdf(cdf, rng.NextDouble());
        return RequestSequence.FromPages(req);
    }

    /// <summary>Raw page numbers of a Zipf trace (no remapping; for benchmarks that need a fixed universe).</summary>
    public static int[] ZipfPages(int n, int pages, double s, Rng rng)
    {
        var cdf = ZipfCdf(pages, s);
        var req = new int[n];
        for (int t = 0; t < n; t++) req[t] = SampleCdf(cdf, rng.NextDouble());
        return req;
    }

    private static double[] ZipfCdf(int pages, double s)
    {
        if (pages < 1) throw new ArgumentOutOfRangeException(nameof(pages), "at least one page");
        if (s < 0 || double.IsNaN(s)) throw new ArgumentOutOfRangeException(nameof(s), "Zipf exponent must be >= 0");
        var cdf = new double[pages];
        double sum = 0;
        for (int i = 0; i < pages; i++)
        {
            sum += Math.Pow(i + 1, -s);
            cdf[i] = sum;
        }
        for (int i = 0; i < pages; i++) cdf[i] /= sum;
        cdf[^1] = 1.0;
        return cdf;
    }

    private static int SampleCdf(double[] cdf, double u)
    {
        int lo = 0, hi = cdf.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (cdf[mid] > u) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>n requests cycling over <paramref name="width"/> pages: 0, 1, …, width−1, 0, 1, …</summary>
    public static RequestSequence Loop(int n, int width)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), "at least one page");
        var req = new int[n];
        for (int t = 0; t < n; t++) req[t] = t % width;
        return RequestSequence.FromPages(req);
    }

    /// <summary>
    /// A hot set of <paramref name="hot"/> pages (uniform, with probability <paramref name="pHot"/> per request)
    /// interleaved with sequential scans of <paramref name="scanLength"/> fresh-ish pages from a large cold range.
    /// </summary>
    public static RequestSequence HotSetWithScans(int n, int hot, int scanLength, double pHot, int coldPages, Rng rng)
    {
        if (hot < 1 || scanLength < 1 || coldPages < 1) throw new ArgumentOutOfRangeException(nameof(hot), "sizes must be positive");
        var req = new int[n];
        int scanPos = -1, scanLeft = 0;
        for (int t = 0; t < n; t++)
        {
            if (scanLeft == 0 && rng.NextDouble() < pHot)
            {
                req[t] = rng.NextInt(hot);
                continue;
            }
            if (scanLeft == 0)
            {
                scanPos = rng.NextInt(coldPages);
                scanLeft = scanLength;
            }
            req[t] = hot + scanPos;
            scanPos = (scanPos + 1) % coldPages;
            scanLeft--;
        }
        return RequestSequence.FromPages(req);
    }
}
