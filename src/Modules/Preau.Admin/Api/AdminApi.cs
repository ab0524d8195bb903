using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Preau.Admin.Features;
using Preau.Platform.Security;

namespace Preau.Admin.Api;

internal static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization();

        api.MapGet("/structures", async Task<Results<Ok<ListStructures.Result>, NotFound>> (int? page, CurrentUser currentUser, ListStructures list, CancellationToken ct) =>
            await list.HandleAsync(await currentUser.RequireAsync(ct), page ?? 1, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithSummary("The schools the caller administers, 20 a page, with head counts and classes.");

        api.MapGet("/classes/{id:guid}", async Task<Results<Ok<ViewClass.ClassDetail>, NotFound>> (Guid id, CurrentUser currentUser, ViewClass view, CancellationToken ct) =>
            await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithSummary("A class with its teachers, pupils, parents and account states; 404 outside the caller's scope.");
    }
}
