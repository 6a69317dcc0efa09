using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Providers;

/// <summary>
/// The district filter shared by the public directory and the search of returning professionals: a district named
/// in any accepted spelling, and the providers in it or serving all Kerala remotely.
/// </summary>
public static class DistrictFilter
{
    /// <summary>The district's official name, or "" when none was asked or it is unknown (then <paramref name="error"/> goes under "district").</summary>
    public static string Resolve(CollaborationData data, string? asked, string error, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            return "";
        }

        if (data.Districts.TryResolve(asked, out var found))
        {
            return found.Name;
        }

        errors["district"] = [error];
        return "";
    }

    public static IQueryable<Provider> Serving(IQueryable<Provider> listed, string district) =>
        district.Length == 0 ? listed : listed.Where(p => p.District == district || p.Remote);
}
