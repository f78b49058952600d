using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.MoeBalancing.Testing;

/// <summary>
/// Search moves over MoE balancing instances for <see cref="AdversarialSearch{TInstance}"/> and the search phase of
/// <see cref="MoeChecks.DualCheck"/>: change one score (to an integer in [0, 9], ±1, or a copy of a neighbour's, so
/// ties appear), copy a row onto another (identical tokens, family L1), add or drop a token, change K or the update
/// rate. With <c>integerTarget</c> the token count stays such that T·K/E is an integer (the balanced optimum exists).
/// Final shrinking: <see cref="MoeGenerators.Shrink"/>.
/// </summary>
public static class MoeMoves
{
    private static readonly double[] Rates = [0.01, 0.1, 0.5, 1, 2];

    /// <summary>The moves (at most <paramref name="maxTokens"/> tokens, <paramref name="maxExperts"/> experts).</summary>
    public static SearchMoves<MoeInstance> Create(int maxTokens = 8, int maxExperts = 5, bool integerTarget = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExperts, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, maxExperts);
        return new(rng => Random(rng, maxTokens, maxExperts, integerTarget),
            (x, rng) => Mutate(x, rng, maxTokens, integerTarget),
            x => MoeGenerators.Shrink(x, integerTarget));
    }

    private static bool Valid(int tokens, int experts, int k, bool integerTarget) =>
        tokens >= 1 && k >= 1 && k < experts && (!integerTarget || (long)tokens * k % experts == 0);

    private static MoeInstance Random(Rng rng, int maxTokens, int maxExperts, bool integerTarget)
    {
        int e = 2 + rng.NextInt(maxExperts - 1);
        int k = 1 + rng.NextInt(e - 1);
        int t = e;
        for (int tries = 0; tries < 20; tries++)
        {
            int c = 1 + rng.NextInt(maxTokens);
            if (Valid(c, e, k, integerTarget)) { t = c; break; }
        }
        var data = new double[t * e];
        for (int i = 0; i < data.Length; i++) data[i] = rng.NextInt(10);
        return new MoeInstance(new ScoreMatrix(t, e, data), k, Rates[rng.NextInt(Rates.Length)], "search");
    }

    private static MoeInstance Mutate(MoeInstance x, Rng rng, int maxTokens, bool integerTarget)
    {
        int t = x.Tokens, e = x.Experts, k = x.K;
        var rows = new List<double[]>(t);
        for (int i = 0; i < t; i++) rows.Add(x.Scores.Row(i).ToArray());
        double rate = x.Rate;
        switch (rng.NextInt(7))
        {
            case 0 or 1: // change a score
            {
                var row = rows[rng.NextInt(t)];
                int j = rng.NextInt(e);
                row[j] = rng.NextInt(3) switch
                {
                    0 => rng.NextInt(10),
                    1 => Math.Max(0, row[j] + (rng.NextInt(2) == 0 ? 1 : -1)),
                    _ => row[(j + 1) % e],
                };
                break;
            }
            case 2 when t > 1: // copy a row onto another
                rows[rng.NextInt(t)] = (double[])rows[rng.NextInt(t)].Clone();
                break;
            case 3: // add tokens (as few as keep T·K/E integral)
            {
                int add = 1;
                while (!Valid(t + add, e, k, integerTarget) && add <= e) add++;
                if (t + add > maxTokens || !Valid(t + add, e, k, integerTarget)) break;
                for (int a = 0; a < add; a++) rows.Add((double[])rows[rng.NextInt(rows.Count)].Clone());
                break;
            }
            case 4: // drop tokens
            {
                int drop = 1;
                while (!Valid(t - drop, e, k, integerTarget) && drop < t) drop++;
                if (!Valid(t - drop, e, k, integerTarget)) break;
                for (int a = 0; a < drop; a++) rows.RemoveAt(rng.NextInt(rows.Count));
                break;
            }
            case 5: // change K
            {
                int nk = k + (rng.NextInt(2) == 0 ? 1 : -1);
                if (Valid(t, e, nk, integerTarget)) k = nk;
                break;
            }
            default:
                rate = Rates[rng.NextInt(Rates.Length)];
                break;
        }
        return new MoeInstance(ScoreMatrix.FromRows(rows, e), k, rate, "search");
    }
}
