namespace HiTech.Web.Features.OpenData;

/// <summary>The marker the open data's Malayalam strings hang on (Resources/Features/OpenData/OpenDataText.ml.resx).</summary>
public sealed class OpenDataText;
