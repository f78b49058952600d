using OnlineAlgos.MoeBalancing.Model;

namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>
/// An online load balancer that routes by biased top-K and updates its per-expert bias after each batch (spec §1
/// timing: the bias of batch k is fixed before batch k is routed; the loads are revealed afterwards). Plug a research
/// balancer in by implementing this interface; <see cref="MoeSimulator"/> and the property harness accept it.
/// </summary>
public interface IBiasBalancer
{
    /// <summary>Short lower-case name (used in CSV output), e.g. <c>alf-lb</c>.</summary>
    string Name { get; }

    /// <summary>How <see cref="Bias"/> enters selection.</summary>
    SelectionRule Rule { get; }

    /// <summary>The current bias vector (length E); valid until the next <see cref="Update"/>.</summary>
    ReadOnlySpan<double> Bias { get; }

    /// <summary>Iterations seen so far (the next batch is iteration <c>Step + 1</c>).</summary>
    int Step { get; }

    /// <summary>Dual (bias) step after a batch has been routed with the current bias and produced <paramref name="loads"/>.</summary>
    void Update(ScoreMatrix batch, ReadOnlySpan<int> loads, int k);

    /// <summary>Back to the initial bias and iteration 0.</summary>
    void Reset();
}
