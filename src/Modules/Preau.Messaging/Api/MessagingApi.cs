using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Moderation;
using Preau.Messaging.Features.Recall;
using Preau.Messaging.Features.Search;
using Preau.Messaging.Features.Sending;
using Preau.Messaging.Resources;
using Preau.Platform.Api;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;
using Preau.Platform.Security;
using static Preau.Messaging.Api.MessagingApiModels;

namespace Preau.Messaging.Api;

/// <summary>
/// The messagerie's API: the same use cases as the pages, for the holder of the messaging right.
/// A message, draft or folder that is not the caller's answers 404, as if it did not exist; bad
/// input answers validation problem details in the caller's language; a message naming someone
/// the caller may not write to is not sent (422, the draft kept).
/// </summary>
internal static class MessagingApi
{
    public const int RecipientsPageSize = 20;

    public static IEndpointRouteBuilder MapMessagingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/messages").WithTags("Messagerie").RequireAuthorization().RequireAppRight(MessagingModule.AccessRight);
        MapFolders(api);
        MapReading(api);
        MapWriting(api);
        MapOrganizing(api);
        return endpoints;
    }

    private static void MapFolders(RouteGroupBuilder api)
    {
        api.MapGet("/folders", async (CurrentUser currentUser, ReadMailbox mailbox, ManageFolders folders, IStringLocalizer<MessagingApiStrings> a, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var counts = await mailbox.CountsAsync(me.Id, ct);
                var system = SystemFolders.All.Select(id => new SystemFolder(id, SystemFolders.Slug(id), FolderName(a, id), counts[id].Unread, counts[id].Total)).ToList();
                return TypedResults.Ok(new FoldersResponse(system, await folders.ListAsync(me.Id, counts, ct)));
            })
            .WithName("MessagingListFolders")
            .WithSummary("The caller's folders: the five system folders (slug reception, envoyes, brouillons, programmes, corbeille; name in the caller's language; unread; total, counted for drafts and scheduled messages), then their own folders as a tree in reading order with their unread counts.");

        api.MapPost("/folders", async Task<Results<Created<FolderCreated>, NotFound, ValidationProblem>> (FolderRequest request, CurrentUser currentUser, ManageFolders folders,
                IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
            {
                var outcome = await folders.CreateAsync(await currentUser.RequireAsync(ct), request.Name, request.ParentId, ct);
                return !outcome.Found ? TypedResults.NotFound()
                    : outcome.Errors is { } errors ? ApiProblems.Validation(errors, s)
                    : TypedResults.Created($"/api/v1/messages?folder={outcome.Value}", new FolderCreated(outcome.Value));
            })
            .WithName("MessagingCreateFolder")
            .WithSummary("Creates one of the caller's folders, at the top or under one of theirs (parentId): three levels deep at most, fifty per level, names unique among siblings. 404 when the parent is not theirs.");

        api.MapPatch("/folders/{id:guid}", async (Guid id, FolderRequest request, CurrentUser currentUser, ManageFolders folders, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await folders.RenameAsync(await currentUser.RequireAsync(ct), id, request.Name, ct), s))
            .WithName("MessagingRenameFolder")
            .WithSummary("Renames one of the caller's folders (the name only: parentId is not read). 404 when it is not theirs.");

        api.MapDelete("/folders/{id:guid}", async (Guid id, CurrentUser currentUser, ManageFolders folders, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await folders.DeleteAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("MessagingDeleteFolder")
            .WithSummary("Deletes one of the caller's folders and those under it; their messages go to the trash. 404 when it is not theirs.");
    }

    private static void MapReading(RouteGroupBuilder api)
    {
        api.MapGet("", async Task<Results<Ok<PageResponse>, NotFound, ValidationProblem>> (string? folder, string? after, int? size, CurrentUser currentUser, ReadMailbox mailbox,
                IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a, CancellationToken ct) =>
            {
                if (SystemFolders.FromSlug(string.IsNullOrEmpty(folder) ? SystemFolders.Slug(SystemFolders.Inbox) : folder) is not { } folderId)
                {
                    return Problem("Folder", "Api.Error.UnknownFolder", s, a);
                }

                var page = await mailbox.PageAsync(await currentUser.RequireAsync(ct), folderId, after, size, ct);
                return page is null ? TypedResults.NotFound()
                    : TypedResults.Ok(new PageResponse(SystemFolders.Slug(folderId), [.. page.Lines.Select(l => Line(l, s))], page.Next));
            })
            .WithName("MessagingGetFolderPage")
            .WithSummary("A page of a folder, newest first: folder is a system folder's slug (reception by default) or the id of one of the caller's folders; after continues from the previous answer's next; size 1 to 100, 25 by default. 404 when the folder is not the caller's.");

        api.MapGet("/counts", async (CurrentUser currentUser, ReadMailbox mailbox, CancellationToken ct) =>
                TypedResults.Ok((await mailbox.CountsAsync((await currentUser.RequireAsync(ct)).Id, ct)).Values
                    .Select(c => new FolderCountResponse(SystemFolders.Slug(c.FolderId), c.Unread, c.Total)).ToList()))
            .WithName("MessagingGetCounts")
            .WithSummary("Unread messages per folder (system folders by slug, the caller's by id), with how many drafts and scheduled messages wait.");

        api.MapGet("/unread", async (CurrentUser currentUser, ReadMailbox mailbox, CancellationToken ct) =>
                TypedResults.Ok(new CountResponse(await mailbox.UnreadAsync((await currentUser.RequireAsync(ct)).Id, ct))))
            .WithName("MessagingGetUnread")
            .WithSummary("How many unread messages the caller has in the inbox and their own folders: the number beside \"Messagerie\".");

        api.MapGet("/{id:guid}", async Task<Results<Ok<MessageResponse>, NotFound>> (Guid id, CurrentUser currentUser, OpenMessage open, MessageBodies bodies,
                IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
                await open.OpenAsync(await currentUser.RequireAsync(ct), id, ct) is { } view ? TypedResults.Ok(Message(view, bodies, s)) : TypedResults.NotFound())
            .WithName("MessagingGetMessage")
            .WithSummary("One of the caller's messages, marked read: addresses (Cci shown to its sender only; a hidden recipient sees themselves alone there), body as sanitized HTML (null when the message was recalled from the caller), attachments, state, whether and until when the sender may recall it. 404 when the caller does not hold it.");

        api.MapGet("/{id:guid}/thread", async Task<Results<Ok<ThreadResponse>, NotFound>> (Guid id, CurrentUser currentUser, OpenMessage open, MessageBodies bodies,
                IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
            {
                var thread = await open.ThreadAsync(await currentUser.RequireAsync(ct), id, ct);
                return thread.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(new ThreadResponse([.. thread.Select(v => Message(v, bodies, s))]));
            })
            .WithName("MessagingGetThread")
            .WithSummary("The conversation of one of the caller's messages, oldest first, as far as the caller holds it (drafts apart), all marked read. 404 when the caller does not hold the message or only as a draft alone.");

        api.MapGet("/search", async (string? q, int? page, CurrentUser currentUser, SearchMessages search, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
            {
                var found = await search.HandleAsync(await currentUser.RequireAsync(ct), q, page ?? 1, ct);
                return TypedResults.Ok(new SearchResponse(found.Query, [.. found.Lines.Select(l => Line(l, s))], found.Page, found.HasMore));
            })
            .WithName("MessagingSearch")
            .WithSummary("Searches the caller's messages (every folder but the trash) by subject, sender and text, accents and case aside, newest first, 25 a page (page from 1); at least two letters.");

        api.MapGet("/recipients", async (string? q, int? page, CurrentUser currentUser, VisibleSearch visible, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var query = new VisibleQuery((q ?? "").Trim(), Page: Math.Max(1, page ?? 1), PageSize: RecipientsPageSize);
                var people = await visible.PeopleAsync(me.Id, query, ct);
                var groups = await visible.GroupsAsync(me.Id, query, ct);
                return TypedResults.Ok(new RecipientsResponse(people.Items, groups.Items, query.Page, people.HasMore || groups.HasMore));
            })
            .WithName("MessagingSearchRecipients")
            .WithSummary("The people and groups the caller may write to under the communication rules, by the beginning of a name or login (q; empty lists them all), 20 of each a page (page from 1).");
    }

    private static void MapWriting(RouteGroupBuilder api)
    {
        api.MapPost("/drafts", async Task<Results<Created<DraftResponse>, NotFound, ValidationProblem>> (DraftRequest request, CurrentUser currentUser, SaveDraft drafts,
                IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
            {
                var outcome = await drafts.CreateAsync(await currentUser.RequireAsync(ct), request.Content(), request.ParentId, ct);
                return !outcome.Found ? TypedResults.NotFound()
                    : outcome.Errors is { } errors ? ApiProblems.Validation(errors, s)
                    : TypedResults.Created($"/api/v1/messages/{outcome.Value!.Id}", DraftResponse.Of(outcome.Value));
            })
            .WithName("MessagingCreateDraft")
            .WithSummary("Saves a new draft: to, cc and bcc as lists of {id, isGroup}, subject, body as HTML (sanitized), parentId for a reply or a forward (a message the caller holds, else 404). Ids the caller may not write to are left out and listed in refused; the addressees kept come back with their names.");

        api.MapPut("/drafts/{id:guid}", async (Guid id, DraftRequest request, CurrentUser currentUser, SaveDraft drafts, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await drafts.UpdateAsync(await currentUser.RequireAsync(ct), id, request.Content(), ct), DraftResponse.Of, s))
            .WithName("MessagingUpdateDraft")
            .WithSummary("Replaces a draft's recipients, subject and body (parentId is not read), as the composer saves every few seconds; refused ids as for a new draft. 404 when it is not one of the caller's drafts.");

        api.MapPost("", async Task<Results<Created<SentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (MessageRequest request, CurrentUser currentUser,
                SaveDraft drafts, SendMessage send, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var draft = request.Draft();
                var saved = await drafts.CreateAsync(me, draft.Content(), draft.ParentId, ct);
                if (!saved.Found)
                {
                    return TypedResults.NotFound();
                }

                if (saved.Errors is { } errors)
                {
                    return ApiProblems.Validation(errors, s);
                }

                var id = saved.Value!.Id;
                if (saved.Value.Refused.Count > 0)
                {
                    return Refused(draft, saved.Value, s);
                }

                var sent = request.At is { } at ? await send.LaterAsync(me, id, at, ct) : await send.NowAsync(me, id, ct);
                if (sent.Errors is { } refusal)
                {
                    var problem = ApiProblems.Validation(refusal, s);
                    problem.ProblemDetails.Extensions["draftId"] = id;
                    return problem;
                }

                return sent.Found ? TypedResults.Created($"/api/v1/messages/{id}", Sent(sent.Value!)) : TypedResults.NotFound();
            })
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("MessagingSend")
            .WithSummary("Writes and sends a message in one call (a draft's fields, and at to schedule it instead). If any recipient is one the caller may not write to, nothing is sent: 422 with the refused ids in refused and the fields in errors. When the message is not sent (422 or 400: quiet hours, sending paused, rate limit…) it is kept as a draft whose id is draftId in the problem.");

        api.MapPost("/drafts/{id:guid}/send", async (Guid id, SendRequest? request, CurrentUser currentUser, SendMessage send, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                return ApiResults.Ok(request?.At is { } at ? await send.LaterAsync(me, id, at, ct) : await send.NowAsync(me, id, ct), Sent, s);
            })
            .WithName("MessagingSendDraft")
            .WithSummary("Sends one of the caller's drafts now, or at a later instant (at, ISO 8601: from a few minutes to a year ahead). Every address, the sending switches, quiet hours and the rate limit are checked again; a refusal leaves the draft as it was. 404 when it is not one of the caller's drafts.");

        api.MapDelete("/drafts/{id:guid}/schedule", async (Guid id, CurrentUser currentUser, SendMessage send, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await send.UnscheduleAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("MessagingUnschedule")
            .WithSummary("Takes a scheduled message of the caller's back to the drafts, unsent. 404 when it is not one of their scheduled messages.");

        api.MapPost("/{id:guid}/recall", async (Guid id, CurrentUser currentUser, RecallMessage recall, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await recall.HandleAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("MessagingRecall")
            .WithSummary("Recalls a message the caller sent, within the recall delay (60 minutes by default): its text and files leave every recipient's box, who see that it was recalled. 404 when the caller did not send it.");

        api.MapPost("/{id:guid}/report", async (Guid id, ReportRequest? request, CurrentUser currentUser, ReportMessage report, IStringLocalizer<MessagingStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await report.HandleAsync(await currentUser.RequireAsync(ct), id, request?.Reason, ct), s))
            .WithName("MessagingReport")
            .WithSummary("Reports a message the caller received to the ADMLs of their school, with an optional reason of at most 500 characters; reporting twice changes nothing. 404 when the caller did not receive it.");
    }

    private static void MapOrganizing(RouteGroupBuilder api)
    {
        api.MapPost("/read", async (ReadRequest request, CurrentUser currentUser, OrganizeMessages organize, PreauDbContext db,
                IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a, CancellationToken ct) =>
                await BatchAsync(request.Ids, currentUser, db, s, a, async (me, ids) => await organize.MarkAsync(me, ids, request.Unread, ct), ct))
            .WithName("MessagingMarkRead")
            .WithSummary("Marks messages the caller received read (unread false) or unread (unread true); answers how many changed. 404, nothing changed, when any id is not one of the caller's messages.");

        api.MapPost("/move", async (MoveRequest request, CurrentUser currentUser, OrganizeMessages organize, PreauDbContext db,
                IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a, CancellationToken ct) =>
                SystemFolders.FromSlug(request.Folder) is { } folder
                    ? await BatchAsync(request.Ids, currentUser, db, s, a, (me, ids) => organize.MoveAsync(me, ids, folder, ct), ct)
                    : Problem("Folder", "Api.Error.UnknownFolder", s, a))
            .WithName("MessagingMove")
            .WithSummary("Moves messages into the inbox (received ones), Sent (sent ones) or one of the caller's folders (folder: slug or id); drafts and scheduled messages stay. Answers how many moved; 404 when any id or the folder is not the caller's.");

        api.MapPost("/trash", async (IdsRequest request, CurrentUser currentUser, OrganizeMessages organize, PreauDbContext db,
                IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a, CancellationToken ct) =>
                await BatchAsync(request.Ids, currentUser, db, s, a, async (me, ids) => await organize.TrashAsync(me, ids, ct), ct))
            .WithName("MessagingTrash")
            .WithSummary("Puts the caller's copies of messages in the trash, remembering where from (a scheduled message stays: unschedule it first); no one else's copy changes. 404 when any id is not one of the caller's messages.");

        api.MapPost("/restore", async (IdsRequest request, CurrentUser currentUser, OrganizeMessages organize, PreauDbContext db,
                IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a, CancellationToken ct) =>
                await BatchAsync(request.Ids, currentUser, db, s, a, async (me, ids) => await organize.RestoreAsync(me, ids, ct), ct))
            .WithName("MessagingRestore")
            .WithSummary("Takes messages out of the trash back where they were (the inbox or Sent when that folder is gone). 404 when any id is not one of the caller's messages.");

        api.MapPost("/delete", async (IdsRequest request, CurrentUser currentUser, OrganizeMessages organize, PreauDbContext db,
                IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a, CancellationToken ct) =>
                await BatchAsync(request.Ids, currentUser, db, s, a, async (me, ids) => await organize.DeleteAsync(me, ids, ct), ct))
            .WithName("MessagingDelete")
            .WithSummary("Deletes for good the caller's copies of messages in the trash (others are not touched, nor anyone else's copy). 404 when any id is not one of the caller's messages.");

        api.MapDelete("/trash", async (CurrentUser currentUser, OrganizeMessages organize, CancellationToken ct) =>
                TypedResults.Ok(new ChangedResponse(await organize.EmptyTrashAsync(await currentUser.RequireAsync(ct), ct))))
            .WithName("MessagingEmptyTrash")
            .WithSummary("Empties the caller's trash for good; answers how many messages left it.");
    }

    /// <summary>An action on several of the caller's messages: ids given, at most 500, every one held by the caller.</summary>
    private static async Task<Results<Ok<ChangedResponse>, NotFound, ValidationProblem>> BatchAsync(IReadOnlyList<Guid>? ids, CurrentUser currentUser, PreauDbContext db,
        IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a, Func<UserContext, IReadOnlyCollection<Guid>, Task<Outcome<int>>> act, CancellationToken ct)
    {
        var distinct = (ids ?? []).Distinct().ToList();
        if (distinct.Count == 0)
        {
            return Problem("Ids", "Api.Error.NoIds", s, a);
        }

        if (distinct.Count > OrganizeMessages.MaxBatch)
        {
            return Problem("Ids", "Api.Error.TooManyIds", s, a);
        }

        var me = await currentUser.RequireAsync(ct);
        if (!await HeldMessages.HoldAllAsync(db, me, distinct, ct))
        {
            return TypedResults.NotFound();
        }

        return ApiResults.Ok(await act(me, distinct), n => new ChangedResponse(n), s);
    }

    /// <summary>422: the refused ids, the fields that named them, the draft that keeps the rest.</summary>
    private static ProblemHttpResult Refused(DraftRequest request, SaveDraft.Saved saved, IStringLocalizer<MessagingStrings> s)
    {
        var refused = saved.Refused.ToHashSet();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, list) in new[] { (nameof(request.To), request.To), (nameof(request.Cc), request.Cc), (nameof(request.Bcc), request.Bcc) })
        {
            if (list?.Any(refused.Contains) == true)
            {
                errors[field] = ["Error.Unreachable"];
            }
        }

        var problem = ApiProblems.Validation(errors, s).ProblemDetails;
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Extensions["refused"] = saved.Refused;
        problem.Extensions["draftId"] = saved.Id;
        return TypedResults.Problem(problem);
    }

    /// <summary>A refusal of the API's own ("Api." key, from MessagingApiStrings), titled as the core's.</summary>
    private static ValidationProblem Problem(string field, string key, IStringLocalizer<MessagingStrings> s, IStringLocalizer<MessagingApiStrings> a) =>
        ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [key] }, new MessagingApiLocalizer(s, a));

    private static SentResponse Sent(SendMessage.Sent sent) => new(sent.Id, sent.State, sent.Recipients, sent.At);

    private static string FolderName(IStringLocalizer<MessagingApiStrings> a, Guid id) =>
        id == SystemFolders.Inbox ? a["Api.Folder.Inbox"]
        : id == SystemFolders.Sent ? a["Api.Folder.Sent"]
        : id == SystemFolders.Drafts ? a["Api.Folder.Drafts"]
        : id == SystemFolders.Scheduled ? a["Api.Folder.Scheduled"]
        : a["Api.Folder.Trash"];

    private static string? Failure(string? key, IStringLocalizer<MessagingStrings> s) => key is null ? null : s[key].Value;

    private static LineResponse Line(MessageLine l, IStringLocalizer<MessagingStrings> s) =>
        new(l.Id, l.ThreadId, l.SenderId, l.SenderName, l.Recipients, l.Subject, l.Preview, l.Date, l.Unread, l.Received, l.Attachments, l.State, l.ScheduledFor, Failure(l.FailureKey, s));

    /// <summary>A message for the API: its body sanitized once more as for a page, none when it was recalled from the caller.</summary>
    private static MessageResponse Message(MessageView v, MessageBodies bodies, IStringLocalizer<MessagingStrings> s)
    {
        var body = v.IsRecalled && v.Received ? null : bodies.RenderMarkup(v.Body);
        return new MessageResponse(v.Id, v.ThreadId, v.ParentId, v.SenderId, v.SenderName, v.Subject, body, v.Addresses, v.Attachments, v.State, v.Date, v.SentAt,
            v.RecalledAt, v.ScheduledFor, Failure(v.FailureKey, s), SystemFolders.Slug(v.FolderId), v.Received, v.Unread, v.CanRecall, v.RecallUntil);
    }
}

/// <summary>
/// The API's error texts: its own ("Api." keys) from MessagingApiStrings, the rest (the core's
/// keys and "Error.Title") from MessagingStrings.
/// </summary>
internal sealed class MessagingApiLocalizer(IStringLocalizer<MessagingStrings> core, IStringLocalizer<MessagingApiStrings> api) : IStringLocalizer
{
    public LocalizedString this[string name] => Pick(name)[name];

    public LocalizedString this[string name, params object[] arguments] => Pick(name)[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        core.GetAllStrings(includeParentCultures).Concat(api.GetAllStrings(includeParentCultures));

    private IStringLocalizer Pick(string name) => name.StartsWith("Api.", StringComparison.Ordinal) ? api : core;
}
