using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Admin.Communication.Features;
using Preau.Admin.Communication.Resources;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Communication;

/// <summary>
/// The communication rules of a structure, for its administrators: read them, open and close
/// links, set a group's members, the direct parent–child links, back to the defaults. A
/// sensitive link without <c>confirm: true</c> answers 409 with the warning to show.
/// </summary>
public static class CommunicationApi
{
    public sealed record LinkRequest(Guid FromGroupId, Guid ToGroupId, bool Confirm = false);

    public sealed record MembersRequest(bool Speak, bool Reachable, bool Internal, bool Confirm = false);

    public sealed record DirectRequest(bool RelativesReachChildren, bool ChildrenReachRelatives);

    public static IServiceCollection AddCommunicationRules(this IServiceCollection services) =>
        services.AddScoped<ViewRules>().AddScoped<Answers>();

    public static IEndpointRouteBuilder MapCommunicationRules(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin/structures/{id:guid}/communication").WithTags("Administration").RequireAuthorization();

        api.MapGet("", async Task<Results<Ok<ViewRules.Rules>, NotFound>> (Guid id, CurrentUser currentUser, ViewRules view, CancellationToken ct) =>
                await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct) is { } rules ? TypedResults.Ok(rules) : TypedResults.NotFound())
            .WithName("AdminGetCommunicationRules")
            .WithSummary("A school's communication rules: its groups (this year's classes) with their member settings, the links among them and with other schools, the direct parent–child rules.");

        api.MapPost("/links", async (Guid id, LinkRequest request, CurrentUser currentUser, RulesEditor editor, Answers answers, CancellationToken ct) =>
                await answers.OfAsync(id, await editor.AddLinkAsync(await currentUser.RequireAsync(ct), id, request.FromGroupId, request.ToGroupId, request.Confirm, ct), ct))
            .WithName("AdminAddCommunicationLink")
            .WithSummary("Opens a link: the members of one group may write to another (audit communication.link-add). Pupil↔parent and family↔family links answer 409 with the warning until sent with confirm: true; links across schools are the SuperAdmin's (403).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapDelete("/links/{fromGroupId:guid}/{toGroupId:guid}", async (Guid id, Guid fromGroupId, Guid toGroupId, CurrentUser currentUser, RulesEditor editor, Answers answers, CancellationToken ct) =>
                await answers.OfAsync(id, await editor.RemoveLinkAsync(await currentUser.RequireAsync(ct), id, fromGroupId, toGroupId, ct), ct))
            .WithName("AdminRemoveCommunicationLink")
            .WithSummary("Closes a link (audit communication.link-remove); 404 when there is none.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/groups/{groupId:guid}/members", async (Guid id, Guid groupId, MembersRequest request, CurrentUser currentUser, RulesEditor editor, Answers answers, CancellationToken ct) =>
                await answers.OfAsync(id, await editor.SetMembersAsync(await currentUser.RequireAsync(ct), id, groupId,
                    new ViewRules.MemberFlags(request.Speak, request.Reachable, request.Internal).ToReach(), request.Confirm, ct), ct))
            .WithName("AdminSetCommunicationMembers")
            .WithSummary("Sets how a group's members take part: speak (write through the group's links), reachable one by one, internal (write to each other) (audit communication.members-update). Parents or pupils reaching each other answer 409 until confirmed.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPut("/direct", async (Guid id, DirectRequest request, CurrentUser currentUser, RulesEditor editor, Answers answers, CancellationToken ct) =>
                await answers.OfAsync(id, await editor.SetDirectAsync(await currentUser.RequireAsync(ct), id, request.RelativesReachChildren, request.ChildrenReachRelatives, ct), ct))
            .WithName("AdminSetCommunicationDirect")
            .WithSummary("Sets whether parents write to their own children and pupils to their own parents in this school (audit communication.direct-update).");

        api.MapPost("/reset", async (Guid id, CurrentUser currentUser, RulesEditor editor, Answers answers, CancellationToken ct) =>
                await answers.OfAsync(id, await editor.ResetAsync(await currentUser.RequireAsync(ct), id, ct), ct))
            .WithName("AdminResetCommunicationRules")
            .WithSummary("Puts the school's rules back to the defaults; links with other schools stay (audit communication.reset).");

        return endpoints;
    }

    /// <summary>A change's answer: 204, 404, or problem details in the caller's language (409 with the warning, 403, 400).</summary>
    internal sealed class Answers(PreauDbContext db, IStringLocalizer<CommunicationStrings> c)
    {
        public async Task<Results<NoContent, NotFound, ProblemHttpResult>> OfAsync(Guid structureId, RulesEdit edit, CancellationToken ct)
        {
            switch (edit.Status)
            {
                case RulesEditStatus.Done:
                    return TypedResults.NoContent();
                case RulesEditStatus.NotFound:
                    return TypedResults.NotFound();
                case RulesEditStatus.NeedsConfirmation:
                    var type = await db.Structures.Where(s => s.Id == structureId).Select(s => s.Type).FirstAsync(ct);
                    var classes = await db.Classes.Where(x => x.StructureId == structureId).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
                    var warning = edit.Warning!;
                    return TypedResults.Problem(
                        title: c["Api.ConfirmTitle"], detail: RulesWording.Warning(c, type.Degree(), warning, classes), statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?>
                        {
                            ["warning"] = warning.Kind.ToString(), ["fromGroupId"] = warning.From.Id, ["toGroupId"] = warning.To.Id,
                        });
                case RulesEditStatus.SuperAdminOnly:
                    return TypedResults.Problem(title: c["Refused.SuperAdminOnly"], statusCode: StatusCodes.Status403Forbidden);
                default:
                    return TypedResults.Problem(title: c["Refused.Invalid"], statusCode: StatusCodes.Status400BadRequest);
            }
        }
    }
}
