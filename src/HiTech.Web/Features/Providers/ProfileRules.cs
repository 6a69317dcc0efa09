using System.Globalization;
using HiTech.Core.Collaboration;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Providers;

/// <summary>
/// The one check of a profile as typed (page and API), against the vocabulary of the framework in force: every
/// message in the user's language under the API's field name. <see cref="Apply"/> writes a checked form to the entity.
/// </summary>
public sealed class ProfileRules(CollaborationVocabulary vocabulary, FrameworkStore frameworks, IStringLocalizer<ProvidersText> l, IStringLocalizer<SharedResource> t)
{
    public const string ProfessionalKind = "professional";
    public const int MaxEquipment = 50;
    private static readonly string[] LanguageCodes = ["en", "ml", "hi", "ta", "ar"];
    private static readonly string[] AvailabilityIds = ["job", "consulting", "mentoring"];

    public static IReadOnlyList<string> Languages => LanguageCodes;

    public static IReadOnlyList<string> AvailabilityOptions => AvailabilityIds;

    /// <summary>The errors per field; an empty dictionary when the form may be saved. Cleans the form's texts in place.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(ProviderForm form, CancellationToken cancellationToken)
    {
        var data = vocabulary.For(await frameworks.ActiveAsync(cancellationToken));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        form.Name = TextWords.Checked(errors, "name", form.Name, t) ?? form.Name;
        if (!errors.ContainsKey("name") && string.IsNullOrEmpty(form.Name))
        {
            errors["name"] = [l["Enter the name of your institution, lab or firm (or your own name if you are a professional)"]];
        }
        else if (form.Name?.Length > 200)
        {
            errors["name"] = [l["The name must be 200 characters or fewer"]];
        }

        if (string.IsNullOrWhiteSpace(form.Kind) || data.Kinds.IndexOf(form.Kind) < 0)
        {
            errors["kind"] = [l["Choose what kind of provider you are"]];
        }
        else
        {
            form.Kind = data.Kinds.Terms[data.Kinds.IndexOf(form.Kind)].Id;
        }

        CheckDistrict(form, data, errors);
        CheckNic(form, data.Nic, errors);
        form.Stages = Known(errors, "stages", form.Stages, data.Stages, l["Choose stages from the list"]);
        form.Certifications = Known(errors, "certifications", form.Certifications, data.Certifications, l["Choose certifications from the list"]);
        form.Technologies = Known(errors, "technologies", form.Technologies, data.Technologies, l["Choose technologies from the list"]);
        form.Languages = [.. form.Languages.Select(c => c.Trim().ToLowerInvariant()).Distinct()];
        if (form.Languages.Count == 0)
        {
            errors["languages"] = [l["Choose at least one language you work in"]];
        }
        else if (form.Languages.Any(c => !LanguageCodes.Contains(c)))
        {
            errors["languages"] = [l["Choose languages from the list"]];
        }

        CheckTrl(form, errors);
        if (form.ResponseDays is not { } days || days is < 1 or > 30)
        {
            errors["responseDays"] = [l["Enter the number of working days within which you answer a request, from 1 to 30"]];
        }

        form.ServicesEn = Long(errors, "servicesEn", form.ServicesEn);
        form.ServicesMl = Long(errors, "servicesMl", form.ServicesMl);
        if (!errors.ContainsKey("servicesEn") && !errors.ContainsKey("servicesMl") && string.IsNullOrEmpty(form.ServicesEn) && string.IsNullOrEmpty(form.ServicesMl))
        {
            errors["servicesEn"] = [l["Say what you offer, in English or Malayalam or both"]];
        }

        CheckWebsite(form, errors);
        form.ContactEmail = TextWords.Checked(errors, "contactEmail", form.ContactEmail, t) ?? form.ContactEmail;
        if (!string.IsNullOrEmpty(form.ContactEmail) && (!form.ContactEmail.Contains('@', StringComparison.Ordinal) || form.ContactEmail.Length > 254))
        {
            errors["contactEmail"] = [l["Enter an email address in the right format, like name@example.com"]];
        }

        CheckProfessional(form, data, errors);
        CheckEquipment(form, data, errors);
        return errors;
    }

