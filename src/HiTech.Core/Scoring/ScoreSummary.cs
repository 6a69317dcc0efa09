namespace HiTech.Core.Scoring;

/// <summary>
/// The headline of one scoring: the index (0-100, one decimal), the tier (0 is the highest), the gates that
/// failed and the activities found high-value-added, as bit sets so that producing it allocates nothing.
/// </summary>
public readonly record struct ScoreSummary(double Index, int Tier, ulong GatesFailed, ulong HvaActivities, int PrimaryActivity);
