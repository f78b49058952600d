using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Generators;
using OnlineAlgos.MoeBalancing.Online;

namespace OnlineAlgos.Experiments.MoeBalancing;

/// <summary>Factories and curve encoding shared by the MoE studies (generators and balancers by name).</summary>
public static class MoeStudyKit
{
    /// <summary>A generator of spec §5.5 by name from <see cref="ScoreGenerators"/> (Zipf exponent 1; <c>drift</c>
    /// is the change-point drift every 250 steps).</summary>
    public static IScoreGenerator Generator(string name, int experts, Rng setup) =>
        ScoreGenerators.Create(name, new ScoreGeneratorOptions(experts), setup);

    /// <summary>The suffix of the study's group-limited rows: 8 groups, the best 4 kept per token (DeepSeek-V3, spec A2e,
    /// §5.3), so E must be a multiple of 8.</summary>
    public const string GroupSuffix = "-g8-top4";

    /// <summary>A balancer of <see cref="MoeAlgorithms"/> by name with rate u, and the simulation settings it needs
    /// (dropping, expert choice); a name ending in <see cref="GroupSuffix"/> is the base balancer with group-limited
    /// routing G = 8, M = 4.</summary>
    public static (IBiasBalancer Balancer, SimulationSettings Settings) Balancer(string name, int experts, double u, SimulationSettings s)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(s);
        if (name.EndsWith(GroupSuffix, StringComparison.Ordinal))
        {
            name = name[..^GroupSuffix.Length];
            s = s with { Groups = new GroupLimit(8, 4) };
        }
        var setup = MoeAlgorithms.Create(name, new MoeAlgorithmOptions(experts, s, Rate: u));
        return (setup.Balancer, setup.Settings);
    }

    /// <summary>A curve down-sampled to at most <paramref name="points"/> window means, as "x:y;x:y".</summary>
    public static string EncodeCurve(IReadOnlyList<double> ys, int points)
    {
        int n = ys.Count;
        if (n == 0) return "";
        int w = Math.Max(1, n / points);
        var parts = new List<string>();
        for (int start = 0; start < n; start += w)
        {
            int end = Math.Min(n, start + w);
            double s = 0;
            for (int j = start; j < end; j++) s += ys[j];
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{end}:{s / (end - start):R}"));
        }
        return string.Join(";", parts);
    }

    /// <summary>Inverse of <see cref="EncodeCurve"/>.</summary>
    public static (double[] X, double[] Y) DecodeCurve(string text)
    {
        if (string.IsNullOrEmpty(text)) return (Array.Empty<double>(), Array.Empty<double>());
        var parts = text.Split(';');
        var x = new double[parts.Length];
        var y = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var xy = parts[i].Split(':');
            x[i] = StudyRunner.ParseNum(xy[0]);
            y[i] = StudyRunner.ParseNum(xy[1]);
        }
        return (x, y);
    }

    /// <summary>The pointwise mean of several encoded curves with the same x (e.g. one per seed), as the tables average.</summary>
    public static (double[] X, double[] Y) MeanCurve(IEnumerable<string> encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var curves = encoded.Select(DecodeCurve).ToList();
        if (curves.Count == 0) return (Array.Empty<double>(), Array.Empty<double>());
        var x = curves[0].X;
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            foreach (var c in curves)
            {
                if (c.X.Length != x.Length || c.X[i] != x[i]) throw new ArgumentException("curves have different x", nameof(encoded));
                y[i] += c.Y[i];
            }
            y[i] /= curves.Count;
        }
        return (x, y);
    }

    /// <summary>The pointwise mean of several encoded curves with the same x and, per point, the Student-t 95 %
    /// half-width of that mean over the curves (0 for a single curve), for a confidence band.</summary>
    public static (double[] X, double[] Mean, double[] HalfWidth) MeanCurveWithCi(IEnumerable<string> encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var list = encoded.ToList();
        var (x, mean) = MeanCurve(list);
        var curves = list.Select(DecodeCurve).ToList();
        var half = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
            half[i] = RatioStatistics.Compute(curves.Select(c => c.Y[i]).ToArray()).Ci95HalfWidth;
        return (x, mean, half);
    }

    /// <summary>Mean of a slice.</summary>
    public static double Mean(IReadOnlyList<double> v, int from, int to)
    {
        double s = 0;
        int c = 0;
        for (int i = Math.Max(0, from); i < Math.Min(v.Count, to); i++) { s += v[i]; c++; }
        return c == 0 ? double.NaN : s / c;
    }
}
