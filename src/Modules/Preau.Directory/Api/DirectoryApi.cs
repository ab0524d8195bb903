using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Directory.Features;
using Preau.Directory.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Security;
using Preau.Platform.Api;

namespace Preau.Directory.Api;

/// <summary>
/// The annuaire's API: the same use cases as the pages. Whoever the caller does not reach
/// answers 404; bad input answers validation problem details in the caller's language.
/// </summary>
internal static class DirectoryApi
{
    public sealed record PhotoResponse(string PhotoUrl);

    public static void MapDirectoryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/directory").WithTags("Annuaire").RequireAuthorization();

        api.MapGet("/people", async (string? q, Profile? profile, Guid? school, Guid? @class, int? page, CurrentUser currentUser, SearchDirectory search, CancellationToken ct) =>
            TypedResults.Ok(await search.PeopleAsync((await currentUser.RequireAsync(ct)).Id, new SearchDirectory.Request(q, profile, school, @class, page ?? 1), ct)))
            .WithName("DirectorySearchPeople")
            .WithSummary("The people the caller may reach, found by the beginning of a name or login, filtered by profile, school or class; 24 a page.");

        api.MapGet("/groups", async (string? q, Profile? profile, Guid? school, Guid? @class, int? page, CurrentUser currentUser, SearchDirectory search, CancellationToken ct) =>
            TypedResults.Ok(await search.GroupsAsync((await currentUser.RequireAsync(ct)).Id, new SearchDirectory.Request(q, profile, school, @class, page ?? 1), ct)))
            .WithName("DirectorySearchGroups")
            .WithSummary("The groups the caller may address as a whole, named in the caller's language, filtered like people.");

        api.MapGet("/filters", async (CurrentUser currentUser, SearchDirectory search, CancellationToken ct) =>
            TypedResults.Ok(await search.FiltersAsync((await currentUser.RequireAsync(ct)).Id, ct)))
            .WithName("DirectoryFilters")
            .WithSummary("The profiles, schools and classes found among the people and groups the caller may reach.");

        api.MapGet("/people/{id:guid}", async Task<Results<Ok<ViewPerson.Card>, NotFound>> (Guid id, CurrentUser currentUser, ViewPerson view, CancellationToken ct) =>
            await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct) is { } card ? TypedResults.Ok(card) : TypedResults.NotFound())
            .WithName("DirectoryGetPerson")
            .WithSummary("A person's card: name, profile, schools and classes, photo, mood and motto, the details they chose to show; 404 unless the caller reaches them.");

        api.MapGet("/classes/{id:guid}", async Task<Results<Ok<ViewClassPage.ClassPage>, NotFound>> (Guid id, CurrentUser currentUser, ViewClassPage view, CancellationToken ct) =>
            await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound())
            .WithName("DirectoryGetClass")
            .WithSummary("A class's teachers and pupils the caller reaches; 404 unless the caller is of the class (pupil, teacher, parent of a pupil, staff of the school).");

        api.MapGet("/profile", async Task<Results<Ok<MyProfile.View>, NotFound>> (CurrentUser currentUser, MyProfile profile, CancellationToken ct) =>
            await profile.GetAsync((await currentUser.RequireAsync(ct)).Id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("DirectoryGetMyProfile")
            .WithSummary("The caller's profile: mood, motto, which personal details are shown, photo address.");

        api.MapPut("/profile", async Task<Results<Ok<MyProfile.View>, ValidationProblem>> (MyProfile.Request request, CurrentUser currentUser, MyProfile profile, IStringLocalizer<DirectoryStrings> s, CancellationToken ct) =>
        {
            var result = await profile.SaveAsync((await currentUser.RequireAsync(ct)).Id, request, ct);
            return result.Errors is { } errors ? ApiProblems.Validation(errors, s) : TypedResults.Ok(result.Saved!);
        })
            .WithName("DirectoryUpdateMyProfile")
            .WithSummary("Sets the caller's mood, motto (plain text, at most 140 characters) and which of email, phone and birth date are shown.");

        api.MapPut("/profile/photo", async Task<Results<Ok<PhotoResponse>, ValidationProblem>> (HttpRequest request, CurrentUser currentUser, ChangePhoto photos, IStringLocalizer<DirectoryStrings> s, CancellationToken ct) =>
        {
            var me = await currentUser.RequireAsync(ct);
            var result = await photos.SetAsync(me.Id, await ChangePhoto.ReadLimitedAsync(request.Body, ct), ct);
            return result.Error is { } error
                ? ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Photo"] = [error] }, s)
                : TypedResults.Ok(new PhotoResponse(result.PhotoUrl!));
        })
            .Accepts<byte[]>("image/jpeg", "image/png", "image/webp")
            .WithName("DirectorySetMyPhoto")
            .WithSummary("Sets the caller's photo from the request body (JPEG, PNG or WebP, at most 5 MB; read from its bytes), kept as a 256-pixel square JPEG.");

        api.MapDelete("/profile/photo", async (CurrentUser currentUser, ChangePhoto photos, CancellationToken ct) =>
        {
            await photos.RemoveAsync((await currentUser.RequireAsync(ct)).Id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DirectoryRemoveMyPhoto")
            .WithSummary("Removes the caller's photo; initials show instead.");
    }
}
