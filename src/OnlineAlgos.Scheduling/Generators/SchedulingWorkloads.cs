using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Online;

namespace OnlineAlgos.Scheduling.Generators;

/// <summary>
/// Instance families of spec §5.1 (G1–G6; G7 comes from the SWF reader) and the lower-bound families of §3.3 (L1 MPT
/// stream, L2 chain versus short jobs). Random families take an explicit <see cref="Rng"/> and are deterministic from
/// it. All families are "ours" (the paper reports no experiments); L1 and L2 are reconstructed constructions.
/// </summary>
public static class SchedulingWorkloads
{
    private static string Id(int j) => j.ToString(CultureInfo.InvariantCulture);

    // Poisson arrivals with rate rho / meanJobSize.
    private static double[] PoissonReleases(Rng rng, int n, double rho, double meanJobSize)
    {
        var r = new double[n];
        double t = 0, rate = rho / meanJobSize;
        for (int j = 0; j < n; j++)
        {
            r[j] = t;
            t += -Math.Log(1 - rng.NextDouble()) / rate;
        }
        return r;
    }

    /// <summary>G1 Poisson workload: m_j ~ U{1..maxOps}, operation sizes iid from <paramref name="sizes"/>, load rho.</summary>
    public static SchedulingInstance<double> Poisson(Rng rng, int n, double rho, int maxOps, OperationSizeDistribution sizes)
    {
        var releases = PoissonReleases(rng, n, rho, (maxOps + 1) / 2.0 * sizes.Mean);
        var jobs = new SchedulingJob<double>[n];
        for (int j = 0; j < n; j++)
        {
            var ops = new double[rng.NextInt(1, maxOps + 1)];
            for (int i = 0; i < ops.Length; i++) ops[i] = sizes.Sample(rng);
            jobs[j] = new SchedulingJob<double>(Id(j), releases[j], ops);
        }
        return new SchedulingInstance<double>(jobs);
    }

    /// <summary>G2 deceptive tail: m-1 operations of size delta, then with probability q a final operation of size H.</summary>
    public static SchedulingInstance<double> DeceptiveTail(Rng rng, int n, double rho, int m, double delta = 0.01, double h = 10, double q = 0.5)
    {
        var releases = PoissonReleases(rng, n, rho, (m - 1) * delta + q * h);
        var jobs = new SchedulingJob<double>[n];
        for (int j = 0; j < n; j++)
        {
            var ops = new List<double>();
            for (int i = 0; i < Math.Max(1, m - 1); i++) ops.Add(delta);
            if (rng.NextBernoulli(q)) ops.Add(h);
            jobs[j] = new SchedulingJob<double>(Id(j), releases[j], ops);
        }
        return new SchedulingInstance<double>(jobs);
    }

    /// <summary>G3 geometric growth: operation i has size c^(i-1)·b, b ~ LogNormal(0, 1), m_j ~ U{1..maxOps}.</summary>
    public static SchedulingInstance<double> GeometricGrowth(Rng rng, int n, double rho, double c, int maxOps)
    {
        double meanJob = 0;
        for (int m = 1; m <= maxOps; m++) meanJob += (Math.Pow(c, m) - 1) / (c - 1) / maxOps;
        meanJob *= Math.Exp(0.5);
        var releases = PoissonReleases(rng, n, rho, meanJob);
        var jobs = new SchedulingJob<double>[n];
        for (int j = 0; j < n; j++)
        {
            double b = Math.Exp(rng.NextGaussian());
            var ops = new double[rng.NextInt(1, maxOps + 1)];
            for (int i = 0; i < ops.Length; i++) ops[i] = b * Math.Pow(c, i);
            jobs[j] = new SchedulingJob<double>(Id(j), releases[j], ops);
        }
        return new SchedulingInstance<double>(jobs);
    }

