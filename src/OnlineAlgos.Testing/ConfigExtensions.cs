using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace OnlineAlgos.Testing;

/// <summary>Helpers around FsCheck's configuration.</summary>
public static class ConfigExtensions
{
    /// <summary>Replays a reported (seed, gamma) pair.</summary>
    public static Config WithReplay(this Config config, ulong seed, ulong gamma) =>
        config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, gamma), FSharpOption<int>.None)));

    /// <summary>
    /// Parses FsCheck's printed replay text, e.g. <c>(12345,6789)</c> or <c>12345,6789</c>. Returns false with a reason
    /// instead of throwing, because a malformed seed inside a test host would kill the run.
    /// </summary>
    public static bool TryParseReplay(string text, out (ulong Seed, ulong Gamma) replay, out string error)
    {
        replay = default;
        var t = (text ?? "").Trim().TrimStart('(').TrimEnd(')');
        var parts = t.Split(',');
        if (parts.Length < 2
            || !ulong.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s)
            || !ulong.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong g))
        {
            error = $"expected a replay seed like (12345,6789), got '{text}'";
            return false;
        }
        if ((g & 1) == 0)
        {
            error = $"the gamma of a replay seed is odd; '{text}' was probably mistyped";
            return false;
        }
        replay = (s, g);
        error = "";
        return true;
    }
}
