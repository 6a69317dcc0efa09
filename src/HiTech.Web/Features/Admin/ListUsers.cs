namespace HiTech.Web.Features.Admin;

/// <summary>One account as the admin list shows it.</summary>
public sealed record UserRow(Guid Id, string Name, string Email, string Role, string? Organisation, bool Locked, DateTimeOffset CreatedAt)
{
    /// <summary>Staff roles can be changed here; an enterprise account belongs to its organisation.</summary>
    public bool IsStaff => Role != Roles.Enterprise;
}

/// <summary>Accounts, for admins: staff and enterprise accounts with role, organisation and whether they are locked.</summary>
public sealed class ListUsers(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ExecuteAsync(string? search, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // NormalizedEmail is upper case (Identity's normaliser), so the e-mail search ignores case on every provider.
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(term));
        }

        var rows = await (
                from u in query
                join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
                from ur in userRoles.DefaultIfEmpty()
                join r in db.Roles on ur.RoleId equals r.Id into roles
                from r in roles.DefaultIfEmpty()
                join o in db.Organisations on u.OrganisationId equals o.Id into organisations
                from o in organisations.DefaultIfEmpty()
                select new { u.Id, u.DisplayName, u.Email, Role = r == null ? null : r.Name, Organisation = o == null ? null : o.Name, u.LockoutEnd, u.CreatedAt })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows
            .GroupBy(r => r.Id)
            .Select(g => g.First() with { Role = string.Join(", ", g.Select(x => x.Role).OfType<string>().Order(StringComparer.Ordinal)) })
            .Select(r => new UserRow(r.Id, r.DisplayName, r.Email ?? "", r.Role ?? "", r.Organisation, r.LockoutEnd is { } end && end > now, r.CreatedAt))
            .OrderBy(r => RoleOrder(r.Role))
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }

    private static int RoleOrder(string role)
    {
        var index = Array.IndexOf(Roles.All, role);
        return index < 0 ? int.MaxValue : index;
    }
}
