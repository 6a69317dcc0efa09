using HiTech.Core.Reference;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HiTech.Web.Features.Shared;

/// <summary>
/// <c>&lt;nic-title code="2651" /&gt;</c> renders a NIC 2008 title in the page's language. Malayalam titles come from
/// data/classifications/nic2008-ml.csv; where a code has none yet, a Malayalam page shows the English title marked
/// lang="en" with a small "(in English)" note, so a reader (and a screen reader) knows why it is English.
/// <c>title</c> overrides the English title (e.g. the one a stored result recorded).
/// </summary>
[HtmlTargetElement("nic-title", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NicTitleTagHelper(ReferenceData reference, IStringLocalizer<SharedResource> shared) : TagHelper
{
    public string Code { get; set; } = "";

    public string? Title { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        var english = Title ?? reference.Nic.Find(Code)?.Title ?? Code;
        if (Language.Current != Language.Malayalam)
        {
            output.Content.Append(english);
            return;
        }

        if (reference.NicMalayalam.TitleOf(Code) is { } malayalam)
        {
            output.Content.Append(malayalam);
            return;
        }

        output.Content.AppendHtml("<span lang=\"en\">").Append(english).AppendHtml("</span> <span class=\"hitech-in-english\">(")
            .Append(shared["in English"]).AppendHtml(")</span>");
    }
}
