using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace HiTech.ClusterBench;

/// <summary>
/// Makes what a deadline day needs, the way people make it (pages and the API, through nginx): the first administrator
/// chooses a password and creates the staff accounts; assessors, an analyst and providers sign in and choose theirs;
/// providers register profiles the administrator verifies; enterprises register, add their organisation, start and fill an
/// assessment for every open financial year and post needs; one assessment each is approved for certificates to verify.
/// </summary>
public sealed partial class Seeder(Web web, BenchOptions options, World world)
{
    /// <summary>Values the engine accepts for a submission (the same as the web tests').</summary>
    public static readonly Dictionary<string, object?> Filled = new(StringComparer.Ordinal)
    {
        ["turnover"] = 30_000_000,
        ["value_added"] = 9_000_000,
        ["employees"] = 25,
        ["rd_spend"] = 1_500_000,
        ["rd_staff"] = 3,
        ["dsir_rd_unit"] = false,
        ["high_value_stage_share"] = 0.3,
        ["stem_staff"] = 8,
        ["digital_maturity"] = 55,
        ["export_revenue"] = 0,
        ["certifications"] = new[] { "iso9001" },
    };

    private readonly string _run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);

    public async Task SeedAsync()
    {
        var adminPassword = NewPassword();
        using (var admin = web.Session())
        {
            await Web.SubmitFormAsync(admin, "account/sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Email"] = options.AdminEmail, ["Password"] = options.AdminPassword });
            await ChangePasswordAsync(admin, options.AdminPassword, adminPassword);
            await File.WriteAllTextAsync(options.AdminPasswordOut, adminPassword);
            world.AdminToken = await web.SignInAsync(options.AdminEmail, adminPassword);
            Console.WriteLine("seed: the first administrator chose a password");

            var staff = new List<(string Email, string Role, string Temporary)>();
            for (var i = 0; i < options.Assessors; i++)
            {
                staff.Add(await NewStaffAsync(admin, $"assessor{i}", "Assessor"));
            }

            staff.Add(await NewStaffAsync(admin, "analyst", "Analyst"));
            for (var i = 0; i < options.Providers; i++)
            {
                staff.Add(await NewStaffAsync(admin, $"provider{i}", "Provider"));
            }

            var signedIn = await Task.WhenAll(staff.Select(s => FirstSignInAsync(s.Email, s.Temporary)));
            var providers = new List<(string Email, string Password, Guid Id)>();
            for (var i = 0; i < staff.Count; i++)
            {
                var (email, role, _) = staff[i];
                switch (role)
                {
                    case "Assessor":
                        world.AssessorTokens.Add(signedIn[i].Token);
                        break;
                    case "Analyst":
                        world.AnalystToken = signedIn[i].Token;
                        break;
                    default:
                        providers.Add((email, signedIn[i].Password, await ListProviderAsync(signedIn[i].Token, providers.Count)));
                        break;
                }
            }

            // The provider's id is in its token from the next sign-in on.
            foreach (var (email, password, id) in providers)
            {
                world.ProviderTokens.Add(await web.SignInAsync(email, password));
            }

            Console.WriteLine($"seed: {options.Assessors} assessors, an analyst and {providers.Count} verified providers");
            var enterprises = await Task.WhenAll(Enumerable.Range(0, options.Enterprises).Select(EnterpriseAsync));
            foreach (var (token, needs) in enterprises)
            {
                world.EnterpriseTokens.Add(token);
                foreach (var need in needs)
                {
                    for (var p = 0; p < providers.Count; p++)
                    {
                        world.Unsent.Enqueue(new Pair(need, providers[p].Id, token, world.ProviderTokens[p]));
                    }
                }
            }
        }

        Console.WriteLine($"seed: {options.Enterprises} enterprises, {world.Desks.Count} assessments ({world.Editable.Count} to fill in), {world.Certificates} certificates, {world.Unsent.Count} introductions possible");
    }

    private static string NewPassword() => "Bench#" + Convert.ToHexString(Guid.NewGuid().ToByteArray())[..20].ToLowerInvariant() + "Q";

    private static Task<string> ChangePasswordAsync(HttpClient session, string current, string chosen) =>
        Web.SubmitFormAsync(session, "account/change-password", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = chosen,
            ["ConfirmPassword"] = chosen,
        });

    private async Task<(string Email, string Role, string Temporary)> NewStaffAsync(HttpClient admin, string who, string role)
    {
        var email = $"{who}-{_run}@bench.example.org";
        var page = await Web.SubmitFormAsync(admin, "admin/users/new", new Dictionary<string, string>(StringComparer.Ordinal) { ["Name"] = $"Bench {who}", ["Email"] = email, ["Role"] = role });
        var temporary = TemporaryPassword().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no temporary password shown for {email}");
        return (email, role, temporary);
    }

    /// <summary>Signs in on the website with the temporary password, chooses one, then takes an API token with it.</summary>
    private async Task<(string Token, string Password)> FirstSignInAsync(string email, string temporary)
    {
        using var session = web.Session();
        await Web.SubmitFormAsync(session, "account/sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Email"] = email, ["Password"] = temporary });
        var password = NewPassword();
        await ChangePasswordAsync(session, temporary, password);
        return (await web.SignInAsync(email, password), password);
    }

    private async Task<Guid> ListProviderAsync(string token, int index)
    {
        var created = await web.JsonAsync(HttpMethod.Post, "api/v1/providers", token, new
        {
            name = $"Bench test lab {index} {_run}",
            kind = "tic-lab",
            district = "Ernakulam",
            remote = false,
            nicCodes = "22, 2211",
            stages = new[] { "testing-certification" },
            certifications = new[] { "nabl" },
            technologies = new[] { "sensors-iot" },
            languages = new[] { "en", "ml" },
            trlFrom = 4,
            trlTo = 7,
            responseDays = 3,
            servicesEn = "Tensile and ageing tests of rubber parts",
            servicesMl = "",
            website = "https://lab.example.org",
            contactEmail = "desk@lab.example.org",
            equipment = new[] { new { name = "Universal testing machine", make = "Instron 3369", purpose = "Tensile tests", bookingTerms = "Two days' notice", feeBand = "1000-10000" } },
            version = 0,
        });
        var id = created.GetProperty("id").GetGuid();
        await web.JsonAsync(HttpMethod.Post, "api/v1/providers/mine/submit", token);
        await web.JsonAsync(HttpMethod.Post, $"api/v1/providers/{id}/verify", world.AdminToken, new { });
        return id;
    }

    /// <summary>An enterprise: its account, organisation, an assessment per open year filled in, its needs, one approval.</summary>
    private async Task<(string Token, List<Guid> Needs)> EnterpriseAsync(int index)
    {
        var email = $"enterprise{index}-{_run}@bench.example.org";
        var password = NewPassword();
        using (var session = web.Session())
        {
            await Web.SubmitFormAsync(session, "account/register", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Name"] = $"Bench Owner {index}",
                ["Email"] = email,
                ["Password"] = password,
                ["ConfirmPassword"] = password,
            });
        }

        var token = await web.SignInAsync(email, password);
        var udyam = string.Create(CultureInfo.InvariantCulture, $"UDYAM-KL-07-{1000000 + (Random.Shared.Next(0, 8000) * 100) + index:0000000}");
        var organisation = (await web.JsonAsync(HttpMethod.Post, "api/v1/organisations", token, new
        {
            name = $"Bench Rubber Works {index} {_run}",
            udyamNumber = udyam,
            district = "Kottayam",
            address = "Industrial Estate, Kottayam",
            investmentInr = 2_000_000,
            turnoverInr = 30_000_000,
        })).GetProperty("id").GetGuid();
        token = await web.SignInAsync(email, password);
        // What it makes: a submission needs at least one NIC activity.
        await web.JsonAsync(HttpMethod.Post, $"api/v1/organisations/{organisation}/activities", token, new { code = "3250", stages = new[] { "rnd", "advanced-manufacturing" }, revenueSharePercent = 100 });

        var desks = new List<Desk>();
        var lastYear = LastCompletedYear(DateTimeOffset.UtcNow);
        for (var year = 2015; year <= lastYear; year++)
        {
            var started = await web.JsonAsync(HttpMethod.Post, "api/v1/assessments", token, new { organisationId = organisation, year });
            var desk = new Desk(started.GetProperty("id").GetGuid(), token);
            var saved = await web.JsonAsync(HttpMethod.Put, $"api/v1/assessments/{desk.Id}/inputs", token, new { version = started.GetProperty("version").GetInt32(), inputs = Filled });
            desk.Version = desk.MinVersion = saved.GetProperty("version").GetInt32();
            desk.Employees = 25;
            desks.Add(desk);
            world.Desks.Add(desk);
        }

        // One approved assessment each: certificates for the public to verify from the first second.
        var first = desks[0];
        await web.JsonAsync(HttpMethod.Post, $"api/v1/assessments/{first.Id}/submit", token, new { version = first.Version });
        var assessor = world.AssessorTokens[index % world.AssessorTokens.Count];
        var taken = await web.JsonAsync(HttpMethod.Post, $"api/v1/reviews/{first.Id}/take", assessor);
        var approved = await web.JsonAsync(HttpMethod.Post, $"api/v1/reviews/{first.Id}/approve", assessor, new { version = taken.GetProperty("version").GetInt32(), comments = "Checked against the audited accounts." });
        world.AddCertificate(approved.GetProperty("certificate_id").GetString()!);
        first.Status = "approved";
        first.Version = first.MinVersion = approved.GetProperty("version").GetInt32();
        foreach (var desk in desks.Skip(1))
        {
            world.Editable.Enqueue(desk);
        }

        var needs = new List<Guid>();
        for (var n = 0; n < options.NeedsPerEnterprise; n++)
        {
            var need = await web.JsonAsync(HttpMethod.Post, "api/v1/needs", token, new
            {
                helpKind = "testing-certification",
                providerKinds = new[] { "tic-lab" },
                nicCode = "22112",
                certifications = new[] { "nabl" },
                budgetBand = "1-to-5-lakh",
                deadline = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                summary = $"Tensile testing of rubber gaskets, batch {n}",
                privateDetails = $"Batch {n} failed at 9 MPa",
            });
            needs.Add(need.GetProperty("id").GetGuid());
        }

        return (token, needs);
    }

    /// <summary>The financial year most recently completed (April to March, India time), as the platform offers them.</summary>
    private static int LastCompletedYear(DateTimeOffset now)
    {
        var ist = now.ToOffset(TimeSpan.FromHours(5.5));
        return (ist.Month >= 4 ? ist.Year : ist.Year - 1) - 1;
    }

    [GeneratedRegex("<code id=\"temporary-password\">([^<]+)</code>")]
    private static partial Regex TemporaryPassword();

}
