namespace OnlineAlgos.Paging.Model;

/// <summary>
/// A paging request sequence with page ids remapped to dense ints 0..PageCount−1 (in order of first request), the
/// original ids (for output), and optional one-bit predictions, one per request.
/// </summary>
/// <remarks>Immutable by convention: the arrays are exposed as spans and must not be modified.</remarks>
public sealed class RequestSequence
{
    private readonly int[] _requests;
    private readonly string[]? _ids;
    private readonly ulong[]? _numericIds; // instead of _ids: ids of binary traces, formatted when asked
    private readonly byte[]? _bits;

    /// <summary>Wraps dense requests; <paramref name="ids"/>[p] is page p's original id.</summary>
    public RequestSequence(int[] requests, string[] ids, byte[]? bits = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(ids);
        if (bits is not null && bits.Length != requests.Length)
            throw new ArgumentException($"{bits.Length} prediction bits for {requests.Length} requests", nameof(bits));
        foreach (int r in requests)
            if ((uint)r >= (uint)ids.Length) throw new ArgumentException($"request {r} outside 0..{ids.Length - 1}", nameof(requests));
        if (bits is not null)
            foreach (byte b in bits)
                if (b > 1) throw new ArgumentException("prediction bits must be 0 or 1", nameof(bits));
        _requests = requests;
        _ids = ids;
        _bits = bits;
    }

    /// <summary>
    /// Wraps dense requests whose original ids are 64-bit integers (binary traces), formatted as decimal text only
    /// when <see cref="PageId"/> asks. Trusted: the reader guarantees every request is in 0..ids.Length−1 (not
    /// re-checked, to keep reading a 10^7-request trace one pass).
    /// </summary>
    internal RequestSequence(int[] requests, ulong[] numericIds, byte[]? bits = null)
    {
        if (bits is not null && bits.Length != requests.Length)
            throw new ArgumentException($"{bits.Length} prediction bits for {requests.Length} requests", nameof(bits));
        if (bits is not null && bits.AsSpan().IndexOfAnyExcept((byte)0, (byte)1) >= 0)
            throw new ArgumentException("prediction bits must be 0 or 1", nameof(bits));
        _requests = requests;
        _numericIds = numericIds;
        _bits = bits;
    }

    /// <summary>Remaps arbitrary integer page ids to dense ints (first-request order); ids print as the integers.</summary>
    public static RequestSequence FromPages(ReadOnlySpan<int> pages, byte[]? bits = null)
    {
        var map = new Dictionary<int, int>();
        var ids = new List<string>();
        var dense = new int[pages.Length];
        for (int t = 0; t < pages.Length; t++)
        {
            if (!map.TryGetValue(pages[t], out int d))
            {
                d = map.Count;
                map[pages[t]] = d;
                ids.Add(pages[t].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            dense[t] = d;
        }
        return new RequestSequence(dense, ids.ToArray(), bits);
    }

    /// <summary>Number of requests n.</summary>
    public int Length => _requests.Length;
    /// <summary>Number of distinct pages.</summary>
    public int PageCount => _ids?.Length ?? _numericIds!.Length;
    /// <summary>Dense page id of each request.</summary>
    public ReadOnlySpan<int> Requests => _requests;
    /// <summary>Request at time t (0-based).</summary>
    public int this[int t] => _requests[t];
    /// <summary>Original id of a dense page.</summary>
    public string PageId(int page) => _ids is not null ? _ids[page] : _numericIds![page].ToString(System.Globalization.CultureInfo.InvariantCulture);
    /// <summary>Whether the sequence carries one prediction bit per request.</summary>
    public bool HasBits => _bits is not null;
    /// <summary>The prediction bits (empty when absent).</summary>
    public ReadOnlySpan<byte> Bits => _bits;

    /// <summary>The same requests with other prediction bits (or none).</summary>
    public RequestSequence WithBits(byte[]? bits) => _ids is not null ? new(_requests, _ids, bits) : new(_requests, _numericIds!, bits);

    /// <summary>The first <paramref name="length"/> requests (pages renumbered densely).</summary>
    public RequestSequence Prefix(int length)
    {
        var pages = new int[length];
        Array.Copy(_requests, pages, length);
        var sub = FromPages(pages, _bits is null ? null : _bits[..length]);
        var ids = new string[sub.PageCount];
        for (int t = 0; t < length; t++) ids[sub[t]] = PageId(_requests[t]);
        return new RequestSequence(sub._requests, ids, sub._bits);
    }

}
