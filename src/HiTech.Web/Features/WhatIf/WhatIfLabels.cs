using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.WhatIf;

/// <summary>How the keys and figures of a what-if report read on a page, in the user's language.</summary>
public sealed class WhatIfLabels(IStringLocalizer<WhatIfText> n, ReferenceData reference)
{
    /// <summary>A tier id as the framework names it (ids are the framework's stable names).</summary>
    public string Tier(string id) => id;

    /// <summary>A district id, size class, direction, priority sector or group key.</summary>
    public string Key(string key) => key switch
    {
        WhatIfAnalysis.Up => n["Moved up"],
        WhatIfAnalysis.Down => n["Moved down"],
        WhatIfAnalysis.Unchanged => n["Unchanged"],
        WhatIfAnalysis.Entering => n["Becomes hi-tech"],
        WhatIfAnalysis.Leaving => n["No longer hi-tech"],
        SizeClasses.Micro => n["Micro"],
        SizeClasses.Small => n["Small"],
        SizeClasses.Medium => n["Medium"],
        SizeClasses.Large => n["Large"],
        EnterpriseFactsBuilder.UnknownSize => n["Size not known"],
        GroupDimensions.NoSector => n["No priority sector"],
        GroupDimensions.Kerala => n["Kerala"],
        _ when reference.Districts.TryResolve(key, out var district) => DistrictNames.Of(district),
        _ => key,
    };

    public string Indicator(string id) => id switch
    {
        "enterprises" => n["Enterprises"],
        "hi_tech_enterprises" => n["Hi-tech enterprises"],
        "sdg_9b1_share" => n["SDG 9.b.1: medium and high-tech share of manufacturing value added (%)"],
        "rd_intensity" => n["R&D intensity (% of value added)"],
        "rd_staff_share" => n["R&D staff (% of employees)"],
        "stem_share" => n["STEM staff (% of employees)"],
        "exports_share" => n["Exports (% of turnover)"],
        "returnee_hires" => n["Returnee hires"],
        "digital_maturity_mean" => n["Digital maturity (mean score)"],
        "certifications" => n["Certifications per enterprise"],
        _ when id.StartsWith("enterprises_by_tier.", StringComparison.Ordinal) => n["Enterprises in tier {0}", id["enterprises_by_tier.".Length..]],
        _ => id,
    };

    /// <summary>A figure with up to two decimals in Indian grouping; "hidden" when suppressed or undefined.</summary>
    public string Value(decimal? value, bool signed = false) => value is not { } v
        ? n["hidden"]
        : (signed && v > 0 ? "+" : "") + Fmt.Number(Math.Round(v, 2), v == Math.Round(v) ? 0 : 2);
}
