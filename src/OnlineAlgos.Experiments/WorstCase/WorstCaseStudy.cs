using System.Globalization;
using OnlineAlgos.Core;
using OnlineAlgos.Matching.Model;
using OnlineAlgos.Matching.Online;
using OnlineAlgos.Matching.Testing;
using OnlineAlgos.MoeBalancing.Testing;
using OnlineAlgos.Paging.Analysis;
using OnlineAlgos.Paging.Model;
using OnlineAlgos.Paging.Offline;
using OnlineAlgos.Paging.Online;
using OnlineAlgos.Paging.Testing;
using OnlineAlgos.Scheduling.Model;
using OnlineAlgos.Scheduling.Offline;
using OnlineAlgos.Scheduling.Online;
using OnlineAlgos.Scheduling.Testing;
using OnlineAlgos.Testing.Search;

namespace OnlineAlgos.Experiments.WorstCase;

/// <summary>One (family, algorithm, setting) the worst-case study searches, with the known bound and its source.</summary>
/// <param name="Id">Cell id, e.g. <c>paging/lru/k3</c>; also the witness file's stem under <c>instances/worst-case/</c>.</param>
/// <param name="Family">paging, matching, scheduling or moe.</param>
/// <param name="Algorithm">Registry name.</param>
/// <param name="Setting">What is searched (k, benchmark, instance class).</param>
/// <param name="Bound">The known bound as text (a number, or "unbounded").</param>
/// <param name="BoundValue">The bound as a number (+∞ for unbounded; NaN when none is known).</param>
/// <param name="Source">Where the bound comes from.</param>
/// <param name="Extension">The witness file's extension (its family format).</param>
public sealed record WorstCaseTarget(string Id, string Family, string Algorithm, string Setting, string Bound, double BoundValue,
    string Source, string Extension);

/// <summary>
/// Study <c>worst-case</c>: per family, the worst ratio ALG/OPT the adversarial search
/// (<see cref="AdversarialSearch{TInstance}"/> over the kits' moves) finds for each algorithm, next to the known bound
/// and its source (ratios of maximisation problems are minimised). A search proves nothing: its ratio is a lower
/// bound on the worst case over the instances the moves reach (sizes are small: paging k = 3 and ≤ 200 requests,
/// matching ≤ 6 offline nodes and 8 steps, scheduling ≤ 8 jobs, MoE ≤ 8 tokens and 5 experts). The witnesses of one
/// full run are saved under <c>instances/worst-case/</c> and regression-tested (they replay to the same ratio through
/// <see cref="Ratio"/>). Quick mode: small budgets (the whole study well under 15 s).
/// </summary>
public sealed class WorstCaseStudy : IStudy
{
    /// <inheritdoc/>
    public string Name => "worst-case";
    /// <inheritdoc/>
    public string Description => "adversarial search: worst ALG/OPT found per family and algorithm vs the known bound";
    /// <inheritdoc/>
    public IReadOnlyList<string> RecordColumns { get; } = ["ratio", "evaluations", "witness_size", "exact_ratio"];

    private const string St = "Sleator-Tarjan 1985";

