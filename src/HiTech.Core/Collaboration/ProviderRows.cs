using HiTech.Core.Registry;

namespace HiTech.Core.Collaboration;

/// <summary>
/// Reads providers files (docs/collaboration-formats.md) row by row into <see cref="ProviderProfile"/>s, as an
/// <see cref="IRowHandler{T}"/> for <see cref="RegistryFile.Read"/>: the same CSV and Excel pipeline as registries.
/// Thread-safe: rows are read on every core.
/// </summary>
public sealed class ProviderRows(CollaborationData data, ColumnLayout layout) : IRowHandler<RowResult<ProviderProfile>>
{
    public const string IdColumn = "provider_id";

    public static readonly string[] Required = [IdColumn, "name", "kind", "district", "nic_codes", "stages", "certifications", "services", "remote", "expires_on"];

    public static readonly string[] Optional = ["verified", "verified_on", "technologies", "languages", "response_days", "median_response_days"];

    public ColumnLayout Layout { get; } = layout;

    public static ColumnLayout LayoutOf(IReadOnlyList<string> header) => ColumnLayout.From(header, Required, Optional);

    public RowResult<ProviderProfile> Row<TCells>(TCells cells, long line)
        where TCells : ICells, allows ref struct
    {
        var read = new CellReader<TCells>(cells, Layout, data);
        try
        {
            var responseDays = read.Days("response_days");
            var profile = new ProviderProfile
            {
                Id = read.Id(IdColumn),
                Name = read.Text("name", required: true),
                Kind = read.Term("kind", data.Kinds, ProfileRule.UnknownKind),
                DistrictId = read.District("district", required: true, allowOutside: true),
                NicCodes = read.NicCodes("nic_codes"),
                Stages = read.Terms("stages", data.Stages, ProfileRule.UnknownStage),
                Certifications = read.Terms("certifications", data.Certifications, ProfileRule.UnknownCertification),
                Services = read.Text("services", required: false),
                Remote = read.Boolean("remote", fallback: false),
                ExpiresOn = read.Date("expires_on", required: true)!.Value,
                Verified = read.Boolean("verified", fallback: true),
                VerifiedOn = read.Date("verified_on", required: false),
                Technologies = read.Terms("technologies", data.Technologies, ProfileRule.UnknownTechnology),
                Languages = read.Languages("languages"),
                ResponseDays = responseDays is { } days ? (int)Math.Ceiling(days) : null,
                MedianResponseDays = read.Days("median_response_days"),
            };
            return new RowResult<ProviderProfile>(line, profile.Id, profile, null);
        }
        catch (RowRefused refused)
        {
            return new RowResult<ProviderProfile>(line, IdOf(read, IdColumn), null, refused.Problem);
        }
    }

    public RowResult<ProviderProfile> Reject(long line, string reason) => new(line, "", null, new ProfileProblem("", ProfileRule.Unreadable, reason));

    internal static string IdOf<TCells>(CellReader<TCells> read, string column)
        where TCells : ICells, allows ref struct
    {
        var id = read.Raw(column);
        return id.Length <= RegistryRowParser.MaxIdLength ? id.ToString() : Scoring.InputRules.Shorten(id);
    }
}
