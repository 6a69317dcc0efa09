using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Partnerships;

public sealed record MilestoneRequest(string? Title, DateOnly? DueOn);

/// <summary>What a partnership would be recorded from: the introduction, the user's side, one already recorded, the sides' names and the need.</summary>
public sealed record PartnershipTarget(Introduction Introduction, IntroductionSide Side, Partnership? Existing, PartnershipNames Names, string Need);

public sealed record PartnershipRequest(Guid? IntroductionId, string? Model, string? Scope, string? ValueBand, DateOnly? StartOn, IReadOnlyList<MilestoneRequest>? Milestones);

/// <summary>
/// Either side of an accepted introduction records what it became: model, scope, value band, start and up to
/// <see cref="MaxMilestones"/> milestones. One partnership per introduction; the other side is told.
/// </summary>
public sealed class CreatePartnership(AppDbContext db, AuditLog audit, TimeProvider clock, PartnershipTerms terms, PartnershipNotices notices, IStringLocalizer<PartnershipsText> l)
{
    public const int MaxMilestones = 5;
    public const int MaxScope = 4000;
    public const int MaxMilestoneTitle = 300;

    public async Task<Outcome<Partnership>> ExecuteAsync(CurrentUser user, PartnershipRequest request, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(user, request.IntroductionId, cancellationToken);
        if (!target.IsOk)
        {
            return target.As<Partnership>();
        }

        var (introduction, side, existing, names, _) = target.Value!;
        if (introduction.Status != IntroductionStatus.Accepted)
        {
            return Outcome.Conflict<Partnership>(l["A partnership can be recorded only from an accepted introduction"]);
        }

        if (existing is not null)
        {
            return Outcome.Conflict(l["This introduction's partnership is already recorded"].Value, existing);
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<Partnership>(errors);
        }

        var now = clock.GetUtcNow();
        var partnership = new Partnership
        {
            Id = Guid.NewGuid(),
            IntroductionId = introduction.Id,
            OrganisationId = introduction.OrganisationId,
            ProviderId = introduction.ProviderId,
            Model = PartnershipTerms.Find(terms.Models, request.Model)!.Id,
            Scope = request.Scope!.Trim(),
            ValueBand = PartnershipTerms.Find(terms.ValueBands, request.ValueBand)?.Id ?? "",
            StartOn = request.StartOn!.Value,
            CreatedAt = now,
            CreatedBy = user.RequiredId,
            Milestones = [.. (request.Milestones ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Title))
                .Select(m => new PartnershipMilestone { Id = Guid.NewGuid(), Title = m.Title!.Trim(), DueOn = m.DueOn })],
        };
        db.Partnerships.Add(partnership);
        audit.Record(user, nameof(Partnership), partnership.Id.ToString(), AuditAction.Create, null,
            new { partnership.IntroductionId, partnership.Model, partnership.ValueBand, partnership.StartOn });
        var model = PartnershipTerms.Find(terms.Models, partnership.Model)!;
        await notices.ToSideAsync(partnership, PartnershipAccess.Other(side), "partnership-recorded",
            l["{0} recorded your partnership ({1}, from {2}): check it and tick milestones as they are done."],
            [names.Of(side), model.Name, partnership.StartOn.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The other side recorded it at the same moment (the unique index on the introduction).
            db.ChangeTracker.Clear();
            return Outcome.Conflict<Partnership>(l["This introduction's partnership is already recorded"]);
        }

        return Outcome.Ok(partnership);
    }

    /// <summary>
    /// The introduction a partnership would be recorded from, for one of its two sides (else 404; other roles 403): its
    /// status, the user's side, the partnership already recorded from it if any, and the sides' names and need.
    /// </summary>
    public async Task<Outcome<PartnershipTarget>> TargetAsync(CurrentUser user, Guid? introductionId, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise && !user.IsProvider)
        {
            return Outcome.Forbidden<PartnershipTarget>(l["Partnerships are recorded by the enterprise or the provider"]);
        }

        if (introductionId is null)
        {
            return Outcome.Invalid<PartnershipTarget>("introduction_id", l["Say which accepted introduction the partnership comes from"]);
        }

        var introduction = await db.Introductions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == introductionId, cancellationToken);
        var side = introduction is null ? null
            : user.OwnsOrganisation(introduction.OrganisationId) ? IntroductionSide.Enterprise
            : user.ActsForProvider(introduction.ProviderId) ? IntroductionSide.Provider
            : (IntroductionSide?)null;
        if (introduction is null || side is null)
        {
            return Outcome.NotFound<PartnershipTarget>(l["There is no such introduction"]);
        }

        var existing = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.IntroductionId == introduction.Id, cancellationToken);
        var need = await db.Needs.AsNoTracking().Where(n => n.Id == introduction.NeedId).Select(n => n.Summary).FirstOrDefaultAsync(cancellationToken) ?? "";
        var names = await PartnershipNames.ReadAsync(db, new Partnership { OrganisationId = introduction.OrganisationId, ProviderId = introduction.ProviderId }, cancellationToken);
        return Outcome.Ok(new PartnershipTarget(introduction, side.Value, existing, names, need));
    }

    private Dictionary<string, string[]> Validate(PartnershipRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (PartnershipTerms.Find(terms.Models, request.Model) is null)
        {
            errors["model"] = [l["Choose what kind of partnership this is"]];
        }

        if (string.IsNullOrWhiteSpace(request.Scope))
        {
            errors["scope"] = [l["Describe what the two sides agreed to do"]];
        }
        else if (request.Scope.Trim().Length > MaxScope)
        {
            errors["scope"] = [l["The scope is at most {0} characters", MaxScope]];
        }

        if (!string.IsNullOrWhiteSpace(request.ValueBand) && PartnershipTerms.Find(terms.ValueBands, request.ValueBand) is null)
        {
            errors["value_band"] = [l["Choose one of the value bands, or leave it empty"]];
        }

        if (request.StartOn is null)
        {
            errors["start_on"] = [l["Enter the date the partnership starts"]];
        }

        var milestones = (request.Milestones ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Title)).ToList();
        if (milestones.Count > MaxMilestones)
        {
            errors["milestones"] = [l["At most {0} milestones", MaxMilestones]];
        }
        else if (milestones.Any(m => m.Title!.Trim().Length > MaxMilestoneTitle))
        {
            errors["milestones"] = [l["A milestone is at most {0} characters", MaxMilestoneTitle]];
        }

        return errors;
    }
}
