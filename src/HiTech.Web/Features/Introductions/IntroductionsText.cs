namespace HiTech.Web.Features.Introductions;

/// <summary>The marker the Introductions feature's Malayalam strings hang on (Resources/Features/Introductions/IntroductionsText.ml.resx).</summary>
public sealed class IntroductionsText;
