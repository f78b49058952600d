using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Experiments.WorstCase;
using Xunit;

namespace OnlineAlgos.Experiments.Tests.WorstCase;

/// <summary>The worst-case study: saved witnesses replay to their recorded ratios, the quick grid is consistent with
/// every proved bound, the search is deterministic, and the table has one row per target.</summary>
public class WorstCaseStudyTests
{
    private static readonly StudyOptions Quick = new(7, Quick: true, DataDirectory: null);

    private static string Folder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "instances", "worst-case"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "instances", "worst-case");
    }

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var t in WorstCaseStudy.Targets) data.Add(t.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_saved_witness_replays_to_its_recorded_ratio_and_respects_the_bound(string id)
    {
        var target = WorstCaseStudy.Targets.Single(t => t.Id == id);
        string folder = Folder();
        var row = File.ReadAllLines(Path.Combine(folder, "ratios.csv")).Skip(1).Select(l => l.Split(',')).Single(f => f[0] == id);
        double recorded = double.Parse(row[3], CultureInfo.InvariantCulture);
        string path = Path.Combine(folder, id + "." + target.Extension);
        double ratio = WorstCaseStudy.Ratio(target, File.ReadAllText(path), path);
        Assert.Equal(recorded, ratio, 12);
        bool max = target.Family is "matching" or "moe";
        if (max) Assert.True(ratio >= target.BoundValue - 1e-9, $"{id}: {ratio} below the bound {target.Bound}");
        else Assert.True(ratio <= target.BoundValue + 1e-9, $"{id}: {ratio} above the bound {target.Bound}");
    }

    [Fact]
    public void Known_worst_cases_are_approached()
    {
        // Recorded full-budget results (seed 1): deterministic marking algorithms near k = 3, MRU/LIFO/MARK0 far beyond
        // it, FIFO scheduling far from OPT, and ALF-LB's dual meeting OPT (weak duality is tight).
        var ratios = File.ReadAllLines(Path.Combine(Folder(), "ratios.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[3], CultureInfo.InvariantCulture));
        foreach (var a in new[] { "lru", "fifo", "fwf", "marker" }) Assert.InRange(ratios[$"paging-{a}-k3"], 2.4, 3);
        foreach (var a in new[] { "mru", "lifo", "mark0" }) Assert.True(ratios[$"paging-{a}-k3"] > 10);
        Assert.True(ratios["scheduling-opsrpt-general"] > 2, "OpSRPT beyond its uniform-test bound 2 on general instances (spec L2)");
        Assert.InRange(ratios["scheduling-opsrpt-uniform"], 1.4, 2);
        Assert.Equal(1, ratios["moe-alf-lb"], 9);
        Assert.True(ratios["matching-greedy-online"] < 0.01);
    }

    [Fact]
    public void The_quick_grid_runs_is_consistent_and_has_a_row_per_target()
    {
        var study = new WorstCaseStudy();
        var results = SweepRunner.Run(study.Grid(Quick).Cells(), Shard.All, new MemoryCellStore(), c => study.RunCell(c, Quick), 2);
        var output = study.Summarize(results, Quick);
        Assert.Equal(4, output.Tables.Count);
        int rows = 0;
        foreach (var t in output.Tables)
        {
            int consistent = t.Table.Columns.ToList().FindIndex(c => c.Name == "consistent");
            for (int r = 0; r < t.Table.RowCount; r++) Assert.Equal("yes", t.Table.Cell(r, consistent));
            rows += t.Table.RowCount;
        }
        Assert.Equal(WorstCaseStudy.Targets.Count, rows);

        // paging rows carry the exact ratio on k + 1 pages: k = 3 for the marking/conservative algorithms, unbounded
        // for MRU, LIFO and MARK0 with adversarial bits; the search never exceeds a finite exact ratio
        foreach (var t in output.Tables.Where(t => t.FileStem != "worst-case-paging"))
            Assert.DoesNotContain(t.Table.Columns, c => c.Name == "exact_ratio"); // only paging has exact ratios
        var paging = output.Tables.Single(t => t.FileStem == "worst-case-paging").Table;
        var cols = paging.Columns.ToList();
        int alg = cols.FindIndex(c => c.Name == "algorithm"), exact = cols.FindIndex(c => c.Name == "exact_ratio"), found = cols.FindIndex(c => c.Name == "ratio_found");
        var expected = new Dictionary<string, string> { ["lru"] = "3", ["fifo"] = "3", ["fwf"] = "3", ["marker"] = "3", ["mru"] = "unbounded", ["lifo"] = "unbounded", ["mark0"] = "unbounded" };
        for (int r = 0; r < paging.RowCount; r++)
        {
            Assert.Equal(expected[paging.Cell(r, alg)], paging.Cell(r, exact));
            if (paging.Cell(r, exact) == "3")
                Assert.True(double.Parse(paging.Cell(r, found), System.Globalization.CultureInfo.InvariantCulture) <= 3);
        }
    }

    [Fact]
    public void The_search_of_a_target_is_deterministic()
    {
        var target = WorstCaseStudy.Targets.Single(t => t.Id == "paging-lru-k3");
        var a = WorstCaseStudy.Search(target, 300, 5);
        var b = WorstCaseStudy.Search(target, 300, 5);
        Assert.Equal(a, b);
        Assert.Equal(a.Ratio, WorstCaseStudy.Ratio(target, a.Witness, "search"), 12);
    }

    [Fact]
    public void The_study_is_registered()
    {
        Assert.IsType<WorstCaseStudy>(StudyCatalog.Find("worst-case"));
    }
}
