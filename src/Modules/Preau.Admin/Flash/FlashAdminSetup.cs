using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Admin.Flash.Features;
using Preau.Admin.Flash.Resources;
using Preau.Platform.Flash;
using Preau.Platform.Kernel;
using Preau.Platform.Security;
using Preau.Platform.Api;

namespace Preau.Admin.Flash;

/// <summary>Flash messages for administrators: services and API (the banners themselves are the platform's).</summary>
public static class FlashAdminSetup
{
    public sealed record FlashRequest(
        string? TitleFr, string? TextFr, string? TitleEn, string? TextEn, FlashLevel Level,
        DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, IReadOnlyList<Profile>? Profiles, bool AllStructures, IReadOnlyList<Guid>? StructureIds)
    {
        public ManageFlashMessages.Draft ToDraft() => new(TitleFr, TextFr, TitleEn, TextEn, Level, StartsAt, EndsAt, Profiles, AllStructures, StructureIds);
    }

    public static IServiceCollection AddFlashAdmin(this IServiceCollection services) => services.AddScoped<ManageFlashMessages>();

    public static IEndpointRouteBuilder MapFlashAdmin(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin/flash-messages").WithTags("Administration").RequireAuthorization();

        api.MapGet("", async Task<Results<Ok<IReadOnlyList<ManageFlashMessages.Message>>, NotFound>> (CurrentUser currentUser, ManageFlashMessages manage, CancellationToken ct) =>
                await manage.ListAsync(await currentUser.RequireAsync(ct), ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName("AdminListFlashMessages")
            .WithSummary("The flash messages the caller administers, current and scheduled by start, then the last 50 past ones (period: Current, Scheduled, Past). SuperAdmin: all; LocalAdmin: those whose every structure is theirs; 404 for anyone else.");

        api.MapGet("/{id:guid}", async Task<Results<Ok<ManageFlashMessages.Message>, NotFound>> (Guid id, CurrentUser currentUser, ManageFlashMessages manage, CancellationToken ct) =>
                await manage.GetAsync(await currentUser.RequireAsync(ct), id, ct) is { } message ? TypedResults.Ok(message) : TypedResults.NotFound())
            .WithName("AdminGetFlashMessage")
            .WithSummary("One flash message; 404 outside the caller's scope.");

        api.MapPost("", async Task<Results<Created<ManageFlashMessages.Message>, NotFound, ValidationProblem>> (FlashRequest request, CurrentUser currentUser,
                ManageFlashMessages manage, IStringLocalizer<FlashAdminStrings> s, CancellationToken ct) =>
            {
                var outcome = await manage.CreateAsync(await currentUser.RequireAsync(ct), request.ToDraft(), ct);
                return !outcome.Found ? TypedResults.NotFound()
                    : outcome.Errors is { } errors ? ApiProblems.Validation(errors, s)
                    : TypedResults.Created($"/api/v1/admin/flash-messages/{outcome.Value!.Id}", outcome.Value);
            })
            .WithName("AdminCreateFlashMessage")
            .WithSummary("Posts a flash message (audit flash.create): a French title and text (English optional, both or neither), a level (Information, Important, Urgent), start (default now) and end instants, the profiles, and the structures (allStructures: the SuperAdmin's only). A structure outside the caller's scope answers 404; bad input 400 with the reasons.")
            .ProducesValidationProblem();

        api.MapPut("/{id:guid}", async Task<Results<Ok<ManageFlashMessages.Message>, NotFound, ValidationProblem>> (Guid id, FlashRequest request, CurrentUser currentUser,
                ManageFlashMessages manage, IStringLocalizer<FlashAdminStrings> s, CancellationToken ct) =>
            {
                var outcome = await manage.UpdateAsync(await currentUser.RequireAsync(ct), id, request.ToDraft(), ct);
                return !outcome.Found ? TypedResults.NotFound()
                    : outcome.Errors is { } errors ? ApiProblems.Validation(errors, s)
                    : TypedResults.Ok(outcome.Value!);
            })
            .WithName("AdminUpdateFlashMessage")
            .WithSummary("Replaces a flash message (audit flash.update); people who dismissed it do not see it again. 404 outside the caller's scope.")
            .ProducesValidationProblem();

        api.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, CurrentUser currentUser, ManageFlashMessages manage, CancellationToken ct) =>
                (await manage.DeleteAsync(await currentUser.RequireAsync(ct), id, ct)).Found ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("AdminDeleteFlashMessage")
            .WithSummary("Deletes a flash message and its dismissals (audit flash.delete); 404 outside the caller's scope.");

        return endpoints;
    }
}
