namespace HiTech.Web.Features.Needs;

/// <summary>
/// Closes (met, or no longer needed) or withdraws an open need; either takes it out of every provider's list. Only from
/// Open, with the version the user read (a stale version is refused with what is saved now), audited.
/// </summary>
public sealed class ChangeNeedStatus(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<NeedsText> l)
{
    public async Task<Outcome<Need>> ExecuteAsync(CurrentUser user, Guid id, string? status, int? version, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise || user.OrganisationId is not { } organisation)
        {
            return Outcome.Forbidden<Need>(l["Only an enterprise has needs"]);
        }

        var need = await db.Needs.SingleOrDefaultAsync(n => n.Id == id && n.OrganisationId == organisation, cancellationToken);
        if (need is null)
        {
            return Outcome.NotFound<Need>(l["There is no such need among yours"]);
        }

        NeedStatus target;
        switch (status?.Trim().ToLowerInvariant())
        {
            case "closed":
                target = NeedStatus.Closed;
                break;
            case "withdrawn":
                target = NeedStatus.Withdrawn;
                break;
            default:
                return Outcome.Invalid<Need>("status", l["Say whether the need is closed or withdrawn"]);
        }

        if (version is null)
        {
            return Outcome.Invalid<Need>("version", l["Send the version of the need you read"]);
        }

        if (version != need.Version)
        {
            return Outcome.Stale<Need>(l["Someone else changed this need since you read it; here is what is saved now"], need.Version);
        }

        if (need.Status != NeedStatus.Open)
        {
            return Outcome.Conflict<Need>(l["This need is already {0}: only an open need can be closed or withdrawn", NeedWords.StatusKey(need.Status) is var key ? l[key] : ""], need);
        }

        var before = PostNeed.Snapshot(need);
        need.Status = target;
        need.ClosedAt = clock.GetUtcNow();
        need.Version++;
        audit.Record(user, nameof(Need), need.Id.ToString(), AuditAction.Update, before, PostNeed.Snapshot(need));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<Need>(l["Someone else changed this need since you read it; here is what is saved now"], version.Value + 1);
        }

        return Outcome.Ok(need);
    }
}
