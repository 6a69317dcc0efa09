namespace HiTech.Web.Features.Maturity;

/// <summary>Marker for the digital maturity strings: Resources/Features/Maturity/MaturityText.ml.resx (English is the key).</summary>
public sealed class MaturityText
{
}