    /// <summary>The searched targets, in table order.</summary>
    public static IReadOnlyList<WorstCaseTarget> Targets { get; } =
    [
        new("paging-lru-k3", "paging", "lru", "k = 3", "3", 3, St, "txt"),
        new("paging-fifo-k3", "paging", "fifo", "k = 3", "3", 3, St, "txt"),
        new("paging-fwf-k3", "paging", "fwf", "k = 3", "3", 3, "Karlin et al. 1988", "txt"),
        new("paging-marker-k3", "paging", "marker", "k = 3", "3", 3, "Fiat et al. 1991", "txt"),
        new("paging-mru-k3", "paging", "mru", "k = 3", "unbounded", double.PositiveInfinity, "registry (classical baseline)", "txt"),
        new("paging-lifo-k3", "paging", "lifo", "k = 3", "unbounded", double.PositiveInfinity, "registry (classical baseline)", "txt"),
        new("paging-mark0-k3", "paging", "mark0", "k = 3, adversarial bits", "unbounded", double.PositiveInfinity, "registry: not robust alone (ALG <= OPT + (k-1)eta0 + eta1)", "txt"),
        new("matching-pivotal-online", "matching", "pivotal", "vs OPT_on", "0.678", 0.678, "Braverman et al. SODA 2025 (exact variant; our template reconstructed)", "json"),
        new("matching-pivotal-lp", "matching", "pivotal", "vs LP", "0.678", 0.678, "Braverman et al. SODA 2025 (LP-relative analysis)", "json"),
        new("matching-independent-online", "matching", "independent-proposals", "vs OPT_on", "0.632", 1 - 1 / Math.E, "PPSW EC 2021 (1 - 1/e)", "json"),
        new("matching-greedy-online", "matching", "greedy", "vs OPT_on", "unbounded", 0, "spec F6 (ratio 1/W)", "json"),
        new("scheduling-opsrpt-uniform", "scheduling", "opsrpt", "uniform tests, t = 1", "2", 2, "Lindermayr et al. 2026 (proved)", "json"),
        new("scheduling-opsrpt-general", "scheduling", "opsrpt", "general", "unbounded", double.PositiveInfinity, "spec L2 (sqrt(m)/2)", "json"),
        new("scheduling-rr-general", "scheduling", "rr", "general", "unbounded", double.PositiveInfinity, "Motwani-Phillips-Torng 1994 (Omega(n^{1/3}))", "json"),
        new("scheduling-fifo-general", "scheduling", "fifo", "general", "unbounded", double.PositiveInfinity, "folklore (one long job first)", "json"),
        new("moe-alf-lb", "moe", "alf-lb", "min dual over 25 steps vs balanced OPT", "1", 1, "weak duality, spec T1 (dual >= OPT)", "csv"),
    ];

    /// <inheritdoc/>
    public SweepGrid Grid(StudyOptions options) => new SweepGrid(1).Axis("target", Targets.Select(t => t.Id).ToArray());

    /// <inheritdoc/>
    public IReadOnlyList<string> InputFiles(StudyOptions options) => [];

    /// <summary>The search budget of a target (quick: a few hundred evaluations).</summary>
    public static int Budget(WorstCaseTarget target, bool quick) => target.Family switch
    {
        "matching" => quick ? 120 : 3000,
        "moe" => quick ? 150 : 2000,
        _ => quick ? 400 : 5000,
    };

    /// <summary>Runs the search of one target; returns the shrunk witness (in its family's file format), its ratio
    /// and the evaluations spent.</summary>
    public static (string Witness, double Ratio, int Evaluations) Search(WorstCaseTarget target, int budget, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(target);
        var options = new SearchOptions(budget, seed);
        switch (target.Family)
        {
            case "paging":
            {
                var (r, ratio) = PagingScore(target).Search(PagingMoves.Create(k: 3, maxLength: 200, bits: target.Algorithm == "mark0"), options);
                return (r.Best.ToText(), ratio, r.Evaluations);
            }
            case "matching":
            {
                var (r, ratio) = MatchingScore(target).Search(MatchingMoves.Create(), options);
                return (r.Best.ToText(), ratio, r.Evaluations);
            }
            case "scheduling":
            {
                var moves = target.Setting.StartsWith("uniform", StringComparison.Ordinal) ? SchedulingMoves.UniformTests(Rational.One) : SchedulingMoves.General();
                var (r, ratio) = SchedulingScore(target).Search(moves, options);
                return (r.Best.ToText(), ratio, r.Evaluations);
            }
            default:
            {
                var (r, ratio) = MoeScore(target).Search(MoeMoves.Create(), options);
                return (r.Best.ToText(), ratio, r.Evaluations);
            }
        }
    }

