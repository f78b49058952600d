using OnlineAlgos.Core;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;

namespace OnlineAlgos.Paging.Analysis;

/// <summary>The exact competitive ratio of a deterministic paging algorithm on N pages and its witness.</summary>
/// <param name="Algorithm">Registry name.</param>
/// <param name="K">Cache size.</param>
/// <param name="Pages">Number of pages N the adversary may request.</param>
/// <param name="Unbounded">Whether a reachable cycle costs the algorithm faults while OPT pays nothing (no finite ratio).</param>
/// <param name="Ratio">The exact ratio (the least c with ALG ≤ c·OPT + b on every sequence over N pages); meaningless when unbounded.</param>
/// <param name="Prefix">Witness prefix: requests (pages 0..N−1) from the cold start to the worst cycle.</param>
/// <param name="Cycle">The worst cycle's requests; the witness is the prefix plus <paramref name="Repetitions"/> copies.</param>
/// <param name="Repetitions">Copies of the cycle in the witness.</param>
/// <param name="Witness">The witness sequence (page ids 1..N; with prediction bits when the algorithm reads them).</param>
/// <param name="AlgorithmCost">The witness's cost for the real algorithm class (<see cref="PagingSimulator"/>).</param>
/// <param name="OptimumCost">The witness's optimum (<see cref="BeladyPaging"/>).</param>
/// <param name="States">Reachable states of the game graph (algorithm state × normalised work function).</param>
/// <param name="Edges">Edges of the game graph (states × requests).</param>
/// <param name="Iterations">Ratio-improvement iterations (positive-cycle searches).</param>
public sealed record ExactRatioResult(
    string Algorithm, int K, int Pages, bool Unbounded, Rational Ratio,
    int[] Prefix, int[] Cycle, int Repetitions, RequestSequence Witness, long AlgorithmCost, long OptimumCost,
    int States, long Edges, int Iterations)
{
    /// <summary>The ratio as the CLI prints it: an integer, <c>p/q</c>, or <c>unbounded</c>.</summary>
    public string RatioText => Unbounded ? "unbounded" : Ratio.ToString();
}

/// <summary>
/// Exact competitive ratios of deterministic paging algorithms on a small universe (issue #15 item 1). The adversary
/// game is a finite graph: a state is (the algorithm's state from <see cref="PagingStateModel"/>, OPT's normalised
/// work function from <see cref="PagingWorkFunction"/>), explored breadth-first from the cold start; each request
/// (page, and the prediction bit for bit-reading algorithms: the adversary chooses the bits too, which measures
/// robustness) is an edge carrying (ALG's fault 0/1, OPT's cost increment 0/1). Along any path Σ OPT increments is
/// exactly Belady's cost of the requests, so the competitive ratio (least c with ALG ≤ c·OPT + b for every sequence)
/// is the maximum of ΣALG/ΣOPT over the cycles reachable from the start.
/// <para>Method: (1) a cycle with ALG cost &gt; 0 and OPT cost 0 (an edge with ALG = 1 inside a strongly connected
/// component of the OPT-free edges) means <i>unbounded</i>; (2) otherwise a Dinkelbach / Newton iteration over exact
/// rationals: with the current c = p/q (start 0), look for a cycle of positive weight q·ALG − p·OPT (integer
/// Bellman–Ford longest paths from a virtual source, a cycle in the parent graph being a positive cycle); if one
/// exists its ratio is strictly larger and becomes the new c; if none exists, c is the maximum, attained by the last
/// cycle found. Every step is exact (integers), so the result is exact.</para>
/// <para>Witness: the shortest (BFS) prefix to the cycle plus the cycle repeated until the finite sequence's ALG/OPT is
/// within 2 % of the ratio (for unbounded: until ALG ≥ <see cref="UnboundedWitnessRatio"/>·OPT). The witness is then
/// replayed through the real class of the registry and Belady; a disagreement with the graph's costs throws (the
/// model is thereby cross-checked on every call).</para>
/// <para>Size: states ≤ |algorithm states| × |work functions|; with N = k + 1 the work function has M = 2^N − 1
/// configurations; measured sizes are in the repository README. Time O(S·N·M·k) to build (S states), O(S·N) per
/// Bellman–Ford pass, at most S passes per iteration, a handful of iterations in practice. Guard:
/// <see cref="DefaultMaxStates"/> states (exceeded → <see cref="InvalidOperationException"/> with the numbers).</para>
/// Pure: no clock, no I/O; progress is reported through a callback only.
/// </summary>
public static class ExactCompetitiveRatio
{
    /// <summary>Default bound on the number of game states explored.</summary>
    public const int DefaultMaxStates = 3_000_000;

