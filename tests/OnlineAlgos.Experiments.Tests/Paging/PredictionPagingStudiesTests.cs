using OnlineAlgos.Core;
using OnlineAlgos.Experiments.Paging;
using Xunit;

namespace OnlineAlgos.Experiments.Tests.Paging;

/// <summary>The learning-augmented paging studies run without shared/data (generated stand-ins) and produce tables.</summary>
public class PredictionPagingStudiesTests
{
    private static readonly StudyOptions NoData = new(7, Quick: true, DataDirectory: null);

    private static List<CellResult> Run(IStudy study, Func<SweepCell, bool> keep)
    {
        var results = new List<CellResult>();
        foreach (var c in study.Grid(NoData).Cells())
            if (keep(c)) results.Add(new CellResult(c.Index, c.Id, study.RunCell(c, NoData)));
        return results;
    }

    [Fact]
    public void Lower_bound_study_reports_every_all_zero_request_faulting()
    {
        var study = new LowerBoundStudy();
        var results = Run(study, c => c["family"] != "uniform" && c["algorithm"] == "mark0");
        foreach (var r in results)
            Assert.Equal(StudyRunner.ParseNum(r.Values[0]), StudyRunner.ParseNum(r.Values[2])); // ALG = n
        var output = study.Summarize(results, NoData);
        Assert.Single(output.Tables);
        Assert.Equal(results.Count, output.Tables[0].Table.RowCount);
    }

    [Fact]
    public void Prediction_study_on_generated_traces_has_no_bound_violations_and_perfect_bits_give_opt()
    {
        var study = new PredictionPagingStudy();
        var results = Run(study, c => c["dataset"] == "bk" && c["mode"] == "both" && (c["q"] == "0" || c["q"] == "1"));
        Assert.Equal(2, results.Count);
        var cols = study.RecordColumns.ToList();
        foreach (var r in results)
            Assert.Equal("0", r.Values[cols.IndexOf("mark0_violations")]);
        var perfect = results.Single(r => study.Grid(NoData).Cells()[r.Index]["q"] == "0");
        Assert.Equal(perfect.Values[cols.IndexOf("opt")], perfect.Values[cols.IndexOf("mark0")]);
        Assert.Equal(perfect.Values[cols.IndexOf("opt")], perfect.Values[cols.IndexOf("follow-discard")]);
        var output = study.Summarize(results, NoData);
        Assert.Equal(2, output.Tables[0].Table.RowCount);
    }

    [Fact]
    public void Aceps_study_deterministic_identities_on_generated_traces()
    {
        var study = new AcepsStudy();
        var results = Run(study, c => c["dataset"] == "bk" && c["item"] == "deterministic");
        var totals = results[0].Values[2].Split(';').Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(results[0].Values[1], totals["mark0 (perfect discard bits)"]);
        Assert.Equal(totals["opt-marking"], totals["mark-predict (perfect phase bits)"]);
        Assert.True(study.Summarize(results, NoData).Tables[0].Table.RowCount > 5);
    }
}
