using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OnlineAlgos.Experiments;

/// <summary>
/// The content hash of one input file a study reads: its path relative to the data folder (so a moved data folder
/// still matches), its SHA-256 and its length. Part of a <see cref="StudyManifest"/>.
/// </summary>
/// <param name="File">Path relative to the data folder, '/'-separated.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Bytes">File length in bytes.</param>
public sealed record InputFingerprint(string File, string Sha256, long Bytes)
{
    // Hash each file once per process (reproduce runs several studies over the same traces): keyed by full path, length
    // and last write time, so a file changed during the process is hashed again.
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Cache = new();

    /// <summary>Fingerprints <paramref name="path"/>; <paramref name="dataDirectory"/> is the folder names are relative
    /// to (null: the file name only). Streams the file once (about 1 GB/s); repeated calls in a process are free.</summary>
    public static InputFingerprint Of(string path, string? dataDirectory)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"{path}: no such file", path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        string hash = Cache.GetOrAdd(key, k =>
        {
            using var stream = new FileStream(k.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
        string name = dataDirectory is null ? info.Name : Path.GetRelativePath(dataDirectory, info.FullName);
        return new InputFingerprint(name.Replace('\\', '/'), hash, info.Length);
    }
}
