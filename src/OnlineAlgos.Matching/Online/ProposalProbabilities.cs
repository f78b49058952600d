using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>
/// Scaled LP mass and conditional proposal probabilities per edge (spec §2.3 steps 0b–0c). Reconstructed: the
/// "discount early mass, mark up late mass" rule with θ = δ/(ε+δ): for each node i and step t with cumulative mass
/// s = s_{i,t}, lo = min(max(θ − s, 0), x_{i,t}) and x̂_{i,t} = (1−ε)·lo + (1+δ)(x_{i,t} − lo); in the types model
/// the per-step total is scaled and split over the types in proportion to x_{i,t,j} (spec review note). Then
/// q_{i,t,j} = x̂_{i,t,j} / (p_{t,j} (1 − ŝ_{i,t})), with q = 0 when p = 0 or 1 − ŝ ≤ 1e-12, clamped to [0, 1].
/// (ε, δ) = (0, 0) gives x̂ = x (θ = 0 is tested as ε + δ == 0, never by dividing first). O(edges).
/// </summary>
public sealed class ProposalProbabilities
{
    private readonly double[] _xhat, _q, _s, _shat;

    private ProposalProbabilities(double eps, double delta, double theta, double[] xhat, double[] q, double[] s, double[] shat)
    {
        Epsilon = eps;
        Delta = delta;
        Theta = theta;
        _xhat = xhat;
        _q = q;
        _s = s;
        _shat = shat;
    }

    /// <summary>ε: discount of early mass.</summary>
    public double Epsilon { get; }
    /// <summary>δ: markup of late mass.</summary>
    public double Delta { get; }
    /// <summary>θ = δ/(ε+δ) (0 when ε+δ = 0): the cumulative level where discount turns into markup.</summary>
    public double Theta { get; }
    /// <summary>x̂ per edge.</summary>
    public ReadOnlySpan<double> XHat => _xhat;
    /// <summary>q per edge.</summary>
    public ReadOnlySpan<double> Q => _q;
    /// <summary>s_{i,t}: LP mass of the edge's node before the edge's step.</summary>
    public ReadOnlySpan<double> S => _s;
    /// <summary>ŝ_{i,t}: scaled mass of the edge's node before the edge's step.</summary>
    public ReadOnlySpan<double> SHat => _shat;

    /// <summary>Validates (ε, δ): ε ∈ [0, 1), δ ≥ 0, both finite; returns θ.</summary>
    public static double ThetaOf(double eps, double delta)
    {
        if (!double.IsFinite(eps) || eps < 0 || eps >= 1) throw new ArgumentOutOfRangeException(nameof(eps), $"epsilon must be in [0, 1), got {eps}");
        if (!double.IsFinite(delta) || delta < 0) throw new ArgumentOutOfRangeException(nameof(delta), $"delta must be >= 0, got {delta}");
        return eps + delta == 0 ? 0 : delta / (eps + delta);
    }

    /// <summary>Computes x̂ and q from an LP solution with scaling (ε, δ).</summary>
    public static ProposalProbabilities Compute(MatchingInstance instance, LpSolution x, double eps, double delta)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(x);
        if (x.X.Length != instance.EdgeCount) throw new ArgumentException("the LP solution belongs to another instance", nameof(x));
        double theta = ThetaOf(eps, delta);
        int n = instance.OfflineCount, m = instance.EdgeCount;
        var xhat = new double[m];
        var q = new double[m];
        var sEdge = new double[m];
        var shEdge = new double[m];
        var s = new double[n];
        var sh = new double[n];
        var stepX = new double[n];
        var ratio = new double[n];
        var touched = new List<int>();
        var mark = new bool[n];
        var xs = x.X;
        for (int t = 0; t < instance.StepCount; t++)
        {
            touched.Clear();
            int e0 = instance.EdgeStart(instance.TypeStart(t)), e1 = instance.EdgeStart(instance.TypeStart(t + 1));
            for (int e = e0; e < e1; e++)
            {
                int i = instance.EdgeNode(e);
                if (!mark[i]) { mark[i] = true; touched.Add(i); }
                stepX[i] += xs[e];
            }
            foreach (int i in touched)
            {
                double xt = stepX[i];
                double lo = Math.Min(Math.Max(theta - s[i], 0), xt);
                double xht = (1 - eps) * lo + (1 + delta) * (xt - lo);
                ratio[i] = xt > 0 ? xht / xt : 0;
            }
            for (int j = instance.TypeStart(t); j < instance.TypeStart(t + 1); j++)
            {
                double p = instance.Probability(j);
                for (int e = instance.EdgeStart(j); e < instance.EdgeStart(j + 1); e++)
                {
                    int i = instance.EdgeNode(e);
                    xhat[e] = xs[e] * ratio[i];
                    sEdge[e] = s[i];
                    shEdge[e] = sh[i];
                    double free = 1 - sh[i];
                    q[e] = p <= 0 || free <= 1e-12 ? 0 : Math.Clamp(xhat[e] / (p * free), 0, 1);
                }
            }
            foreach (int i in touched)
            {
                s[i] += stepX[i];
                sh[i] += stepX[i] * ratio[i];
                stepX[i] = 0;
                mark[i] = false;
            }
        }
        return new ProposalProbabilities(eps, delta, theta, xhat, q, sEdge, shEdge);
    }

    /// <summary>A copy with q replaced (used by the simulated-availability option).</summary>
    internal ProposalProbabilities WithQ(double[] q) => new(Epsilon, Delta, Theta, _xhat, q, _s, _shat);
}
