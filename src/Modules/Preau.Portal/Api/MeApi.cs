using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Preau.Platform.Rights;
using Preau.Platform.Security;
using Preau.Portal.Features;

namespace Preau.Portal.Api;

internal static class MeApi
{
    /// <summary>The actions a person holds, sorted.</summary>
    public sealed record MyRights(IReadOnlyList<string> Actions);

    public static void MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/v1").WithTags("Me");
        me.MapGet("/me", async Task<Results<Ok<DescribeMe.Me>, UnauthorizedHttpResult>> (DescribeMe describe, CancellationToken ct) =>
                await describe.HandleAsync(ct) is { } me ? TypedResults.Ok(me) : TypedResults.Unauthorized())
            .RequireAuthorization()
            .WithSummary("The signed-in person: profile, schools, classes, children, functions, apps and preferences.");

        me.MapGet("/me/rights", async Task<Ok<MyRights>> (HttpContext http, AppRights rights, CancellationToken ct) =>
                TypedResults.Ok(new MyRights([.. (await rights.HeldAsync(http.User.GetUserId()!.Value, ct)).Order(StringComparer.Ordinal)])))
            .RequireAuthorization()
            .WithName("MyRights")
            .WithSummary("The workflow rights (application actions such as \"blog.create\") the signed-in person holds in at least one of their schools.");
    }
}
