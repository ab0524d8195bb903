using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Api;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Security;

namespace Preau.Homework.Api;

/// <summary>
/// The cahier de textes' API, for holders of homework.access: the same use cases as the pages. A
/// book, entry or calendar address the caller has nothing to do with answers 404, as a guessed id
/// does; bad input answers problem details in the caller's language. Days are ISO dates
/// (2026-09-21) reckoned in Europe/Paris; instants ISO 8601 with an offset.
/// </summary>
internal static class HomeworkApi
{
    public sealed record BookRequest(Guid? ClassId, Guid? GroupId, string? Subject);

    public sealed record BookResponse(Guid Id, string Kind, string Audience, string Subject, string Title, Guid? ClassId, bool CanWrite, DateOnly? FrozenUntil)
    {
        public static BookResponse Of(BookLine b) => new(b.Id, b.Kind.ToString(), b.Audience, b.Subject, b.Title, b.ClassId, b.CanWrite, b.FrozenUntil);
    }

    public sealed record SessionRequest(DateOnly Date, TimeOnly? Start, TimeOnly? End, string? Title, string? Body, DateTimeOffset? VisibleFrom)
    {
        public SessionInput Input => new(Date, Start, End, Title, Body, VisibleFrom);
    }

    public sealed record SessionResponse(Guid Id, Guid BookId, DateOnly Date, TimeOnly? Start, TimeOnly? End, string Title, string Body, DateTimeOffset? VisibleFrom)
    {
        /// <summary>The documents joined to it (in a book's page; empty elsewhere).</summary>
        public IReadOnlyList<AttachmentsApi.AttachmentResponse> Attachments { get; init; } = [];

        public static SessionResponse Of(HwSession s) => new(s.Id, s.BookId, s.Date, s.Start, s.End, s.Title, s.Body, s.VisibleFrom);
    }

    public sealed record HomeworkRequest(DateOnly? GivenOn, DateOnly? DueOn, HomeworkKind Kind, string? Description, int? Minutes, IReadOnlyList<Guid>? Pupils,
        DateTimeOffset? VisibleFrom, Guid? SessionId, Guid? DueSessionId, Repeat Repeat, DateOnly? RepeatUntil)
    {
        public HomeworkInput Input => new(GivenOn, DueOn, Kind, Description, Minutes, Pupils, VisibleFrom, SessionId, DueSessionId, Repeat, RepeatUntil);
    }

    public sealed record HomeworkResponse(Guid Id, Guid BookId, DateOnly GivenOn, DateOnly DueOn, string Kind, string Description, string Summary, int? Minutes,
        bool Targeted, IReadOnlyList<Guid> Pupils, DateTimeOffset? VisibleFrom, Guid? SessionId, Guid? DueSessionId, Guid? RecurrenceId, int? PupilCount, int? DoneCount)
    {
        /// <summary>The documents joined to it (in a book's page; empty elsewhere).</summary>
        public IReadOnlyList<AttachmentsApi.AttachmentResponse> Attachments { get; init; } = [];

        public static HomeworkResponse Of(HwHomework h) => new(h.Id, h.BookId, h.GivenOn, h.DueOn, h.Kind.ToString(), h.Description, h.Summary, h.Minutes,
            h.Targeted, [], h.VisibleFrom, h.SessionId, h.DueSessionId, h.RecurrenceId, null, null);

        public static HomeworkResponse Of(BookHomework b) => Of(b.Homework) with { Pupils = b.Targets, PupilCount = b.Pupils, DoneCount = b.DoneCount };
    }

    public sealed record BookPageResponse(BookResponse Book, DateOnly From, DateOnly To, IReadOnlyList<SessionResponse> Sessions, IReadOnlyList<HomeworkResponse> Homework,
        IReadOnlyList<VisaResponse> Visas);

    public sealed record VisaRequest(DateOnly? UpTo, string? Comment);

    public sealed record VisaResponse(Guid Id, DateOnly UpTo, Guid SignedBy, DateTimeOffset SignedAt, string Comment)
    {
        public static VisaResponse Of(HwVisa v) => new(v.Id, v.UpTo, v.SignedBy, v.SignedAt, v.Comment);
    }

    public sealed record ToDoItemResponse(Guid Id, Guid BookId, string Subject, string Kind, string Description, string Summary, DateOnly GivenOn, DateOnly DueOn,
        int? Minutes, bool Done, bool Targeted, IReadOnlyList<AttachmentsApi.AttachmentResponse> Attachments);

