namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Marker for the Enterprises feature's strings: English text is the key, Malayalam is in
/// Resources/Features/Enterprises/EnterprisesText.ml.resx.
/// </summary>
public sealed class EnterprisesText
{
}
