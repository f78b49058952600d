using System.Diagnostics;
using System.Globalization;
using System.Text;
using OnlineAlgos.Core;

namespace OnlineAlgos.Paging.Tests.Formats;

/// <summary>
/// Mutation fuzzer for the paging readers (issue 12 part 5): from a fixed seed, derives inputs from valid seed files
/// by 1–4 mutations (bit flips, byte insert/delete, truncation, splices of two seeds, huge numbers, invalid UTF-8,
/// CRLF, BOM, repeated chunks, special bytes), runs a reader on each and classifies the outcome: parsed, rejected with
/// <see cref="InstanceFormatException"/>, or a failure (any other exception, or one input running longer than the
/// hang guard). The count comes from <c>ONLINEALGOS_FUZZ_ITERATIONS</c> (default 10,000). The guard is a watchdog
/// thread, so a true hang fails the test instead of blocking it; it is not a speed assertion.
/// </summary>
/// <remarks>Paging-only for now; the lead may merge it with the shared engine in tests/Shared/ReaderFuzzer.cs.</remarks>
internal static class PagingFuzzer
{
    public const string IterationsVariable = "ONLINEALGOS_FUZZ_ITERATIONS";
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(2);

    public static int Iterations()
    {
        var text = Environment.GetEnvironmentVariable(IterationsVariable);
        return text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 10_000;
    }

