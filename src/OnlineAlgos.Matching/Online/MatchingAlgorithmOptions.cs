using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Offline;

namespace OnlineAlgos.Matching.Online;

/// <summary>What the factories of <see cref="MatchingAlgorithms"/> need: the instance, the PPSW LP solution (for the
/// LP-based algorithms; null is allowed when only LP-free ones are created) and the randomness of the algorithms that
/// estimate something by sampling (balanced prices).</summary>
/// <param name="Instance">The instance the algorithm will run on.</param>
/// <param name="Lp">PPSW LP solution shared by the LP-based algorithms (<see cref="PpswLinearProgram.Solve"/>).</param>
/// <param name="Rng">Randomness for price estimation (balanced prices); null = seed 1.</param>
public sealed record MatchingAlgorithmOptions(MatchingInstance Instance, LpSolution? Lp = null, Rng? Rng = null);
