namespace OnlineAlgos.MoeBalancing.Online;

/// <summary>Result of <see cref="CycleDetection"/>.</summary>
/// <param name="Found">Whether a revisit happened within the step budget.</param>
/// <param name="FirstVisit">Iteration (0-based) at which the repeated centred state was first seen.</param>
/// <param name="CycleLength">Iterations between the two visits (0 when not found).</param>
/// <param name="BandWidth">max_i peak-to-peak of the centred bias p_i − mean(p) over the cycle.</param>
/// <param name="MeanObjective">Mean routed-score objective over the cycle.</param>
/// <param name="MaxLoad">Largest expert load over the cycle.</param>
/// <param name="StepsRun">Iterations simulated.</param>
public sealed record CycleReport(bool Found, int FirstVisit, int CycleLength, double BandWidth, double MeanObjective, int MaxLoad, int StepsRun);