    /// <summary>Largest cache size accepted (the graph grows roughly like (k+1)!·k^(2^(k+1)) in the worst case).</summary>
    public const int MaxK = 7;

    /// <summary>Largest page universe accepted (work functions have up to 2^N entries).</summary>
    public const int MaxPages = 12;

    /// <summary>For an unbounded ratio the witness repeats the cycle until ALG ≥ this many times OPT.</summary>
    public const int UnboundedWitnessRatio = 100;

    /// <summary>The witness of a finite ratio is within this relative distance of the ratio (2 %).</summary>
    public const double WitnessTolerance = 0.02;

    /// <summary>Whether the named algorithm has a finite deterministic model (see <see cref="PagingStateModel"/>).</summary>
    public static bool IsSupported(string name) => PagingStateModel.TryCreate(name) is not null;

    /// <summary>Computes the exact competitive ratio of <paramref name="algorithm"/> with cache size k on
    /// <paramref name="pages"/> pages (default k + 1).</summary>
    /// <param name="algorithm">Registry name; see <see cref="PagingStateModel.SupportedNames"/>.</param>
    /// <param name="k">Cache size, 1..<see cref="MaxK"/>.</param>
    /// <param name="pages">Universe size N, k+1..<see cref="MaxPages"/> (default k + 1).</param>
    /// <param name="progress">Called with the number of states explored so far, every 10,000 states and at the end.</param>
    /// <param name="maxStates">Guard on the number of states.</param>
    /// <exception cref="ArgumentException">Unsupported algorithm (message names the supported ones).</exception>
    /// <exception cref="ArgumentOutOfRangeException">k or N out of range.</exception>
    /// <exception cref="InvalidOperationException">More than <paramref name="maxStates"/> states.</exception>
    public static ExactRatioResult Compute(string algorithm, int k, int? pages = null, Action<int>? progress = null, int maxStates = DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var model = PagingStateModel.TryCreate(algorithm)
            ?? throw new ArgumentException($"no exact model for paging algorithm '{algorithm}'; supported: {string.Join(", ", PagingStateModel.SupportedNames)}"
                + " (randomized algorithms: exact expected cost on a sequence; combiners and next-arrival algorithms have unbounded state)", nameof(algorithm));
        if (k < 1 || k > MaxK) throw new ArgumentOutOfRangeException(nameof(k), k, $"exact ratios need 1 <= k <= {MaxK} (the game graph explodes beyond)");
        int n = pages ?? k + 1;
        if (n <= k || n > MaxPages)
            throw new ArgumentOutOfRangeException(nameof(pages), n, $"exact ratios need k < pages <= {MaxPages} (with pages <= k every algorithm faults only on first requests)");
        var g = Graph.Build(model, k, n, progress, maxStates);

        int[]? cycle = g.UnboundedCycle();
        bool unbounded = cycle is not null;
        int iterations = 0;
        Rational ratio = Rational.Zero;
        if (cycle is null)
        {
            long p = 0, q = 1;
            while (true)
            {
                iterations++;
                var found = g.PositiveCycle(p, q);
                if (found is null) break;
                var (a, b) = g.Sum(found);
                if (b == 0 || a * q - p * b <= 0) throw new InvalidOperationException("internal error: the positive-cycle search returned a cycle that does not improve the ratio");
                long d = (long)System.Numerics.BigInteger.GreatestCommonDivisor(a, b);
                (p, q) = (a / d, b / d);
                cycle = found;
            }
            if (cycle is null) throw new InvalidOperationException($"{algorithm}: no cycle with positive cost (k = {k}, pages = {n})");
            ratio = new Rational(p, q);
        }
        return Witness(g, model, algorithm, k, n, cycle, unbounded, ratio, iterations);
    }

