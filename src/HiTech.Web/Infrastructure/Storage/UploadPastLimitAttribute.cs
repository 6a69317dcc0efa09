using Microsoft.AspNetCore.Mvc.Filters;

namespace HiTech.Web.Infrastructure.Storage;

/// <summary>
/// On a page whose <paramref name="handler"/> takes an evidence upload: raises the request's body limit
/// (<see cref="UploadBody.AllowReadingPastLimit"/>) once the handler is chosen, before anything reads the body.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadPastLimitAttribute(string handler) : Attribute, IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        if (string.Equals(context.HandlerMethod?.Name, handler, StringComparison.OrdinalIgnoreCase))
        {
            UploadBody.AllowReadingPastLimit(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<PlatformOptions>().MaxUploadBytes);
        }
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
