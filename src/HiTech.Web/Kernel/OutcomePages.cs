using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HiTech.Web.Kernel;

/// <summary>
/// The pages' one mapping of an <see cref="Outcome{T}"/>: not found and forbidden become 404 and 403; field errors and
/// conflicts go into the page's error summary, each next to its field, so the page is shown again with what the user typed.
/// </summary>
public static class OutcomePages
{
    /// <summary>404 or 403 for a refusal; null when the page should show itself (done, invalid or in conflict).</summary>
    public static IActionResult? Refusal<T>(this PageModel page, Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => page.NotFound(),
        OutcomeKind.Forbidden => page.Forbid(),
        _ => null,
    };

    /// <summary>
    /// Adds the outcome's messages to the model state: each field error under the page's name for that field
    /// (<paramref name="fieldOnPage"/>, the API name by default), the whole-outcome message in the summary.
    /// </summary>
    public static void AddErrors<T>(this ModelStateDictionary state, Outcome<T> outcome, Func<string, string>? fieldOnPage = null)
    {
        if (outcome.Kind is OutcomeKind.Conflict && outcome.Message is { } message)
        {
            state.AddModelError("", message);
        }

        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var text in messages)
            {
                state.AddModelError(fieldOnPage?.Invoke(field) ?? field, text);
            }
        }
    }
}