    public sealed record ToDoResponse(Guid PupilId, string FirstName, DateOnly Today, DateOnly NextSchoolDay, int EveningMinutes, int WeekMinutes,
        IReadOnlyList<ToDoItemResponse> Overdue, IReadOnlyList<ToDoItemResponse> Upcoming)
    {
        public static ToDoResponse Of(ToDoList l) => new(l.PupilId, l.FirstName, l.Today, l.NextSchoolDay, l.EveningMinutes, l.WeekMinutes,
            [.. l.Overdue.Select(Item)], [.. l.Days.SelectMany(d => d.Items).Select(Item)]);

        private static ToDoItemResponse Item(ToDoItem i) => new(i.Id, i.BookId, i.Subject, i.Kind.ToString(), i.Description, i.Summary, i.GivenOn, i.DueOn, i.Minutes, i.Done, i.Targeted,
            AttachmentsApi.AttachmentResponse.All(i.Attachments));
    }

    public sealed record EtudeResponse(Guid GroupId, string GroupName, DateOnly For, IReadOnlyList<ToDoResponse> Pupils);

    public sealed record InspectorRequest(Guid UserId, DateOnly Until);

    public sealed record CalendarRequest(CalendarScope Scope, Guid SubjectId);

    public sealed record CalendarResponse(Guid Id, string Scope, Guid SubjectId, string Url);

    public sealed record CopyRequest(Guid ToBookId);

