namespace HiTech.Web.Features.Partnerships;

/// <summary>The marker the Partnerships feature's Malayalam strings hang on (Resources/Features/Partnerships/PartnershipsText.ml.resx).</summary>
public sealed class PartnershipsText;
