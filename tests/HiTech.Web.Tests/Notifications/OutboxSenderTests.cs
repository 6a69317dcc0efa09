using System.Net;
using System.Net.Sockets;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Notifications;
using HiTech.Web.Tests.Introductions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace HiTech.Web.Tests.Notifications;

/// <summary>The e-mail outbox: sent by SMTP or dropped as files, marked sent only after that worked, retried with backoff otherwise.</summary>
[Collection(IntroductionsCollection.Name)]
public sealed class OutboxSenderTests(IntroductionsFixture host)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_no_smtp_server_each_message_becomes_one_eml_file_and_is_marked_sent()
    {
        var id = await QueueAsync("file");
        var drop = Path.Combine(Path.GetTempPath(), "hitech-outbox-" + Guid.NewGuid().ToString("N"));
        var options = new EmailOptions(null, 25, null, null, "auto", "Hi-Tech <no-reply@hitech.invalid>", drop);

        await RunAsync(options, Now);
        await RunAsync(options, Now.AddMinutes(5));

        // Other tests' rows may be due too; this one's is the file named after it, written once.
        var file = Assert.Single(Directory.GetFiles(drop, $"{id:N}*"));
        Assert.Equal($"{id:N}.eml", Path.GetFileName(file));
        var mime = await MimeKit.MimeMessage.LoadAsync(file, Ct);
        Assert.Equal($"file-{id:N}@test.local", mime.To.Mailboxes.Single().Address);
        Assert.Equal("Your expression of interest was accepted", mime.Subject);
        Assert.NotNull((await MessageAsync(id)).SentAt);
        Directory.Delete(drop, recursive: true);
    }

    [Fact]
    public async Task A_local_smtp_server_receives_the_message_once()
    {
        var id = await QueueAsync("smtp");
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var options = new EmailOptions("127.0.0.1", port, null, null, "none", "Hi-Tech <no-reply@hitech.invalid>", Path.GetTempPath());

        await RunAsync(options, Now);
        await RunAsync(options, Now.AddMinutes(5));

        var received = server.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == $"smtp-{id:N}@test.local")).ToList();
        Assert.Single(received);
        Assert.Equal("Your expression of interest was accepted", received[0].Headers["Subject"]);
        Assert.NotNull((await MessageAsync(id)).SentAt);
    }

    [Fact]
    public async Task A_failed_send_keeps_the_message_and_tries_again_later_with_backoff()
    {
        var id = await QueueAsync("down");
        // Nothing listens on this port: the connection is refused.
        var options = new EmailOptions("127.0.0.1", FreePort(), null, null, "none", "Hi-Tech <no-reply@hitech.invalid>", Path.GetTempPath());

        await RunAsync(options, Now);
        var first = await MessageAsync(id);
        Assert.Null(first.SentAt);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(Now.AddMinutes(1), first.NextAttemptAt);
        Assert.NotEqual("", first.LastError);

        // Not due yet: untouched. Due: tried again, and the wait doubles.
        await RunAsync(options, Now.AddSeconds(30));
        Assert.Equal(1, (await MessageAsync(id)).Attempts);
        await RunAsync(options, Now.AddMinutes(1));
        var second = await MessageAsync(id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(Now.AddMinutes(3), second.NextAttemptAt);
        Assert.Equal(TimeSpan.FromHours(6), OutboxSender.Wait(30));
    }

    private async Task<Guid> QueueAsync(string prefix)
    {
        var id = Guid.NewGuid();
        await host.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = id,
                ToEmail = $"{prefix}-{id:N}@test.local",
                Subject = "Your expression of interest was accepted",
                Body = "Open it on the platform:\n/introductions",
                CreatedAt = Now,
                NextAttemptAt = Now,
            });
            return db.SaveChangesAsync(Ct);
        });
        return id;
    }

    private async Task RunAsync(EmailOptions options, DateTimeOffset now)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        // Only this test's rows are due at this (past) moment: the platform's own rows were queued in real time.
        await new OutboxSender(new FixedClock(now), options).RunAsync(scope.ServiceProvider, Ct);
    }

    private Task<OutboxMessage> MessageAsync(Guid id) => host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
