using OnlineAlgos.Core;
using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>
/// G4 (spec §5.5): drifting popularity on top of G2 (<see cref="ZipfGumbelGenerator"/>): a random walk on log w, a
/// cyclic rank shift every P batches, or a new permutation at change-points every P batches. Tests the
/// tracking-versus-noise trade-off (L5). O(T·E) per batch.
/// </summary>
public sealed class DriftGenerator : IScoreGenerator
{
    private readonly ZipfGumbelGenerator _inner;
    private readonly double[] _tmp;
    private int _batch;

    /// <summary>A drifting G2 generator.</summary>
    public DriftGenerator(ZipfGumbelGenerator inner, DriftMode mode, double sigma = 0.05, int period = 500)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _inner = inner;
        Mode = mode;
        Sigma = sigma;
        Period = period;
        _tmp = new double[inner.Experts];
    }

    /// <summary>Drift mode.</summary>
    public DriftMode Mode { get; }
    /// <summary>Random-walk step σ_d.</summary>
    public double Sigma { get; }
    /// <summary>Batches between shifts / change-points.</summary>
    public int Period { get; }
    /// <summary>The popularity generator being moved.</summary>
    public ZipfGumbelGenerator Inner => _inner;
    /// <inheritdoc/>
    public string Name => "drift";
    /// <inheritdoc/>
    public int Experts => _inner.Experts;

    /// <inheritdoc/>
    public void Next(ScoreMatrix batch, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (_batch > 0)
        {
            var lw = _inner.LogWeights;
            switch (Mode)
            {
                case DriftMode.RandomWalk:
                    for (int i = 0; i < lw.Length; i++) lw[i] += Sigma * rng.NextGaussian();
                    ScoreDraws.Normalize(lw);
                    break;
                case DriftMode.CyclicShift when _batch % Period == 0:
                    for (int i = 0; i < lw.Length; i++) _tmp[(i + 1) % lw.Length] = lw[i];
                    _tmp.CopyTo(lw);
                    break;
                case DriftMode.ChangePoint when _batch % Period == 0:
                    lw.CopyTo(_tmp);
                    rng.Shuffle(_tmp.AsSpan());
                    _tmp.CopyTo(lw);
                    break;
            }
        }
        _batch++;
        _inner.Next(batch, rng);
    }
}
