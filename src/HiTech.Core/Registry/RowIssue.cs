namespace HiTech.Core.Registry;

/// <summary>Why a registry row was rejected: the field (column) and the rule broken.</summary>
public readonly record struct RowIssue(string Field, string Reason);
