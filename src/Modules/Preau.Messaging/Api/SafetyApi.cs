using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Moderation;
using Preau.Messaging.Features.Safety;
using Preau.Messaging.Resources;
using Preau.Platform.Api;
using Preau.Platform.Security;

namespace Preau.Messaging.Api;

/// <summary>
/// The school administrator's messaging safety API: sending rules per profile, the incident
/// switch, reported messages and mass-send alerts. LocalAdmin of the school or SuperAdmin; 404 otherwise.
/// </summary>
public static class SafetyApi
{
    public static IEndpointRouteBuilder MapSafetyApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin/structures/{id:guid}/messaging").WithTags("Messagerie").RequireAuthorization();

        api.MapGet("/policies", async Task<Results<Ok<ManagePolicies.Policies>, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, ManagePolicies policies, IStringLocalizer<SafetyStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await policies.ViewAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("MessagingGetPolicies")
            .WithSummary("The school's sending rules, one per profile (Student, Relative, Teacher, Personnel, Periscolaire, Guest): sending on or off, quiet hours from–to in Europe/Paris (null: none). A profile never set is open all day.");

        api.MapPut("/policies", async Task<Results<Ok<ManagePolicies.Policies>, NotFound, ValidationProblem>> (Guid id, ManagePolicies.PolicyInput[] body, CurrentUser currentUser, ManagePolicies policies, IStringLocalizer<SafetyStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await policies.SaveAsync(await currentUser.RequireAsync(ct), id, body, ct), s))
            .WithName("MessagingSetPolicies")
            .WithSummary("Sets the rules of the profiles given (the others stay as they are): [{profile, sendingEnabled, quietFrom: \"20:00\", quietTo: \"07:00\"}]; quiet hours may span midnight, both times or neither (audit messaging.policy-update). Answers the rules as they now stand.");

        api.MapPost("/incident", async Task<Results<Ok<ManagePolicies.Policies>, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, ManagePolicies policies, IStringLocalizer<SafetyStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await policies.IncidentAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("MessagingIncident")
            .WithSummary("An incident: turns sending off at once for the school's pupils and parents (audit messaging.policy-update).");

        api.MapGet("/moderation", async Task<Results<Ok<ModerationAnswer>, NotFound>> (Guid id, CurrentUser currentUser, ModerateMessages moderation, MessageBodies bodies, CancellationToken ct) =>
                await moderation.QueueAsync(await currentUser.RequireAsync(ct), id, ct) is { Found: true, Value: { } queue }
                    ? TypedResults.Ok(new ModerationAnswer(queue with { Reports = [.. queue.Reports.Select(r => r with { Body = bodies.RenderMarkup(r.Body) })] }))
                    : TypedResults.NotFound())
            .WithName("MessagingGetModeration")
            .WithSummary("The messages reported to the school waiting for a decision (sender, recipients, date, subject, sanitized body, reporters and reasons), most recently reported first, and its mass-send alerts, open ones first.");

        api.MapPost("/reports/{messageId:guid}/keep", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, Guid messageId, CurrentUser currentUser, ModerateMessages moderation, IStringLocalizer<SafetyStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await moderation.KeepAsync(await currentUser.RequireAsync(ct), id, messageId, ct), s))
            .WithName("MessagingKeepReported")
            .WithSummary("Keeps a reported message: the school's reports of it are closed (audit messaging.report-keep). 404 when it has no pending report in the school.");

        api.MapPost("/reports/{messageId:guid}/remove", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, Guid messageId, CurrentUser currentUser, ModerateMessages moderation, IStringLocalizer<SafetyStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await moderation.RemoveAsync(await currentUser.RequireAsync(ct), id, messageId, ct), s))
            .WithName("MessagingRemoveReported")
            .WithSummary("Removes a reported message from every box (state Recalled, failureKey Moderation.Removed) and withdraws its notifications; all its reports are closed (audit messaging.report-remove). 404 when it has no pending report in the school.");

        api.MapPost("/alerts/{alertId:guid}/seen", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, Guid alertId, CurrentUser currentUser, ModerateMessages moderation, IStringLocalizer<SafetyStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await moderation.AcknowledgeAsync(await currentUser.RequireAsync(ct), id, alertId, ct), s))
            .WithName("MessagingAcknowledgeAlert")
            .WithSummary("Marks a mass-send alert of the school as seen. 404 when it is not an open alert of the school.");

        return endpoints;
    }

    /// <summary>The moderation queue as the API gives it: bodies rendered through the messagerie's sanitizer.</summary>
    public sealed record ModerationAnswer(ModerateMessages.Queue Queue);

}
