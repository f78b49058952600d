namespace OnlineAlgos.Experiments;

/// <summary>What a study run wrote: the output files and the summarised tables and plots (null for a partial shard,
/// which writes no outputs). Callers print <see cref="Output"/> instead of summarising the cells a second time.</summary>
public sealed record StudyRunResult(IReadOnlyList<string> Written, StudyOutput? Output);
