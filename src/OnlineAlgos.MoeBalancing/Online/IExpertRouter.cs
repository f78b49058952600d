using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// A routing rule that <see cref="MoeSimulator"/> can use instead of its built-in biased top-K / group-limited routing
/// (<see cref="SimulationSettings.Router"/>), e.g. a research router. The simulator checks every routing it returns
/// against the model (exactly K distinct experts per token, loads that match, the group limit) and throws
/// <see cref="OnlineAlgos.Core.ModelViolationException"/> on a violation.
/// </summary>
public interface IExpertRouter
{
    /// <summary>Short name, used in violation messages.</summary>
    string Name { get; }

    /// <summary>Routes <paramref name="batch"/> with <paramref name="bias"/>: writes each token's K experts into
    /// <paramref name="assignment"/> (T·K entries) and the per-expert token counts into <paramref name="loads"/>.</summary>
    void Route(ScoreMatrix batch, ReadOnlySpan<double> bias, int k, Span<int> assignment, Span<int> loads);
}
