using System.Security.Cryptography;

namespace HiTech.Web.Infrastructure.Storage;

/// <summary>
/// Evidence files on disk, outside the web root, under Data:Directory/evidence, each named by the SHA-256
/// of its content; or, for several nodes (Storage:Evidence=database), in PostgreSQL (<see cref="DatabaseEvidence"/>),
/// the upload still written to a temporary file here first to be checked. The type is decided by the content's
/// signature, never by the name or the declared type.
/// </summary>
public sealed class EvidenceStore(PlatformOptions options, TimeProvider clock, DatabaseEvidence? database = null)
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public string Directory { get; } = Path.Combine(options.DataDirectory, "evidence");

    public long MaxBytes => options.MaxUploadBytes;

    /// <summary>How many bytes at each end of a file its structure is checked in.</summary>
    public const int EndLength = 1024;

    /// <summary>The prefix of a file being written; a file with it is never evidence, and is swept when left behind.</summary>
    public const string TempPrefix = ".upload-";

    /// <summary>
    /// The content type a file proves by its structure, or null when it is none of PDF, PNG, JPEG. The first bytes
    /// give the type (<paramref name="head"/>: up to <see cref="EndLength"/> bytes); the end must close it
    /// (<paramref name="tail"/>: the last bytes, up to <see cref="EndLength"/>): a PDF ends with %%EOF, a PNG with its
    /// IEND chunk, a JPEG with FF D9. A "PDF" with a web page in its first bytes is a web page, and is refused.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return tail.IndexOf("%%EOF"u8) >= 0 && !LooksLikeHtml(head) ? Pdf : null;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            // IEND: an empty chunk whose CRC is always AE 42 60 82.
            return tail.IndexOf((ReadOnlySpan<byte>)[0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]) >= 0 ? Png : null;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            // End of image; some cameras pad after it, so it need not be the very last two bytes.
            return tail.IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0 ? Jpeg : null;
        }

        return null;
    }

    /// <summary>Whether the bytes carry a web page's or a script's markers, in any case.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<string> markers = ["<html", "<!doctype html", "<script", "<body", "<head", "<iframe", "<svg", "javascript:"];
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        foreach (var marker in markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Stores an upload. Returns the entity to add (not yet saved), or the reason it was refused:
    /// "empty", "too-large" or "wrong-type". Never keeps a refused file.
    /// </summary>
    public async Task<(EvidenceFile? File, string? Refusal)> SaveAsync(Stream content, string fileName, Guid assessmentId, string inputId, Guid userId, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $"{TempPrefix}{Guid.NewGuid():N}");
        try
        {
            long size;
            string? type;
            string hash;
            var head = new byte[EndLength];
            var headLength = 0;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
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

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var tail = await TailAsync(temp, cancellationToken);
            type = Sniff(head.AsSpan(0, headLength), tail);

            if (type is null)
            {
                return (null, "wrong-type");
            }

            var target = PathFor(hash);
            if (database is not null)
            {
                await database.KeepAsync(hash, temp, clock.GetUtcNow(), cancellationToken);
            }
            else if (File.Exists(target))
            {
                // Fresh again, so the orphan sweep leaves it while the new row that refers to it is saved.
                File.SetLastWriteTimeUtc(target, clock.GetUtcNow().UtcDateTime);
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

    /// <summary>Opens a stored file for reading (FileNotFoundException if it is gone); the caller has already checked the user may see it.</summary>
    public async Task<Stream> OpenReadAsync(EvidenceFile file, CancellationToken cancellationToken) => database is not null
        ? await database.OpenReadAsync(file.Sha256, cancellationToken)
        : new FileStream(PathFor(file.Sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>The database's orphan sweep, when the evidence is kept there (null otherwise).</summary>
    public DatabaseEvidence? Database => database;

    /// <summary>The last bytes of a file, up to <see cref="EndLength"/>.</summary>
    private static async Task<byte[]> TailAsync(string path, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, EndLength, useAsync: true);
        var length = (int)Math.Min(EndLength, input.Length);
        input.Seek(-length, SeekOrigin.End);
        var tail = new byte[length];
        await input.ReadExactlyAsync(tail, cancellationToken);
        return tail;
    }

    /// <summary>Whether a file in the store's folder is named as evidence is: 64 small hex digits.</summary>
    public static bool IsEvidenceName(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    private string PathFor(string sha256) =>
        IsEvidenceName(sha256) ? Path.Combine(Directory, sha256) : throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));

    /// <summary>The display name: no path, no control characters, at most 255 characters.</summary>
    private static string SafeName(string name)
    {
        var baseName = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. baseName.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "evidence" : clean.Length > 255 ? clean[..255] : clean;
    }
}
