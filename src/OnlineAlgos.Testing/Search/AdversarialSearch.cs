using OnlineAlgos.Core;

namespace OnlineAlgos.Testing.Search;

/// <summary>Settings of one <see cref="AdversarialSearch{TInstance}"/> run.</summary>
/// <param name="Budget">Evaluations of the score for the search proper (the final shrinking has its own budget).</param>
/// <param name="Seed">Seed of the whole run: same seed, same moves, same result.</param>
/// <param name="Restarts">Number of restarts the budget is split into (≥ 1). Even restarts hill-climb (accept only
/// improvements), odd ones anneal; restarts after the first start alternately from a fresh instance and from the best
/// instance found so far.</param>
/// <param name="Temperature">Initial annealing temperature relative to |score of the start| (geometric cooling to
/// 1/1000 of it over the restart).</param>
/// <param name="ShrinkBudget">Evaluations allowed to the final shrinking (null = <paramref name="Budget"/>).</param>
/// <param name="Keep">Fraction of the best score (of the ratio, for ratio searches) a shrunk instance must keep.</param>
public sealed record SearchOptions(int Budget = 2000, ulong Seed = 1, int Restarts = 4, double Temperature = 0.05,
    int? ShrinkBudget = null, double Keep = 0.99);

/// <summary>Where a running search is (for progress bars).</summary>
/// <param name="Evaluations">Score evaluations so far (search and shrinking).</param>
/// <param name="Budget">The search budget plus the shrink budget.</param>
/// <param name="Restart">Current restart (0-based); −1 while shrinking.</param>
/// <param name="BestScore">Best score so far.</param>
public readonly record struct SearchProgress(int Evaluations, int Budget, int Restart, double BestScore);

/// <summary>The outcome of a search.</summary>
/// <typeparam name="TInstance">The family's instance type.</typeparam>
/// <param name="Best">The best instance after the final shrinking.</param>
/// <param name="BestScore">Its score.</param>
/// <param name="Unshrunk">The best instance the search proper found (before shrinking).</param>
/// <param name="UnshrunkScore">Its score.</param>
/// <param name="Evaluations">Score evaluations in all (search and shrinking).</param>
/// <param name="Stopped">True when the stop condition ended the search before its budget.</param>
public sealed record SearchResult<TInstance>(TInstance Best, double BestScore, TInstance Unshrunk, double UnshrunkScore,
    int Evaluations, bool Stopped);

/// <summary>
/// Adversarial instance search, generic over the instance type: hill climbing and simulated annealing with restarts
/// over a family's moves (<see cref="SearchMoves{TInstance}"/>), maximising a score (for competitive ratios: ALG/OPT
/// of a minimisation problem, −ALG/OPT of a maximisation problem, see <see cref="RatioScore{TInstance}"/>), then
/// greedily shrinking the best instance while it keeps <see cref="SearchOptions.Keep"/> of its score. Deterministic
/// from <see cref="SearchOptions.Seed"/>; it holds no state between runs. Cost: (budget + shrink budget) score
/// evaluations; the search itself is O(1) per evaluation beyond the moves.
/// </summary>
/// <remarks>A local search proves nothing: its result is a lower bound on the worst case over the space the moves
/// reach. A score that throws is treated as −∞ (the instance is skipped) unless it is the start of a restart.</remarks>
/// <typeparam name="TInstance">The family's instance type.</typeparam>
public sealed class AdversarialSearch<TInstance>
{
    private readonly SearchMoves<TInstance> _moves;
    private readonly Func<TInstance, double> _score;

    /// <summary>Creates a search maximising <paramref name="score"/> (NaN counts as −∞).</summary>
    public AdversarialSearch(SearchMoves<TInstance> moves, Func<TInstance, double> score)
    {
        _moves = moves ?? throw new ArgumentNullException(nameof(moves));
        _score = score ?? throw new ArgumentNullException(nameof(score));
    }

    /// <summary>Runs the search. <paramref name="seeds"/> are optional starting instances (used by the first restarts
    /// before fresh ones); <paramref name="stop"/> ends the search proper early once a score satisfies it (e.g. a
    /// violation was found); <paramref name="shrinkWhile"/> replaces the default shrinking criterion
    /// (score ≥ Keep·best) — a harness keeps shrinking while the instance still violates.</summary>
    public SearchResult<TInstance> Run(SearchOptions? options = null, Action<SearchProgress>? progress = null,
        IReadOnlyList<TInstance>? seeds = null, Func<double, bool>? stop = null, Func<double, double, bool>? shrinkWhile = null,
        CancellationToken cancellation = default)
    {
        var o = options ?? new SearchOptions();
        CheckOptions(o);
        int shrinkBudget = o.ShrinkBudget ?? o.Budget;
        var run = new SearchRun(this, o.Budget + shrinkBudget, progress, new Rng(o.Seed), cancellation);
        bool stopped = run.Restarts(o, seeds, stop);
        var unshrunk = run.Best;
        double unshrunkScore = run.BestScore;
        Func<double, double, bool> keep = shrinkWhile ?? ((s, reference) => KeepsScore(s, reference, o.Keep));
        var (shrunk, shrunkScore) = run.Shrink(unshrunk, unshrunkScore, shrinkBudget, keep);
        progress?.Invoke(new SearchProgress(run.Evaluations, run.Total, -1, unshrunkScore));
        return new SearchResult<TInstance>(shrunk, shrunkScore, unshrunk, unshrunkScore, run.Evaluations, stopped);
    }

