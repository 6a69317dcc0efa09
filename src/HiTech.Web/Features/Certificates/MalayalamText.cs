using System.Globalization;

namespace HiTech.Web.Features.Certificates;

/// <summary>The Malayalam of a certificate string whatever the request's language: the certificate is always bilingual.</summary>
public sealed class MalayalamText(IStringLocalizer<CertificatesText> localizer)
{
    private static readonly CultureInfo Malayalam = new("ml");

    public string this[string english]
    {
        get
        {
            var previous = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = Malayalam;
                return localizer[english];
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }
}
