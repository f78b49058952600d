using System.CommandLine;
using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Paging.Formats;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Cli.Commands;

/// <summary><c>paging run</c>: fault counts of chosen algorithms on a user's trace, as CSV (FORMATS.md).</summary>
public static class PagingCommands
{
    /// <summary>The <c>paging</c> command group.</summary>
    public static Command Create(CliContext ctx)
    {
        var paging = new Command("paging", "paging algorithms on a trace");
        var run = new Command("run", "fault counts per algorithm and cache size; CSV on stdout: algorithm,k,requests,faults");
        var trace = new Option<string>("--trace") { Description = "trace file", Required = true };
        var format = new Option<string>("--format") { Description = "txt (ID [BIT] per line; also libCacheSim txt), csv (libCacheSim csv) or oracleGeneral (libCacheSim binary)", DefaultValueFactory = _ => "txt" };
        var ks = new Option<string>("--k") { Description = "cache sizes, comma-separated (e.g. 10,100)", Required = true };
        var algs = new Option<string>("--algorithms") { Description = "comma-separated: belady," + string.Join(",", PagingAlgorithms.ClassicalNames), DefaultValueFactory = _ => "belady,lru,fifo" };
        var seed = new Option<string>("--seed") { Description = "seed of randomized algorithms", DefaultValueFactory = _ => "1" };
        var idColumn = new Option<int?>("--id-column") { Description = "csv: 1-based id column (default: header obj_id/id/key, else 1)" };
        foreach (var o in new Option[] { trace, format, ks, algs, seed, idColumn }) run.Options.Add(o);
        run.SetAction(r =>
        {
            int[] kValues = CliContext.ParsePositiveInts(r.GetValue(ks)!, "--k");
            var names = r.GetValue(algs)!.Split(',', StringSplitOptions.TrimEntries);
            foreach (var n in names)
                if (n != "belady" && PagingAlgorithms.TryCreate(n) is null)
                    throw new CliException($"--algorithms: unknown algorithm '{n}'; known: belady,{string.Join(",", PagingAlgorithms.ClassicalNames)}");
            string seedText = r.GetValue(seed)!;
            if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seedValue))
                throw new CliException($"--seed expects an unsigned 64-bit integer, got '{seedText}'");
            var seq = ReadTrace(r.GetValue(trace)!, r.GetValue(format)!, r.GetValue(idColumn));
            // Compute everything before printing, so a failure leaves no half-written CSV.
            var lines = new List<string> { "algorithm,k,requests,faults" };
            foreach (var name in names)
            {
                foreach (int k in kValues)
                {
                    long faults = name == "belady"
                        ? BeladyPaging.Faults(seq, k)
                        : PagingSimulator.Run(PagingAlgorithms.TryCreate(name)!, seq, k, Rng.ForCell(seedValue, name, k));
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name},{k},{seq.Length},{faults}"));
                }
            }
            foreach (var l in lines) ctx.Out.Write(l + "\n");
            return 0;
        });
        paging.Subcommands.Add(run);
        return paging;
    }

    /// <summary>Reads a trace in the named format with the CLI's error conventions.</summary>
    public static RequestSequence ReadTrace(string path, string format, int? idColumn = null)
    {
        using var stream = CliContext.OpenInput(path);
        try
        {
            switch (format)
            {
                case "txt":
                    using (var reader = new StreamReader(stream))
                        return TextTraceReader.Read(reader, path);
                case "csv":
                    using (var reader = new StreamReader(stream))
                        return CsvTraceReader.Read(reader, path, idColumn);
                case "oracleGeneral":
                    return OracleGeneralReader.Read(stream, path);
                default:
                    throw new CliException($"--format: unknown format '{format}'; known: txt, csv, oracleGeneral");
            }
        }
        catch (InstanceFormatException e)
        {
            throw CliContext.FromFormat(e);
        }
    }
}
