namespace HiTech.Web.Features.Providers;

/// <summary>The marker the providers feature's Malayalam strings hang on (Resources/Features/Providers/ProvidersText.ml.resx).</summary>
public sealed class ProvidersText;
