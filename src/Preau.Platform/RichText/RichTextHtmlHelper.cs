using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.Platform.RichText;

public static class RichTextHtmlHelper
{
    /// <summary>
    /// Saved rich text for a view, sanitized again on the way out: <c>@Html.RenderSafe(Model.Body, Messages.Policy)</c>.
    /// </summary>
    public static IHtmlContent RenderSafe(this IHtmlHelper html, string? markup, RichTextPolicy policy) =>
        html.ViewContext.HttpContext.RequestServices.GetRequiredService<RichTextSanitizer>().RenderSafe(markup, policy);
}
