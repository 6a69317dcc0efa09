namespace HiTech.Web.Features.Partnerships;

public sealed record OutcomeRequest(
    string? Status, DateOnly? EndedOn, int? ProductsLaunched, int? PatentsOrDesignsFiled, string? CertificationObtained, int? JobsCreated, string? Note, int? Version);

/// <summary>
/// Either side records how an active partnership ended: completed or ended early, the date, and what came of it
/// (products launched, patents or designs filed, a framework certification obtained, jobs created, a note). The other
/// side is told; once completed, each side may rate the other.
/// </summary>
public sealed class RecordOutcome(AppDbContext db, AuditLog audit, FrameworkStore frameworks, PartnershipNotices notices, IStringLocalizer<PartnershipsText> l)
{
    public const int MaxCount = 100_000;
    public const int MaxNote = 2000;

    public async Task<Outcome<Partnership>> ExecuteAsync(CurrentUser user, Guid id, OutcomeRequest request, CancellationToken cancellationToken)
    {
        var (partnership, side, refused) = await PartnershipChecks.LoadForSideAsync(db, user, id, request.Version, l, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (partnership!.Status != PartnershipStatus.Active)
        {
            return Outcome.Conflict(l["The outcome of this partnership is already recorded"].Value, partnership);
        }

        var errors = await ValidateAsync(request, partnership, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<Partnership>(errors);
        }

        partnership.Status = string.Equals(request.Status!.Trim(), "completed", StringComparison.OrdinalIgnoreCase) ? PartnershipStatus.Completed : PartnershipStatus.Ended;
        partnership.EndedOn = request.EndedOn;
        partnership.ProductsLaunched = request.ProductsLaunched ?? 0;
        partnership.PatentsOrDesignsFiled = request.PatentsOrDesignsFiled ?? 0;
        partnership.CertificationObtained = request.CertificationObtained?.Trim().ToLowerInvariant() ?? "";
        partnership.JobsCreated = request.JobsCreated ?? 0;
        partnership.OutcomeNote = request.Note?.Trim() ?? "";
        audit.Record(user, nameof(Partnership), partnership.Id.ToString(), AuditAction.Update, new { Status = nameof(PartnershipStatus.Active) },
            new { Status = partnership.Status.ToString(), partnership.EndedOn, partnership.ProductsLaunched, partnership.PatentsOrDesignsFiled, partnership.CertificationObtained, partnership.JobsCreated });
        var names = await PartnershipNames.ReadAsync(db, partnership, cancellationToken);
        if (partnership.Status == PartnershipStatus.Completed)
        {
            await notices.ToSideAsync(partnership, PartnershipAccess.Other(side), "partnership-completed",
                l["{0} recorded your partnership as completed. Please rate how it went (1 to 5): only totals across many partnerships are ever shown."], [names.Of(side)], cancellationToken);
        }
        else
        {
            await notices.ToSideAsync(partnership, PartnershipAccess.Other(side), "partnership-ended",
                l["{0} recorded that your partnership ended before completion."], [names.Of(side)], cancellationToken);
        }

        return await PartnershipChecks.SaveAsync(db, partnership, l, cancellationToken);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(OutcomeRequest request, Partnership partnership, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var status = request.Status?.Trim();
        if (!string.Equals(status, "completed", StringComparison.OrdinalIgnoreCase) && !string.Equals(status, "ended", StringComparison.OrdinalIgnoreCase))
        {
            errors["status"] = [l["Say whether the partnership was completed or ended early"]];
        }

        if (request.EndedOn is null)
        {
            errors["ended_on"] = [l["Enter the date the partnership ended"]];
        }
        else if (request.EndedOn < partnership.StartOn)
        {
            errors["ended_on"] = [l["The end date cannot be before the start ({0})", partnership.StartOn.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)]];
        }

        Count(errors, "products_launched", request.ProductsLaunched);
        Count(errors, "patents_or_designs_filed", request.PatentsOrDesignsFiled);
        Count(errors, "jobs_created", request.JobsCreated);
        if ((request.Note?.Trim().Length ?? 0) > MaxNote)
        {
            errors["note"] = [l["The note is at most {0} characters", MaxNote]];
        }

        if (!string.IsNullOrWhiteSpace(request.CertificationObtained))
        {
            var framework = await frameworks.ActiveAsync(cancellationToken);
            var known = framework.Domains.TryGetValue(HiTech.Core.Collaboration.CollaborationData.CertificationDomain, out var domain)
                && domain.Values.Contains(request.CertificationObtained.Trim().ToLowerInvariant());
            if (!known)
            {
                errors["certification_obtained"] = [l["Choose a certification of the framework, or none"]];
            }
        }

        return errors;
    }

    private void Count(Dictionary<string, string[]> errors, string field, int? value)
    {
        if (value is < 0 or > MaxCount)
        {
            errors[field] = [l["Enter a whole number from 0 to {0}", MaxCount]];
        }
    }
}
