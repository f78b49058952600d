namespace OnlineAlgos.Matching.Online;

/// <summary>Exact expected behaviour of an algorithm: its value, Pr[node available when step t is processed]
/// (row-major T × n), and Pr[edge matched] per global edge id.</summary>
public sealed record ExactEvaluation(double Value, double[] Availability, double[] EdgeMatchProbability)
{
    /// <summary>Pr[offline node i is available at the start of step t].</summary>
    public double Available(int step, int node, int offlineCount) => Availability[step * offlineCount + node];
}
