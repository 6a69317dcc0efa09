namespace HiTech.Web.Features.Introductions;

/// <summary>What a sender asks: the need, the provider (taken from the user when a provider sends), and an optional note.</summary>
public sealed record IntroductionRequest(Guid NeedId, Guid? ProviderId, string? Note);

/// <summary>Whom an introduction would go between, and the one already sent between them, if any.</summary>
public sealed record IntroductionTarget(Need Need, Provider Provider, IntroductionSide Side, Introduction? Existing);

/// <summary>
/// Sends an expression of interest: an enterprise to a provider for its own open need, or a provider offering help on
/// an open need. One introduction per need and provider: a second is a conflict naming the first. The answer is due
/// in the provider's promised working days (an enterprise answering a provider gets <see cref="EnterpriseResponseDays"/>).
/// </summary>
public sealed class SendIntroduction(AppDbContext db, AuditLog audit, TimeProvider clock, IntroductionNotices notices, IStringLocalizer<IntroductionsText> l, IStringLocalizer<SharedResource> t)
{
    public const int EnterpriseResponseDays = 5;

    /// <summary>The need and provider a user would send to (the confirm page shows them), with the checks sending makes.</summary>
    public async Task<Outcome<IntroductionTarget>> TargetAsync(CurrentUser user, Guid needId, Guid? providerId, CancellationToken cancellationToken)
    {
        var side = user.IsEnterprise ? IntroductionSide.Enterprise : user.IsProvider ? IntroductionSide.Provider : (IntroductionSide?)null;
        if (side is null || (side == IntroductionSide.Provider && user.ProviderId is null))
        {
            return Outcome.Forbidden<IntroductionTarget>(l["Only an enterprise or a provider can send an expression of interest"]);
        }

        if (side == IntroductionSide.Provider)
        {
            providerId = user.ProviderId;
        }

        if (needId == Guid.Empty)
        {
            return Outcome.Invalid<IntroductionTarget>("need_id", l["Choose the need it is about"]);
        }

        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId, cancellationToken);
        // An enterprise sends only for its own needs; a provider only on open ones. Anything else does not exist for them.
        if (need is null || (side == IntroductionSide.Enterprise && need.OrganisationId != user.OrganisationId) || (side == IntroductionSide.Provider && need.Status != NeedStatus.Open))
        {
            return Outcome.NotFound<IntroductionTarget>(l["There is no such need"]);
        }

        if (providerId is null)
        {
            return Outcome.Invalid<IntroductionTarget>("provider_id", l["Choose the provider to send it to"]);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        // A returning professional exists only for the enterprises that may see professionals (an approved assessment).
        if (provider is null || provider.Status != ProviderStatus.Verified || provider.ExpiresOn < today
            || (provider.Kind == Providers.ProfileRules.ProfessionalKind && !await Providers.ReadDirectoryEntry.MaySeeProfessionalsAsync(db, user, cancellationToken)))
        {
            return Outcome.NotFound<IntroductionTarget>(l["There is no such provider in the directory"]);
        }

        var existing = await db.Introductions.AsNoTracking().FirstOrDefaultAsync(i => i.NeedId == need.Id && i.ProviderId == provider.Id, cancellationToken);
        return Outcome.Ok(new IntroductionTarget(need, provider, side.Value, existing));
    }

    public async Task<Outcome<Introduction>> ExecuteAsync(CurrentUser user, IntroductionRequest request, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(user, request.NeedId, request.ProviderId, cancellationToken);
        if (!target.IsOk)
        {
            return target.As<Introduction>();
        }

        var (need, provider, side, existing) = target.Value!;
        if (existing is not null)
        {
            return AlreadySent(existing);
        }

        if (need.Status != NeedStatus.Open)
        {
            return Outcome.Conflict<Introduction>(l["This need is closed: open it again before sending an expression of interest"]);
        }

        var errors = new Dictionary<string, string[]>();
        var note = TextWords.Checked(errors, "note", request.Note, t, multiline: true) ?? "";
        if (note.Length > 2000)
        {
            errors.TryAdd("note", [l["Keep the note under 2,000 characters"]]);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<Introduction>(errors);
        }

        var now = clock.GetUtcNow();
        var introduction = new Introduction
        {
            Id = Guid.NewGuid(),
            NeedId = need.Id,
            ProviderId = provider.Id,
            OrganisationId = need.OrganisationId,
            SentBy = side,
            SentByUser = user.RequiredId,
            Note = note,
            SentAt = now,
            DueAt = WorkingDays.Add(now, side == IntroductionSide.Enterprise ? provider.ResponseDays : EnterpriseResponseDays),
        };
        db.Introductions.Add(introduction);
        audit.Record(user, nameof(Introduction), introduction.Id.ToString(), AuditAction.Create, null, new { introduction.NeedId, introduction.ProviderId, SentBy = introduction.SentBy.ToString(), introduction.Note });
        var names = new IntroductionNames(
            await db.Organisations.Where(o => o.Id == need.OrganisationId).Select(o => o.Name).FirstAsync(cancellationToken), provider.Name, need.Summary);
        await notices.ToSideAsync(introduction, introduction.Receiver(), "introduction-received",
            l["{0} sent you an expression of interest about “{1}”. Please answer by {2}."], [names.Of(side), need.Summary, Fmt.Date(introduction.DueAt)], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Sent at the same moment by someone else on the same side: the unique index keeps one.
            db.ChangeTracker.Clear();
            var first = await db.Introductions.AsNoTracking().FirstOrDefaultAsync(i => i.NeedId == need.Id && i.ProviderId == provider.Id, cancellationToken);
            return first is null ? throw new InvalidOperationException("The introduction could not be saved.") : AlreadySent(first);
        }

        return Outcome.Ok(introduction);
    }

    public Outcome<Introduction> AlreadySent(Introduction existing) =>
        Outcome.Conflict<Introduction>(l["An expression of interest between this need and this provider was already sent on {0}: see it on its page.", Fmt.Date(existing.SentAt)]) with
        {
            Extensions = new Dictionary<string, object?> { ["introduction_id"] = existing.Id },
        };
}
