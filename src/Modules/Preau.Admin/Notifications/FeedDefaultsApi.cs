using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Admin.Resources;
using Preau.Platform.Security;
using static Preau.Admin.Api.AdminApiResults;

namespace Preau.Admin.Notifications;

/// <summary>The platform's notification defaults over the API: the screen's use cases; 404 for anyone but the SuperAdmin.</summary>
internal static class FeedDefaultsApi
{
    public static void MapFeedDefaultsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin/feed/defaults").WithTags("Administration").RequireAuthorization();

        api.MapGet("", async (CurrentUser currentUser, ViewFeedDefaults view, CancellationToken ct) =>
                Found(await view.HandleAsync(await currentUser.RequireAsync(ct), ct)))
            .WithName("AdminGetFeedDefaults")
            .WithSummary("Per application, each notification type with, per profile, the channel and push a person gets when they chose nothing, and the module's declared default (SuperAdmin only).");

        api.MapPut("", async (SaveFeedDefaults.Request request, CurrentUser currentUser, SaveFeedDefaults save, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
                NoContent(await save.SaveAsync(await currentUser.RequireAsync(ct), request, ct), s))
            .WithName("AdminSaveFeedDefaults")
            .WithSummary("Sets the listed type × profile defaults (channel by name: Never, Feed, Immediate, Daily, Weekly; and/or push); others unchanged; people's own choices are kept (audit feed.defaults-update).");

        api.MapDelete("", async (CurrentUser currentUser, SaveFeedDefaults save, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
                NoContent(await save.ResetAsync(await currentUser.RequireAsync(ct), ct), s))
            .WithName("AdminResetFeedDefaults")
            .WithSummary("Puts every type back to the defaults its module declared (audit feed.defaults-update).");
    }
}
