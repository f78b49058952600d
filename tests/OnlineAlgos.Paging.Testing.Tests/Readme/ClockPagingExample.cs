using OnlineAlgos.Core;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Testing;
using OnlineAlgos.Paging.Testing;
using Xunit;

namespace MyResearch;

// Your algorithm: CLOCK (second chance). It implements the toolkit's online paging interface: the simulator owns
// the cache, the algorithm evicts and loads through it (and is stopped with the step if it breaks the model).
public sealed class ClockPaging : IOnlinePagingAlgorithm
{
    private int[] _slots = [];
    private bool[] _referenced = [], _cached = [];
    private int _k, _count, _hand;

    public string Name => "clock";
    public int Count => _count;
    public bool Contains(int page) => _cached[page];

    public void Reset(int capacity, int pageCount, Rng rng)
    {
        (_k, _count, _hand) = (capacity, 0, 0);
        _slots = new int[capacity];
        _referenced = new bool[pageCount];
        _cached = new bool[pageCount];
    }

    public void Serve(int page, int time, PagingCache cache)
    {
        if (_cached[page]) { _referenced[page] = true; return; }
        if (_count < _k) { _slots[_count++] = page; }
        else
        {
            while (_referenced[_slots[_hand]]) { _referenced[_slots[_hand]] = false; _hand = (_hand + 1) % _k; }
            _cached[_slots[_hand]] = false;
            cache.Evict(_slots[_hand]);
            _slots[_hand] = page;
            _hand = (_hand + 1) % _k;
        }
        _cached[page] = true;
        _referenced[page] = false;
        cache.Load(page);
    }
}

public class ClockPagingTests
{
    [Fact]
    public void ClockIsKCompetitive() =>
        CompetitiveCheck.Create(
            "clock",
            PagingGenerators.Instances(maxK: 6, maxN: 120),                  // generator (shrinks)
            inst => PagingSimulator.Run(new ClockPaging(), inst.Sequence, inst.K), // online algorithm
            inst => BeladyPaging.Faults(inst.Sequence, inst.K),                    // exact offline optimum
            inst => Guarantee.Competitive(inst.K, source: "conservative algorithms, Young 1994"),
            inst => inst.ToText())                                                 // counterexample file format
        .Verify(maxTest: 500);
}