    private static ExactRatioResult Witness(Graph g, PagingStateModel model, string algorithm, int k, int n, int[] cycle, bool unbounded, Rational ratio, int iterations)
    {
        // Rotate the cycle to start at its state closest to the start (BFS ids grow with depth).
        int best = 0;
        for (int i = 1; i < cycle.Length; i++)
            if (g.From(cycle[i]) < g.From(cycle[best])) best = i;
        var rotated = new int[cycle.Length];
        for (int i = 0; i < cycle.Length; i++) rotated[i] = cycle[(best + i) % cycle.Length];
        var prefix = g.PathTo(g.From(rotated[0]));
        var (pa, pb) = g.Sum(prefix);
        var (ca, cb) = g.Sum(rotated);
        long p = (long)ratio.Numerator, q = (long)ratio.Denominator;
        int reps = 1;
        while (true)
        {
            long a = pa + reps * ca, b = pb + reps * cb;
            bool ok = unbounded ? a >= (long)UnboundedWitnessRatio * b
                : b > 0 && Math.Abs(a * q - p * b) * (1 / WitnessTolerance) <= p * b;
            if (ok) break;
            if (++reps > 10_000_000) throw new InvalidOperationException("internal error: the witness does not approach the ratio");
        }
        int len = prefix.Length + reps * rotated.Length;
        var pagesSeq = new int[len];
        var bits = model.UsesBits ? new byte[len] : null;
        int t = 0;
        foreach (int e in prefix) Put(e);
        for (int r = 0; r < reps; r++) foreach (int e in rotated) Put(e);
        var seq = RequestSequence.FromPages(pagesSeq, bits);
        long alg = PagingSimulator.Run(PagingAlgorithms.Create(algorithm, new PagingAlgorithmOptions(bits)), seq, k);
        long opt = BeladyPaging.Faults(seq, k);
        long ea = pa + reps * ca, eb = pb + reps * cb;
        if (alg != ea || opt != eb)
            throw new InvalidOperationException($"internal error: the model of {algorithm} disagrees with the real class on the witness (graph ALG {ea}, OPT {eb}; simulator ALG {alg}, Belady {opt})");
        return new ExactRatioResult(algorithm, k, n, unbounded, ratio, Array.ConvertAll(prefix, g.Page), Array.ConvertAll(rotated, g.Page), reps, seq,
            alg, opt, g.StateCount, g.EdgeCount, iterations);

        void Put(int e)
        {
            pagesSeq[t] = g.Page(e) + 1;
            if (bits is not null) bits[t] = (byte)g.Bit(e);
            t++;
        }
    }

    /// <summary>The game graph in compressed rows; states numbered in BFS order from the start (state 0).</summary>
    private sealed class Graph
    {
        private int[] _rowStart = [];
        private int[] _to = [];
        private byte[] _alg = [], _opt = [], _symbol = [];
        private int[] _from = [];
        private int[] _bfsParentEdge = [];
        private int _n;

        public int StateCount => _n;
        public long EdgeCount => _to.Length;
        public int From(int e) => _from[e];
        public int Page(int e) => _symbol[e] >> 1;
        public int Bit(int e) => _symbol[e] & 1;

        public static Graph Build(PagingStateModel model, int k, int pages, Action<int>? progress, int maxStates)
        {
            var builder = new Builder(model, k, pages, maxStates);
            builder.Explore(progress);
            return builder.ToGraph();
        }

        // Breadth-first exploration of the game from the cold start: states are interned by (algorithm state, work
        // function) and each state's edges are appended in (page, bit) order, so rows are contiguous.
        private sealed class Builder
        {
            private readonly PagingStateModel _model;
            private readonly PagingWorkFunction _wf;
            private readonly int _k, _pages, _maxStates, _bitsPerPage;
            private readonly Dictionary<byte[], int> _ids = new(ByteArrayComparer.Instance);
            private readonly List<byte[]> _algStates = new(), _wfStates = new();
            private readonly List<int> _rowStart = new(), _to = new(), _parent = new();
            private readonly List<byte> _alg = new(), _opt = new(), _sym = new();

