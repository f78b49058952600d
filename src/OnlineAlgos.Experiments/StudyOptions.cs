using OnlineAlgos.Core;

namespace OnlineAlgos.Experiments;

/// <summary>Options every study receives.</summary>
/// <param name="Seed">Study seed; each cell derives its own stream from it.</param>
/// <param name="Quick">Small grid for CI and a first look.</param>
/// <param name="DataDirectory">The <c>shared/data</c> folder when present (real traces), else null: studies must
/// then run on generated inputs.</param>
public sealed record StudyOptions(ulong Seed, bool Quick, string? DataDirectory);
