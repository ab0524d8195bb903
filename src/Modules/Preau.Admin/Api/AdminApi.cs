using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Admin.Features;
using Preau.Admin.Features.Audit;
using Preau.Admin.Features.Groups;
using Preau.Admin.Features.Structures;
using Preau.Admin.Features.Users;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Security;
using static Preau.Admin.Api.AdminApiResults;

namespace Preau.Admin.Api;

/// <summary>
/// The administration API: the same use cases as the pages. Everything outside the caller's
/// schools answers 404, as if it did not exist; bad input answers validation problem details.
/// </summary>
internal static class AdminApi
{
    public sealed record MoveRequest(Guid ClassId);

    public sealed record ChildRequest(Guid ChildId);

    public sealed record NameRequest(string? Name);

    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization();

        api.MapGet("/structures", async Task<Results<Ok<ListStructures.Result>, NotFound>> (int? page, CurrentUser currentUser, ListStructures list, CancellationToken ct) =>
            await list.HandleAsync(await currentUser.RequireAsync(ct), page ?? 1, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithName("AdminListStructures")
            .WithSummary("The schools the caller administers, 20 a page, with head counts and classes.");

        api.MapGet("/structures/{id:guid}", async (Guid id, CurrentUser currentUser, ViewStructure view, CancellationToken ct) =>
            Found(await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct)))
            .WithName("AdminGetStructure")
            .WithSummary("A school: head counts by profile and state, this year's and archived classes, manual groups, blocked profiles.");

        api.MapPut("/structures/{id:guid}/blocked-profiles/{profile}", async (Guid id, Profile profile, CurrentUser currentUser, BlockProfile block, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await block.BlockAsync(await currentUser.RequireAsync(ct), id, profile, ct), s))
            .WithName("AdminBlockProfile")
            .WithSummary("Blocks a whole profile of a school: its members who belong to no other open school can no longer sign in (audit profile.block).");

        api.MapDelete("/structures/{id:guid}/blocked-profiles/{profile}", async (Guid id, Profile profile, CurrentUser currentUser, BlockProfile block, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await block.UnblockAsync(await currentUser.RequireAsync(ct), id, profile, ct), s))
            .WithName("AdminUnblockProfile")
            .WithSummary("Lifts a profile block (audit profile.unblock); 404 when the profile is not blocked.");

        api.MapPost("/structures/{id:guid}/classes", async (Guid id, SaveClass.Request request, CurrentUser currentUser, SaveClass save, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            Created(await save.CreateAsync(await currentUser.RequireAsync(ct), id, request, ct), s, c => $"/api/v1/admin/classes/{c.Id}"))
            .WithName("AdminCreateClass")
            .WithSummary("Creates a class of the school's current year (audit class.create).");

        api.MapGet("/classes/{id:guid}", async Task<Results<Ok<ViewClass.ClassDetail>, NotFound>> (Guid id, CurrentUser currentUser, ViewClass view, CancellationToken ct) =>
            await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithName("AdminGetClass")
            .WithSummary("A class with its teachers, pupils, parents and account states; 404 outside the caller's scope.");

        api.MapPut("/classes/{id:guid}", async (Guid id, SaveClass.Request request, CurrentUser currentUser, SaveClass save, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            Ok(await save.UpdateAsync(await currentUser.RequireAsync(ct), id, request, ct), s))
            .WithName("AdminUpdateClass")
            .WithSummary("Renames a class or changes its level (audit class.update); archived classes stay as they were.");

        api.MapPost("/structures/{id:guid}/groups", async (Guid id, NameRequest request, CurrentUser currentUser, ManageGroups groups, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            Created(await groups.CreateAsync(await currentUser.RequireAsync(ct), id, request.Name, ct), s, g => $"/api/v1/admin/groups/{g.Id}"))
            .WithName("AdminCreateGroup")
            .WithSummary("Creates a manual group in a school (audit group.create).");

        api.MapGet("/groups/{id:guid}", async (Guid id, CurrentUser currentUser, ViewGroup view, CancellationToken ct) =>
            Found(await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct)))
            .WithName("AdminGetGroup")
            .WithSummary("A manual group and its members (the first 500, by name).");

        api.MapPut("/groups/{id:guid}", async (Guid id, NameRequest request, CurrentUser currentUser, ManageGroups groups, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            Ok(await groups.RenameAsync(await currentUser.RequireAsync(ct), id, request.Name, ct), s))
            .WithName("AdminRenameGroup")
            .WithSummary("Renames a manual group (audit group.update).");

        api.MapDelete("/groups/{id:guid}", async (Guid id, CurrentUser currentUser, ManageGroups groups, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await groups.DeleteAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("AdminDeleteGroup")
            .WithSummary("Deletes a manual group; its members stay in the school (audit group.delete).");

        api.MapPut("/groups/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, CurrentUser currentUser, ManageGroups groups, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await groups.AddMemberAsync(await currentUser.RequireAsync(ct), id, userId, ct), s))
            .WithName("AdminAddGroupMember")
            .WithSummary("Adds a person of the school to a manual group (audit group.add-member).");

        api.MapDelete("/groups/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, CurrentUser currentUser, ManageGroups groups, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await groups.RemoveMemberAsync(await currentUser.RequireAsync(ct), id, userId, ct), s))
            .WithName("AdminRemoveGroupMember")
            .WithSummary("Takes a person out of a manual group (audit group.remove-member).");

        MapUsers(api);

        api.MapGet("/audit", async Task<Results<Ok<SearchAudit.Result>, NotFound>> (Guid? structureId, Guid? personId, string? action, DateOnly? from, DateOnly? to, int? page,
                CurrentUser currentUser, SearchAudit search, CancellationToken ct) =>
            await search.HandleAsync(await currentUser.RequireAsync(ct), new SearchAudit.Query(structureId, personId, action, from, to, page ?? 1), ct) is { } result
                ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithName("AdminSearchAudit")
            .WithSummary("The audit trail, newest first, 50 a page: by school, person (actor or target), action code and period (Paris dates).");
    }

    private static void MapUsers(RouteGroupBuilder api)
    {
        api.MapGet("/users", async Task<Results<Ok<SearchUsers.Result>, NotFound>> (Guid? structureId, Guid? classId, Profile? profile, UserStateFilter? state, string? q, int? page,
                CurrentUser currentUser, SearchUsers search, CancellationToken ct) =>
            await search.HandleAsync(await currentUser.RequireAsync(ct), new SearchUsers.Query(structureId, classId, profile, state, q, page ?? 1), ct) is { } result
                ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithName("AdminSearchUsers")
            .WithSummary("The people the caller administers, 25 a page, sorted by name: by school, class, profile, state and a name or login prefix (accents and capitals ignored).");

        api.MapGet("/users/{id:guid}", async (Guid id, CurrentUser currentUser, ViewUser view, CancellationToken ct) =>
            Found(await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct)))
            .WithName("AdminGetUser")
            .WithSummary("A person: identity, schools, classes, children or parents, functions, state, activation code state, open sessions, recent audit entries.");

        api.MapPost("/users", async (CreateUser.Request request, CurrentUser currentUser, CreateUser create, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            Created(await create.HandleAsync(await currentUser.RequireAsync(ct), request, ct), s, u => $"/api/v1/admin/users/{u.Id}"))
            .WithName("AdminCreateUser")
            .WithSummary("Creates an account waiting for activation; the answer holds its login and activation code, given this once (audit user.create).");

        api.MapPut("/users/{id:guid}", async (Guid id, UpdateUser.Request request, CurrentUser currentUser, UpdateUser update, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await update.HandleAsync(await currentUser.RequireAsync(ct), id, request, ct), s))
            .WithName("AdminUpdateUser")
            .WithSummary("Corrects names, email, phone, birth date and external id; the login stays (audit user.update).");

        api.MapPost("/users/{id:guid}/move", async (Guid id, MoveRequest request, CurrentUser currentUser, MoveUser move, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await move.HandleAsync(await currentUser.RequireAsync(ct), id, request.ClassId, ct), s))
            .WithName("AdminMoveUser")
            .WithSummary("Moves a pupil to another class of their school; the parents follow (audit user.move-class).");

        api.MapPost("/users/{id:guid}/children", async (Guid id, ChildRequest request, CurrentUser currentUser, LinkParent link, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await link.LinkAsync(await currentUser.RequireAsync(ct), id, request.ChildId, ct), s))
            .WithName("AdminLinkChild")
            .WithSummary("Links a parent (the user) to a pupil (audit user.link-child).");

        api.MapDelete("/users/{id:guid}/children/{childId:guid}", async (Guid id, Guid childId, CurrentUser currentUser, LinkParent link, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await link.UnlinkAsync(await currentUser.RequireAsync(ct), id, childId, ct), s))
            .WithName("AdminUnlinkChild")
            .WithSummary("Ends a parent–child link; the parent leaves the groups they were in for that child (audit user.unlink-child).");

        api.MapPost("/users/{id:guid}/block", async (Guid id, CurrentUser currentUser, BlockUser block, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await block.BlockAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("AdminBlockUser")
            .WithSummary("Blocks an account and ends its open sessions (audit user.block).");

        api.MapPost("/users/{id:guid}/unblock", async (Guid id, CurrentUser currentUser, BlockUser block, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await block.UnblockAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("AdminUnblockUser")
            .WithSummary("Unblocks an account: active again, or waiting for activation if it never had a password (audit user.unblock).");

        api.MapPost("/users/{id:guid}/functions", async (Guid id, ChangeFunctions.Request request, CurrentUser currentUser, ChangeFunctions functions, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await functions.GrantAsync(await currentUser.RequireAsync(ct), id, request, ct), s))
            .WithName("AdminGrantFunction")
            .WithSummary("Grants LocalAdmin (structureId) or ClassAdmin (classId) to a teacher or staff member of the school (audit user.grant).");

        api.MapDelete("/users/{id:guid}/functions/{function}", async (Guid id, Platform.Kernel.Function function, Guid? structureId, Guid? classId,
                CurrentUser currentUser, ChangeFunctions functions, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await functions.RevokeAsync(await currentUser.RequireAsync(ct), id, new ChangeFunctions.Request(function, structureId, classId), ct), s))
            .WithName("AdminRevokeFunction")
            .WithSummary("Revokes LocalAdmin (?structureId=) or ClassAdmin (?classId=) (audit user.revoke).");

        api.MapGet("/users/{id:guid}/sessions", async (Guid id, CurrentUser currentUser, ViewUser view, CancellationToken ct) =>
            Found((await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct))?.Sessions))
            .WithName("AdminListSessions")
            .WithSummary("A person's open sessions, most recently seen first.");

        api.MapDelete("/users/{id:guid}/sessions/{sessionId:guid}", async (Guid id, Guid sessionId, CurrentUser currentUser, RevokeSessions revoke, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            NoContent(await revoke.HandleAsync(await currentUser.RequireAsync(ct), id, sessionId, ct), s))
            .WithName("AdminRevokeSession")
            .WithSummary("Ends one open session of a person (audit user.sessions-revoke).");

        api.MapDelete("/users/{id:guid}/sessions", async (Guid id, CurrentUser currentUser, RevokeSessions revoke, IStringLocalizer<AdminStrings> s, CancellationToken ct) =>
            Ok(await revoke.HandleAsync(await currentUser.RequireAsync(ct), id, null, ct), s))
            .WithName("AdminRevokeAllSessions")
            .WithSummary("Ends every open session of a person; answers how many ended (audit user.sessions-revoke).");
    }
}
