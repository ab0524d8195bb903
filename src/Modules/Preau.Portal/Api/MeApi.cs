using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Preau.Portal.Features;

namespace Preau.Portal.Api;

internal static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Me")
            .MapGet("/me", async Task<Results<Ok<DescribeMe.Me>, UnauthorizedHttpResult>> (DescribeMe describe, CancellationToken ct) =>
                await describe.HandleAsync(ct) is { } me ? TypedResults.Ok(me) : TypedResults.Unauthorized())
            .RequireAuthorization()
            .WithSummary("The signed-in person: profile, schools, classes, children, functions, apps and preferences.");
    }
}
