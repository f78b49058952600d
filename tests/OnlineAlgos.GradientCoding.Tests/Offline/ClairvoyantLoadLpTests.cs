using OnlineAlgos.Core;
using OnlineAlgos.GradientCoding.Model;
using OnlineAlgos.GradientCoding.Offline;
using Xunit;
using Xunit.Abstractions;

namespace OnlineAlgos.GradientCoding.Tests.Offline;

/// <summary>The clairvoyant LP of spec §4.2: hand-checked values and an independent cross-check on tiny instances.</summary>
public class ClairvoyantLoadLpTests
{
    private const double Tol = 1e-7;
    private readonly ITestOutputHelper _out;
    public ClairvoyantLoadLpTests(ITestOutputHelper output) => _out = output;

    private static void AssertValue(Rational expected, StragglerPattern p, int jobs, int delay)
    {
        var lp = ClairvoyantLoadLp.Solve(p, jobs, delay);
        Assert.Equal(ClairvoyantLpStatus.Optimal, lp.Status);
        Assert.Equal(expected.ToDouble(), lp.Load, 9);
        Assert.Equal(expected, ClairvoyantLoadLp.ExactLoad(p, jobs, delay));
    }

    [Theory]
    [InlineData(3, 2, 1, 1, 9)]   // one job, 3 workers x 3 rounds: 1/9 each
    [InlineData(2, 1, 4, 2, 5)]   // see below
    [InlineData(4, 0, 5, 1, 4)]   // T = 0: each job alone in its round, 1/n
    [InlineData(5, 3, 2, 2, 25)]  // 2 jobs over 5 rounds x 5 workers
    public void Without_stragglers_the_optimum_is_J_over_n_times_J_plus_T(int n, int t, int jobs, long num, long den)
    {
        // Lower bound: all J units must fit into the n(J+T) worker-rounds of rounds 0..J-1+T, so L >= J/(n(J+T)).
        // Attained: fill rounds left to right, job j taking what job j-1 left of its last round. E.g. n = 2, T = 1,
        // J = 4, L = 2/5 (round capacity 4/5): job 0 gets 4/5 + 1/5 from rounds 0,1; job 1 3/5 + 2/5 from rounds 1,2;
        // job 2 2/5 + 3/5 from 2,3; job 3 1/5 + 4/5 from 3,4. Every window holds its job, so 2/5 is optimal.
        var expected = new Rational(num, den);
        Assert.Equal(new Rational(jobs, (long)n * (jobs + t)), expected);
        AssertValue(expected, StragglerPattern.Clean(jobs + t, n), jobs, t);
    }

    [Fact]
    public void With_T_0_the_optimum_is_one_over_the_fewest_survivors_of_a_round()
    {
        // T = 0: job r can only use round r, whose n - |S_r| survivors share it equally. Rounds lose 0, 2, 3 of n = 4
        // workers, so L = max(1/4, 1/2, 1/1) = 1 (GC with s = 3 has load (3+1)/4 = 1 too).
        var p = StragglerPattern.FromSets(4, [[], [0, 1], [1, 2, 3]]);
        AssertValue(new Rational(1, 1), p, 3, 0);
        AssertValue(new Rational(1, 2), p, 2, 0);
    }

    [Fact]
    public void Hand_checked_instance_with_stragglers_and_delay()
    {
        // n = 3, T = 1, J = 2; round 0 loses workers 0,1 (1 survivor), round 1 loses worker 0 (2), round 2 clean (3).
        // Runs of jobs: {0}: rounds 0-1, 3 worker-rounds -> 1/3; {1}: rounds 1-2, 5 -> 1/5; {0,1}: rounds 0-2,
        // 6 -> 2/6. So L >= 1/3, and 1/3 is attained: job 0 takes 1/3 from (2,0) and 1/3 from each of (1,1), (2,1);
        // job 1 takes 1/3 from each worker of round 2.
        var p = StragglerPattern.FromSets(3, [[0, 1], [0], []]);
        AssertValue(new Rational(1, 3), p, 2, 1);
        var lp = ClairvoyantLoadLp.Solve(p, 2, 1);
        Assert.Equal(0, lp.Share(0, 0, 0));          // straggler cell
        Assert.Equal(0, lp.Share(1, 0, 0));          // outside job 1's window
        Assert.Equal(1.0 / 3, lp.Share(0, 2, 0), 9); // the lone survivor of round 0 must be full
        Assert.Equal(2 * 2 * 3 - 4 + 1, lp.Variables); // J(T+1)n minus 4 straggling (job, cell) pairs, plus L
    }