    public static IEndpointRouteBuilder MapHomeworkApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/homework").WithTags("Homework").RequireAuthorization().RequireAppRight(HomeworkModule.AccessRight);
        MapBooks(api);
        MapEntries(api);
        MapFamilies(api);
        MapDirection(api);
        AttachmentsApi.MapAttachments(api);
        return endpoints;
    }

    private static void MapBooks(RouteGroupBuilder api)
    {
        api.MapGet("/books", async (CurrentUser currentUser, ManageBooks books, HomeworkAccess access, CancellationToken ct) =>
                TypedResults.Ok((await books.MineAsync(await currentUser.RequireAsync(ct), access, ct)).Select(BookResponse.Of).ToList()))
            .WithName("HomeworkBooks")
            .WithSummary("The books the caller works with: a teacher's (classes taught, teaching groups; canWrite), those of the schools they direct or inspect (read-only).");

        api.MapPost("/books", async Task<Results<Ok<BookResponse>, NotFound, ValidationProblem>> (BookRequest request, CurrentUser currentUser, ManageBooks books,
                HomeworkAccess access, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var opened = await books.OpenAsync(me, request.ClassId, request.GroupId, request.Subject, ct);
                var lines = opened is { Succeeded: true, Errors: null } ? await books.MineAsync(me, access, ct) : [];
                return ApiResults.Ok(opened, b => BookResponse.Of(lines.Single(l => l.Id == b.Id)), s);
            })
            .WithName("HomeworkOpenBook")
            .WithSummary("A teacher opens (or finds) the book of a class they teach (classId) or a teaching group they teach (groupId) for a subject: required in a collège or lycée; without one in an école, the class diary. 404 for a class or group not theirs.");

        api.MapGet("/books/{id:guid}", async Task<Results<Ok<BookPageResponse>, NotFound>> (Guid id, DateOnly? from, DateOnly? to, CurrentUser currentUser, ReadBook read,
                HomeworkAttachments attachments, SchoolCalendar calendar, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var start = from ?? SchoolCalendar.WeekStart(calendar.Today());
                var page = await read.PageAsync(me, id, start, to ?? start.AddDays(6), ct);
                if (page is null)
                {
                    return TypedResults.NotFound();
                }

                var files = await attachments.ListAsync([.. page.Sessions.Select(x => x.Id), .. page.Homework.Select(h => h.Homework.Id)], ct);
                return TypedResults.Ok(new BookPageResponse(
                    new BookResponse(page.View.Book.Id, page.View.Book.Kind.ToString(), page.View.AudienceName, page.View.Book.Subject, page.View.Title,
                        page.View.Book.ClassId, page.View.CanWrite, page.View.Book.FrozenUntil),
                    page.From, page.To,
                    [.. page.Sessions.Select(x => SessionResponse.Of(x) with { Attachments = AttachmentsApi.AttachmentResponse.All(files[x.Id]) })],
                    [.. page.Homework.Select(h => HomeworkResponse.Of(h) with { Attachments = AttachmentsApi.AttachmentResponse.All(files[h.Homework.Id]) })],
                    [.. page.Visas.Select(VisaResponse.Of)]));
            })
            .WithName("HomeworkBook")
            .WithSummary("A stretch of a book (from, to: the current week by default, 370 days at most): its lessons by date, the homework due in it with pupilCount and doneCount, each with its attachments, its visas. For its writers and readers (teachers of the class, direction, invited inspector); 404 for pupils, parents and anyone else.");
    }

    private static void MapEntries(RouteGroupBuilder api)
    {
        api.MapPost("/books/{id:guid}/sessions", async Task<Results<Created<SessionResponse>, NotFound, ValidationProblem>> (Guid id, SessionRequest request,
                CurrentUser currentUser, WriteDiary write, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Created((await write.SaveSessionAsync(await currentUser.RequireAsync(ct), id, null, request.Input, ct)).Map(SessionResponse.Of), s, x => $"/api/v1/homework/sessions/{x.Id}"))
            .WithName("HomeworkAddSession")
            .WithSummary("A writer records a lesson: date, optional start and end, title, body (rich text, sanitized), visibleFrom. 400 on a day under a visa.");

        api.MapPut("/sessions/{id:guid}", async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem>> (Guid id, SessionRequest request,
                CurrentUser currentUser, WriteDiary write, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await write.UpdateSessionAsync(await currentUser.RequireAsync(ct), id, request.Input, ct), SessionResponse.Of, s))
            .WithName("HomeworkUpdateSession")
            .WithSummary("A writer changes a lesson. 400 when it or its new day is under a visa.");

        api.MapDelete("/sessions/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, WriteDiary write,
                IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await write.DeleteSessionAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("HomeworkDeleteSession")
            .WithSummary("A writer removes a lesson; 400 when it is under a visa.");

        api.MapPost("/sessions/{id:guid}/copy", async Task<Results<Created<SessionResponse>, NotFound, ValidationProblem>> (Guid id, CopyRequest request,
                CurrentUser currentUser, WriteDiary write, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Created((await write.CopySessionAsync(await currentUser.RequireAsync(ct), id, request.ToBookId, ct)).Map(SessionResponse.Of), s, x => $"/api/v1/homework/sessions/{x.Id}"))
            .WithName("HomeworkCopySession")
            .WithSummary("Copies a lesson to another book the caller writes in.");

        api.MapPost("/books/{id:guid}/homework", async Task<Results<Created<HomeworkResponse>, NotFound, ValidationProblem>> (Guid id, HomeworkRequest request,
                CurrentUser currentUser, WriteDiary write, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Created((await write.AddHomeworkAsync(await currentUser.RequireAsync(ct), id, request.Input, ct)).Map(HomeworkResponse.Of), s, x => $"/api/v1/homework/homework/{x.Id}"))
            .WithName("HomeworkAdd")
            .WithSummary("A writer sets homework: givenOn (today by default), dueOn or dueSessionId, kind (Exercise, Lesson, Test, Bring, Read, Sign, Other), description (rich text), minutes (0-600), pupils (some of the audience; all when empty), visibleFrom, sessionId, repeat (None, Weekly, Fortnightly) until repeatUntil: one homework per school day of the series; the first is answered. Pupils and parents are told when it is due within two school days.");

        api.MapPut("/homework/{id:guid}", async Task<Results<Ok<HomeworkResponse>, NotFound, ValidationProblem>> (Guid id, HomeworkRequest request,
                CurrentUser currentUser, WriteDiary write, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await write.UpdateHomeworkAsync(await currentUser.RequireAsync(ct), id, request.Input, ct), HomeworkResponse.Of, s))
            .WithName("HomeworkUpdate")
            .WithSummary("A writer changes one homework (not its series). 400 when it is under a visa.");

        api.MapDelete("/homework/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, WriteDiary write,
                IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await write.DeleteHomeworkAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("HomeworkDelete")
            .WithSummary("A writer removes one homework; its notice is withdrawn. 400 when it is under a visa.");

        api.MapPost("/homework/{id:guid}/copy", async Task<Results<Created<HomeworkResponse>, NotFound, ValidationProblem>> (Guid id, CopyRequest request,
                CurrentUser currentUser, WriteDiary write, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Created((await write.CopyHomeworkAsync(await currentUser.RequireAsync(ct), id, request.ToBookId, ct)).Map(HomeworkResponse.Of), s, x => $"/api/v1/homework/homework/{x.Id}"))
            .WithName("HomeworkCopy")
            .WithSummary("Copies a homework to another book the caller writes in (for the whole audience there).");
    }

    private static void MapFamilies(RouteGroupBuilder api)
    {
        api.MapGet("/todo", async Task<Results<Ok<List<ToDoResponse>>, NotFound>> (CurrentUser currentUser, ToDo todo, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                return me.Profile switch
                {
                    Profile.Student => TypedResults.Ok(new List<ToDoResponse> { ToDoResponse.Of(await todo.ForPupilAsync(me, ct)) }),
                    Profile.Relative => TypedResults.Ok((await todo.ForChildrenAsync(me, ct)).Select(ToDoResponse.Of).ToList()),
                    _ => TypedResults.NotFound(),
                };
            })
            .WithName("HomeworkToDo")
            .WithSummary("\"À faire\": a pupil's own list, or one list per child for a parent (every school): overdue (not done, due in the last two weeks), upcoming (from today, three weeks), the evening's and the week's minutes. 404 for other profiles.");

        api.MapPut("/homework/{id:guid}/done", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, ToDo todo,
                IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await todo.MarkAsync(await currentUser.RequireAsync(ct), id, true, ct), s))
            .WithName("HomeworkMarkDone")
            .WithSummary("A pupil ticks a homework of their own list done. 404 for anyone else.");

        api.MapDelete("/homework/{id:guid}/done", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, ToDo todo,
                IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await todo.MarkAsync(await currentUser.RequireAsync(ct), id, false, ct), s))
            .WithName("HomeworkMarkNotDone")
            .WithSummary("A pupil unticks a homework of their own list.");

        api.MapGet("/etude", async (DateOnly? day, CurrentUser currentUser, Etude etude, CancellationToken ct) =>
                TypedResults.Ok((await etude.EveningAsync(await currentUser.RequireAsync(ct), day, ct))
                    .Select(e => new EtudeResponse(e.GroupId, e.GroupName, e.For, [.. e.Pupils.Select(ToDoResponse.Of)])).ToList()))
            .WithName("HomeworkEtude")
            .WithSummary("For a périscolaire animator: each group they animate, its pupils and the homework due on the next school day (or day). Empty for other profiles.");

        api.MapGet("/calendars", async (CurrentUser currentUser, CalendarKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.MineAsync(await currentUser.RequireAsync(ct), ct)))
            .WithName("HomeworkCalendars")
            .WithSummary("The calendar addresses the caller made and did not revoke (their secrets are not kept: make a new one to see it again).");

        api.MapPost("/calendars", async Task<Results<Ok<CalendarResponse>, NotFound, ValidationProblem>> (CalendarRequest request, CurrentUser currentUser,
                CalendarKeys keys, HttpContext http, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await keys.CreateAsync(await currentUser.RequireAsync(ct), request.Scope, request.SubjectId, ct),
                    a => new CalendarResponse(a.Id, a.Scope.ToString(), a.SubjectId, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{a.Path}"), s))
            .WithName("HomeworkCreateCalendar")
            .WithSummary("A private iCalendar address: scope Pupil (the pupil themself or a parent, subjectId the pupil) or Class (a teacher of the class, subjectId the class). The caller's previous address for it dies. The url works without a session: keep it secret.");

        api.MapDelete("/calendars/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, CalendarKeys keys,
                IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await keys.RevokeAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("HomeworkRevokeCalendar")
            .WithSummary("Revokes one of the caller's calendar addresses: it answers 404 at once.");
    }

    private static void MapDirection(RouteGroupBuilder api)
    {
        api.MapPost("/books/{id:guid}/visas", async Task<Results<Created<VisaResponse>, NotFound, ValidationProblem>> (Guid id, VisaRequest request,
                CurrentUser currentUser, Visas visas, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Created((await visas.SignAsync(await currentUser.RequireAsync(ct), id, request.UpTo, request.Comment, ct)).Map(VisaResponse.Of), s, _ => $"/api/v1/homework/books/{id}"))
            .WithName("HomeworkSignVisa")
            .WithSummary("The direction (local administrators) or an invited inspector seals a book up to a day (today by default, never later): its entries dated up to it can no longer change.");

        api.MapGet("/structures/{id:guid}/inspectors", async (Guid id, CurrentUser currentUser, Visas visas, CancellationToken ct) =>
                TypedResults.Ok(await visas.InspectorsAsync(await currentUser.RequireAsync(ct), id, ct)))
            .WithName("HomeworkInspectors")
            .WithSummary("The inspectors a school's direction invited, with the last day of their right; empty for anyone else.");

        api.MapPost("/structures/{id:guid}/inspectors", async Task<Results<Ok<Guid>, NotFound, ValidationProblem>> (Guid id, InspectorRequest request,
                CurrentUser currentUser, Visas visas, IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await visas.InviteAsync(await currentUser.RequireAsync(ct), id, request.UserId, request.Until, ct), g => g.Id, s))
            .WithName("HomeworkInviteInspector")
            .WithSummary("The direction lets an adult read every book of the school and set visas until a day (a year at most).");

        api.MapDelete("/inspectors/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, Visas visas,
                IStringLocalizer<HomeworkStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await visas.EndAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("HomeworkEndInspector")
            .WithSummary("The direction ends an inspector's right at once.");
    }

}
