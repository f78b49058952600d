using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;

namespace OnlineAlgos.Paging.Generators;

/// <summary>
/// Reoccurrence (next-arrival) predictions h_t for the request at time t (spec §1, §4.3), 0-based times: h_t predicts
/// the index of the next request to r_t. Only their order matters to FtP-type algorithms.
/// <list type="bullet">
/// <item><see cref="Exact"/>: y_t = true next index, never-again = 10000·n (the ACEPS constant).</item>
/// <item><see cref="LogNormal(RequestSequence, double, Rng)"/>: y_t + exp(σ·N(0,1)) (Lykouris–Vassilvitskii / ACEPS synthetic noise).</item>
/// <item><see cref="Pleco"/> and <see cref="Popu"/>: the ACEPS predictors (PLECO tailored to BrightKite; POPU by
/// popularity), written in the ACEPS code's 1-based time and shifted by one so that exact arithmetic order is kept.</item>
/// </list>
/// </summary>
public static class NextArrivalPredictions
{
    /// <summary>The never-again value for n requests (10000·n, as in the ACEPS code).</summary>
    public static double NeverAgain(int n) => 10000.0 * n;

    /// <summary>True next-arrival times; never-again requests get <see cref="NeverAgain"/>. O(n).</summary>
    public static double[] Exact(RequestSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        int n = sequence.Length;
        int[] next = BeladyPaging.NextOccurrences(sequence);
        var y = new double[n];
        double never = NeverAgain(n);
        for (int t = 0; t < n; t++) y[t] = next[t] == n ? never : next[t];
        return y;
    }

    /// <summary>h_t = y_t + exp(σ·Z_t), Z_t standard normal (σ = 0 adds the constant 1: order unchanged).</summary>
    /// <exception cref="ArgumentOutOfRangeException">σ negative or NaN.</exception>
    public static double[] LogNormal(RequestSequence sequence, double sigma, Rng rng)
    {
        if (!(sigma >= 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be ≥ 0");
        ArgumentNullException.ThrowIfNull(rng);
        var h = Exact(sequence);
        AddLogNormal(h, sigma, rng);
        return h;
    }

    /// <summary>y_t + exp(σ·N(0,1)) for already computed exact next arrivals <paramref name="exact"/> (left unchanged):
    /// the same draws, in the same order, as <see cref="LogNormal(RequestSequence, double, Rng)"/>. O(n).</summary>
    public static double[] LogNormal(ReadOnlySpan<double> exact, double sigma, Rng rng)
    {
        if (!(sigma >= 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be ≥ 0");
        ArgumentNullException.ThrowIfNull(rng);
        var h = exact.ToArray();
        AddLogNormal(h, sigma, rng);
        return h;
    }

    private static void AddLogNormal(double[] h, double sigma, Rng rng)
    {
        for (int t = 0; t < h.Length; t++) h[t] += Math.Exp(sigma * rng.NextGaussian());
    }

    /// <summary>
    /// PLECO (ACEPS's version, tailored to BrightKite): with 1-based s and weights w(j) = (j+10)^−1.8·e^(−j/670),
    /// prob_s = Σ_{earlier or current occurrences i of r_s} w(s−i+1) / Σ_{j≤s} w(j) and the prediction is
    /// 1/prob_s + s − 1. Sums in the reference code's order (occurrences oldest first), so values agree bit for bit
    /// with it. O(occurrences of r_s) per request (quadratic in the worst case).
    /// </summary>
    public static double[] Pleco(RequestSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        int n = sequence.Length;
        var req = sequence.Requests;
        var weights = new double[n];
        var occurrences = new List<int>[sequence.PageCount];
        var h = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++)
        {
            int s = t + 1;
            weights[t] = Math.Pow(s + 10, -1.8) * Math.Exp(-s / 670.0);
            sum += weights[t];
            var occ = occurrences[req[t]] ??= new List<int>();
            occ.Add(s);
            double acc = 0;
            foreach (int i in occ) acc += weights[s - i];
            double prob = acc / sum;
            h[t] = 1 / prob + s - 1;
        }
        return h;
    }

    /// <summary>POPU (ACEPS): with 1-based s, h = s + s / count_s(r_s), count including the current request. O(n).
    /// Produces exact ties between pages; FtP breaks them by smallest last-request index (spec §4.4).</summary>
    public static double[] Popu(RequestSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        int n = sequence.Length;
        var req = sequence.Requests;
        var count = new int[sequence.PageCount];
        var h = new double[n];
        for (int t = 0; t < n; t++)
        {
            int s = t + 1;
            int c = ++count[req[t]];
            h[t] = s + (double)s / c;
        }
        return h;
    }

    /// <summary>ℓ1 error Σ_t |y_t − h_t| against the exact predictions of <see cref="Exact"/> (never-again = 10000·n).</summary>
    public static double L1Error(RequestSequence sequence, ReadOnlySpan<double> predictions)
    {
        var y = Exact(sequence);
        if (predictions.Length != y.Length)
            throw new ArgumentException($"{predictions.Length} predictions for {y.Length} requests", nameof(predictions));
        double e = 0;
        for (int t = 0; t < y.Length; t++) e += Math.Abs(y[t] - predictions[t]);
        return e;
    }
}
