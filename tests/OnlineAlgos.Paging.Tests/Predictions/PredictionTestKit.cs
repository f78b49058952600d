namespace OnlineAlgos.Paging.Tests.Predictions;

/// <summary>The one helper the prediction tests need beyond the testing kit (runs, measures and the statistical check
/// are <c>PagingChecks.RunWithPredictions</c>, <c>Measures</c> and <c>MeanMinus3StandardErrors</c>).</summary>
internal static class PredictionTestKit
{
    public static double HarmonicNumber(int k)
    {
        double h = 0;
        for (int i = 1; i <= k; i++) h += 1.0 / i;
        return h;
    }
}