    [Fact]
    public void A_job_whose_window_is_fully_straggled_is_infeasible()
    {
        // n = 2, T = 1: both workers straggle in rounds 1 and 2, the whole window of job 1.
        var p = StragglerPattern.FromSets(2, [[], [0, 1], [0, 1]]);
        Assert.False(ClairvoyantLoadLp.TrySolve(p, 2, 1, out var lp));
        Assert.Equal(ClairvoyantLpStatus.Infeasible, lp.Status);
        var thrown = Assert.Throws<SolverException>(() => ClairvoyantLoadLp.Solve(p, 2, 1));
        Assert.Equal("INFEASIBLE", thrown.Status);
        Assert.Contains("job 1", thrown.Message);
        Assert.True(double.IsPositiveInfinity(lp.Load));
        Assert.Contains("job 1", lp.SolverStatus);
        Assert.Null(ClairvoyantLoadLp.ExactLoad(p, 2, 1));
        Assert.Throws<InvalidOperationException>(() => lp.Share(0, 0, 0));
        // One job only: job 0 has round 0, so the prefix problem is feasible with L = 1/2.
        AssertValue(new Rational(1, 2), p, 1, 1);
        // With T = 2, job 1 reaches the clean round 3 (past the pattern's end): {0}: 2 cells, {1}: 2, {0,1}: 4 -> 1/2.
        AssertValue(new Rational(1, 2), p, 2, 2);
    }

    [Fact]
    public void No_jobs_and_bad_arguments()
    {
        var p = StragglerPattern.Clean(2, 2);
        var lp = ClairvoyantLoadLp.Solve(p, 0, 3);
        Assert.Equal(ClairvoyantLpStatus.Optimal, lp.Status);
        Assert.Equal(0, lp.Load);
        Assert.Throws<ArgumentException>(() => ClairvoyantLoadLp.Solve(p, -1, 0));
        Assert.Throws<ArgumentException>(() => ClairvoyantLoadLp.Solve(p, 1, -1));
    }

    // ---- (d) independent cross-checks on tiny instances ----

    /// <summary>Generalised Hall by brute force: max over every non-empty job subset S of |S| / A(N(S)) (null if some
    /// A(N(S)) is 0). Exponential in J; no interval reasoning.</summary>
    private static Rational? BruteForceHall(StragglerPattern p, int jobs, int t)
    {
        int n = p.Workers, rounds = jobs + t;
        Rational best = new(0, 1);
        for (int mask = 1; mask < 1 << jobs; mask++)
        {
            var covered = new bool[rounds];
            int size = 0;
            for (int j = 0; j < jobs; j++)
                if ((mask >> j & 1) != 0) { size++; for (int r = j; r <= j + t; r++) covered[r] = true; }
            long cap = 0;
            for (int r = 0; r < rounds; r++)
                if (covered[r]) for (int i = 0; i < n; i++) if (r >= p.Rounds || !p[r, i]) cap++;
            if (cap == 0) return null;
            var f = new Rational(size, cap);
            if (f > best) best = f;
        }
        return best;
    }