    /// <summary>Writes a checked form to the entity (the version is the caller's business).</summary>
    public static void Apply(ProviderForm form, Provider p)
    {
        p.Name = form.Name ?? "";
        p.Kind = form.Kind ?? "";
        p.District = form.District ?? "";
        p.Remote = form.Remote;
        p.NicCodes = ProfileLists.Join(ProfileLists.Split(form.NicCodes ?? ""));
        p.Stages = ProfileLists.Join(form.Stages);
        p.Certifications = ProfileLists.Join(form.Certifications);
        p.Technologies = ProfileLists.Join(form.Technologies);
        p.Languages = ProfileLists.Join(form.Languages);
        (p.TrlFrom, p.TrlTo) = (form.TrlFrom, form.TrlTo);
        p.ResponseDays = form.ResponseDays ?? 5;
        (p.ServicesEn, p.ServicesMl) = (form.ServicesEn ?? "", form.ServicesMl ?? "");
        p.Website = string.IsNullOrEmpty(form.Website) ? null : form.Website;
        p.ContactEmail = string.IsNullOrEmpty(form.ContactEmail) ? null : form.ContactEmail;
        var professional = p.Kind == ProfessionalKind;
        p.Skills = professional ? form.Skills ?? "" : "";
        p.Sectors = professional ? ProfileLists.Join(form.Sectors) : "";
        p.YearsAbroad = professional ? form.YearsAbroad : null;
        p.Availability = professional ? ProfileLists.Join(form.Availability) : "";
        p.Equipment.Clear();
        // No id: EF Core gives each new row one, and so knows to insert it (a row found with an id is taken as saved).
        p.Equipment.AddRange(form.Equipment.Where(e => !e.IsBlank).Select(e => new ProviderEquipment
        {
            ProviderId = p.Id,
            Name = e.Name ?? "",
            Make = e.Make ?? "",
            Purpose = e.Purpose ?? "",
            BookingTerms = e.BookingTerms ?? "",
            FeeBand = e.FeeBand ?? "",
        }));
    }

    private void CheckDistrict(ProviderForm form, CollaborationData data, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(form.District))
        {
            form.District = "";
            return;
        }

