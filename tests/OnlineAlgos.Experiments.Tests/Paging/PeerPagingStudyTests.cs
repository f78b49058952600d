using OnlineAlgos.Core;
using OnlineAlgos.Experiments.Paging;
using Xunit;

namespace OnlineAlgos.Experiments.Tests.Paging;

/// <summary><c>paging-peers</c> without shared/data (generated stand-ins): grid shape, identities at q = 0, the table.</summary>
public class PeerPagingStudyTests
{
    private static readonly StudyOptions NoData = new(7, Quick: true, DataDirectory: null);
    private static readonly StudyOptions Full = new(7, Quick: false, DataDirectory: null);

    [Fact]
    public void Grid_has_30_seeds_three_flip_rates_and_both_data_sets()
    {
        var study = new PeerPagingStudy();
        Assert.Equal(2 * 3 * 30, study.Grid(Full).Cells().Count);
        Assert.Equal(2 * 3 * 2, study.Grid(NoData).Cells().Count);
        Assert.Empty(study.InputFiles(NoData)); // generated traces: nothing to fingerprint
        Assert.NotNull(StudyCatalog.Find("paging-peers"));
    }

    /// <summary>At q = 0 every algorithm that equals OPT with perfect predictions does so (follow-discard under both
    /// label conventions and both rules, mark0-rand, ftp, guard, guard-no-random-evict, follower-robust,
    /// combdet-coliseum); the table has one row per comparison and its ratios are ≥ 1.</summary>
    [Fact]
    public void Perfect_predictions_give_OPT_and_the_table_has_every_comparison()
    {
        var study = new PeerPagingStudy();
        var cells = study.Grid(NoData).Cells().Where(c => c["dataset"] == "bk" && c["q"] == "0").ToList();
        var results = cells.Select(c => new CellResult(c.Index, c.Id, study.RunCell(c, NoData))).ToList();
        var col = new CellColumns(study.RecordColumns);
        foreach (var r in results)
        {
            string opt = r.Values[col["opt"]];
            foreach (var name in new[] { "follow-discard@discard", "follow-discard@discardcoliseum", "follow-discard-coliseum@discard", "mark0-rand@discard",
                         "ftp@arrivals", "guard@arrivals", "guard-no-random-evict@arrivals", "follower-robust@arrivals", "combdet-coliseum@arrivals" })
                Assert.Equal(opt, r.Values[col[name]]);
        }
        var table = study.Summarize(results, NoData).Tables[0].Table;
        Assert.Equal(14, table.RowCount);
        var cols = table.Columns.Select(c => c.Name).ToList();
        Assert.All(table.FormattedRows(), row => Assert.True(double.Parse(row[cols.IndexOf("peer ratio")], System.Globalization.CultureInfo.InvariantCulture) >= 1.0));
    }
}
