namespace OnlineAlgos.Scheduling.Online;

/// <summary>How a priority rule orders jobs with equal keys (spec §2.2: the OpSRPT theorem should hold for every
/// tie rule, so properties run all of them). Remaining ties go to the smaller job id.</summary>
public enum TieRule
{
    /// <summary>Earlier release first, then smaller id (the spec's default and the golden values' rule).</summary>
    ReleaseAscending,
    /// <summary>Later release first, then smaller id.</summary>
    ReleaseDescending,
    /// <summary>Smaller id first.</summary>
    IdAscending,
}
