using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>
/// Cell records in a CSV file (<c>index,cell_id,values...,check</c> after a header line), with the
/// <see cref="StudyManifest"/> of the run that made them beside it (<c>&lt;stem&gt;.manifest.json</c>):
/// <list type="bullet">
/// <item>One writer: the store holds an OS lock (<c>flock</c>, via <see cref="FileShare.None"/>) on
/// <c>&lt;stem&gt;.lock</c> for its lifetime; the OS releases it when the process ends, however it ends, so there is no
/// stale lock. A second store on the same file fails at once naming the holder's pid.</item>
/// <item>One line per cell, written with a single write and flushed to disk; <c>check</c> is the first 16 hex digits
/// of SHA-256 over the rest of the line, so an edited or corrupted record is an error naming file and line, never
/// a silently wrong table. A torn last line (no final newline: a crash mid-write) is dropped and recomputed.</item>
/// <item>Cells made with another configuration (seed, grid, inputs, tool) are refused, or deleted with
/// <c>fresh</c>.</item>
/// </list>
/// Opening reads the file once: O(file size).
/// </summary>
public sealed class FileCellStore : ICellStore, IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly string _path;
    private readonly IReadOnlyList<string> _columns;
    private readonly List<CellResult> _existing;
    private readonly FileStream _lock;
    private FileStream? _stream;

    /// <summary>
    /// Opens (or creates) the store at <paramref name="path"/> for cells made as <paramref name="manifest"/> describes.
    /// Throws <see cref="StudyStoreException"/> when another run holds it, when its cells were made with another
    /// configuration (unless <paramref name="fresh"/>, which deletes them first) or when a line is malformed.
    /// </summary>
    public FileCellStore(string path, IReadOnlyList<string> columns, StudyManifest manifest, bool fresh = false)
    {
        _path = path;
        _columns = columns;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _lock = AcquireLock(path);
        try
        {
            string manifestPath = ManifestPath(path);
            if (fresh)
            {
                File.Delete(path);
                File.Delete(manifestPath);
            }
            if (File.Exists(path))
            {
                if (!File.Exists(manifestPath))
                    throw new StudyStoreException($"{Label(path)}: the cells have no manifest (made by an older version or by hand); use another --out or --fresh");
                var stored = StudyManifest.Parse(File.ReadAllText(manifestPath), manifestPath);
                if (stored.Difference(manifest) is { } d)
                    throw new StudyStoreException($"{Label(path)}: {d}; use another --out or --fresh");
                _existing = Load(path, columns, truncateTornLine: true);
            }
            else
            {
                // Manifest first: a crash between the two writes leaves a manifest without cells, which the next run
                // simply overwrites; never cells without a manifest.
                StudyRunner.WriteAtomic(manifestPath, manifest.ToJson());
                StudyRunner.WriteAtomic(path, Header(columns) + "\n");
                _existing = new List<CellResult>();
            }
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    /// <summary>The header line for a record layout.</summary>
    public static string Header(IReadOnlyList<string> columns) => "index,cell_id," + string.Join(",", columns) + ",check";

    /// <summary>Where the manifest of the cell file <paramref name="cellPath"/> lives.</summary>
    public static string ManifestPath(string cellPath) => Stem(cellPath) + ".manifest.json";

    /// <summary>The lock file of the cell file <paramref name="cellPath"/> (holds the writer's pid while locked).</summary>
    public static string LockPath(string cellPath) => Stem(cellPath) + ".lock";

    private static string Stem(string cellPath) => cellPath.EndsWith(".csv", StringComparison.Ordinal) ? cellPath[..^4] : cellPath;

    private static string Label(string cellPath) => Stem(cellPath);

    /// <summary>The check field of a record line (everything before <c>,check</c>).</summary>
    public static string Check(string recordPrefix) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recordPrefix)))[..16];

    /// <inheritdoc/>
    public IReadOnlyList<CellResult> Finished() => _existing;

    /// <inheritdoc/>
    public void Append(CellResult result)
    {
        if (result.Values.Count != _columns.Count)
            throw new InvalidOperationException($"cell {result.CellId} has {result.Values.Count} values, expected {_columns.Count}");
        string line = result.ToLine();
        if (line.AsSpan().IndexOfAny('\n', '\r') >= 0)
            throw new InvalidOperationException($"cell {result.CellId}: a value contains a line break (one line per cell)");
        _stream ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        var bytes = Encoding.UTF8.GetBytes(line + "," + Check(line) + "\n");
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Reads all records of a store file, checking each line, without a configuration check (tests, inspection).
    /// Takes the lock while reading, so a file another run is writing is an error, not a half-read.
    /// </summary>
    public static IReadOnlyList<CellResult> ReadAll(string path, IReadOnlyList<string> columns)
    {
        using var held = AcquireLock(path);
        return Load(path, columns, truncateTornLine: false);
    }

    /// <summary>
    /// Reads the records of one shard's file for <c>merge</c>: refuses (one line, <see cref="StudyStoreException"/>)
    /// when another run is writing it, when it has no manifest, or when its manifest differs from
    /// <paramref name="expected"/> (the merge's configuration). A torn last line is left out (that cell is then
    /// missing, and the merge says which shard to run again).
    /// </summary>
    public static IReadOnlyList<CellResult> ReadShard(string path, IReadOnlyList<string> columns, StudyManifest expected)
    {
        using var held = AcquireLock(path);
        string manifestPath = ManifestPath(path);
        if (!File.Exists(manifestPath))
            throw new StudyStoreException($"{Label(path)}: the cells have no manifest (made by an older version or by hand); run that shard again with --fresh");
        var stored = StudyManifest.Parse(File.ReadAllText(manifestPath), manifestPath);
        if (stored.Difference(expected) is { } d)
            throw new StudyStoreException($"{Label(path)}: {d}; merge with the options the shards were run with, or run the shard again with --fresh");
        return Load(path, columns, truncateTornLine: false);
    }

    /// <summary>Replaces the cell file at <paramref name="path"/> and its manifest with <paramref name="results"/>
    /// (under the lock; written through a temporary file and a rename).</summary>
    public static void WriteAll(string path, IReadOnlyList<string> columns, StudyManifest manifest, IEnumerable<CellResult> results)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var held = AcquireLock(path);
        var sb = new StringBuilder(Header(columns)).Append('\n');
        foreach (var r in results)
        {
            string line = r.ToLine();
            sb.Append(line).Append(',').Append(Check(line)).Append('\n');
        }
        StudyRunner.WriteAtomic(ManifestPath(path), manifest.ToJson());
        StudyRunner.WriteAtomic(path, sb.ToString());
    }

    private static List<CellResult> Load(string path, IReadOnlyList<string> columns, bool truncateTornLine)
    {
        var list = new List<CellResult>();
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new StudyStoreException($"{path}: no such file"); }
        string header = Header(columns);
        int start = 0, lineNo = 0;
        while (true)
        {
            int nl = Array.IndexOf(bytes, (byte)'\n', start);
            if (nl < 0) break; // the rest (if any) is a torn record: not a record
            lineNo++;
            string line;
            try { line = StrictUtf8.GetString(bytes, start, nl - start); }
            catch (DecoderFallbackException) { throw Malformed(path, lineNo, "invalid UTF-8"); }
            if (lineNo == 1)
            {
                if (line != header)
                    throw new StudyStoreException($"{path}: line 1: expected the header '{header}' (the file was written by another study or version); use another --out or --fresh");
            }
            else list.Add(ParseRecord(line, columns.Count, path, lineNo));
            start = nl + 1;
        }
        if (lineNo == 0 && bytes.Length > 0 && !truncateTornLine)
            throw new StudyStoreException($"{path}: line 1: expected the header '{header}'");
        if (truncateTornLine && start < bytes.Length)
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            fs.SetLength(start);
            if (start == 0) fs.Write(Encoding.UTF8.GetBytes(header + "\n"));
            fs.Flush(flushToDisk: true);
        }
        else if (truncateTornLine && bytes.Length == 0)
            File.WriteAllText(path, header + "\n");
        return list;
    }

    private static CellResult ParseRecord(string line, int valueCount, string path, int lineNo)
    {
        int comma = line.LastIndexOf(',');
        if (comma < 0) throw Malformed(path, lineNo, $"{valueCount + 3} fields (index, cell id, {valueCount} values, check)");
        string prefix = line[..comma], check = line[(comma + 1)..];
        if (check != Check(prefix))
            throw Malformed(path, lineNo, "the record does not match its check field (the line was edited or corrupted)");
        try
        {
            return CellResult.Parse(prefix, valueCount, path, lineNo);
        }
        catch (InstanceFormatException e)
        {
            throw Malformed(path, lineNo, e.Expected);
        }
    }

    private static StudyStoreException Malformed(string path, int lineNo, string what) =>
        new($"{path}: line {lineNo}: {what}; delete that line to recompute the cell, or use --fresh");

    private static FileStream AcquireLock(string cellPath)
    {
        string lockPath = LockPath(cellPath);
        FileStream fs;
        try
        {
            fs = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            string pid = ReadPidUnlocked(lockPath) is { } p ? "pid " + p : "pid unknown";
            throw new StudyStoreException($"{cellPath} is being written by another run ({pid}); wait for it to end or use another --out");
        }
        catch (UnauthorizedAccessException)
        {
            throw new StudyStoreException($"{lockPath}: permission denied (the output folder is not writable)");
        }
        try
        {
            fs.SetLength(0);
            fs.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
            fs.Flush();
        }
        catch
        {
            fs.Dispose();
            throw;
        }
        return fs;
    }

    // .NET takes a shared flock for every open, which the holder's exclusive lock refuses; read the pid with plain
    // open/read, which take no lock. Null when that fails (or off Unix).
    private static string? ReadPidUnlocked(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            int fd = NativeMethods.open(Encoding.UTF8.GetBytes(path + "\0"), 0);
            if (fd < 0) return null;
            try
            {
                var buf = new byte[32];
                nint n = NativeMethods.read(fd, buf, buf.Length);
                if (n <= 0) return null;
                string text = Encoding.ASCII.GetString(buf, 0, (int)n).Trim();
                return text.Length > 0 && text.All(char.IsAsciiDigit) ? text : null;
            }
            finally { _ = NativeMethods.close(fd); }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open(byte[] nulTerminatedPath, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, byte[] buffer, nint count);

        [DllImport("libc")]
        public static extern int close(int fd);
    }

    /// <summary>Releases the lock (the OS releases it anyway when the process ends).</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _lock.Dispose();
    }
}
