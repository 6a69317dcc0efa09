using HiTech.Core.Reference;

namespace HiTech.Web.Features.Shared;

/// <summary>A district as stored (any spelling districts.csv knows) in the page's language; an unknown one as stored.</summary>
public static class DistrictNames
{
    public static string Of(ReferenceData reference, string? stored) =>
        stored is not null && reference.Districts.TryResolve(stored, out var district) ? Of(district) : stored ?? "";

    public static string Of(District district) => Language.Current == Language.Malayalam ? district.NameMl : district.Name;
}