    /// <summary>
    /// Transportation feasibility as an integer max-flow (own Edmonds-Karp): at L = num/den, scale by den, so each
    /// job has demand den and each non-straggling (i, r) capacity num. Feasible iff the flow saturates J·den.
    /// </summary>
    private static bool FeasibleByMaxFlow(StragglerPattern p, int jobs, int t, long num, long den)
    {
        int n = p.Workers, rounds = jobs + t;
        int source = 0, sink = 1, jobBase = 2, cellBase = 2 + jobs, nodes = cellBase + rounds * n;
        var cap = new long[nodes, nodes];
        for (int j = 0; j < jobs; j++)
        {
            cap[source, jobBase + j] = den;
            for (int r = j; r <= j + t; r++)
                for (int i = 0; i < n; i++)
                    if (r >= p.Rounds || !p[r, i]) cap[jobBase + j, cellBase + r * n + i] = long.MaxValue / 4;
        }
        for (int c = 0; c < rounds * n; c++) cap[cellBase + c, sink] = num;
        long flow = 0;
        var parent = new int[nodes];
        while (true)
        {
            Array.Fill(parent, -1);
            parent[source] = source;
            var queue = new Queue<int>();
            queue.Enqueue(source);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                int u = queue.Dequeue();
                for (int v = 0; v < nodes; v++)
                    if (parent[v] < 0 && cap[u, v] > 0) { parent[v] = u; queue.Enqueue(v); }
            }
            if (parent[sink] < 0) break;
            long push = long.MaxValue;
            for (int v = sink; v != source; v = parent[v]) push = Math.Min(push, cap[parent[v], v]);
            for (int v = sink; v != source; v = parent[v]) { cap[parent[v], v] -= push; cap[v, parent[v]] += push; }
            flow += push;
        }
        return flow == jobs * den;
    }

    [Fact]
    public void Glop_exact_formula_brute_force_Hall_and_max_flow_agree_on_tiny_random_patterns()
    {
        // Arbitrary (not necessarily bursty) patterns, n <= 4, T <= 3, J <= 6, so some windows are fully straggled.
        var rng = new Rng(4242);
        int infeasible = 0, nontrivial = 0;
        double worst = 0;
        for (int k = 0; k < 150; k++)
        {
            int n = rng.NextInt(1, 5), t = rng.NextInt(0, 4), jobs = rng.NextInt(1, 7);
            double q = k % 3 == 0 ? 0.7 : 0.35;
            var cells = new bool[(jobs + t) * n];
            for (int c = 0; c < cells.Length; c++) cells[c] = rng.NextBernoulli(q);
            var p = new StragglerPattern(jobs + t, n, cells);
            string where = $"n={n} T={t} J={jobs} {p}";

            bool solved = ClairvoyantLoadLp.TrySolve(p, jobs, t, out var lp);
            var exact = ClairvoyantLoadLp.ExactLoad(p, jobs, t);
            Assert.Equal(exact is not null, solved);
            var hall = BruteForceHall(p, jobs, t);
            Assert.Equal(hall, exact);
            if (exact is not { } f)
            {
                Assert.Equal(ClairvoyantLpStatus.Infeasible, lp.Status);
                infeasible++;
                continue;
            }
            Assert.True(lp.Status == ClairvoyantLpStatus.Optimal, where + " " + lp.SolverStatus);
            Assert.True(Math.Abs(lp.Load - f.ToDouble()) <= Tol, $"{where}: GLOP {lp.Load} vs exact {f}");
            worst = Math.Max(worst, Math.Abs(lp.Load - f.ToDouble()));
            if (f > new Rational(jobs, (long)n * (jobs + t))) nontrivial++;

            // Max-flow: feasible at L*, infeasible at L* (1 - 1/1000).
            long num = (long)f.Numerator, den = (long)f.Denominator;
            Assert.True(FeasibleByMaxFlow(p, jobs, t, num, den), where + ": max-flow infeasible at L*");
            Assert.False(FeasibleByMaxFlow(p, jobs, t, num * 1000 - 1, den * 1000), where + ": max-flow feasible below L*");

            // GLOP's shares are a feasible solution with its L.
            for (int j = 0; j < jobs; j++)
            {
                double sum = 0;
                for (int r = j; r <= j + t; r++)
                    for (int i = 0; i < n; i++)
                    {
                        double x = lp.Share(j, i, r);
                        Assert.True(x >= 0);
                        if (p[r, i]) Assert.Equal(0, x);
                        sum += x;
                    }
                Assert.Equal(1.0, sum, 7);
            }
            for (int r = 0; r < jobs + t; r++)
                for (int i = 0; i < n; i++)
                {
                    double used = 0;
                    for (int j = Math.Max(0, r - t); j <= Math.Min(jobs - 1, r); j++) used += lp.Share(j, i, r);
                    Assert.True(used <= lp.Load + Tol, $"{where}: cell ({i},{r}) carries {used} > L {lp.Load}");
                }
        }
        _out.WriteLine($"{infeasible} infeasible, {nontrivial} above J/(n(J+T)); largest |GLOP - exact| = {worst:E2}");
        Assert.True(infeasible >= 10, $"only {infeasible} infeasible instances");
        Assert.True(nontrivial >= 30, $"only {nontrivial} instances where stragglers raise L above J/(n(J+T))");
    }

    /// <summary>GLOP's statuses map faithfully: only OPTIMAL and INFEASIBLE are answers; NOT_SOLVED, ABNORMAL and the
    /// rest are failures carrying GLOP's own word (none of them may pass as an optimum or as infeasibility).</summary>
    [Theory]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.NOT_SOLVED, "NOT_SOLVED")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.ABNORMAL, "ABNORMAL")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.UNBOUNDED, "UNBOUNDED")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.FEASIBLE, "FEASIBLE")]
    [InlineData(Google.OrTools.LinearSolver.Solver.ResultStatus.MODEL_INVALID, "MODEL_INVALID")]
    public void Glop_failures_raise_SolverException_with_the_status(Google.OrTools.LinearSolver.Solver.ResultStatus status, string word)
    {
        var ex = Assert.Throws<SolverException>(() => ClairvoyantLoadLp.MapStatus(status));
        Assert.Equal(word, ex.Status);
        Assert.Equal("GLOP", ex.Solver);
        Assert.Equal(ClairvoyantLpStatus.Optimal, ClairvoyantLoadLp.MapStatus(Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL));
        Assert.Equal(ClairvoyantLpStatus.Infeasible, ClairvoyantLoadLp.MapStatus(Google.OrTools.LinearSolver.Solver.ResultStatus.INFEASIBLE));
    }
}
