namespace HiTech.Web;

/// <summary>Marker for the shared resource files Resources/SharedResource.resx (English) and SharedResource.ml.resx (Malayalam).</summary>
public sealed class SharedResource
{
}
