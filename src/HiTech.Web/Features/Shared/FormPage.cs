namespace HiTech.Web.Features.Shared;

/// <summary>A page with a form: helpers to show each field's error next to it, GOV.UK style.</summary>
public abstract class FormPage : PageModel
{
    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// The form's field names in the order the page shows them; the error summary lists errors in this order. By default
    /// the page's <c>[BindProperty]</c> properties as declared; a page whose fields show in another order says so here.
    /// </summary>
    public virtual IReadOnlyList<string> FieldOrder => ErrorSummary.BoundFieldsOf(GetType());

    /// <summary>The signed-in user as the platform sees them.</summary>
    public Infrastructure.CurrentUser Current => Infrastructure.CurrentUser.From(User);
}
