using OnlineAlgos.Core;
using OnlineAlgos.Experiments;
using OnlineAlgos.Experiments.Scheduling;
using Xunit;

namespace OnlineAlgos.Experiments.Tests.Scheduling;

public sealed class SchedulingRatioStudyTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-swf-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    [Fact]
    public void G7AppearsOnlyWithAnSwfLog()
    {
        var study = new SchedulingRatioStudy();
        var none = new StudyOptions(1, Quick: true, DataDirectory: null);
        Assert.DoesNotContain(study.Grid(none).Cells(), c => c["family"] == "g7-swf");

        Directory.CreateDirectory(Path.Combine(_data, "scheduling"));
        File.Copy(RepoFile("instances", "scheduling", "sample.swf"), Path.Combine(_data, "scheduling", "sample.swf"));
        var with = new StudyOptions(1, Quick: true, DataDirectory: _data);
        var cells = study.Grid(with).Cells().Where(c => c["family"] == "g7-swf").ToList();
        Assert.Equal(4 * 3, cells.Count); // m in {1,2,4,8} x 3 replicates

        // Every scheduler's ratio to OPT is finite and >= 1; with one operation per job (m = 1) OpSRPT is OPT (P6).
        var columns = study.RecordColumns.ToList();
        foreach (var cell in cells.Where(c => c.Replicate == 0))
        {
            var v = study.RunCell(cell, with);
            for (int a = 0; a < columns.Count - 3; a++)
                Assert.InRange(StudyRunner.ParseNum(v[a]), 1 - 1e-9, 1e6);
            if (cell["m"] == "1") Assert.Equal(1.0, StudyRunner.ParseNum(v[columns.IndexOf("ratio_opsrpt")]), 9);
        }
    }
}