    /// <summary>The ratio of a saved witness (text in the family's format), computed as the search computed it.</summary>
    /// <exception cref="InstanceFormatException">The text is not an instance of the target's family.</exception>
    public static double Ratio(WorstCaseTarget target, string witness, string source)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Family switch
        {
            "paging" => PagingScore(target).RatioOf(PagingInstance.Parse(witness, source)),
            "matching" => MatchingScore(target).RatioOf(MatchingInstance.Parse(witness, source)),
            "scheduling" => SchedulingScore(target).RatioOf(SchedulingInstance<Rational>.Parse(witness, source)),
            _ => MoeScore(target).RatioOf(MoeInstance.Parse(witness, source)),
        };
    }

    private static RatioScore<PagingInstance> PagingScore(WorstCaseTarget t) => new(i =>
        (PagingAlgorithms.Faults(t.Algorithm, i.Sequence, i.K, new PagingAlgorithmOptions(i.Sequence.HasBits ? i.Sequence.Bits.ToArray() : null)),
            BeladyPaging.Faults(i.Sequence, i.K)), Objective.Minimize);

    private static RatioScore<MatchingInstance> MatchingScore(WorstCaseTarget t) => MatchingChecks.WorstRatioScore(t.Algorithm,
        t.Setting.Contains("LP", StringComparison.Ordinal) ? MatchingBenchmark.Lp : MatchingBenchmark.OnlineOptimum);

    private static RatioScore<SchedulingInstance<Rational>> SchedulingScore(WorstCaseTarget t) => SchedulingChecks.WorstRatioScore(t.Algorithm);

    private static RatioScore<MoeInstance> MoeScore(WorstCaseTarget t) => MoeChecks.WorstRatioScore(t.Algorithm, 25);

    /// <inheritdoc/>
    public IReadOnlyList<string> RunCell(SweepCell cell, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        var target = Targets.First(t => t.Id == cell["target"]);
        var (witness, ratio, evaluations) = Search(target, Budget(target, options.Quick), Rng.DeriveSeed(options.Seed, target.Id, 0));
        return [StudyRunner.Num(ratio), StudyRunner.Num(evaluations), StudyRunner.Num(witness.Length), ExactRatio(target)];
    }

    /// <summary>The exact competitive ratio on k + 1 pages (<see cref="ExactCompetitiveRatio"/>) for a paging target
    /// whose algorithm has a finite state model, as text (integer, p/q or unbounded); empty otherwise. About 0.1 s.</summary>
    public static string ExactRatio(WorstCaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Family != "paging" || !ExactCompetitiveRatio.IsSupported(target.Algorithm)) return "";
        return ExactCompetitiveRatio.Compute(target.Algorithm, 3).RatioText;
    }

    /// <inheritdoc/>
    public StudyOutput Summarize(IReadOnlyList<CellResult> results, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        var grid = Grid(options).Cells();
        var columns = new CellColumns(RecordColumns);
        var tables = new List<NamedTable>();
        foreach (var family in new[] { "paging", "matching", "scheduling", "moe" })
        {
            bool max = family is "matching" or "moe";
            bool paging = family == "paging";
            var cols = new List<TableColumn>
            {
                new("algorithm"), new("setting"), new("ratio_found", ColumnKind.Real, 4, "ratio found"), new("evaluations", ColumnKind.Integer),
            };
            if (paging) cols.Add(new TableColumn("exact_ratio", Header: "exact ratio (k + 1 pages)"));
            cols.AddRange([new TableColumn("known_bound", Header: "known bound"), new TableColumn("consistent"), new TableColumn("source")]);
            var table = new Table($"Worst case found by adversarial search: {family} ({(max ? "least" : "largest")} ALG/OPT) vs the known bound", cols)
            {
                Legend = "ratio found = ALG/OPT of the shrunk best instance (a lower bound on the worst case" + (max ? ", here an upper bound on the least ratio" : "")
                    + "); evaluations = score evaluations of the search and of the final shrink"
                    + (paging ? "; exact ratio = the competitive ratio computed exactly on the game graph over k + 1 pages" : "")
                    + "; consistent = the search did not beat the bound (it must not, for a proved bound)",
            };
            foreach (var r in results)
            {
                var target = Targets.First(t => t.Id == grid[r.Index]["target"]);
                if (target.Family != family) continue;
                double ratio = StudyRunner.ParseNum(r.Values[columns["ratio"]]);
                long evaluations = (long)StudyRunner.ParseNum(r.Values[columns["evaluations"]]);
                bool consistent = double.IsNaN(target.BoundValue) || (max ? ratio >= target.BoundValue - 1e-9 : ratio <= target.BoundValue + 1e-9);
                var row = new List<object?> { target.Algorithm, target.Setting, ratio, evaluations };
                if (paging) row.Add(r.Values[columns["exact_ratio"]]);
                row.AddRange([target.Bound, consistent ? "yes" : "NO", target.Source]);
                table.AddRow(row.ToArray());
            }
            tables.Add(new NamedTable("worst-case-" + family, table));
        }
        return new StudyOutput(tables, []);
    }
}
