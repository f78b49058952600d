using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>
/// The one-page report <c>&lt;out&gt;/index.html</c> of a <c>reproduce</c> run: the run's manifest (seed, quick or
/// full, data folder, toolkit version, and each study's <c>&lt;study&gt;.json</c> sidecar when one was written), then
/// per study its tables as HTML tables and its plots as inline SVG (the two-column files), with links to the CSV,
/// Markdown, LaTeX, SVG, PDF and PNG files next to it. Self-contained: styles inline, no script, no external asset.
/// </summary>
public static class HtmlReport
{
    /// <summary>File name of the report inside the output folder.</summary>
    public const string FileName = "index.html";

    /// <summary>Writes the report for <paramref name="studies"/> (their outputs already written to
    /// <paramref name="outDir"/>) and returns its path.</summary>
    public static string Write(string outDir, IReadOnlyList<(IStudy Study, StudyOutput Output)> studies, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(options);
        string path = Path.Combine(outDir, FileName);
        StudyRunner.WriteAtomic(path, Render(outDir, studies, options));
        return path;
    }

    /// <summary>The toolkit version (informational version of this assembly, without the commit suffix when long).</summary>
    public static string Version()
    {
        string v = typeof(HtmlReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 && v.Length - plus > 13 ? v[..(plus + 13)] : v;
    }

    /// <summary>The report's HTML (reads the SVG files and manifest sidecars from <paramref name="outDir"/>).</summary>
    public static string Render(string outDir, IReadOnlyList<(IStudy Study, StudyOutput Output)> studies, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>OnlineAlgos results</title>\n<style>\n")
          .Append("body{font-family:'DejaVu Sans',sans-serif;margin:1.5em auto;max-width:1200px;padding:0 1em;color:#111}")
          .Append("h1{font-size:1.6em}h2{border-bottom:1px solid #999;margin-top:2em}nav a{margin-right:.8em}")
          .Append("table{border-collapse:collapse;margin:1em 0;font-size:.85em}caption{text-align:left;font-weight:bold;padding:.3em 0}")
          .Append("th,td{padding:.15em .6em;border-bottom:1px solid #ddd}thead th{border-bottom:2px solid #333;text-align:left}")
          .Append(".num{text-align:right;font-variant-numeric:tabular-nums}.legend{font-size:.85em;color:#333;max-width:70em}")
          .Append("figure{margin:1em 0}figure svg{max-width:100%;height:auto;display:block}figcaption{font-size:.85em}")
          .Append(".files{font-size:.85em}.files a{margin-right:.6em}dl.manifest{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}")
          .Append("dl.manifest dt{font-weight:bold}pre{background:#f4f4f4;padding:.5em;overflow:auto;font-size:.8em}.tablewrap{overflow-x:auto}")
          .Append("\n</style>\n</head>\n<body>\n<h1>OnlineAlgos results</h1>\n");
        sb.Append("<section id=\"manifest\">\n<h2>Run</h2>\n<dl class=\"manifest\">\n");
        Item(sb, "seed", options.Seed.ToString(CultureInfo.InvariantCulture));
        Item(sb, "grids", options.Quick ? "quick (reproduce --quick)" : "full");
        Item(sb, "data folder", options.DataDirectory ?? "none (generated inputs only)");
        Item(sb, "toolkit version", Version());
        Item(sb, "studies", studies.Count.ToString(CultureInfo.InvariantCulture));
        sb.Append("</dl>\n<nav>");
        foreach (var (study, _) in studies) sb.Append(CultureInfo.InvariantCulture, $"<a href=\"#{Enc(study.Name)}\">{Enc(study.Name)}</a>");
        sb.Append("</nav>\n</section>\n");
        int svgIndex = 0;
        foreach (var (study, output) in studies)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section id=\"{Enc(study.Name)}\">\n<h2>{Enc(study.Name)}</h2>\n<p>{Enc(study.Description)}</p>\n");
            string sidecar = Path.Combine(outDir, study.Name + ".json");
            if (File.Exists(sidecar))
                sb.Append(CultureInfo.InvariantCulture, $"<details><summary>manifest <a href=\"{Enc(study.Name)}.json\">{Enc(study.Name)}.json</a></summary><pre>")
                  .Append(Enc(File.ReadAllText(sidecar))).Append("</pre></details>\n");
            foreach (var t in output.Tables)
            {
                sb.Append("<div class=\"tablewrap\">\n").Append(t.Table.Render(TableFormat.Html)).Append("</div>\n");
                Links(sb, t.FileStem, ".csv", ".md", ".tex");
            }
            foreach (var p in output.Plots)
            {
                string svgPath = Path.Combine(outDir, p.FileStem + ".svg");
                sb.Append("<figure>\n");
                if (File.Exists(svgPath)) sb.Append(Inline(File.ReadAllText(svgPath), "p" + (svgIndex++).ToString(CultureInfo.InvariantCulture)));
                sb.Append(CultureInfo.InvariantCulture, $"<figcaption>{Enc(p.FileStem)}</figcaption>\n</figure>\n");
                Links(sb, p.FileStem, ".svg", ".pdf", "-1col.svg", "-1col.pdf", ".png");
            }
            sb.Append("</section>\n");
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Item(StringBuilder sb, string key, string value) => sb.Append(CultureInfo.InvariantCulture, $"<dt>{Enc(key)}</dt><dd>{Enc(value)}</dd>\n");

    private static void Links(StringBuilder sb, string stem, params string[] suffixes)
    {
        sb.Append("<p class=\"files\">");
        foreach (var s in suffixes) sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Enc(stem + s)}\">{Enc(stem + s)}</a>");
        sb.Append("</p>\n");
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static readonly Regex XmlDeclaration = new("^\\s*<\\?xml[^>]*\\?>\\s*", RegexOptions.CultureInvariant);
    private static readonly Regex Ids = new("\\bid=\"([^\"]+)\"", RegexOptions.CultureInvariant);

    /// <summary>An SVG document ready to inline: no XML declaration, and every id (clip paths, gradients) prefixed
    /// with <paramref name="prefix"/> together with its <c>url(#…)</c> and <c>href="#…"</c> references, so several
    /// inlined plots cannot clip each other through a shared id.</summary>
    public static string Inline(string svg, string prefix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        svg = XmlDeclaration.Replace(svg, "");
        var ids = Ids.Matches(svg).Select(m => m.Groups[1].Value).Distinct().ToList();
        var sb = new StringBuilder(svg);
        foreach (var id in ids)
        {
            sb.Replace($"id=\"{id}\"", $"id=\"{prefix}-{id}\"");
            sb.Replace($"url(#{id})", $"url(#{prefix}-{id})");
            sb.Replace($"href=\"#{id}\"", $"href=\"#{prefix}-{id}\"");
        }
        return sb.Append('\n').ToString();
    }
}
