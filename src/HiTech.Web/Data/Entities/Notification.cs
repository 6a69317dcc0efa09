namespace HiTech.Web.Data.Entities;

/// <summary>
/// Something a user should know (an introduction received, answered, a reminder, a follow-up). Always shown in the
/// app; also e-mailed through the <see cref="OutboxMessage"/> table when the user chose e-mail.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>A stable id of what happened (introduction-received, ...); the page words it in the user's language.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The values the wording needs, as JSON.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>The page the notification leads to (an app-relative path).</summary>
    public string Link { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// An e-mail waiting to go: written in the same save as what caused it, sent by a background job with retries, so a
/// restart loses nothing. In development the sender writes files (or to a local SMTP sink), never to the internet.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string ToEmail { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string LastError { get; set; } = "";
}
