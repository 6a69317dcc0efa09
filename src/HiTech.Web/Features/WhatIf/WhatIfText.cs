namespace HiTech.Web.Features.WhatIf;

/// <summary>Marker for the what-if strings: Resources/Features/WhatIf/WhatIfText.ml.resx (English is the key).</summary>
public sealed class WhatIfText
{
}
