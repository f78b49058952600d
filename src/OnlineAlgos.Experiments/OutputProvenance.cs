namespace OnlineAlgos.Experiments;

/// <summary>What the sidecar <c>&lt;study&gt;.json</c> of a table set records besides the tables.</summary>
/// <param name="Manifest">How the cells were made.</param>
/// <param name="WallTime">Wall time of the run (or merge) that wrote the tables.</param>
/// <param name="CellsComputed">Cells computed by that run (the rest were resumed from disk).</param>
/// <param name="ShardsMerged">Shards merged (1: an unsharded run).</param>
public sealed record OutputProvenance(StudyManifest Manifest, TimeSpan WallTime, int CellsComputed, int ShardsMerged);
