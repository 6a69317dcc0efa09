namespace HiTech.Web.Features.Certificates;

/// <summary>Marker for the certificate strings: Resources/Features/Certificates/CertificatesText.ml.resx (English is the key).</summary>
public sealed class CertificatesText
{
}
