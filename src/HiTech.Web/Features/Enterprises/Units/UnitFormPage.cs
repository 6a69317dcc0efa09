using HiTech.Web.Features.Enterprises.Registration;

namespace HiTech.Web.Features.Enterprises.Units;

/// <summary>The fields of a unit form, as typed, and how a save's outcome is shown.</summary>
public abstract class UnitFormPage(EnterpriseLabels labels, IStringLocalizer<EnterprisesText> l) : EnterprisePage
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
        InvestmentInr = EnterpriseRules.Plain(unit.InvestmentInr);
        TurnoverInr = EnterpriseRules.Plain(unit.TurnoverInr);
    }

    /// <summary>The request from what was typed; amounts that are not numbers get their own message.</summary>
    protected (UnitRequest Request, Dictionary<string, string> TypingErrors) Read(int? version)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var investment = SizeModel.ReadAmount(errors, InvestmentInr, "investmentInr", l["Enter the investment as a number of rupees, like 2500000"], (_, v, _) => v);
        var turnover = SizeModel.ReadAmount(errors, TurnoverInr, "turnoverInr", l["Enter the turnover as a number of rupees, like 12000000"], (_, v, _) => v);
        return (new UnitRequest(Name, District, Address, investment, turnover, version), errors);
    }

    protected string SavedMessage(UnitView unit) =>
        l["{0} is saved. Its MSME size class is {1}.", unit.Name, labels.SizeClass(unit.SizeClass)];
}
