using HiTech.Web.Infrastructure.Jobs;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HiTech.Web.Features.Notifications;

/// <summary>
/// Sends the e-mail outbox every minute (up to <see cref="Batch"/> a run), by SMTP or into .eml files (<see cref="EmailOptions"/>).
/// <para>What is guaranteed: a message is marked sent only after the server (or the file system) took it, so a
/// restart or a failed send never loses one: it is tried again, waiting 1, 2, 4 ... minutes up to 6 hours between
/// tries, for as long as it takes (the error is kept on the row). A crash after the server took a message but before
/// it was marked sends it once more, with the same Message-ID (derived from the row's id), so mail clients can tell
/// it is the same; the file drop writes the same file name again, so there it is never doubled. The scheduler runs
/// the job on one node at a time, so two nodes never send the same row.</para>
/// </summary>
public sealed class OutboxSender(TimeProvider clock, EmailOptions options) : IRecurringJob
{
    public const int Batch = 50;
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    public string Name => "email-outbox";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var db = scoped.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        // Unsent rows are few (sent ones leave the filter); the due time is compared in memory, as SQLite cannot compare DateTimeOffset.
        var due = (await db.OutboxMessages.Where(m => m.SentAt == null).ToListAsync(cancellationToken))
            .Where(m => m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(Batch)
            .ToList();
        if (due.Count == 0)
        {
            return;
        }

        using var smtp = new SmtpClient();
        foreach (var message in due)
        {
            try
            {
                await SendAsync(smtp, ToMime(message), cancellationToken);
                message.SentAt = clock.GetUtcNow();
                message.LastError = "";
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                message.Attempts++;
                message.NextAttemptAt = now + Wait(message.Attempts);
                message.LastError = error.Message.Length <= 2000 ? error.Message : error.Message[..2000];
            }

            // Marked one by one: a crash later in the batch leaves the ones already sent marked.
            await db.SaveChangesAsync(cancellationToken);
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
    }

    public async Task<int?> QueueLengthAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
        await scoped.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.SentAt == null, cancellationToken);

    /// <summary>1, 2, 4 ... minutes after each failed try, never more than 6 hours.</summary>
    public static TimeSpan Wait(int attempts) =>
        attempts >= 10 ? LongestWait : TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), LongestWait.TotalMinutes));

    public MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@hitech.outbox",
            Subject = message.Subject,
            Date = message.CreatedAt,
            Body = new TextPart("plain") { Text = message.Body },
        };
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.ToEmail));
        return mime;
    }

    private async Task SendAsync(SmtpClient smtp, MimeMessage mime, CancellationToken cancellationToken)
    {
        if (!options.UsesSmtp)
        {
            Directory.CreateDirectory(options.DropDirectory);
            var path = Path.Combine(options.DropDirectory, (mime.MessageId ?? "").Split('@')[0] + ".eml");
            var temporary = path + ".tmp";
            await mime.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return;
        }

        if (!smtp.IsConnected)
        {
            var security = options.Security switch
            {
                "none" => SecureSocketOptions.None,
                "ssl" => SecureSocketOptions.SslOnConnect,
                "starttls" => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.Auto,
            };
            await smtp.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
        }

        await smtp.SendAsync(mime, cancellationToken);
    }
}