    private static void CheckOptions(SearchOptions options)
    {
        if (options.Budget < 1) throw new ArgumentOutOfRangeException(nameof(options), "the budget must be at least 1 evaluation");
        if (options.Restarts < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one restart");
        if (!(options.Keep > 0 && options.Keep <= 1)) throw new ArgumentOutOfRangeException(nameof(options), "Keep must be in (0, 1]");
    }

    // One run's state: the evaluation count, the best instance so far and the progress reporting, shared by the
    // restarts and the final shrinking.
    private sealed class SearchRun
    {
        private readonly AdversarialSearch<TInstance> _search;
        private readonly Action<SearchProgress>? _progress;
        private readonly Rng _rng;
        private readonly CancellationToken _cancellation;
        private readonly int _reportEvery;
        private int _lastReport = -1;
        private bool _haveBest;

        public SearchRun(AdversarialSearch<TInstance> search, int total, Action<SearchProgress>? progress, Rng rng,
            CancellationToken cancellation)
        {
            _search = search;
            Total = total;
            _progress = progress;
            _rng = rng;
            _cancellation = cancellation;
            _reportEvery = Math.Max(1, total / 200);
        }

        public int Total { get; }
        public int Evaluations { get; private set; }
        public TInstance Best { get; private set; } = default!;
        public double BestScore { get; private set; } = double.NegativeInfinity;

        // The search proper: the budget split into restarts; true when the stop condition ended it.
        public bool Restarts(SearchOptions o, IReadOnlyList<TInstance>? seeds, Func<double, bool>? stop)
        {
            int seedIndex = 0;
            for (int restart = 0; restart < o.Restarts; restart++)
            {
                int end = (int)((long)o.Budget * (restart + 1) / o.Restarts);
                if (Evaluations >= end) continue;
                TInstance current = StartOf(restart, seeds, ref seedIndex);
                if (Climb(restart, current, end, o.Temperature, stop)) return true;
            }
            return false;
        }

        // A restart starts from the next seed, else (odd restarts) from the best so far, else from a fresh instance.
        private TInstance StartOf(int restart, IReadOnlyList<TInstance>? seeds, ref int seedIndex)
        {
            if (seeds is not null && seedIndex < seeds.Count) return seeds[seedIndex++];
            if (restart % 2 == 1 && _haveBest) return Best;
            return _search._moves.Random(_rng);
        }

        // One restart up to evaluation `end`: hill climbing (even restarts) or annealing with geometric cooling (odd);
        // true when the stop condition was met.
        private bool Climb(int restart, TInstance current, int end, double temperature, Func<double, bool>? stop)
        {
            double currentScore = Eval(current);
            if (stop is not null && stop(currentScore)) return true;
            bool anneal = restart % 2 == 1;
            int length = Math.Max(1, end - Evaluations);
            double t0 = temperature * Math.Max(1e-9, Math.Abs(double.IsFinite(currentScore) ? currentScore : 1));
            double cooling = Math.Pow(1e-3, 1.0 / length);
            double t = t0;
            while (Evaluations < end)
            {
                _cancellation.ThrowIfCancellationRequested();
                var next = _search._moves.Mutate(current, _rng);
                double s = Eval(next);
                Report(restart);
                if (stop is not null && stop(s)) return true;
                bool accept = s >= currentScore
                    || (anneal && double.IsFinite(s) && double.IsFinite(currentScore) && _rng.NextDouble() < Math.Exp((s - currentScore) / t));
                if (accept)
                {
                    current = next;
                    currentScore = s;
                }
                t *= cooling;
            }
            return false;
        }

        // Final shrinking: greedy, first candidate that keeps the criterion wins, until none does or the budget ends.
        public (TInstance Shrunk, double ShrunkScore) Shrink(TInstance unshrunk, double unshrunkScore, int shrinkBudget,
            Func<double, double, bool> keep)
        {
            var shrunk = unshrunk;
            double shrunkScore = unshrunkScore;
            int shrinkEnd = Evaluations + shrinkBudget;
            bool improved = double.IsFinite(unshrunkScore) || unshrunkScore == double.PositiveInfinity;
            while (improved && Evaluations < shrinkEnd)
            {
                improved = false;
                foreach (var candidate in _search._moves.Shrink(shrunk))
                {
                    if (Evaluations >= shrinkEnd) break;
                    _cancellation.ThrowIfCancellationRequested();
                    Evaluations++;
                    double s;
                    try { s = _search._score(candidate); }
                    catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException) { continue; }
                    Report(-1);
                    if (double.IsNaN(s) || !keep(s, unshrunkScore)) continue;
                    shrunk = candidate;
                    shrunkScore = s;
                    improved = true;
                    break;
                }
            }
            return (shrunk, shrunkScore);
        }

        private double Eval(TInstance x)
        {
            Evaluations++;
            double s;
            try { s = _search._score(x); }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException) { s = double.NegativeInfinity; }
            if (double.IsNaN(s)) s = double.NegativeInfinity;
            if (!_haveBest || s > BestScore)
            {
                Best = x;
                BestScore = s;
                _haveBest = true;
            }
            return s;
        }

        private void Report(int restart)
        {
            if (_progress is null || Evaluations - _lastReport < _reportEvery) return;
            _lastReport = Evaluations;
            _progress(new SearchProgress(Evaluations, Total, restart, BestScore));
        }
    }

    /// <summary>Whether <paramref name="score"/> keeps <paramref name="keep"/> of <paramref name="reference"/>
    /// (for a negative reference, i.e. a maximisation ratio −r, the ratio may grow by the factor 1/keep).</summary>
    public static bool KeepsScore(double score, double reference, double keep) =>
        reference >= 0 ? score >= keep * reference : score >= reference / keep;
}
