namespace OnlineAlgos.Scheduling.Formats;

/// <summary>How an SWF job becomes a chain of operations (spec §5.2).</summary>
public enum SwfSplitMode
{
    /// <summary>One operation = the whole job.</summary>
    Whole,
    /// <summary>Checkpointed jobs: the partial executions (status 2 lines, then a 3 or 4 line, same job number) are
    /// the operations; other jobs have one operation. Linking by job number was not verified against the archive.</summary>
    Natural,
    /// <summary>k equal operations.</summary>
    Equal,
    /// <summary>Dirichlet(k, alpha) split (weights on a 1/1024 grid so sizes stay exact rationals).</summary>
    Dirichlet,
    /// <summary>Checkpoints at c^i units: operations 1, c, c^2, ... (the last one truncated).</summary>
    Geometric,
    /// <summary>Uniform tests: operation 1 = min(t, p), operation 2 = the rest (spec §1.2).</summary>
    Test,
    /// <summary>Reconstructed: operation 1 = min(run, requested)/2, the rest in k equal parts.</summary>
    RequestedFirst,
    /// <summary>Reconstructed: jobs linked by field 17 (preceding job) form one job whose operations are the linked
    /// jobs' sizes; think time (field 18) is ignored and counted.</summary>
    Chain,
}
