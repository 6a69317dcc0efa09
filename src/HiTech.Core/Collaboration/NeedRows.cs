using HiTech.Core.Registry;

namespace HiTech.Core.Collaboration;

/// <summary>Reads needs files (docs/collaboration-formats.md) row by row into <see cref="Need"/>s; thread-safe.</summary>
public sealed class NeedRows(CollaborationData data, ColumnLayout layout) : IRowHandler<RowResult<Need>>
{
    public const string IdColumn = "need_id";

    public static readonly string[] Required = [IdColumn, "district", "kinds", "nic_code", "stage", "certifications", "text", "as_of"];

    public ColumnLayout Layout { get; } = layout;

    public static ColumnLayout LayoutOf(IReadOnlyList<string> header) => ColumnLayout.From(header, Required, []);

    public RowResult<Need> Row<TCells>(TCells cells, long line)
        where TCells : ICells, allows ref struct
    {
        var read = new CellReader<TCells>(cells, Layout, data);
        try
        {
            var need = new Need
            {
                Id = read.Id(IdColumn),
                DistrictId = read.District("district", required: false, allowOutside: false),
                Kinds = read.Terms("kinds", data.Kinds, ProfileRule.UnknownKind),
                NicCode = read.NicCode("nic_code"),
                Stage = read.OptionalTerm("stage", data.Stages, ProfileRule.UnknownStage),
                Certifications = read.Terms("certifications", data.Certifications, ProfileRule.UnknownCertification),
                Text = read.Text("text", required: false),
                AsOf = read.Date("as_of", required: true)!.Value,
            };
            return new RowResult<Need>(line, need.Id, need, null);
        }
        catch (RowRefused refused)
        {
            return new RowResult<Need>(line, ProviderRows.IdOf(read, IdColumn), null, refused.Problem);
        }
    }

    public RowResult<Need> Reject(long line, string reason) => new(line, "", null, new ProfileProblem("", ProfileRule.Unreadable, reason));
}
