namespace HiTech.Web.Features.WhatIf;

/// <summary>The version in force as a what-if form shows it: its definition (names, tiers, gates) and every setting a form may change.</summary>
public sealed class ShowProposalForm(FrameworkStore frameworks)
{
    public sealed record FormView(FrameworkDefinition Definition, IReadOnlyList<FrameworkSetting> Settings);

    public async Task<Outcome<FormView>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsAnalyst && !user.IsAdmin)
        {
            return Outcome.Forbidden<FormView>();
        }

        var active = await frameworks.ActiveAsync(cancellationToken);
        return Outcome.Ok(new FormView(active.Definition, FrameworkEdit.Settings(active.Definition)));
    }
}
