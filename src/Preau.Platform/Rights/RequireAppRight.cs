using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Security;

namespace Preau.Platform.Rights;

/// <summary>
/// Requires a workflow right (an action such as "blog.create") of the signed-in person. On a
/// Razor page model (as an attribute) a person without it gets the standard 403 page; on an
/// endpoint (<see cref="RequireAppRightExtensions.RequireAppRight{TBuilder}"/>) a 403 problem
/// details. 403 rather than 404: the application exists for the platform and the person is
/// told they may not use it; the resources inside it answer 404 on their own.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequireAppRightAttribute(string action) : Attribute, IAsyncPageFilter
{
    public string Action { get; } = action;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!await HoldsAsync(context.HttpContext, Action))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }

    internal static async Task<bool> HoldsAsync(HttpContext http, string action)
    {
        var services = http.RequestServices;
        if (!services.GetRequiredService<AppRightsCatalog>().IsDeclared(action))
        {
            throw new InvalidOperationException($"No module declares the action '{action}'.");
        }

        var userId = http.User.GetUserId();
        return userId is not null && await services.GetRequiredService<AppRights>().HoldsAsync(userId.Value, action, http.RequestAborted);
    }
}

public static class RequireAppRightExtensions
{
    /// <summary>Answers 403 (problem details) to a person who does not hold <paramref name="action"/> in any of their structures.</summary>
    public static TBuilder RequireAppRight<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequireAppRightAttribute(action));
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
        builder.AddEndpointFilter(async (context, next) =>
            await RequireAppRightAttribute.HoldsAsync(context.HttpContext, action)
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: $"This needs the right '{action}'."));
        return builder;
    }
}
