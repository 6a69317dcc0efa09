using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Enterprises.Units;

/// <summary>The fields of a unit form, as typed, and how a save's outcome is shown.</summary>
public abstract class UnitFormPage(EnterpriseLabels labels, EnterpriseRules rules, IStringLocalizer<EnterprisesText> l) : EnterprisePage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? InvestmentInr { get; set; }

    [BindProperty]
    public string? TurnoverInr { get; set; }

    /// <summary>What is saved now, when someone else saved first.</summary>
    public UnitView? Saved { get; protected set; }

    protected void Fill(UnitView unit)
    {
        Name = unit.Name;
        District = labels.DistrictId(unit.District);
        Address = unit.Address;
        InvestmentInr = MoneyText.FormatDigits(unit.InvestmentInr);
        TurnoverInr = MoneyText.FormatDigits(unit.TurnoverInr);
    }

    /// <summary>The request from what was typed; amounts that are not numbers get their own message.</summary>
    protected (UnitRequest Request, Dictionary<string, string> TypingErrors) Read(int? version)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var investment = rules.TypedAmount(errors, InvestmentInr, "investmentInr");
        var turnover = rules.TypedAmount(errors, TurnoverInr, "turnoverInr");
        return (new UnitRequest(Name, District, Address, investment, turnover, version), errors);
    }

    protected string SavedMessage(UnitView unit) =>
        l["{0} is saved. Its MSME size class is {1}.", unit.Name, labels.SizeClass(unit.SizeClass)];
}
