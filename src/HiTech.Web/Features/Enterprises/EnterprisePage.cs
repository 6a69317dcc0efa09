namespace HiTech.Web.Features.Enterprises;

/// <summary>A page of the Enterprises feature: for Enterprise users, with helpers for refusals and success messages.</summary>
[Authorize(Policy = Roles.Enterprise)]
public abstract class EnterprisePage : FormPage
{
    public const string FlashKey = "enterprise.flash";

    /// <summary>The success message to show once, set by the page that redirected here.</summary>
    public string? Flash { get; private set; }

    /// <summary>Adds the rules' errors (keyed by API field names, e.g. udyamNumber) to the page's fields (UdyamNumber).</summary>
    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(FieldOnPage(field), message);
        }
    }

    /// <summary>
    /// Shows a refused save: what could not be read as typed first, then the handler's messages per field. A conflict
    /// naming a field (a duplicate) is shown at that field only; one without (someone saved first) in the summary, and
    /// what is saved now is the answer.
    /// </summary>
    protected T? ShowRefusal<T>(Outcome<T> outcome, IReadOnlyDictionary<string, string>? typing = null)
        where T : class
    {
        if (outcome.Errors.Count == 0)
        {
            ModelState.AddErrors(outcome, FieldOnPage);
            return outcome.Kind == OutcomeKind.Conflict ? outcome.Value : null;
        }

        var errors = (typing ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal);
        foreach (var (field, messages) in outcome.Errors)
        {
            errors.TryAdd(field, messages);
        }

        ModelState.AddErrors(Outcome.Invalid<T>(errors), FieldOnPage);
        return null;
    }

    protected void SetFlash(string message) => TempData[FlashKey] = message;

    protected void ReadFlash() => Flash = TempData[FlashKey] as string;

    /// <summary>udyamNumber → UdyamNumber: page properties are the API's field names in Pascal case.</summary>
    protected virtual string FieldOnPage(string field) => PropertyName(field);

    protected static string PropertyName(string field) =>
        field.Length == 0 ? field : string.Concat(char.ToUpperInvariant(field[0]).ToString(), field.AsSpan(1));
}
