using System.Globalization;
using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// Starts a maturity assessment. What the platform knows about the unit (staff from the latest assessment, whether it
/// manufactures from its main activity, its size class from its units) is shown; only what it does not know is asked.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class StartModel(ReadFirm firms, GetMaturity get, StartMaturity start, MaturityWords words) : FormPage
{
    public FirmFacts Firm { get; private set; } = null!;

    [BindProperty]
    public string? Employees { get; set; }

    [BindProperty]
    public string? Manufacturing { get; set; }

    [BindProperty]
    public string? Size { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } other)
        {
            return other;
        }

        var entry = new ProfileEntry();
        if (Firm.Employees is null)
        {
            var text = (Employees ?? "").Replace(",", "", StringComparison.Ordinal).Trim();
            if (text.Length == 0)
            {
                ModelState.AddModelError(nameof(Employees), words.L["Enter how many people work in your unit"]);
            }
            else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > StartMaturity.MaxEmployees)
            {
                ModelState.AddModelError(nameof(Employees), words.L["Enter the number of people as a whole number, like 12"]);
            }
            else
            {
                entry = entry with { Employees = n };
            }
        }

        if (Firm.Manufacturing is null)
        {
            if (Manufacturing is "yes" or "no")
            {
                entry = entry with { Manufacturing = Manufacturing == "yes" };
            }
            else
            {
                ModelState.AddModelError(nameof(Manufacturing), words.L["Select yes if your unit manufactures or processes goods"]);
            }
        }

        if (Firm.Size is null)
        {
            if (MaturityProfile.TryParseSize(Size, out var size))
            {
                entry = entry with { Size = size };
            }
            else
            {
                ModelState.AddModelError(nameof(Size), words.L["Select the size class of your unit"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await start.ExecuteAsync(Current, Firm.OrganisationId, entry, null, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        // Started: the first questions; one already in progress (the conflict carries it): that one.
        if (outcome.Value is { } started)
        {
            return Redirect(outcome.IsOk ? $"/maturity/{started.Id}/screen/1" : $"/maturity/{started.Id}");
        }

        ModelState.AddErrors(outcome);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (Current.OrganisationId is not { } organisation || await firms.ExecuteAsync(organisation, cancellationToken) is not { } firm)
        {
            return Redirect("/maturity");
        }

        if (await get.InProgressAsync(organisation, cancellationToken) is { } open)
        {
            return Redirect($"/maturity/{open.Id}");
        }

        Firm = firm;
        return null;
    }
}
