using System.Text;
using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>
/// Cell records in a CSV file (<c>index,cell_id,values...</c> after a header line): each finished cell is appended and
/// flushed to disk at once, so an interrupted sweep keeps every finished cell and a restart skips them. A torn last
/// line (crash mid-write) is dropped on reopen; any other malformed line is an error naming file and line.
/// </summary>
public sealed class FileCellStore : ICellStore, IDisposable
{
    private readonly string _path;
    private readonly IReadOnlyList<string> _columns;
    private readonly List<CellResult> _existing = new();
    private FileStream? _stream;

    /// <summary>Opens (or creates) the store at <paramref name="path"/> for records with the given value columns.</summary>
    public FileCellStore(string path, IReadOnlyList<string> columns)
    {
        _path = path;
        _columns = columns;
        string header = Header(columns);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path);
            var lines = text.Split('\n');
            // The last element is "" after a final newline, or a torn record (crash mid-write): either way it is not a
            // record; a torn one is dropped and recomputed.
            int usable = lines.Length - 1;
            if (usable >= 1 && lines[0] != header)
                throw new InstanceFormatException(path, 1, $"the header '{header}' (the file was written by another study or version; delete it to start over)");
            for (int i = 1; i < usable; i++)
                _existing.Add(CellResult.Parse(lines[i], columns.Count, path, i + 1));
            if (usable == 0) File.WriteAllText(path, header + "\n");
            else if (!text.EndsWith('\n'))
                File.WriteAllText(path, string.Join('\n', lines, 0, usable) + "\n");
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, header + "\n");
        }
    }

    /// <summary>The header line for a record layout.</summary>
    public static string Header(IReadOnlyList<string> columns) => "index,cell_id," + string.Join(",", columns);

    /// <inheritdoc/>
    public IReadOnlyList<CellResult> Finished() => _existing;

    /// <inheritdoc/>
    public void Append(CellResult result)
    {
        if (result.Values.Count != _columns.Count)
            throw new InvalidOperationException($"cell {result.CellId} has {result.Values.Count} values, expected {_columns.Count}");
        _stream ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = Encoding.UTF8.GetBytes(result.ToLine() + "\n");
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads all records of a store file (for <c>merge</c>).</summary>
    public static IReadOnlyList<CellResult> ReadAll(string path, IReadOnlyList<string> columns)
    {
        using var store = new FileCellStore(path, columns);
        return store.Finished();
    }

    /// <inheritdoc/>
    public void Dispose() => _stream?.Dispose();
}
