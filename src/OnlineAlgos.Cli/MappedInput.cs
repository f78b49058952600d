using System.IO.MemoryMappedFiles;

namespace OnlineAlgos.Cli;

/// <summary>
/// Runs a parser over a whole input file mapped into memory (read-only), so a binary reader makes one pass over the
/// page cache without copying. Files that cannot be mapped as one span (empty, above 2 GiB, or not mappable, e.g. a
/// pipe) go to the stream parser instead.
/// </summary>
internal static class MappedInput
{
    /// <summary>Parses <paramref name="stream"/> (an opened file) with <paramref name="fromSpan"/> or <paramref name="fromStream"/>.</summary>
    public static unsafe T Parse<T>(FileStream stream, Func<ReadOnlySpan<byte>, T> fromSpan, Func<Stream, T> fromStream)
    {
        long length;
        try { length = stream.CanSeek ? stream.Length : -1; }
        catch (IOException) { length = -1; }
        if (length <= 0 || length > int.MaxValue) return fromStream(stream);
        using var map = TryMap(stream);
        if (map is null) return fromStream(stream);
        using (var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read))
        {
            byte* p = null;
            var handle = view.SafeMemoryMappedViewHandle;
            handle.AcquirePointer(ref p);
            try { return fromSpan(new ReadOnlySpan<byte>(p + view.PointerOffset, (int)length)); }
            finally { handle.ReleasePointer(); }
        }
    }

    private static MemoryMappedFile? TryMap(FileStream stream)
    {
        try { return MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return null; }
    }
}