            public Builder(PagingStateModel model, int k, int pages, int maxStates)
            {
                _model = model;
                _wf = new PagingWorkFunction(pages, k);
                _k = k;
                _pages = pages;
                _maxStates = maxStates;
                _bitsPerPage = model.UsesBits ? 2 : 1;
            }

            public void Explore(Action<int>? progress)
            {
                Id(_model.Start(), _wf.Start(), -1);
                for (int s = 0; s < _algStates.Count; s++)
                {
                    _rowStart.Add(_to.Count);
                    if (progress is not null && s % 10_000 == 0 && s > 0) progress(s);
                    AddEdges(s);
                }
                _rowStart.Add(_to.Count);
                progress?.Invoke(_algStates.Count);
            }

            // State s's edges: one per page (and prediction bit) with ALG's fault and OPT's cost increment.
            private void AddEdges(int s)
            {
                for (int p = 0; p < _pages; p++)
                {
                    var w2 = _wf.Step(_wfStates[s], p, out int inc);
                    for (int b = 0; b < _bitsPerPage; b++)
                    {
                        var a2 = _model.Step(_algStates[s], p, b, _k, out bool fault);
                        int e = _to.Count;
                        int target = Id(a2, w2, e);
                        _to.Add(target);
                        _alg.Add(fault ? (byte)1 : (byte)0);
                        _opt.Add((byte)inc);
                        _sym.Add((byte)(p << 1 | b));
                    }
                }
            }

            // The id of state (a, w), numbering it (with its BFS parent edge) when new; throws past maxStates.
            private int Id(byte[] a, byte[] w, int parentEdge)
            {
                var key = new byte[a.Length + 1 + w.Length];
                a.CopyTo(key, 0);
                key[a.Length] = 0xFE;
                w.CopyTo(key, a.Length + 1);
                if (_ids.TryGetValue(key, out int id)) return id;
                id = _ids.Count;
                if (id >= _maxStates)
                    throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"the game graph of {_model.Name} at k = {_k}, pages = {_pages} exceeds {_maxStates:N0} states: use a smaller k or fewer pages"));
                _ids.Add(key, id);
                _algStates.Add(a);
                _wfStates.Add(w);
                _parent.Add(parentEdge);
                return id;
            }

