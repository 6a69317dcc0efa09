using System.Globalization;

namespace HiTech.Web.Features.Notifications;

/// <summary>
/// Where e-mail goes: the SMTP server of <c>Email:Smtp:Host</c> (with <c>Port</c>, default 25, <c>UserName</c>,
/// <c>Password</c>, and <c>Security</c>: auto, starttls, ssl or none), or, with no host (development, tests, the
/// demo), .eml files under <c>Data:Directory/outbox/</c>. <c>Email:From</c> is the sender address.
/// </summary>
public sealed record EmailOptions(string? Host, int Port, string? UserName, string? Password, string Security, string From, string DropDirectory)
{
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public static EmailOptions Read(IConfiguration configuration, PlatformOptions platform) => new(
        configuration["Email:Smtp:Host"],
        int.TryParse(configuration["Email:Smtp:Port"], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 25,
        configuration["Email:Smtp:UserName"],
        configuration["Email:Smtp:Password"],
        (configuration["Email:Smtp:Security"] ?? "auto").ToLowerInvariant(),
        configuration["Email:From"] ?? "Kerala Hi-Tech Manufacturing <no-reply@hitech.invalid>",
        Path.Combine(platform.DataDirectory, "outbox"));
}
