using Google.OrTools.Graph;
using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Offline;

/// <summary>
/// Exact balanced / capacitated assignment (spec §4.1) by OR-Tools min-cost flow: source → token (cap K) → expert
/// (cap 1, cost −round(Q·s)) → sink (cap C). The constraint matrix is totally unimodular, so the integral flow is
/// optimal for the scaled scores. Integer scores with |s| ≤ 2^31 use Q = 1 and are exact; otherwise Q is the power of
/// two with max|Q·s| ≤ 2^30 and the value is within T·K/Q of OPT (<see cref="AssignmentSolution.ErrorBound"/>).
/// O(T·E) arcs; OR-Tools' cost-scaling algorithm. Gives no dual prices: use <see cref="GlopAssignment"/> for those.
/// </summary>
public static class MinCostFlowAssignment
{
    /// <summary>Solves CAP_C (<paramref name="balanced"/> false) or BAP (true, needs capacity = L integer).</summary>
    /// <exception cref="SolverException">Infeasible (status <c>INFEASIBLE</c>) or the flow solver failed (its status,
    /// e.g. <c>BAD_COST_RANGE</c>).</exception>
    public static AssignmentSolution Solve(ScoreMatrix scores, int k, int capacity, bool balanced = false)
    {
        if (TrySolve(scores, k, capacity, balanced, out var solution)) return solution;
        throw new SolverException(Flow, "INFEASIBLE", solution.Message);
    }

    /// <summary>
    /// Solves CAP_C or BAP: true with the optimum, false with an <see cref="OfflineStatus.Infeasible"/> solution (reason in
    /// its message) when the problem has no feasible assignment (checked up front, or the solver's INFEASIBLE /
    /// UNBALANCED). Any other solver status (NOT_SOLVED, BAD_RESULT, BAD_COST_RANGE, FEASIBLE) throws
    /// <see cref="SolverException"/> with that status.
    /// </summary>
    public static bool TrySolve(ScoreMatrix scores, int k, int capacity, bool balanced, out AssignmentSolution solution)
    {
        solution = Build(scores, k, capacity, balanced);
        return solution.Status == OfflineStatus.Optimal;
    }

    private const string Flow = "MinCostFlow";

    private static AssignmentSolution Build(ScoreMatrix scores, int k, int capacity, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(scores);
        string? why = AssignmentProblem.Check(scores, k, capacity, balanced);
        if (why is not null) return AssignmentSolution.Infeasible(why);
        int t = scores.Tokens, e = scores.Experts;
        if (t == 0) return new AssignmentSolution(OfflineStatus.Optimal, 0, Array.Empty<int>(), new int[e], null, 0, "");
        double q = Scale(scores.Data);
        int source = t + e, sink = t + e + 1;
        using var flow = new MinCostFlow();
        for (int tok = 0; tok < t; tok++) flow.AddArcWithCapacityAndUnitCost(source, tok, k, 0);
        int firstPair = t;
        for (int tok = 0; tok < t; tok++)
            for (int i = 0; i < e; i++)
                flow.AddArcWithCapacityAndUnitCost(tok, t + i, 1, -(long)Math.Round(q * scores.Data[tok * e + i]));
        for (int i = 0; i < e; i++) flow.AddArcWithCapacityAndUnitCost(t + i, sink, capacity, 0);
        long total = (long)t * k;
        flow.SetNodeSupply(source, total);
        flow.SetNodeSupply(sink, -total);
        var status = flow.Solve();
        if (status is MinCostFlowBase.Status.INFEASIBLE or MinCostFlowBase.Status.UNBALANCED)
            return AssignmentSolution.Infeasible($"min-cost flow returned {status}");
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new SolverException(Flow, status.ToString(), "min-cost flow returned no optimum");
        var chosen = new bool[t * e];
        var loads = new int[e];
        double value = 0;
        for (int tok = 0; tok < t; tok++)
            for (int i = 0; i < e; i++)
            {
                if (flow.Flow(firstPair + tok * e + i) > 0)
                {
                    chosen[tok * e + i] = true;
                    loads[i]++;
                    value += scores.Data[tok * e + i];
                }
            }
        double err = q == 1 && IsIntegral(scores.Data) ? 0 : total / q;
        return new AssignmentSolution(OfflineStatus.Optimal, value, AssignmentProblem.SortedAssignment(scores, k, chosen), loads, null, err, "");
    }

    /// <summary>The score scale Q used for the integer costs.</summary>
    public static double Scale(ReadOnlySpan<double> scores)
    {
        double max = 0;
        foreach (double s in scores) max = Math.Max(max, Math.Abs(s));
        if (IsIntegral(scores) && max <= 2147483648.0) return 1;
        if (max == 0) return 1;
        return Math.Pow(2, Math.Floor(Math.Log2((1 << 30) / max)));
    }

    private static bool IsIntegral(ReadOnlySpan<double> scores)
    {
        foreach (double s in scores) if (s != Math.Floor(s)) return false;
        return true;
    }
}
