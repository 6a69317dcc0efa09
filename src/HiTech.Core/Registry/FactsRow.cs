using HiTech.Core.Analytics;

namespace HiTech.Core.Registry;

/// <summary>One registry row for the analytics: the enterprise's facts, or (when the row is rejected) its finished rejects line.</summary>
public readonly record struct FactsRow(EnterpriseFacts? Facts, string? RejectLine);
