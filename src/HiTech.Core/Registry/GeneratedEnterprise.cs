using System.Collections.Immutable;
using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>One synthetic enterprise, typed. Money is decimal INR; null means "not reported".</summary>
public sealed record GeneratedEnterprise(
    string Id,
    string Name,
    string District,
    ImmutableArray<ActivityInput> Activities,
    decimal InvestmentPlantMachinery,
    decimal Turnover,
    decimal ValueAdded,
    int Employees,
    decimal? RdSpend,
    int? RdStaff,
    int? Patents,
    int? Designs,
    bool? DsirRdUnit,
    decimal? HighValueStageShare,
    int? StemStaff,
    int? ReturneeHires,
    decimal? DigitalMaturity,
    decimal? ExportRevenue,
    ImmutableArray<string>? Certifications)
{
    /// <summary>The registry columns, in file order (see docs/registry-format.md).</summary>
    public static readonly ImmutableArray<string> Columns =
    [
        "enterprise_id", "name", "district", "activities", "turnover", "value_added", "employees", "rd_spend", "rd_staff", "patents",
        "designs", "dsir_rd_unit", "high_value_stage_share", "stem_staff", "returnee_hires", "digital_maturity", "export_revenue", "certifications",
    ];

    /// <summary>The cells of this enterprise's registry row, in <see cref="Columns"/> order.</summary>
    public string[] ToCells() =>
    [
        Id, Name, District, ActivitiesText(), Text(Turnover), Text(ValueAdded), Text(Employees), Text(RdSpend), Text(RdStaff), Text(Patents),
        Text(Designs), DsirRdUnit is { } d ? (d ? "true" : "false") : "", Text(HighValueStageShare), Text(StemStaff), Text(ReturneeHires),
        Text(DigitalMaturity), Text(ExportRevenue), Certifications is { } c ? string.Join(';', c) : "",
    ];

    /// <summary>The same enterprise as scoring input, every value self-declared.</summary>
    public EnterpriseInput ToInput()
    {
        var inputs = ImmutableDictionary.CreateBuilder<string, InputValue>(StringComparer.Ordinal);
        inputs["turnover"] = InputValue.Of(Turnover);
        inputs["value_added"] = InputValue.Of(ValueAdded);
        inputs["employees"] = InputValue.Of(Employees);
        Add(inputs, "rd_spend", RdSpend);
        Add(inputs, "rd_staff", RdStaff);
        Add(inputs, "patents", Patents);
        Add(inputs, "designs", Designs);
        if (DsirRdUnit is { } dsir)
        {
            inputs["dsir_rd_unit"] = InputValue.Of(dsir);
        }

        Add(inputs, "high_value_stage_share", HighValueStageShare);
        Add(inputs, "stem_staff", StemStaff);
        Add(inputs, "returnee_hires", ReturneeHires);
        Add(inputs, "digital_maturity", DigitalMaturity);
        Add(inputs, "export_revenue", ExportRevenue);
        if (Certifications is { } certifications)
        {
            inputs["certifications"] = InputValue.OfCodes(certifications, EvidenceLevel.SelfDeclared);
        }

        return new EnterpriseInput(Id, Name, District, Activities, inputs.ToImmutable());
    }

    private string ActivitiesText() => string.Join(';', Activities.Select(a =>
        a.Share is { } share
            ? $"{a.Code}:{share.ToString(CultureInfo.InvariantCulture)}{(a.Stages.IsEmpty ? "" : ":" + string.Join('+', a.Stages))}"
            : a.Stages.IsEmpty ? a.Code : $"{a.Code}::{string.Join('+', a.Stages)}"));

    private static void Add(ImmutableDictionary<string, InputValue>.Builder inputs, string id, decimal? value)
    {
        if (value is { } v)
        {
            inputs[id] = InputValue.Of(v);
        }
    }

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
