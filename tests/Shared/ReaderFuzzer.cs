// Shared by the family test projects as a linked source file (<Compile Include="..\Shared\ReaderFuzzer.cs" .../>), so
// there is one mutation engine and no copies. It is a plain deterministic mutation fuzzer: SharpFuzz would need AFL
// instrumentation that this environment does not have.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OnlineAlgos.Core;

namespace OnlineAlgos.Tests.Shared;

/// <summary>
/// Deterministic mutation fuzzer for the instance readers. From a fixed seed it mutates valid inputs (bit flips, byte
/// insert/delete, truncation, splices of two inputs, huge and non-finite numbers, deep nesting, invalid UTF-8, lone
/// surrogate escapes, CRLF, BOM, duplicated lines) and runs the reader on each. An input passes when it parses or
/// raises <see cref="InstanceFormatException"/>; any other exception, or an input that takes longer than the time
/// limit (a watchdog thread sees a hang without waiting for it to end), is a failure reported with the input, shrunk.
/// </summary>
internal static class ReaderFuzzer
{
    /// <summary>Inputs per reader: ONLINEALGOS_FUZZ_ITERATIONS, default 10,000.</summary>
    public static int Iterations
    {
        get
        {
            string? s = Environment.GetEnvironmentVariable("ONLINEALGOS_FUZZ_ITERATIONS");
            return s is not null && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 10_000;
        }
    }

    /// <summary>Per-input limit: a hang guard, not a performance assertion.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    public sealed record Failure(byte[] Input, string What);

    public sealed class Report
    {
        public int Inputs;
        public int Parsed;
        public int Rejected;
        public TimeSpan Total;
        public TimeSpan Slowest;
        public int SlowestLength;
        public int LargestInput;
        public readonly List<Failure> Failures = new();

        public string Summary(string reader) => string.Create(CultureInfo.InvariantCulture,
            $"{reader}: {Inputs} inputs in {Total.TotalSeconds:F1} s ({Inputs / Math.Max(Total.TotalSeconds, 1e-9):F0}/s), " +
            $"{Parsed} parsed, {Rejected} rejected, {Failures.Count} failures; slowest {Slowest.TotalMilliseconds:F1} ms " +
            $"({SlowestLength} bytes), largest input {LargestInput} bytes");
    }

    /// <summary>
    /// Runs <paramref name="iterations"/> mutated inputs through <paramref name="parse"/>. <paramref name="tokens"/> are
    /// format words worth inserting (keys, separators); <paramref name="sourceName"/> is what the reader must name.
    /// </summary>
    public static Report Run(IReadOnlyList<byte[]> seeds, Action<byte[]> parse, int iterations, ulong seed,
        string sourceName, IReadOnlyList<string>? tokens = null, int maxFailures = 5)
    {
        if (seeds.Count == 0) throw new ArgumentException("no seed inputs", nameof(seeds));
        var report = new Report();
        var rng = new SplitMix(seed);
        var words = (tokens ?? Array.Empty<string>()).Select(t => Encoding.UTF8.GetBytes(t)).ToArray();
        var state = new Watch();
        Exception? loopError = null;
        var worker = new Thread(() =>
        {
            try
            {
                var total = Stopwatch.StartNew();
                for (int i = 0; i < iterations && report.Failures.Count < maxFailures; i++)
                {
                    byte[] input = Mutate(seeds, words, ref rng);
                    report.LargestInput = Math.Max(report.LargestInput, input.Length);
                    state.Begin(input);
                    long t0 = Stopwatch.GetTimestamp();
                    string? failure = Classify(parse, input, sourceName, out bool parsed);
                    var took = Stopwatch.GetElapsedTime(t0);
                    state.End();
                    report.Inputs++;
                    if (took > report.Slowest) { report.Slowest = took; report.SlowestLength = input.Length; }
                    if (took > TimeLimit) failure ??= $"took {took.TotalSeconds:F1} s (limit {TimeLimit.TotalSeconds} s)";
                    if (failure is not null)
                    {
                        report.Failures.Add(new Failure(Shrink(parse, input, sourceName, failure), failure));
                        continue;
                    }
                    if (parsed) report.Parsed++; else report.Rejected++;
                }
                report.Total = total.Elapsed;
            }
            catch (Exception e)
            {
                loopError = e;
            }
        }, 256 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + sourceName };
        worker.Start();
        while (!worker.Join(100))
        {
            if (state.Running(out var input, out var elapsed) && elapsed > TimeLimit + TimeLimit)
            {
                // Leave the background thread; the input is the finding.
                report.Failures.Add(new Failure(input!, $"still running after {elapsed.TotalSeconds:F1} s (hang)"));
                return report;
            }
        }
        if (loopError is not null) throw new InvalidOperationException("fuzz loop failed", loopError);
        return report;
    }

