using OnlineAlgos.Experiments.Paging;
using OnlineAlgos.Experiments.GradientCoding;

namespace OnlineAlgos.Experiments;

/// <summary>Every study <c>onlinealgos reproduce</c> runs, in order. Add a family's studies here.</summary>
public static class StudyCatalog
{
    /// <summary>All studies.</summary>
    public static IReadOnlyList<IStudy> All { get; } = new IStudy[]
    {
        new ClassicalPagingStudy(),
        new PredictionPagingStudy(),
        new AcepsStudy(),
        new LowerBoundStudy(),
        new PeerPagingStudy(),
        new Matching.MatchingRatioStudy(),
        new Scheduling.SchedulingRatioStudy(),
        new Scheduling.SchedulingUniformTestsStudy(),
        new Scheduling.SchedulingGanttStudy(),
        new SgcReplayStudy(),
        new MoeBalancing.MoeBalancersStudy(),
        new MoeBalancing.MoeRateStudy(),
        new MoeBalancing.MoeRegretStudy(),
        new MoeBalancing.MoeGapStudy(),
        new WorstCase.WorstCaseStudy(),
    };

    /// <summary>The study of that name, or null.</summary>
    public static IStudy? Find(string name)
    {
        foreach (var s in All)
            if (string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }
}
