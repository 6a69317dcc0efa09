namespace HiTech.Web.Features.Assessments;

/// <summary>Marker for the assessments feature's strings: Resources/Features/Assessments/AssessmentsText.ml.resx (English is the key).</summary>
public sealed class AssessmentsText
{
}
