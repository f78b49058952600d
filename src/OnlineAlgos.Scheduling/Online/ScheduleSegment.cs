using System.Numerics;

namespace OnlineAlgos.Scheduling.Online;

/// <summary>Job <paramref name="Job"/> ran at <paramref name="Rate"/> during [Start, End).</summary>
public readonly record struct ScheduleSegment<T>(int Job, T Start, T End, T Rate) where T : struct, INumber<T>;
