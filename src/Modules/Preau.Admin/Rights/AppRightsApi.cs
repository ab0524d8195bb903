using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Admin.Resources;
using Preau.Platform.Security;
using static Preau.Admin.Api.AdminApiResults;

namespace Preau.Admin.Rights;

/// <summary>A school's application rights over the API: the same use cases as the screen; 404 outside the caller's schools.</summary>
internal static class AppRightsApi
{
    public static void MapAppRightsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin/structures/{id:guid}/app-rights").WithTags("Administration").RequireAuthorization();

        api.MapGet("", async (Guid id, CurrentUser currentUser, ViewAppRights view, CancellationToken ct) =>
            Found(await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct)))
            .WithName("AdminGetAppRights")
            .WithSummary("A school's application rights: per application, each action with the profiles and groups holding it here, and its default profiles.");

        api.MapPut("", async (Guid id, SaveAppRights.Request request, CurrentUser currentUser, SaveAppRights save, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await save.SaveAsync(await currentUser.RequireAsync(ct), id, request, ct), s))
            .WithName("AdminSaveAppRights")
            .WithSummary("Sets who holds the listed actions in the school (profiles and groups of the school); other actions are unchanged (audit app-rights.update).");

        api.MapPost("/reset", async (Guid id, CurrentUser currentUser, SaveAppRights save, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await save.ResetAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("AdminResetAppRights")
            .WithSummary("Puts every application right of the school back to the defaults (audit app-rights.reset).");
    }
}
