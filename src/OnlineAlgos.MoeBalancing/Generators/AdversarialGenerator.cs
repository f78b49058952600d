using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>
/// G5 adversarial batches (spec §5.5, T7): identical rows (L1), a superstar expert leading by <see cref="Gap"/> (L3),
/// binary scores (ties). A non-integer L (L2) is a shape choice (T·K not divisible by E), not a generator.
/// O(T·E) per batch.
/// </summary>
public sealed class AdversarialGenerator : IScoreGenerator
{
    private readonly double[] _row;

    /// <summary>An adversarial generator; the shared row of L1 is drawn from <paramref name="setupRng"/>.</summary>
    public AdversarialGenerator(int experts, AdversarialKind kind, Rng setupRng, double gap = 1.0)
    {
        ArgumentNullException.ThrowIfNull(setupRng);
        ArgumentOutOfRangeException.ThrowIfLessThan(experts, 1);
        Experts = experts;
        Kind = kind;
        Gap = gap;
        _row = new double[experts];
        for (int i = 0; i < experts; i++) _row[i] = setupRng.NextDouble();
    }

    /// <summary>The family.</summary>
    public AdversarialKind Kind { get; }
    /// <summary>Superstar lead over the best other expert.</summary>
    public double Gap { get; }
    /// <inheritdoc/>
    public string Name => Kind switch
    {
        AdversarialKind.IdenticalRows => "identical",
        AdversarialKind.Superstar => "superstar",
        _ => "binary",
    };
    /// <inheritdoc/>
    public int Experts { get; }

    /// <inheritdoc/>
    public void Next(ScoreMatrix batch, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rng);
        int e = Experts;
        for (int t = 0; t < batch.Tokens; t++)
        {
            var row = batch.RowMut(t);
            switch (Kind)
            {
                case AdversarialKind.IdenticalRows:
                    _row.CopyTo(row);
                    break;
                case AdversarialKind.Superstar:
                    double best = 0;
                    for (int i = 1; i < e; i++)
                    {
                        row[i] = rng.NextDouble();
                        best = Math.Max(best, row[i]);
                    }
                    row[0] = best + Gap;
                    break;
                default:
                    for (int i = 0; i < e; i++) row[i] = rng.NextBernoulli(0.5) ? 1.0 : 0.0;
                    break;
            }
        }
    }
}
