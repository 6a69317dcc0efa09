namespace HiTech.Web.Data.Entities;

/// <summary>What an audited change did. Stored as the stable id of <see cref="AuditActions.Id"/>.</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    OwnOrganisation,
    Lock,
    Unlock,
    ChangeRole,
    Start,
    SaveInputs,
    AddEvidence,
    RemoveEvidence,
    ApplyMaturityScore,
    Submit,
    Take,
    VerifyInput,
    AdjustInput,
    RejectInput,
    Approve,
    Return,
    StartMaturity,
    CompleteMaturity,
    Publish,
    Activate,
    Issue,
    Revoke,
    Confirm,
    Verify,
    Refuse,
    Withdraw,
}

/// <summary>The stored ids of <see cref="AuditAction"/>: kebab-case, never renamed once written.</summary>
public static class AuditActions
{
    private static readonly Dictionary<AuditAction, string> Ids = new()
    {
        [AuditAction.Create] = "create",
        [AuditAction.Update] = "update",
        [AuditAction.Delete] = "delete",
        [AuditAction.OwnOrganisation] = "own-organisation",
        [AuditAction.Lock] = "lock",
        [AuditAction.Unlock] = "unlock",
        [AuditAction.ChangeRole] = "change-role",
        [AuditAction.Start] = "started",
        [AuditAction.SaveInputs] = "inputs-saved",
        [AuditAction.AddEvidence] = "evidence-added",
        [AuditAction.RemoveEvidence] = "evidence-removed",
        [AuditAction.ApplyMaturityScore] = "digital-maturity-from-maturity-assessment",
        [AuditAction.Submit] = "submit",
        [AuditAction.Take] = "take",
        [AuditAction.VerifyInput] = "input-verified",
        [AuditAction.AdjustInput] = "input-adjusted",
        [AuditAction.RejectInput] = "input-rejected",
        [AuditAction.Approve] = "approve",
        [AuditAction.Return] = "return",
        [AuditAction.StartMaturity] = "maturity-started",
        [AuditAction.CompleteMaturity] = "maturity-completed",
        [AuditAction.Publish] = "publish",
        [AuditAction.Activate] = "activate",
        [AuditAction.Issue] = "issue",
        [AuditAction.Revoke] = "revoke",
        // A provider's profile (collaboration).
        [AuditAction.Confirm] = "provider-confirmed",
        [AuditAction.Verify] = "provider-verified",
        [AuditAction.Refuse] = "provider-refused",
        [AuditAction.Withdraw] = "provider-withdrawn",
    };

    private static readonly Dictionary<string, AuditAction> ById = Ids.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Id(AuditAction action) => Ids[action];

    /// <summary>The action a stored id names. "submitted" is how submissions were recorded before the ids were fixed.</summary>
    public static AuditAction Parse(string id) =>
        ById.TryGetValue(id, out var action) ? action
        : id == "submitted" ? AuditAction.Submit
        : throw new FormatException($"Unknown audit action '{id}'.");
}
