using OnlineAlgos.Core;

namespace OnlineAlgos.GradientCoding.Online;

/// <summary>
/// The model rules both simulators (<see cref="PatternSimulator"/>, <see cref="SgcReplay"/>) enforce on a scheme:
/// a worker is given only released jobs and at most the declared load; a job is reported decoded only in
/// [release, the round just completed] and only once the results returned for it hold one full job's data (spec §4.2's
/// charging argument). Violations throw <see cref="ModelViolationException"/> naming the round. O(n·tasks + J) per round.
/// </summary>
internal sealed class SchemePolice
{
    // Slack for the double sums of task sizes (sizes are exact fractions of a job, summed in double).
    private const double Slack = 1e-9;

    private readonly ISequentialGradientScheme _scheme;
    private readonly double[] _returned;
    private readonly bool[] _decoded;
    private readonly double _load;
    private readonly string _name;

    public SchemePolice(ISequentialGradientScheme scheme)
    {
        _scheme = scheme;
        _returned = new double[scheme.Jobs];
        _decoded = new bool[scheme.Jobs];
        _load = scheme.Load.ToDouble();
        _name = scheme.GetType().Name;
    }

    /// <summary>Most data any worker was given in one round so far (the measured load).</summary>
    public double MaxWork { get; private set; }

    /// <summary>After <c>PlanRound(r)</c>: checks the tasks and credits the data of workers not in
    /// <paramref name="stragglers"/> (the straggler set the scheme is about to be told).</summary>
    public void CheckTasks(int r, ReadOnlySpan<bool> stragglers)
    {
        for (int i = 0; i < _scheme.Workers; i++)
        {
            double work = 0;
            foreach (var t in _scheme.Tasks(i))
            {
                work += t.Size;
                if (t.Job < 0 || t.Job > r)
                    throw new ModelViolationException(_name, r, $"worker {i} was given job {t.Job}, which is not released by round {r}");
                if (!stragglers[i] && t.Job < _scheme.Jobs) _returned[t.Job] += t.Size;
            }
            MaxWork = Math.Max(MaxWork, work);
            if (work > _load + Slack)
                throw new ModelViolationException(_name, r, $"worker {i} was given {work:R} of data, above the declared load {_load:R}");
        }
    }

    /// <summary>After <c>CompleteRound</c> of round r: newly decoded jobs must be in [release, r] with a full job's data
    /// returned, and no unreleased job may be decoded.</summary>
    public void CheckDecodes(int r)
    {
        int last = Math.Min(r, _scheme.Jobs - 1);
        for (int j = 0; j <= last; j++)
        {
            if (_decoded[j]) continue;
            int d = _scheme.DecodedRound(j);
            if (d < 0) continue;
            if (d < j || d > r)
                throw new ModelViolationException(_name, r, $"job {j} reported decoded in round {d}, outside [{j}, {r}]");
            if (_returned[j] < 1 - Slack)
                throw new ModelViolationException(_name, r, $"job {j} reported decoded with only {_returned[j]:R} of its data returned");
            _decoded[j] = true;
        }
        for (int j = last + 1; j < _scheme.Jobs; j++)
            if (_scheme.DecodedRound(j) >= 0)
                throw new ModelViolationException(_name, r, $"job {j} reported decoded before its release round {j}");
    }
}
