using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Api;

internal static class ProvisioningApi
{
    public sealed record MappingRequest(Dictionary<ImportField, int?> Columns);

    public sealed record MappingResult(IReadOnlyList<ImportField> MissingFields);

    public sealed record Started(Guid Id, string StatusUrl);

    public static void MapProvisioningApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin/structures/{structureId:guid}").WithTags("Provisioning").RequireAuthorization();

        api.MapPost("/imports", async Task<Results<Created<PreviewImport.FileView>, ProblemHttpResult, NotFound>> (
                Guid structureId, HttpRequest request, CurrentUser currentUser, UploadImport upload, PreviewImport preview, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(title: "Send the file as multipart/form-data, with the fields \"file\" and \"kind\".", statusCode: StatusCodes.Status400BadRequest);
                }

                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                if (file is null || !Enum.TryParse<ImportKind>(form["kind"].ToString(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                {
                    return TypedResults.Problem(title: "A \"file\" and a \"kind\" (Pupils, Relatives or Staff) are required.", statusCode: StatusCodes.Status400BadRequest);
                }

                var user = await currentUser.RequireAsync(ct);
                await using var stream = file.OpenReadStream();
                switch (await upload.HandleAsync(user, structureId, kind, file.FileName, stream, file.Length, ct))
                {
                    case UploadImport.Result.Uploaded uploaded:
                        var view = (await preview.FileAsync(user, structureId, uploaded.Run.Id, ct))!;
                        return TypedResults.Created($"/api/v1/admin/structures/{structureId}/imports/{uploaded.Run.Id}", view);
                    case UploadImport.Result.Unreadable unreadable:
                        return TypedResults.Problem(title: unreadable.Message, statusCode: unreadable.Problem == FileProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                            extensions: new Dictionary<string, object?> { ["problem"] = unreadable.Problem.ToString() });
                    default:
                        return TypedResults.NotFound();
                }
            })
            // Read by hand rather than bound, so that the 10 MB limit answers in words; the session
            // cookie is SameSite=Lax, which a cross-site multipart POST does not carry.
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadImport")
            .WithSummary("Uploads a CSV file (field \"file\") of a kind (field \"kind\": Pupils, Relatives or Staff); answers its columns and the suggested mapping. Writes nothing to the directory.");

        api.MapGet("/imports", async Task<Results<Ok<ListImports.History>, NotFound>> (Guid structureId, int? page, CurrentUser currentUser, ListImports list, CancellationToken ct) =>
                await list.HandleAsync(await currentUser.RequireAsync(ct), structureId, page ?? 1, ct) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound())
            .WithName("ListImports")
            .WithSummary("The structure's import history, newest first, 20 a page.");

        api.MapGet("/imports/{importId:guid}", async Task<Results<Ok<PreviewImport.FileView>, NotFound>> (Guid structureId, Guid importId, CurrentUser currentUser, PreviewImport preview, CancellationToken ct) =>
                await preview.FileAsync(await currentUser.RequireAsync(ct), structureId, importId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetImport")
            .WithSummary("An uploaded file: its columns with sample values, the field mapped to each, and the required fields still missing.");

        api.MapPut("/imports/{importId:guid}/mapping", async Task<Results<Ok<MappingResult>, ProblemHttpResult, NotFound>> (
                Guid structureId, Guid importId, MappingRequest request, CurrentUser currentUser, SaveMapping save, CancellationToken ct) =>
                await save.HandleAsync(await currentUser.RequireAsync(ct), structureId, importId, request.Columns ?? [], ct) switch
                {
                    SaveMapping.Result.Saved saved => TypedResults.Ok(new MappingResult(saved.Missing)),
                    SaveMapping.Result.Invalid invalid => TypedResults.Problem(title: invalid.Message, statusCode: StatusCodes.Status400BadRequest),
                    _ => TypedResults.NotFound(),
                })
            .WithName("SaveImportMapping")
            .WithSummary("Sets the column of each field ({\"columns\": {\"LastName\": 0, \"Email\": null}}); answers the required fields still missing.");

        api.MapGet("/imports/{importId:guid}/preview", async Task<Results<Ok<PreviewImport.Preview>, NotFound>> (Guid structureId, Guid importId, CurrentUser currentUser, PreviewImport preview, CancellationToken ct) =>
                await preview.HandleAsync(await currentUser.RequireAsync(ct), structureId, importId, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithName("PreviewImport")
            .WithSummary("What applying the file would do: created, updated (which fields), moved, detached, new classes, rejected lines with reasons. Writes nothing.");

        api.MapPost("/imports/{importId:guid}/apply", async Task<Results<Accepted<Started>, ProblemHttpResult, NotFound>> (Guid structureId, Guid importId, bool? detachAbsent, CurrentUser currentUser, StartImport start, CancellationToken ct) =>
                await start.HandleAsync(await currentUser.RequireAsync(ct), structureId, importId, detachAbsent ?? true, ct) switch
                {
                    StartImport.Result.Started s => TypedResults.Accepted($"/api/v1/admin/structures/{structureId}/imports/{s.ImportId}/status",
                        new Started(s.ImportId, $"/api/v1/admin/structures/{structureId}/imports/{s.ImportId}/status")),
                    StartImport.Result.Busy busy => TypedResults.Problem(title: "Another import of this structure is running; wait for it to end.", statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["running"] = busy.Other }),
                    StartImport.Result.MissingFields missing => TypedResults.Problem(title: "Required fields have no column: " + string.Join(", ", missing.Fields), statusCode: StatusCodes.Status400BadRequest),
                    StartImport.Result.AlreadyApplied applied => TypedResults.Problem(title: $"This import is already {applied.State}.", statusCode: StatusCodes.Status409Conflict),
                    _ => TypedResults.NotFound(),
                })
            .WithName("ApplyImport")
            .WithSummary("Confirms the import: it runs in the background (one at a time per structure); follow it at the status URL. detachAbsent=false (a file of one class) detaches nobody; by default the people absent from the file are detached.");

        api.MapGet("/imports/{importId:guid}/status", async Task<Results<Ok<ImportStatus.Status>, NotFound>> (Guid structureId, Guid importId, CurrentUser currentUser, ImportStatus status, CancellationToken ct) =>
                await status.HandleAsync(await currentUser.RequireAsync(ct), structureId, importId, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithName("ImportStatus")
            .WithSummary("Where an import stands: state, progress, and once done the counts and the classes it touched.");

        api.MapGet("/imports/{importId:guid}/rejected.csv", async Task<Results<FileContentHttpResult, NotFound>> (Guid structureId, Guid importId, CurrentUser currentUser, RejectedReport report, CancellationToken ct) =>
                await report.HandleAsync(await currentUser.RequireAsync(ct), structureId, importId, ct) is { } result
                    ? TypedResults.File(result.Content, "text/csv; charset=utf-8", result.FileName)
                    : TypedResults.NotFound())
            .WithName("RejectedLinesReport")
            .WithSummary("The rejected lines as a CSV (semicolons, UTF-8): line, name, reason, detail and the line's cells; formulas neutralised.");

        api.MapGet("/detached", async Task<Results<Ok<ListDetached.Result>, NotFound>> (Guid structureId, CurrentUser currentUser, ListDetached list, CancellationToken ct) =>
                await list.HandleAsync(await currentUser.RequireAsync(ct), structureId, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithName("ListDetached")
            .WithSummary("The people imports detached from the structure, with the date each will be deleted unless restored.");

        api.MapPost("/detached/{userId:guid}/restore", async Task<Results<NoContent, NotFound>> (Guid structureId, Guid userId, CurrentUser currentUser, RestorePerson restore, CancellationToken ct) =>
                await restore.HandleAsync(await currentUser.RequireAsync(ct), structureId, userId, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RestoreDetached")
            .WithSummary("Brings a detached person back into the groups they were in.");

        api.MapGet("/rollover", async Task<Results<Ok<Rollover.Preview>, NotFound>> (Guid structureId, CurrentUser currentUser, Rollover rollover, CancellationToken ct) =>
                await rollover.PreviewAsync(await currentUser.RequireAsync(ct), structureId, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithName("RolloverPreview")
            .WithSummary("What the school-year rollover would do: the classes it archives and the year it moves to.");

        api.MapPost("/rollover", async Task<Results<Ok<Rollover.Result.Done>, ProblemHttpResult, NotFound>> (Guid structureId, CurrentUser currentUser, Rollover rollover, CancellationToken ct) =>
                await rollover.HandleAsync(await currentUser.RequireAsync(ct), structureId, ct) switch
                {
                    Rollover.Result.Done done => TypedResults.Ok(done),
                    Rollover.Result.TooEarly early => TypedResults.Problem(title: $"The structure is already in {early.SchoolYear}-{early.SchoolYear + 1}.", statusCode: StatusCodes.Status409Conflict),
                    _ => TypedResults.NotFound(),
                })
            .WithName("Rollover")
            .WithSummary("Archives the current year's classes (members leave them, accounts and parent links stay) and moves the structure to the next school year.");
    }
}
