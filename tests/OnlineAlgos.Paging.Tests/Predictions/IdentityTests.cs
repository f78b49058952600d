using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Paging.Testing;
using Xunit;

namespace OnlineAlgos.Paging.Tests.Predictions;

public class IdentityTests
{
    [Fact]
    public void Mark0_det_with_lru_rules_makes_the_same_evictions_as_follow_discard()
    {
        // With LRU choices, every unmarked 0-page was last requested before the last "unmark all" and every marked one
        // after it, so LRU among unmarked 0-pages is LRU among all 0-pages: MARK0-det ≡ FollowDiscard (LRU fallback).
        // Checked step by step (same cache after every request) on random and adversarial bits.
        var gen = PredictionGenerators.WithBits(PredictionSetup.Discard, 6, 120);
        var check = CompetitiveCheck.Create("mark0 = follow-discard", gen,
            inst =>
            {
                var bits = inst.Sequence.Bits.ToArray();
                var a = new Mark0DiscardPaging(bits);
                var b = new FollowDiscardPaging(bits);
                a.Reset(inst.K, inst.Sequence.PageCount, new Rng(0));
                b.Reset(inst.K, inst.Sequence.PageCount, new Rng(0));
                PagingCache ca = new(), cb = new();
                ca.Reset(inst.K, inst.Sequence.PageCount, a.Name);
                cb.Reset(inst.K, inst.Sequence.PageCount, b.Name);
                int differences = 0;
                for (int t = 0; t < inst.Sequence.Length; t++)
                {
                    ca.Serve(a, inst.Sequence[t], t);
                    cb.Serve(b, inst.Sequence[t], t);
                    for (int p = 0; p < inst.Sequence.PageCount; p++)
                        if (ca.Contains(p) != cb.Contains(p)) differences++;
                }
                return differences;
            },
            _ => 0, Guarantee.Competitive(1), inst => inst.ToText());
        check.Verify(200);
    }

    [Fact]
    public void Data_traces_parse_as_pure_ids()
    {
        if (!AcepsTraces.Present)
        {
            // Without the data: a trace line with an id only must not be mistaken for bits.
            using var r = new StringReader("88c46bf20db29583\n7a0f88982aa01506\n");
            var s = OnlineAlgos.Paging.Formats.TextTraceReader.Read(r, "inline");
            Assert.False(s.HasBits);
            Assert.Equal(2, s.PageCount);
            return;
        }
        foreach (var s in AcepsTraces.BrightKite) { Assert.False(s.HasBits); Assert.Equal(2100, s.Length); }
        foreach (var s in AcepsTraces.CitiBike) { Assert.False(s.HasBits); Assert.Equal(25_000, s.Length); }
    }
}