    /// <summary>The files of instances/<paramref name="family"/> matching <paramref name="pattern"/> (repository root found from the test binary).</summary>
    public static List<byte[]> InstanceFiles(string family, string pattern)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OnlineAlgos.sln"))) dir = dir.Parent;
        if (dir is null) throw new DirectoryNotFoundException("repository root (OnlineAlgos.sln) not found above " + AppContext.BaseDirectory);
        var files = Directory.GetFiles(Path.Combine(dir.FullName, "instances", family), pattern);
        Array.Sort(files, StringComparer.Ordinal);
        return files.Select(File.ReadAllBytes).ToList();
    }

    /// <summary>Null when the input parsed or was rejected properly; otherwise what went wrong.</summary>
    private static string? Classify(Action<byte[]> parse, byte[] input, string sourceName, out bool parsed)
    {
        parsed = false;
        try
        {
            parse(input);
            parsed = true;
            return null;
        }
        catch (InstanceFormatException e)
        {
            if (e.SourceName != sourceName) return $"InstanceFormatException naming '{e.SourceName}', not '{sourceName}': {e.Message}";
            if (string.IsNullOrWhiteSpace(e.Expected)) return "InstanceFormatException without an expectation";
            return null;
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace;
        }
    }

    /// <summary>Greedy chunk removal while the same kind of failure remains (bounded number of attempts).</summary>
    private static byte[] Shrink(Action<byte[]> parse, byte[] input, string sourceName, string failure)
    {
        string kind = Kind(failure);
        if (kind.StartsWith("took", StringComparison.Ordinal)) return input; // do not re-run slow inputs many times
        var current = input;
        int attempts = 0;
        for (int chunk = Math.Max(1, current.Length / 2); chunk >= 1 && attempts < 3000; chunk /= 2)
        {
            bool progress = true;
            while (progress && attempts < 3000)
            {
                progress = false;
                for (int start = 0; start + chunk <= current.Length && attempts < 3000; start += chunk)
                {
                    var candidate = new byte[current.Length - chunk];
                    current.AsSpan(0, start).CopyTo(candidate);
                    current.AsSpan(start + chunk).CopyTo(candidate.AsSpan(start));
                    attempts++;
                    string? f = Classify(parse, candidate, sourceName, out _);
                    if (f is not null && Kind(f) == kind) { current = candidate; progress = true; break; }
                }
            }
        }
        return current;
    }

    private static string Kind(string failure)
    {
        int colon = failure.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? failure[..colon] : failure;
    }

    /// <summary>The input as a C# string literal of bytes (readable where ASCII) for a regression test.</summary>
    public static string Show(byte[] input, int max = 600)
    {
        var sb = new StringBuilder("\"");
        foreach (byte b in input.AsSpan(0, Math.Min(max, input.Length)))
        {
            if (b == '\\') sb.Append("\\\\");
            else if (b == '"') sb.Append("\\\"");
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b >= 0x20 && b < 0x7F) sb.Append((char)b);
            else sb.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
        }
        sb.Append('"');
        if (input.Length > max) sb.Append(CultureInfo.InvariantCulture, $" ... ({input.Length} bytes)");
        return sb.ToString();
    }

    /// <summary>Fails with every finding (shrunk input and exception) unless there are none.</summary>
    public static void AssertClean(Report report, string reader)
    {
        if (report.Failures.Count == 0) return;
        var sb = new StringBuilder(report.Summary(reader)).Append('\n');
        foreach (var f in report.Failures)
            sb.Append("input ").Append(Show(f.Input)).Append('\n').Append(f.What).Append("\n\n");
        throw new Xunit.Sdk.XunitException(sb.ToString());
    }

    private sealed class Watch
    {
        private readonly object _gate = new();
        private byte[]? _input;
        private long _start;

        public void Begin(byte[] input) { lock (_gate) { _input = input; _start = Stopwatch.GetTimestamp(); } }
        public void End() { lock (_gate) _input = null; }

        public bool Running(out byte[]? input, out TimeSpan elapsed)
        {
            lock (_gate)
            {
                input = _input;
                elapsed = input is null ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_start);
                return input is not null;
            }
        }
    }

    // ---------------------------------------------------------------- mutations

    private static readonly string[] Numbers =
    [
        "1e309", "-1e309", "1e999999999", "-1e999999999", "1e-999999999", "1E+400", "1e-400", "NaN", "-NaN", "Infinity",
        "-Infinity", "inf", "nan", "-0", "0", "-1", "1.5", "0.0", "2147483647", "2147483648", "-2147483649",
        "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "1e30", "1.0e3", "0x10", "1/3", "1/0", "-1/2", "1e", "1.", ".5", "--1", "+1", "1_000", "1,5", "٣",
        "340282366920938463463374607431768211456", "1e308", "1.7976931348623157e308", "4.9e-324", "1e19", "65536",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBF, 0xBE], [0x00],
    ];

    private static readonly string[] Escapes = ["\\ud800", "\\udfff", "\\ud800\\u0041", "\\udc00\\ud800", "\\u0000", "\\uZZZZ", "\\", "\\x41"];

    private static readonly byte[] Interesting = "\0\n\r\t ,;:\"'{}[]()-+.eE0912/\\#".Select(c => (byte)c).ToArray();

    private static byte[] Mutate(IReadOnlyList<byte[]> seeds, byte[][] words, ref SplitMix rng)
    {
        var data = new List<byte>(seeds[rng.Next(seeds.Count)]);
        int rounds = 1 + rng.Next(4);
        for (int r = 0; r < rounds; r++) MutateOnce(data, seeds, words, ref rng);
        return data.ToArray();
    }

    private static void MutateOnce(List<byte> d, IReadOnlyList<byte[]> seeds, byte[][] words, ref SplitMix rng)
    {
        int pos = d.Count == 0 ? 0 : rng.Next(d.Count + 1);
        switch (rng.Next(17))
        {
            case 0: // bit flips
                for (int i = 1 + rng.Next(4); i > 0 && d.Count > 0; i--) { int p = rng.Next(d.Count); d[p] ^= (byte)(1 << rng.Next(8)); }
                break;
            case 1: // insert bytes (interesting or random)
                for (int i = 1 + rng.Next(3); i > 0; i--)
                    d.Insert(Math.Min(pos, d.Count), rng.Next(2) == 0 ? Interesting[rng.Next(Interesting.Length)] : (byte)rng.Next(256));
                break;
            case 2: // delete a range
                if (d.Count > 0) { int len = Math.Min(d.Count - Math.Min(pos, d.Count - 1), 1 + rng.Next(rng.Next(2) == 0 ? 4 : 64)); d.RemoveRange(Math.Min(pos, d.Count - 1), len); }
                break;
            case 3: // truncate
                if (d.Count > 0) d.RemoveRange(Math.Min(pos, d.Count), d.Count - Math.Min(pos, d.Count));
                break;
            case 4: SpliceSeed(d, pos, seeds, ref rng); break;
            case 5: // replace a number with an interesting one
                ReplaceNumber(d, Encoding.ASCII.GetBytes(Numbers[rng.Next(Numbers.Length)]), ref rng);
                break;
            case 6: ReplaceWithLongNumber(d, ref rng); break;
            case 7: InsertDeepNesting(d, pos, ref rng); break;
            case 8: // invalid UTF-8
                d.InsertRange(pos, BadUtf8[rng.Next(BadUtf8.Length)]);
                break;
            case 9: InsertOddEscape(d, pos, ref rng); break;
            case 10: ChangeLineEndings(d, ref rng); break;
            case 11: // BOM
                d.InsertRange(rng.Next(4) == 0 ? pos : 0, rng.Next(3) switch { 0 => new byte[] { 0xEF, 0xBB, 0xBF }, 1 => new byte[] { 0xFF, 0xFE }, _ => new byte[] { 0xFE, 0xFF } });
                break;
            case 12: // duplicate, delete or swap lines
                LineEdit(d, ref rng);
                break;
            case 13: RepeatChunk(d, pos, ref rng); break;
            case 14: // format words
                if (words.Length > 0) d.InsertRange(pos, words[rng.Next(words.Length)]);
                break;
            case 15: OverwriteWithDigits(d, ref rng); break;
            default: // overwrite with random bytes
                for (int i = 1 + rng.Next(8); i > 0 && d.Count > 0; i--) d[rng.Next(d.Count)] = (byte)rng.Next(256);
                break;
        }
    }

    /// <summary>Prefix of this input + suffix of another seed, cut at a line boundary half of the time.</summary>
    private static void SpliceSeed(List<byte> d, int pos, IReadOnlyList<byte[]> seeds, ref SplitMix rng)
    {
        var other = seeds[rng.Next(seeds.Count)];
        int cut = other.Length == 0 ? 0 : rng.Next(other.Length + 1);
        if (rng.Next(2) == 0) { int nl = Array.IndexOf(other, (byte)'\n', Math.Min(cut, Math.Max(0, other.Length - 1))); if (nl >= 0) cut = nl + 1; }
        d.RemoveRange(pos, d.Count - pos);
        d.AddRange(other.AsSpan(Math.Min(cut, other.Length)).ToArray());
    }

    private static void ReplaceWithLongNumber(List<byte> d, ref SplitMix rng)
    {
        int digits = rng.Next(50) == 0 ? 300_000 : 900 + rng.Next(400);
        var big = new byte[digits];
        big.AsSpan().Fill((byte)'9');
        if (rng.Next(2) == 0 && digits > 3) big[1] = (byte)'.';
        ReplaceNumber(d, big, ref rng);
    }

    private static void InsertDeepNesting(List<byte> d, int pos, ref SplitMix rng)
    {
        int depth = rng.Next(3) switch { 0 => 60 + rng.Next(10), 1 => 1_000 + rng.Next(4_000), _ => rng.Next(20) == 0 ? 100_000 : 200 + rng.Next(800) };
        byte[] open = rng.Next(3) switch { 0 => "["u8.ToArray(), 1 => "{\"a\":"u8.ToArray(), _ => "(("u8.ToArray() };
        var ins = new List<byte>(depth * open.Length);
        for (int i = 0; i < depth; i++) ins.AddRange(open);
        d.InsertRange(pos, ins);
    }

    /// <summary>A lone surrogate or an odd escape, inside a string where there is one.</summary>
    private static void InsertOddEscape(List<byte> d, int pos, ref SplitMix rng)
    {
        int q = d.IndexOf((byte)'"', pos);
        if (q < 0) q = d.IndexOf((byte)'"');
        d.InsertRange(q < 0 ? pos : q + 1, Encoding.ASCII.GetBytes(Escapes[rng.Next(Escapes.Length)]));
    }

    /// <summary>CRLF everywhere, a lone CR, or LF removed.</summary>
    private static void ChangeLineEndings(List<byte> d, ref SplitMix rng)
    {
        int mode = rng.Next(3);
        var copy = new List<byte>(d.Count + 16);
        foreach (byte b in d)
        {
            if (b == '\n' && mode == 0) { copy.Add((byte)'\r'); copy.Add(b); }
            else if (b == '\n' && mode == 1 && rng.Next(4) == 0) copy.Add((byte)'\r');
            else copy.Add(b);
        }
        if (mode == 2) copy.Add((byte)'\r');
        d.Clear(); d.AddRange(copy);
    }

    private static void RepeatChunk(List<byte> d, int pos, ref SplitMix rng)
    {
        if (d.Count == 0) return;
        int len = 1 + rng.Next(Math.Min(d.Count - Math.Min(pos, d.Count - 1), 32));
        int at = Math.Min(pos, d.Count - len);
        var chunk = d.GetRange(at, len);
        int times = rng.Next(4) != 0 ? 2 + rng.Next(8) : 100 + rng.Next(2000);
        for (int i = 0; i < times; i++) d.InsertRange(at, chunk);
    }

    /// <summary>Random digits over digits, inserted elsewhere: changes sizes and counts.</summary>
    private static void OverwriteWithDigits(List<byte> d, ref SplitMix rng)
    {
        for (int i = 1 + rng.Next(4); i > 0 && d.Count > 0; i--)
        {
            int p = rng.Next(d.Count);
            if (d[p] >= '0' && d[p] <= '9') d[p] = (byte)('0' + rng.Next(10));
            else d.Insert(p, (byte)('0' + rng.Next(10)));
        }
    }

    private static bool IsNumberByte(byte b) => (b >= '0' && b <= '9') || b == '.' || b == 'e' || b == 'E' || b == '-' || b == '+';

    private static void ReplaceNumber(List<byte> d, byte[] replacement, ref SplitMix rng)
    {
        var starts = new List<int>();
        for (int i = 0; i < d.Count; i++)
            if (d[i] >= '0' && d[i] <= '9' && (i == 0 || !IsNumberByte(d[i - 1]))) starts.Add(i);
        if (starts.Count == 0) { d.InsertRange(d.Count == 0 ? 0 : rng.Next(d.Count), replacement); return; }
        int s = starts[rng.Next(starts.Count)], e = s;
        while (e < d.Count && IsNumberByte(d[e])) e++;
        d.RemoveRange(s, e - s);
        d.InsertRange(s, replacement);
    }

    private static void LineEdit(List<byte> d, ref SplitMix rng)
    {
        var lines = new List<List<byte>>();
        int from = 0;
        for (int i = 0; i < d.Count; i++)
            if (d[i] == '\n') { lines.Add(d.GetRange(from, i + 1 - from)); from = i + 1; }
        if (from < d.Count) lines.Add(d.GetRange(from, d.Count - from));
        if (lines.Count == 0) return;
        int k = rng.Next(lines.Count);
        switch (rng.Next(3))
        {
            case 0: lines.Insert(k, lines[k]); break;
            case 1: lines.RemoveAt(k); break;
            default: int m = rng.Next(lines.Count); (lines[k], lines[m]) = (lines[m], lines[k]); break;
        }
        d.Clear();
        foreach (var line in lines) d.AddRange(line);
    }

    /// <summary>SplitMix64: small, fast, fixed-seed stream independent of the library's RNG.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _s = seed;

        public ulong NextULong()
        {
            ulong z = _s += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int n) => n <= 1 ? 0 : (int)(NextULong() % (ulong)n);
    }
}