        if (data.Districts.TryResolve(form.District, out var district))
        {
            form.District = district.Name;
        }
        else
        {
            errors["district"] = [l["Choose a Kerala district from the list, or “Outside Kerala”"]];
        }
    }

    private void CheckNic(ProviderForm form, NicCatalog nic, Dictionary<string, string[]> errors)
    {
        var codes = ProfileLists.Split(form.NicCodes ?? "");
        var unknown = codes.Where(c => c.Length is < 2 or > 5 || !c.All(char.IsAsciiDigit) || !nic.TryGet(c, out _)).ToList();
        if (unknown.Count > 0)
        {
            errors["nicCodes"] = [l["These are not NIC 2008 codes: {0}. Use 2 to 5 digit codes, like 26 or 2651.", string.Join(", ", unknown)]];
        }
        else if (codes.Count > 100)
        {
            errors["nicCodes"] = [l["Give at most 100 NIC codes"]];
        }

        form.NicCodes = string.Join(", ", codes.Distinct(StringComparer.Ordinal));
    }

    private static List<string> Known(Dictionary<string, string[]> errors, string field, List<string> ids, Vocabulary terms, string message)
    {
        var known = new List<string>();
        foreach (var id in ids.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            var index = terms.IndexOf(id);
            if (index < 0)
            {
                errors.TryAdd(field, [message]);
                return ids;
            }

            known.Add(terms.Terms[index].Id);
        }

        return [.. known.Distinct(StringComparer.Ordinal)];
    }

    private void CheckTrl(ProviderForm form, Dictionary<string, string[]> errors)
    {
        if (form.TrlFrom is < 1 or > 9)
        {
            errors["trlFrom"] = [l["Technology readiness levels go from 1 to 9"]];
        }

        if (form.TrlTo is < 1 or > 9)
        {
            errors["trlTo"] = [l["Technology readiness levels go from 1 to 9"]];
        }
        else if (form.TrlFrom is { } from && form.TrlTo is { } to && to < from)
        {
            errors["trlTo"] = [l["The highest level must not be lower than the lowest"]];
        }
        else if ((form.TrlFrom is null) != (form.TrlTo is null))
        {
            errors[form.TrlFrom is null ? "trlFrom" : "trlTo"] = [l["Give both the lowest and the highest level, or neither"]];
        }
    }

    private string Long(Dictionary<string, string[]> errors, string field, string? value)
    {
        var text = TextWords.Checked(errors, field, value, t, multiline: true) ?? value ?? "";
        if (text.Length > 4000)
        {
            errors.TryAdd(field, [l["Keep this to 4000 characters or fewer"]]);
        }

        return text;
    }

    private void CheckWebsite(ProviderForm form, Dictionary<string, string[]> errors)
    {
        form.Website = TextWords.Checked(errors, "website", form.Website, t) ?? form.Website;
        if (string.IsNullOrEmpty(form.Website) || errors.ContainsKey("website"))
        {
            return;
        }

        if (!Uri.TryCreate(form.Website, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || form.Website.Length > 300)
        {
            errors["website"] = [l["Enter the website's full address, like https://example.org"]];
        }
    }

    private void CheckProfessional(ProviderForm form, CollaborationData data, Dictionary<string, string[]> errors)
    {
        if (form.Kind != ProfessionalKind)
        {
            return;
        }

        form.Skills = Long(errors, "skills", form.Skills);
        if (!errors.ContainsKey("skills") && string.IsNullOrEmpty(form.Skills))
        {
            errors["skills"] = [l["Say what you are skilled in"]];
        }

        form.Sectors = [.. form.Sectors.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)];
        if (form.Sectors.Any(s => !data.Reference.PrioritySectors.TryGet(s, out _)))
        {
            errors["sectors"] = [l["Choose sectors from the list"]];
        }

        if (form.YearsAbroad is < 0 or > 60)
        {
            errors["yearsAbroad"] = [l["Enter the years you worked abroad, from 0 to 60"]];
        }

        form.Availability = [.. form.Availability.Distinct(StringComparer.Ordinal)];
        if (form.Availability.Count == 0 || form.Availability.Any(a => !AvailabilityIds.Contains(a)))
        {
            errors["availability"] = [l["Choose what you are available for: a job, consulting or mentoring"]];
        }
    }

    private void CheckEquipment(ProviderForm form, CollaborationData data, Dictionary<string, string[]> errors)
    {
        var rows = form.Equipment.Where(e => !e.IsBlank).ToList();
        if (rows.Count > MaxEquipment)
        {
            errors["equipment"] = [l["List at most {0} pieces of equipment", MaxEquipment]];
            return;
        }

        for (var i = 0; i < form.Equipment.Count; i++)
        {
            var row = form.Equipment[i];
            if (row.IsBlank)
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"equipment[{i}]");
            row.Name = TextWords.Checked(errors, at + ".name", row.Name, t) ?? row.Name;
            if (!errors.ContainsKey(at + ".name") && (string.IsNullOrEmpty(row.Name) || row.Name.Length > 200))
            {
                errors[at + ".name"] = [l["Enter the equipment's name, in 200 characters or fewer"]];
            }

            row.Make = Short(errors, at + ".make", row.Make, 200);
            row.Purpose = Short(errors, at + ".purpose", row.Purpose, 1000);
            row.BookingTerms = Short(errors, at + ".bookingTerms", row.BookingTerms, 1000);
            if (!string.IsNullOrWhiteSpace(row.FeeBand) && data.FeeBands.IndexOf(row.FeeBand) < 0)
            {
                errors[at + ".feeBand"] = [l["Choose a fee band from the list"]];
            }
        }
    }

    private string Short(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        var text = TextWords.Checked(errors, field, value, t) ?? value ?? "";
        if (text.Length > max)
        {
            errors.TryAdd(field, [l["Keep this to {0} characters or fewer", max]]);
        }

        return text;
    }
}
