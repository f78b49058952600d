using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OnlineAlgos.Experiments;
using OnlineAlgos.Experiments.Paging;
using OnlineAlgos.Experiments.Scheduling;
using Xunit;

namespace OnlineAlgos.Experiments.Tests;

/// <summary>
/// The report <c>index.html</c> of two real quick studies, and the same page loaded in a real headless browser
/// (Debian's chromium; skipped, not passed, when none is installed): no script or resource error, every inline plot
/// laid out with non-zero size, every table with rows. The browser harness is first shown to catch a broken page.
/// </summary>
public sealed class HtmlReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oa-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private (string Path, int Plots, int Tables) WriteReport()
    {
        var options = new StudyOptions(7, Quick: true, DataDirectory: null);
        var done = new List<(IStudy, StudyOutput)>();
        foreach (IStudy study in new IStudy[] { new SchedulingGanttStudy(), new LowerBoundStudy() })
            done.Add((study, StudyRunner.Run(study, options, _dir, OnlineAlgos.Core.Shard.All, 1).Output!));
        string path = HtmlReport.Write(_dir, done, options);
        return (path, done.Sum(d => d.Item2.Plots.Count), done.Sum(d => d.Item2.Tables.Count));
    }

    [Fact]
    public void ReportInlinesEveryPlotAndTableWithoutExternalAssets()
    {
        var (path, plots, tables) = WriteReport();
        string html = File.ReadAllText(path);
        Assert.Equal(plots, Regex.Count(html, "<figure>\n<svg "));
        Assert.Equal(tables, Regex.Count(html, "<table>"));
        Assert.Contains("<dt>seed</dt><dd>7</dd>", html);
        Assert.Contains("<dt>grids</dt><dd>quick (reproduce --quick)</dd>", html);
        Assert.Contains("href=\"scheduling-gantt.tex\"", html);
        Assert.Contains("href=\"paging-lower-bounds-all0-1col.pdf\"", html);
        // Nothing is fetched from elsewhere: no script, no stylesheet link, no http(s) URL except SVG namespaces.
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.Empty(Regex.Matches(html, "(src|href)=\"https?:"));
        // Inlined SVG ids are unique across plots (shared clip-path ids would clip one plot by another).
        var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Every linked file exists.
        foreach (Match m in Regex.Matches(html, "href=\"([^\"#]+)\""))
            Assert.True(File.Exists(Path.Combine(_dir, WebUtility.HtmlDecode(m.Groups[1].Value))), m.Groups[1].Value);
    }

    [Fact]
    public void ManifestSidecarIsShownWhenPresent()
    {
        // The runner writes each study's <study>.json (the run's manifest); the report shows it, HTML-encoded.
        var (path, _, _) = WriteReport();
        string html = File.ReadAllText(path);
        string sidecar = File.ReadAllText(Path.Combine(_dir, "scheduling-gantt.json"));
        Assert.Contains("onlinealgos.manifest/1", sidecar);
        Assert.Contains(WebUtility.HtmlEncode(sidecar), html);
        Assert.Contains("<summary>manifest <a href=\"scheduling-gantt.json\">", html);
    }

    private static string? Chromium() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    private sealed record PageCheck(string[] Errors, double[][] Svgs, int[][] Images, int[] TableRows, string[] Console);

    // Injected at the top of a copy of the page: records script and resource errors, then after load the laid-out
    // size of every plot SVG, the natural size of every image and the body rows of every table, into a <pre>.
    private const string Harness = """
        <script>
        window.__errors = [];
        window.addEventListener('error', function (e) { window.__errors.push(String(e.message || (e.target && (e.target.src || e.target.href)) || 'error')); }, true);
        window.addEventListener('load', function () {
          var r = { errors: window.__errors, svgs: [], images: [], tableRows: [] };
          document.querySelectorAll('figure > svg').forEach(function (s) { var b = s.getBoundingClientRect(); r.svgs.push([b.width, b.height]); });
          document.querySelectorAll('img').forEach(function (i) { r.images.push([i.naturalWidth, i.naturalHeight]); });
          document.querySelectorAll('table').forEach(function (t) { r.tableRows.push(t.tBodies.length ? t.tBodies[0].rows.length : 0); });
          var p = document.createElement('pre'); p.id = '__check'; p.textContent = JSON.stringify(r); document.body.appendChild(p);
        });
        </script>
        """;

    private static PageCheck Load(string chromium, string page)
    {
        string html = File.ReadAllText(page);
        string probe = Path.Combine(Path.GetDirectoryName(page)!, "__probe.html");
        File.WriteAllText(probe, html.Replace("<head>", "<head>\n" + Harness, StringComparison.Ordinal));
        var psi = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--user-data-dir=" + Path.Combine(Path.GetDirectoryName(page)!, "__chromium"), "--enable-logging=stderr", "--v=0",
                     "--window-size=1400,3000", "--virtual-time-budget=10000", "--dump-dom", new Uri(probe).AbsoluteUri })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string dom = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "chromium did not finish within 2 minutes");
        var console = stderr.Result.Split('\n').Where(l => l.Contains(":CONSOLE(", StringComparison.Ordinal)).ToArray();
        var m = Regex.Match(dom, "<pre id=\"__check\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(m.Success, "the page did not finish loading; chromium said: " + stderr.Result[..Math.Min(2000, stderr.Result.Length)]);
        using var json = JsonDocument.Parse(WebUtility.HtmlDecode(m.Groups[1].Value));
        var root = json.RootElement;
        return new PageCheck(
            root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray(),
            root.GetProperty("svgs").EnumerateArray().Select(e => e.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray(),
            root.GetProperty("images").EnumerateArray().Select(e => e.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray(),
            root.GetProperty("tableRows").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            console);
    }

    [SkippableFact]
    public void ReportRendersInAHeadlessBrowser()
    {
        string? chromium = Chromium();
        Skip.If(chromium is null, "no chromium installed (apt-get install chromium)");

        // The harness must see a broken page as broken: a missing image, a script error, an empty table.
        Directory.CreateDirectory(_dir);
        string broken = Path.Combine(_dir, "broken.html");
        File.WriteAllText(broken, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><img src=\"missing.png\">"
            + "<script>undefinedFunction();</script><table><tbody></tbody></table><figure><svg width=\"0\" height=\"0\"></svg></figure></body></html>");
        var bad = Load(chromium!, broken);
        Assert.NotEmpty(bad.Errors);
        Assert.Contains(bad.Images, i => i[0] == 0);
        Assert.Contains(0, bad.TableRows);
        Assert.Contains(bad.Svgs, s => s[0] == 0);

        var (path, plots, tables) = WriteReport();
        var ok = Load(chromium!, path);
        Assert.Empty(ok.Errors);
        Assert.Empty(ok.Console);
        Assert.Equal(plots, ok.Svgs.Length);
        Assert.All(ok.Svgs, s => Assert.True(s[0] > 100 && s[1] > 50, $"plot laid out at {s[0]} x {s[1]}"));
        Assert.All(ok.Images, i => Assert.True(i[0] > 0 && i[1] > 0));
        Assert.Equal(tables, ok.TableRows.Length);
        Assert.All(ok.TableRows, n => Assert.True(n > 0));
    }
}