    /// <summary>G4 uniform obligatory tests: [1, X], X from <paramref name="parts"/> with an atom at 0 (probability
    /// <paramref name="zeroProbability"/>).</summary>
    public static SchedulingInstance<double> UniformTests(Rng rng, int n, double rho, OperationSizeDistribution parts, double zeroProbability = 0.2)
    {
        var releases = PoissonReleases(rng, n, rho, 1 + (1 - zeroProbability) * parts.Mean);
        var x = new double[n];
        for (int j = 0; j < n; j++) x[j] = rng.NextBernoulli(zeroProbability) ? 0 : parts.Sample(rng);
        return SchedulingInstance<double>.UniformTests(1.0, releases, x);
    }

    /// <summary>
    /// L1 / G5, reconstructed MPT-style stream, RR-tailored fixed version (spec §3.3): k jobs at 0 made of k+1
    /// operations of 1/k, then k^3 jobs of size 1/k at times k + i/k. RR's ratio grows linearly in k.
    /// </summary>
    public static SchedulingInstance<Rational> MptStream(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be >= 1");
        var eps = new Rational(1, k);
        var jobs = new List<SchedulingJob<Rational>>();
        for (int j = 0; j < k; j++) jobs.Add(new SchedulingJob<Rational>(Id(jobs.Count), 0, Enumerable.Repeat(eps, k + 1).ToArray()));
        for (int i = 0; i < k * k * k; i++) jobs.Add(new SchedulingJob<Rational>(Id(jobs.Count), k + i * eps, new[] { eps }));
        return new SchedulingInstance<Rational>(jobs);
    }

    /// <summary>
    /// L1, reconstructed adaptive MPT construction against a given deterministic scheduler (spec §3.3 steps 1–3):
    /// run the scheduler on k unbounded chains of operations of size 1/k up to time k, record each job's service x_j,
    /// then end job j one operation after its current one (p_j = (v_j + 1)/k, v_j = floor(k·x_j) + 1) and append the
    /// phase-2 stream of k^3 jobs of size 1/k at k + i/k. The scheduler's phase-1 behaviour is the same on the result.
    /// </summary>
    public static SchedulingInstance<Rational> AdaptiveMptStream(int k, Func<IOnlineScheduler<Rational>> scheduler)
    {
        var eps = new Rational(1, k);
        int chain = k * k + 2; // more work than the k time units of phase 1
        var probe = new SchedulingJob<Rational>[k];
        for (int j = 0; j < k; j++) probe[j] = new SchedulingJob<Rational>(Id(j), 0, Enumerable.Repeat(eps, chain).ToArray());
        // Phase-1 probe: the chains hold more work than k, so no job ends before k and the view up to k is that of the result.
        var result = ScheduleSimulator.Run(new SchedulingInstance<Rational>(probe), scheduler(), recordSegments: true);
        var x = new Rational[k];
        foreach (var s in result.Segments!)
            if (s.Start < k) x[s.Job] += s.Rate * (Rational.Min(s.End, k) - s.Start);
        var jobs = new List<SchedulingJob<Rational>>();
        for (int j = 0; j < k; j++)
        {
            int v = (int)Rational.Floor(x[j] / eps).Numerator + 1;
            jobs.Add(new SchedulingJob<Rational>(Id(j), 0, Enumerable.Repeat(eps, v + 1).ToArray()));
        }
        for (int i = 0; i < k * k * k; i++) jobs.Add(new SchedulingJob<Rational>(Id(jobs.Count), k + i * eps, new[] { eps }));
        return new SchedulingInstance<Rational>(jobs);
    }

    /// <summary>L2 / G6, reconstructed chain versus short jobs (spec §3.3): at time 0 one job of m unit operations and
    /// floor(sqrt(m)) jobs of size 2. OpSRPT/OPT ~ sqrt(m)/2.</summary>
    public static SchedulingInstance<Rational> ChainVersusShort(int m)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), "m must be >= 1");
        int s = (int)Math.Floor(Math.Sqrt(m));
        var jobs = new List<SchedulingJob<Rational>> { new(Id(0), 0, Enumerable.Repeat(Rational.One, m).ToArray()) };
        for (int i = 0; i < s; i++) jobs.Add(new SchedulingJob<Rational>(Id(jobs.Count), 0, new Rational[] { 2 }));
        return new SchedulingInstance<Rational>(jobs);
    }
}
