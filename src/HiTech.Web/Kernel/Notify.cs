using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HiTech.Web.Kernel;

/// <summary>
/// The one writer of notifications. A call adds an in-app <see cref="Notification"/> for each recipient and, when the
/// recipient chose e-mail (<see cref="AppUser.NotifyByEmail"/>), an <see cref="OutboxMessage"/> worded in the
/// recipient's language. It only adds to the context: the caller's own <c>SaveChangesAsync</c> saves the change, the
/// notification and the e-mail together, so none exists without the others.
/// <para>
/// The words are an English key of the caller's feature resource (the type argument TText, e.g.
/// <c>IntroductionsText</c>) with {0}, {1} ... placeholders; pass it through the feature's localizer
/// (<c>l["{0} accepted your expression of interest"]</c>) so the Malayalam coverage test sees it. The key (not the
/// words) is stored, so the notifications list words it again in whatever language the reader uses now.
/// </para>
/// </summary>
public sealed class Notify(AppDbContext db, TimeProvider clock, IStringLocalizerFactory localizers, PlatformOptions options)
{
    /// <summary>Notifies one user.</summary>
    public Task ToUserAsync<TText>(Guid userId, string kind, LocalizedString text, IReadOnlyList<string> args, string link, CancellationToken cancellationToken) =>
        ToAsync<TText>(db.Users.Where(u => u.Id == userId), kind, text, args, link, cancellationToken);

    /// <summary>Notifies every user of an enterprise.</summary>
    public Task ToOrganisationAsync<TText>(Guid organisationId, string kind, LocalizedString text, IReadOnlyList<string> args, string link, CancellationToken cancellationToken) =>
        ToAsync<TText>(db.Users.Where(u => u.OrganisationId == organisationId), kind, text, args, link, cancellationToken);

    /// <summary>Notifies every user who answers for a provider.</summary>
    public Task ToProviderAsync<TText>(Guid providerId, string kind, LocalizedString text, IReadOnlyList<string> args, string link, CancellationToken cancellationToken) =>
        ToAsync<TText>(db.Users.Where(u => u.ProviderId == providerId), kind, text, args, link, cancellationToken);

    /// <summary>Notifies every partnerships officer (admins are not included: they are not on the rota).</summary>
    public Task ToPartnershipsOfficersAsync<TText>(string kind, LocalizedString text, IReadOnlyList<string> args, string link, CancellationToken cancellationToken)
    {
        var officers = from user in db.Users
                       join membership in db.UserRoles on user.Id equals membership.UserId
                       join role in db.Roles on membership.RoleId equals role.Id
                       where role.Name == Roles.PartnershipsOfficer
                       select user;
        return ToAsync<TText>(officers, kind, text, args, link, cancellationToken);
    }

    /// <summary>Notifies the users of a query (not locked out); returns how many.</summary>
    public async Task ToAsync<TText>(IQueryable<AppUser> recipients, string kind, LocalizedString text, IReadOnlyList<string> args, string link, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await recipients
            .Select(u => new { u.Id, u.Email, u.Language, u.NotifyByEmail, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var message = new NotificationText(typeof(TText).FullName!, text.Name, [.. args]);
        foreach (var user in users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(),
                UserId = user.Id,
                Kind = kind,
                Data = JsonSerializer.Serialize(message),
                Link = link,
                CreatedAt = now,
            });

            if (user.NotifyByEmail && !string.IsNullOrWhiteSpace(user.Email))
            {
                db.OutboxMessages.Add(Email(user.Email, Language.Normalise(user.Language), message, link, now));
            }
        }
    }

    private OutboxMessage Email(string to, string language, NotificationText message, string link, DateTimeOffset now)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var words = localizers.Create(typeof(NotifyText));
        var sentence = NotificationWords.Word(localizers, message, culture);
        var body = new StringBuilder()
            .AppendLine(sentence)
            .AppendLine()
            .AppendLine(In(culture, () => words["Open it on the platform:"].Value))
            .AppendLine(Absolute(link))
            .AppendLine()
            .AppendLine(In(culture, () => words["You get these e-mails because you chose them in your account settings. To have notifications in the app only, change it there:"].Value))
            .AppendLine(Absolute("/account/settings"))
            .ToString();
        return new OutboxMessage
        {
            Id = Guid.NewGuid(),
            ToEmail = to,
            Subject = sentence.Length <= 300 ? sentence : sentence[..297] + "...",
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    private string Absolute(string link) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? link : options.PublicBaseUrl.TrimEnd('/') + link;

    internal static string In(CultureInfo culture, Func<string> word)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return word();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

/// <summary>What a notification says, as stored in <see cref="Notification.Data"/>: the resource, the English key, the values.</summary>
public sealed record NotificationText(string Resource, string Key, string[] Args);

/// <summary>Words a stored notification in a language (the list page, and the e-mail at the time it is written).</summary>
public static class NotificationWords
{
    public static NotificationText Read(Notification notification)
    {
        try
        {
            // A row written before notices went through Notify holds other data: it reads as its kind, not as an error.
            return JsonSerializer.Deserialize<NotificationText>(notification.Data) is { Resource: not null, Key: not null } text
                ? text with { Args = text.Args ?? [] }
                : new NotificationText("", notification.Kind, []);
        }
        catch (JsonException)
        {
            return new NotificationText("", notification.Kind, []);
        }
    }

    /// <summary>The sentence in <paramref name="culture"/>; the English key when the resource is gone.</summary>
    public static string Word(IStringLocalizerFactory localizers, NotificationText text, CultureInfo culture)
    {
        var format = text.Resource.Length == 0
            ? text.Key
            : Notify.In(culture, () => localizers.Create(text.Resource, typeof(Notify).Assembly.GetName().Name!)[text.Key].Value);
        try
        {
            return string.Format(culture, format, text.Args.Cast<object>().ToArray());
        }
        catch (FormatException)
        {
            return format;
        }
    }
}

/// <summary>The marker the e-mail's own words hang on (Resources/Kernel/NotifyText.ml.resx).</summary>
public sealed class NotifyText;
