using System.Buffers.Text;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// The short check code printed on a certificate beside its QR code and shown by /verify/{id}: the first 12
/// base32 characters of its signature, in groups of four ("ABCD-EFGH-JKLM"). A reader holding a PDF compares it with
/// the verification page: a PDF whose words were edited still shows the code of the certificate it was made from,
/// and the page shows what that certificate really says. One function, used by the PDF, the page and the API.
/// </summary>
public static class CertificateCheckCode
{
    private const int Characters = 12;
    private const int Group = 4;

    /// <summary>The check code of a signature (base64url); null when the signature cannot be read.</summary>
    public static string? Of(string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(signature.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        var base32 = CertificateIds.Base32(bytes);
        if (base32.Length < Characters)
        {
            return null;
        }

        return string.Join('-', Enumerable.Range(0, Characters / Group).Select(g => base32.Substring(g * Group, Group)));
    }
}
