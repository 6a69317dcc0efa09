namespace HiTech.Web.Features.Admin;

/// <summary>Marker for the administration strings: Resources/Features/Admin/AdminText.ml.resx (English is the key).</summary>
public sealed class AdminText
{
}
