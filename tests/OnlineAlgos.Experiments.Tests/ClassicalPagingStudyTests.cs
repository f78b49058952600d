using OnlineAlgos.Core;
using OnlineAlgos.Experiments;
using OnlineAlgos.Experiments.Paging;
using Xunit;

namespace OnlineAlgos.Experiments.Tests;

public class ClassicalPagingStudyTests
{
    private static readonly StudyOptions Quick = new(7, Quick: true, DataDirectory: null);

    [Fact]
    public void WithoutDataOnlyGeneratedWorkloads()
    {
        var cells = new ClassicalPagingStudy().Grid(Quick).Cells();
        Assert.Equal(3 * 2 * 2, cells.Count); // 3 workloads x 2 k x 2 replicates
        Assert.DoesNotContain(cells, c => c.Id.Contains("brightkite", StringComparison.Ordinal));
    }

    [Fact]
    public void LoopCellsHaveLruFaultingOnEveryRequest()
    {
        var study = new ClassicalPagingStudy();
        var cell = study.Grid(Quick).Cells().First(c => c["workload"] == "loop" && c["k"] == "10");
        var v = study.RunCell(cell, Quick);
        var col = study.RecordColumns.ToList();
        Assert.Equal(v[col.IndexOf("requests")], v[col.IndexOf("lru")]);
        Assert.Equal(v[col.IndexOf("requests")], v[col.IndexOf("fifo")]);
        // Belady on a loop of w = 15 pages with k = 10 faults on a fraction (w−k)/(w−1) = 5/14 of the requests after
        // the 10 cold misses: 10 + 4990·5/14 ≈ 1792, up to one loop length of boundary effects.
        double opt = StudyRunner.ParseNum(v[col.IndexOf("opt")]);
        Assert.InRange(opt, 1792 - 15, 1792 + 15);
    }

    [Fact]
    public void SummaryRatiosAreTotalsOverOpt()
    {
        var study = new ClassicalPagingStudy();
        var results = SweepRunner.Run(study.Grid(Quick).Cells(), Shard.All, new MemoryCellStore(), c => study.RunCell(c, Quick), 2);
        var table = study.Summarize(results, Quick).Tables[0].Table;
        var cols = table.Columns.Select(c => c.Name).ToList();
        var zipf10 = table.FormattedRows().First(r => r[0] == "zipf" && r[1] == "10");
        var cells = results.Where(r => r.CellId.StartsWith("workload=zipf;k=10#", StringComparison.Ordinal)).ToList();
        double lru = cells.Sum(r => StudyRunner.ParseNum(r.Values[3])), opt = cells.Sum(r => StudyRunner.ParseNum(r.Values[2]));
        Assert.Equal((lru / opt).ToString("F3", System.Globalization.CultureInfo.InvariantCulture), zipf10[cols.IndexOf("lru")]);
        Assert.All(table.FormattedRows(), r => Assert.True(double.Parse(r[cols.IndexOf("lru")], System.Globalization.CultureInfo.InvariantCulture) >= 1.0));
    }
}
