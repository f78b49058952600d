using OnlineAlgos.Core;

namespace OnlineAlgos.Testing.Search;

/// <summary>
/// Competitive-ratio scores for <see cref="AdversarialSearch{TInstance}"/>: the search maximises ALG/OPT of a
/// minimisation problem and minimises ALG/OPT of a maximisation problem (score −ALG/OPT). Conventions: OPT = 0 and
/// ALG = 0 is ratio 1; OPT = 0 &lt; ALG is +∞ when minimising (unbounded) and 1 when maximising.
/// </summary>
/// <typeparam name="TInstance">The family's instance type.</typeparam>
/// <param name="Costs">Both costs of an instance: (ALG, OPT).</param>
/// <param name="Objective">Minimise (paging, flow time) or maximise (matching, MoE dual).</param>
public sealed record RatioScore<TInstance>(Func<TInstance, (double Alg, double Opt)> Costs, Objective Objective)
{
    /// <summary>ALG/OPT with the conventions above.</summary>
    public static double Ratio(double alg, double opt, Objective objective)
    {
        if (opt == 0) return alg == 0 || objective == Objective.Maximize ? 1 : double.PositiveInfinity;
        return alg / opt;
    }

    /// <summary>The ratio of one instance.</summary>
    public double RatioOf(TInstance instance)
    {
        var (a, p) = Costs(instance);
        return Ratio(a, p, Objective);
    }

    /// <summary>The search score of one instance (ratio, or −ratio when maximising).</summary>
    public double Score(TInstance instance) => ToScore(RatioOf(instance));

    /// <summary>Score of a ratio.</summary>
    public double ToScore(double ratio) => Objective == Objective.Minimize ? ratio : -ratio;

    /// <summary>Ratio of a score.</summary>
    public double ToRatio(double score) => Objective == Objective.Minimize ? score : -score;

    /// <summary>Runs the search for the worst ratio: returns the result and the shrunk best instance's ratio.</summary>
    public (SearchResult<TInstance> Result, double Ratio) Search(SearchMoves<TInstance> moves, SearchOptions? options = null,
        Action<SearchProgress>? progress = null, IReadOnlyList<TInstance>? seeds = null, CancellationToken cancellation = default)
    {
        var result = new AdversarialSearch<TInstance>(moves, Score).Run(options, progress, seeds, cancellation: cancellation);
        return (result, ToRatio(result.BestScore));
    }
}
