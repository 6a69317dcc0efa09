namespace HiTech.Web.Features.Professionals;

/// <summary>The marker the professionals pages' Malayalam strings hang on (Resources/Features/Professionals/ProfessionalsText.ml.resx).</summary>
public sealed class ProfessionalsText;
