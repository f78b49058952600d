namespace OnlineAlgos.Scheduling.Formats;

/// <summary>
/// Options of the SWF reader (spec §5.2). Defaults: whole jobs, drop failed (status 0, 4) and cancelled (5) jobs,
/// drop run time 0 (logged as "under 0.5 s"), run time as work, scale sizes to load 0.9.
/// </summary>
public sealed record SwfOptions
{
    /// <summary>Operation split.</summary>
    public SwfSplitMode Split { get; init; } = SwfSplitMode.Whole;
    /// <summary>Number of parts k (Equal, Dirichlet, RequestedFirst).</summary>
    public int Parts { get; init; } = 4;
    /// <summary>Dirichlet concentration alpha &gt; 0.</summary>
    public double Alpha { get; init; } = 1.0;
    /// <summary>Growth factor c &gt; 1 (Geometric).</summary>
    public double Growth { get; init; } = 2.0;
    /// <summary>Test length t &gt; 0 in seconds before scaling (Test).</summary>
    public double TestLength { get; init; } = 1.0;
    /// <summary>Keep failed and cancelled jobs at their logged run time.</summary>
    public bool KeepFailed { get; init; }
    /// <summary>Keep run time 0 jobs as size-0 jobs.</summary>
    public bool KeepZeroRuntime { get; init; }
    /// <summary>Work = run time × allocated processors (field 5; requested, field 8, when unknown; else 1).</summary>
    public bool ProcessorsAsWork { get; init; }
    /// <summary>Scale sizes so total work / (last release − first release) = this load; null keeps logged sizes.</summary>
    public double? TargetLoad { get; init; } = 0.9;
    /// <summary>Seed of the Dirichlet split.</summary>
    public ulong Seed { get; init; } = 1;
}
