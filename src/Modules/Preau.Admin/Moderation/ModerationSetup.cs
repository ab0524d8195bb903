using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Admin.Moderation.Features;
using Preau.Platform.Security;

namespace Preau.Admin.Moderation;

/// <summary>The moderation queue of reported feed items, for a structure's administrators: services and API.</summary>
public static class ModerationSetup
{
    public static IServiceCollection AddModeration(this IServiceCollection services) =>
        services.AddScoped<ModerationQueue>().AddScoped<DecideReport>();

    public static IEndpointRouteBuilder MapModeration(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin/structures/{id:guid}/reports").WithTags("Administration").RequireAuthorization();

        api.MapGet("", async Task<Results<Ok<ModerationQueue.Queue>, NotFound>> (Guid id, int? page, CurrentUser currentUser, ModerationQueue queue, CancellationToken ct) =>
                await queue.HandleAsync(await currentUser.RequireAsync(ct), id, page ?? 1, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound())
            .WithName("AdminGetReports")
            .WithSummary("The reported feed items of a school waiting for a decision, most recently reported first, 20 a page: each with its text in the caller's language, its author, its link, and the people who reported it with their reasons. LocalAdmin of the school or SuperAdmin; 404 otherwise.");

        api.MapPost("/{eventId:long}/keep", async Task<Results<NoContent, NotFound>> (Guid id, long eventId, CurrentUser currentUser, DecideReport decide, CancellationToken ct) =>
                await decide.KeepAsync(await currentUser.RequireAsync(ct), id, eventId, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("AdminKeepReportedItem")
            .WithSummary("Keeps a reported item: its reports are closed as kept, it stays in the feeds (the people who reported it keep it hidden) (audit feed.report-keep). 404 when it has no pending report in the school.");

        api.MapPost("/{eventId:long}/remove", async Task<Results<NoContent, NotFound>> (Guid id, long eventId, CurrentUser currentUser, DecideReport decide, CancellationToken ct) =>
                await decide.RemoveAsync(await currentUser.RequireAsync(ct), id, eventId, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("AdminRemoveReportedItem")
            .WithSummary("Removes a reported item from every feed: the event is marked removed and every person's item of it deleted, its reports closed as removed (audit feed.report-remove). 404 when it has no pending report in the school.");

        return endpoints;
    }
}
