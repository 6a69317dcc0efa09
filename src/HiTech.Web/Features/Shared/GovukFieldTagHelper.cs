using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HiTech.Web.Features.Shared;

/// <summary>
/// <c>&lt;govuk-field for="Email" label="Email address" hint="..." type="email" /&gt;</c> renders a GOV.UK form
/// group: label, hint, the field's error message (linked from the error summary by id), prefix/suffix, and
/// the input, textarea or select, with aria-describedby wired. One consistent field everywhere.
/// </summary>
[HtmlTargetElement("govuk-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>text (default), email, password, number, textarea, select.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A GOV.UK width class suffix, e.g. "10" for govuk-input--width-10, or "two-thirds".</summary>
    public string? Width { get; set; }

    public string? Prefix { get; set; }

    public string? Suffix { get; set; }

    /// <summary>inputmode, e.g. "numeric" or "decimal" for numbers typed as text.</summary>
    public string? InputMode { get; set; }

    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>Renders the label as the page heading (one question per page).</summary>
    public bool IsPageHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldId.For(name);
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state is { Errors.Count: > 0 } ? state.Errors[0].ErrorMessage : null;

        // After a failed post, show exactly what the user typed, not the model's parsed value.
        var value = Type == "password" ? "" : state?.AttemptedValue ?? FormatValue(For.Model);
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        var e = encoder;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        var html = new System.Text.StringBuilder();
        var label = $"<label class=\"govuk-label{(IsPageHeading ? " govuk-label--l" : "")}\" for=\"{id}\">{e.Encode(Label)}</label>";
        html.Append(IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}-hint\" class=\"govuk-hint\">{e.Encode(Hint)}</div>");
        }

        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {e.Encode(error)}</p>");
        }

        var aria = describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "";
        var auto = Autocomplete is null ? "" : $" autocomplete=\"{e.Encode(Autocomplete)}\"";
        var mode = InputMode is null ? "" : $" inputmode=\"{e.Encode(InputMode)}\"";
        switch (Type)
        {
            case "textarea":
                html.Append(CultureInfo.InvariantCulture, $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{e.Encode(name)}\" rows=\"4\"{aria}{auto}>{e.Encode(value)}</textarea>");
                break;
            case "select":
                html.Append(CultureInfo.InvariantCulture, $"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{id}\" name=\"{e.Encode(name)}\"{aria}>");
                foreach (var item in Items ?? [])
                {
                    var selected = string.Equals(item.Value, value, StringComparison.Ordinal) ? " selected" : "";
                    html.Append(CultureInfo.InvariantCulture, $"<option value=\"{e.Encode(item.Value)}\"{selected}>{e.Encode(item.Text)}</option>");
                }

                html.Append("</select>");
                break;
            default:
                var width = Width is null ? "" : Width.Contains('-', StringComparison.Ordinal) || !char.IsAsciiDigit(Width[0]) ? $" govuk-!-width-{Width}" : $" govuk-input--width-{Width}";
                var input = $"<input class=\"govuk-input{width}{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{e.Encode(name)}\" type=\"{(Type == "number" ? "text" : e.Encode(Type))}\" value=\"{e.Encode(value)}\"{aria}{auto}{mode}{(Type is "email" or "password" ? " spellcheck=\"false\"" : "")}>";
                if (Prefix is null && Suffix is null)
                {
                    html.Append(input);
                }
                else
                {
                    html.Append("<div class=\"govuk-input__wrapper\">");
                    if (Prefix is not null)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{e.Encode(Prefix)}</div>");
                    }

                    html.Append(input);
                    if (Suffix is not null)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{e.Encode(Suffix)}</div>");
                    }

                    html.Append("</div>");
                }

                break;
        }

        output.Content.SetHtmlContent(html.ToString());
    }

    private static string FormatValue(object? model) => model switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString() ?? "",
    };
}