            public Graph ToGraph()
            {
                var g = new Graph
                {
                    _n = _algStates.Count, _rowStart = _rowStart.ToArray(), _to = _to.ToArray(), _alg = _alg.ToArray(), _opt = _opt.ToArray(),
                    _symbol = _sym.ToArray(), _bfsParentEdge = _parent.ToArray(),
                };
                g._from = new int[g._to.Length];
                for (int s = 0; s < g._n; s++)
                    for (int e = g._rowStart[s]; e < g._rowStart[s + 1]; e++) g._from[e] = s;
                return g;
            }
        }

        public (long Alg, long Opt) Sum(int[] edges)
        {
            long a = 0, b = 0;
            foreach (int e in edges) { a += _alg[e]; b += _opt[e]; }
            return (a, b);
        }

        /// <summary>Edges of the BFS-tree path from the start to state s.</summary>
        public int[] PathTo(int s)
        {
            var path = new List<int>();
            while (_bfsParentEdge[s] >= 0) { int e = _bfsParentEdge[s]; path.Add(e); s = _from[e]; }
            path.Reverse();
            return path.ToArray();
        }

        /// <summary>A cycle of OPT-free edges containing an ALG fault, or null (Tarjan SCCs of the OPT-free subgraph).</summary>
        public int[]? UnboundedCycle()
        {
            var comp = Sccs(e => _opt[e] == 0);
            for (int e = 0; e < _to.Length; e++)
            {
                if (_opt[e] != 0 || _alg[e] == 0 || comp[_from[e]] != comp[_to[e]]) continue;
                // BFS back from to[e] to from[e] inside the component over OPT-free edges.
                int src = _to[e], dst = _from[e], c = comp[src];
                var via = new Dictionary<int, int> { [src] = -1 };
                var queue = new Queue<int>();
                queue.Enqueue(src);
                while (queue.Count > 0 && !via.ContainsKey(dst))
                {
                    int u = queue.Dequeue();
                    for (int f = _rowStart[u]; f < _rowStart[u + 1]; f++)
                    {
                        int v = _to[f];
                        if (_opt[f] != 0 || comp[v] != c || via.ContainsKey(v)) continue;
                        via[v] = f;
                        queue.Enqueue(v);
                    }
                }
                var path = new List<int>();
                for (int v = dst; via[v] >= 0; v = _from[via[v]]) path.Add(via[v]);
                path.Reverse();
                path.Insert(0, e);
                return path.ToArray();
            }
            return null;
        }

        private int[] Sccs(Func<int, bool> keep)
        {
            // Iterative Tarjan.
            var index = new int[_n];
            var low = new int[_n];
            var comp = new int[_n];
            var onStack = new bool[_n];
            Array.Fill(index, -1);
            var stack = new Stack<int>();
            var call = new Stack<(int V, int E)>();
            int counter = 0, comps = 0;
            for (int root = 0; root < _n; root++)
            {
                if (index[root] >= 0) continue;
                call.Push((root, _rowStart[root]));
                index[root] = low[root] = counter++;
                stack.Push(root);
                onStack[root] = true;
                while (call.Count > 0)
                {
                    var (v, e) = call.Pop();
                    bool descended = false;
                    for (; e < _rowStart[v + 1]; e++)
                    {
                        if (!keep(e)) continue;
                        int w = _to[e];
                        if (index[w] < 0)
                        {
                            call.Push((v, e + 1));
                            index[w] = low[w] = counter++;
                            stack.Push(w);
                            onStack[w] = true;
                            call.Push((w, _rowStart[w]));
                            descended = true;
                            break;
                        }
                        if (onStack[w] && index[w] < low[v]) low[v] = index[w];
                    }
                    if (descended) continue;
                    if (low[v] == index[v])
                    {
                        int w;
                        do { w = stack.Pop(); onStack[w] = false; comp[w] = comps; } while (w != v);
                        comps++;
                    }
                    if (call.Count > 0)
                    {
                        int u = call.Peek().V;
                        if (low[v] < low[u]) low[u] = low[v];
                    }
                }
            }
            return comp;
        }

        /// <summary>A cycle with Σ (q·ALG − p·OPT) &gt; 0, or null: Bellman–Ford longest paths from a virtual source
        /// (all distances 0), checking the parent graph for a cycle after every pass.</summary>
        public int[]? PositiveCycle(long p, long q)
        {
            var dist = new long[_n];
            var parent = new int[_n];
            Array.Fill(parent, -1);
            var mark = new int[_n];
            for (int pass = 1; pass <= 3 * _n + 3; pass++)
            {
                bool changed = false;
                for (int u = 0; u < _n; u++)
                {
                    long du = dist[u];
                    for (int e = _rowStart[u]; e < _rowStart[u + 1]; e++)
                    {
                        long nd = du + q * _alg[e] - p * _opt[e];
                        int v = _to[e];
                        if (nd > dist[v]) { dist[v] = nd; parent[v] = e; changed = true; }
                    }
                }
                if (!changed) return null;
                var cycle = ParentCycle(parent, mark, pass);
                if (cycle is not null) return cycle;
            }
            throw new InvalidOperationException("internal error: Bellman–Ford kept relaxing without a parent cycle");
        }

        private int[]? ParentCycle(int[] parent, int[] mark, int pass)
        {
            // mark[v] = pass·(n+1) + walk id + 1 while walking in this pass; a repeat within one walk closes a cycle.
            Array.Clear(mark);
            for (int s = 0; s < _n; s++)
            {
                if (mark[s] != 0) continue;
                int v = s, walk = s + 1;
                while (v >= 0 && mark[v] == 0)
                {
                    mark[v] = walk;
                    v = parent[v] >= 0 ? _from[parent[v]] : -1;
                }
                if (v >= 0 && mark[v] == walk)
                {
                    var cycle = new List<int>();
                    int u = v;
                    do { int e = parent[u]; cycle.Add(e); u = _from[e]; } while (u != v);
                    cycle.Reverse();
                    return cycle.ToArray();
                }
            }
            _ = pass;
            return null;
        }
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj)
        {
            var h = new HashCode();
            h.AddBytes(obj);
            return h.ToHashCode();
        }
    }
}
