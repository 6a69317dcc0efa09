namespace HiTech.Web.Features.Introductions;

/// <summary>Tells one side of an introduction what happened (through Kernel's <see cref="Notify"/>, in the caller's save).</summary>
public sealed class IntroductionNotices(Notify notify)
{
    public Task ToSideAsync(Introduction introduction, IntroductionSide side, string kind, LocalizedString text, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        side == IntroductionSide.Provider
            ? notify.ToProviderAsync<IntroductionsText>(introduction.ProviderId, kind, text, args, Link(introduction), cancellationToken)
            : notify.ToOrganisationAsync<IntroductionsText>(introduction.OrganisationId, kind, text, args, Link(introduction), cancellationToken);

    public Task ToOfficersAsync(Introduction introduction, string kind, LocalizedString text, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        notify.ToPartnershipsOfficersAsync<IntroductionsText>(kind, text, args, "/introductions/overdue", cancellationToken);

    public static string Link(Introduction introduction) => $"/introductions/{introduction.Id}";
}
