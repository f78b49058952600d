namespace OnlineAlgos.MoeBalancing.Generators;

/// <summary>Parameters for <see cref="ScoreGenerators.Create"/>; a generator ignores the ones it does not use.</summary>
/// <param name="Experts">Experts E (≥ 1).</param>
/// <param name="ZipfExponent">Zipf popularity exponent a (<c>zipf</c>, <c>zipf-logit</c>, <c>drift</c>, <c>change-point</c>, <c>drift-walk</c>).</param>
/// <param name="ChangePeriod">Steps between change points of <c>drift</c> / <c>change-point</c>; null = the name's
/// default (250 for <c>drift</c>, the studies' setting; 500 for <c>change-point</c>, the CLI's).</param>
/// <param name="WalkStep">Per-step σ of the popularity random walk (<c>drift-walk</c>).</param>
public sealed record ScoreGeneratorOptions(int Experts, double ZipfExponent = 1.0, int? ChangePeriod = null, double WalkStep = 0.05);
