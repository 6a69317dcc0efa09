using System.Security.Cryptography;

namespace HiTech.Web.Infrastructure.Storage;

/// <summary>
/// Evidence files on disk, outside the web root, under Data:Directory/evidence, each named by the SHA-256
/// of its content. The type is decided by the content's signature, never by the name or the declared type.
/// </summary>
public sealed class EvidenceStore(PlatformOptions options, TimeProvider clock)
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public string Directory { get; } = Path.Combine(options.DataDirectory, "evidence");

    public long MaxBytes => options.MaxUploadBytes;

    /// <summary>The content type a file's first bytes prove, or null when it is none of PDF, PNG, JPEG.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg : null;
    }

    /// <summary>
    /// Stores an upload. Returns the entity to add (not yet saved), or the reason it was refused:
    /// "empty", "too-large" or "wrong-type". Never keeps a refused file.
    /// </summary>
    public async Task<(EvidenceFile? File, string? Refusal)> SaveAsync(Stream content, string fileName, Guid assessmentId, string inputId, Guid userId, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size;
            string? type;
            string hash;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                var head = new byte[16];
                var headLength = 0;
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }

                    size += read;
                    if (size > MaxBytes)
                    {
                        return (null, "too-large");
                    }

                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (size == 0)
                {
                    return (null, "empty");
                }

                type = Sniff(head.AsSpan(0, headLength));
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            if (type is null)
            {
                return (null, "wrong-type");
            }

            var target = PathFor(hash);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, target);
            }

            return (new EvidenceFile
            {
                Id = Guid.NewGuid(),
                AssessmentId = assessmentId,
                InputId = inputId,
                FileName = SafeName(fileName),
                ContentType = type,
                Size = size,
                Sha256 = hash,
                UploadedBy = userId,
                UploadedAt = clock.GetUtcNow(),
            }, null);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Opens a stored file for reading; the caller has already checked the user may see it.</summary>
    public Stream OpenRead(EvidenceFile file) => new FileStream(PathFor(file.Sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    private string PathFor(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower) ? Path.Combine(Directory, sha256) : throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));

    /// <summary>The display name: no path, no control characters, at most 255 characters.</summary>
    private static string SafeName(string name)
    {
        var baseName = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. baseName.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "evidence" : clean.Length > 255 ? clean[..255] : clean;
    }
}