    public sealed record Report(int Inputs, int Parsed, int Rejected, double Seconds, double SlowestMs, byte[] Slowest, string? Failure)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture,
                $"{Inputs} inputs in {Seconds:F1} s ({Inputs / Math.Max(Seconds, 1e-9):F0}/s): {Parsed} parsed, {Rejected} rejected; slowest {SlowestMs:F1} ms ({Slowest.Length} bytes){(Failure is null ? "" : "; FAILURE: " + Failure)}");
    }

    private static readonly byte[][] Specials =
    [
        "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), " "u8.ToArray(), "\t"u8.ToArray(), "#"u8.ToArray(),
        ","u8.ToArray(), "\""u8.ToArray(), "0"u8.ToArray(), "1"u8.ToArray(), "2"u8.ToArray(), [0], [0xFF], [0xFE],
        [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0xEF, 0xBB, 0xBF], [0xE2, 0x82],
        "99999999999999999999999999999999"u8.ToArray(), "-1"u8.ToArray(), "1e309"u8.ToArray(), "NaN"u8.ToArray(),
        "obj_id"u8.ToArray(), "\u00a0"u8.ToArray(), "\ufffd"u8.ToArray(), "😀"u8.ToArray(),
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0, 0, 0, 0, 0x80],
    ];

    /// <summary>One mutated input derived from the seeds.</summary>
    public static byte[] Mutate(Rng rng, byte[][] seeds)
    {
        var data = new List<byte>(seeds[rng.NextInt(seeds.Length)]);
        int rounds = 1 + rng.NextInt(4);
        for (int r = 0; r < rounds; r++)
        {
            switch (rng.NextInt(11))
            {
                case 0 when data.Count > 0: // bit flip
                    { int i = rng.NextInt(data.Count); data[i] ^= (byte)(1 << rng.NextInt(8)); break; }
                case 1: // insert a random byte
                    data.Insert(rng.NextInt(data.Count + 1), (byte)rng.NextInt(256)); break;
                case 2 when data.Count > 0: // delete a run
                    { int i = rng.NextInt(data.Count); data.RemoveRange(i, Math.Min(data.Count - i, 1 + rng.NextInt(8))); break; }
                case 3: // truncate
                    { int cut = rng.NextInt(data.Count + 1); data.RemoveRange(cut, data.Count - cut); break; }
                case 4: // splice: a prefix of this input and a suffix of another seed
                    {
                        var other = seeds[rng.NextInt(seeds.Length)];
                        int cut = rng.NextInt(data.Count + 1), from = rng.NextInt(other.Length + 1);
                        data.RemoveRange(cut, data.Count - cut);
                        data.AddRange(other.AsSpan(from).ToArray());
                        break;
                    }
                case 5: // insert a special token (invalid UTF-8, huge number, line breaks, BOM, ...)
                    data.InsertRange(rng.NextInt(data.Count + 1), Specials[rng.NextInt(Specials.Length)]); break;
                case 6: // LF -> CRLF everywhere
                    {
                        var crlf = new List<byte>(data.Count + 16);
                        foreach (var b in data) { if (b == (byte)'\n') crlf.Add((byte)'\r'); crlf.Add(b); }
                        data = crlf;
                        break;
                    }
                case 7: // BOM in front
                    data.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF }); break;
                case 8 when data.Count > 0: // repeat a chunk
                    {
                        int i = rng.NextInt(data.Count), len = Math.Min(data.Count - i, 1 + rng.NextInt(48));
                        var chunk = data.GetRange(i, len);
                        int times = 1 + rng.NextInt(6);
                        for (int t = 0; t < times; t++) data.InsertRange(i, chunk);
                        break;
                    }
                case 9 when data.Count > 0: // overwrite with random bytes
                    {
                        int i = rng.NextInt(data.Count), len = Math.Min(data.Count - i, 1 + rng.NextInt(16));
                        for (int j = 0; j < len; j++) data[i + j] = (byte)rng.NextInt(256);
                        break;
                    }
                default: // overwrite with a special token
                    {
                        var s = Specials[rng.NextInt(Specials.Length)];
                        int i = rng.NextInt(data.Count + 1);
                        for (int j = 0; j < s.Length; j++)
                            if (i + j < data.Count) data[i + j] = s[j]; else data.Add(s[j]);
                        break;
                    }
            }
        }
        return data.ToArray();
    }

    /// <summary>
    /// Runs <paramref name="read"/> on <paramref name="inputs"/> mutated inputs. <paramref name="read"/> returns
    /// normally when the input parsed (after its own checks of the result) and throws otherwise; an
    /// <see cref="InstanceFormatException"/> counts as a rejection, anything else as a failure.
    /// </summary>
    public static Report Run(int inputs, ulong seed, byte[][] seeds, Action<byte[]> read)
    {
        int parsed = 0, rejected = 0, current = -1;
        long startTicks = 0;
        double slowest = 0;
        byte[] slowestInput = [], currentInput = [];
        string? failure = null;
        var total = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            var rng = new Rng(seed);
            for (int i = 0; i < inputs && failure is null; i++)
            {
                var input = Mutate(rng, seeds);
                Volatile.Write(ref currentInput, input);
                Volatile.Write(ref startTicks, Stopwatch.GetTimestamp());
                Volatile.Write(ref current, i);
                try
                {
                    read(input);
                    parsed++;
                }
                catch (InstanceFormatException)
                {
                    rejected++;
                }
                catch (Exception e)
                {
                    failure = $"input {i} ({Hex(input)}): {e.GetType().Name}: {e.Message}";
                }
                double ms = Stopwatch.GetElapsedTime(Volatile.Read(ref startTicks)).TotalMilliseconds;
                if (ms > slowest) { slowest = ms; slowestInput = input; }
            }
            Volatile.Write(ref current, int.MaxValue);
        }, maxStackSize: 16 << 20) { IsBackground = true };
        worker.Start();
        while (!worker.Join(50))
        {
            int at = Volatile.Read(ref current);
            if (at >= 0 && at != int.MaxValue && Stopwatch.GetElapsedTime(Volatile.Read(ref startTicks)) > HangGuard && Volatile.Read(ref current) == at)
            {
                var input = Volatile.Read(ref currentInput);
                return new Report(at, parsed, rejected, total.Elapsed.TotalSeconds, HangGuard.TotalMilliseconds, input,
                    $"input {at} ran longer than {HangGuard.TotalSeconds} s (hang?): {Hex(input)}");
            }
        }
        return new Report(failure is null ? inputs : parsed + rejected + 1, parsed, rejected, total.Elapsed.TotalSeconds, slowest, slowestInput, failure);
    }

    public static string Hex(byte[] data)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Math.Min(data.Length, 96); i++) sb.Append(data[i].ToString("x2", CultureInfo.InvariantCulture));
        if (data.Length > 96) sb.Append("…(").Append(data.Length).Append(" bytes)");
        return sb.ToString();
    }
}
