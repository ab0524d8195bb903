using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Admin.Sheets.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Resources;
using Preau.Platform.Security;

namespace Preau.Admin.Sheets;

/// <summary>Connection sheets, staff password resets and school charters: services and API.</summary>
public static class SheetsSetup
{
    public sealed record SheetsRequest(Guid StructureId, Guid? ClassId, IReadOnlyList<Guid>? UserIds, IReadOnlyList<Profile>? Profiles, bool IncludeActive = false);

    public sealed record ResetResponse(Guid UserId, string Login, string DisplayName, string ActivationCode, DateTimeOffset ExpiresAt);

    public sealed record CharterResponse(Guid StructureId, string StructureName, string? Text, bool IsDefault, string EffectiveText);

    public sealed record CharterRequest(string? Text);

    public static IServiceCollection AddConnectionSheets(this IServiceCollection services)
    {
        services.AddScoped<SiteAddress>();
        services.AddScoped<PrintConnectionSheets>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<EditCharter>();
        return services;
    }

    /// <summary>A profile as a pile of sheets: pupils, parents, or staff (everyone else).</summary>
    public static SheetAudience AudienceOf(Profile profile) => profile switch
    {
        Profile.Student => SheetAudience.Pupils,
        Profile.Relative => SheetAudience.Parents,
        _ => SheetAudience.Staff,
    };

    public static IEndpointRouteBuilder MapConnectionSheets(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization();

        api.MapPost("/sheets", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (SheetsRequest request,
            CurrentUser currentUser, PrintConnectionSheets print, HttpContext http, CancellationToken ct) =>
        {
            var audiences = request.Profiles?.Select(AudienceOf).Distinct().ToList();
            var result = await print.HandleAsync(await currentUser.RequireAsync(ct),
                new PrintConnectionSheets.Request(request.StructureId, request.ClassId, request.UserIds, audiences, request.IncludeActive), ct);
            switch (result)
            {
                case PrintConnectionSheets.Result.Printed printed:
                    http.Response.Headers["X-Preau-Sheets"] = printed.Sheets.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    http.Response.Headers["X-Preau-Codes-Issued"] = printed.CodesIssued.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    http.Response.Headers["X-Preau-Skipped-Active"] = printed.SkippedActive.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return TypedResults.File(printed.Pdf, "application/pdf", printed.FileName);
                case PrintConnectionSheets.Result.Nothing nothing:
                    return TypedResults.Problem(title: "Nobody to print: the accounts chosen are already active, blocked or detached.",
                        statusCode: StatusCodes.Status422UnprocessableEntity,
                        extensions: new Dictionary<string, object?> { ["skippedActive"] = nothing.SkippedActive, ["skippedUnavailable"] = nothing.SkippedUnavailable });
                default:
                    return TypedResults.NotFound();
            }
        })
        .WithName("PrintConnectionSheets")
        .WithSummary("Connection sheets as a PDF, one A4 page per person (a parent's page lists their children's codes): for a class, a school or a selection. Issues fresh codes for the accounts printed, which invalidates their older sheets; active accounts are skipped unless includeActive, and then print without a code. 404 outside the caller's scope.")
        .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/users/{id:guid}/reset-password", async Task<Results<Ok<ResetResponse>, FileContentHttpResult, NotFound, ProblemHttpResult>> (Guid id,
            CurrentUser currentUser, ResetPassword reset, HttpContext http, CancellationToken ct) =>
        {
            var me = await currentUser.RequireAsync(ct);
            switch (await reset.HandleAsync(me, id, ct))
            {
                case ResetPassword.Result.Done done:
                    if (http.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/pdf", StringComparison.OrdinalIgnoreCase))
                        && await reset.SheetAsync(me, id, done.Code, ct) is { } sheet)
                    {
                        return TypedResults.File(sheet.Pdf, "application/pdf", sheet.FileName);
                    }

                    return TypedResults.Ok(new ResetResponse(done.Target.Id, done.Target.Login, done.Target.DisplayName, done.Code, done.ExpiresAt));
                case ResetPassword.Result.Unavailable:
                    return TypedResults.Problem(title: "The account is blocked or detached: unblock or restore it first.", statusCode: StatusCodes.Status409Conflict);
                default:
                    return TypedResults.NotFound();
            }
        })
        .WithName("ResetPassword")
        .WithSummary("Resets someone's password: the password is removed, the account waits for activation with a fresh code (answered once; with Accept: application/pdf, as a one-page sheet), every session ends. LocalAdmin of the person's school (not for a SuperAdmin), SuperAdmin, or a teacher or ClassAdmin of a pupil's class; 404 otherwise.")
        .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/structures/{id:guid}/charter", async Task<Results<Ok<CharterResponse>, NotFound>> (Guid id, CurrentUser currentUser, EditCharter charters,
            IStringLocalizer<CharterStrings> strings, CancellationToken ct) =>
            await charters.GetAsync(await currentUser.RequireAsync(ct), id, ct) is { } charter
                ? TypedResults.Ok(View(charter, strings))
                : TypedResults.NotFound())
        .WithName("GetCharter")
        .WithSummary("A school's charter of use (plain text; null text: the platform's default, given as effectiveText). LocalAdmin or SuperAdmin; 404 otherwise.");

        api.MapPut("/structures/{id:guid}/charter", async Task<Results<Ok<CharterResponse>, NotFound, ValidationProblem>> (Guid id, CharterRequest request,
            CurrentUser currentUser, EditCharter charters, IStringLocalizer<CharterStrings> strings, CancellationToken ct) =>
            await charters.SaveAsync(await currentUser.RequireAsync(ct), id, request.Text, ct) switch
            {
                EditCharter.Result.Saved saved => TypedResults.Ok(View(saved.Charter, strings)),
                EditCharter.Result.TooLong tooLong => TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["text"] = [$"At most {tooLong.MaxLength} characters."],
                }),
                _ => TypedResults.NotFound(),
            })
        .WithName("UpdateCharter")
        .WithSummary("Replaces a school's charter of use (plain text, blank lines between paragraphs; empty or null: back to the platform's default). LocalAdmin or SuperAdmin; 404 otherwise.")
        .ProducesValidationProblem();

        return endpoints;
    }

    private static CharterResponse View(EditCharter.Charter charter, IStringLocalizer<CharterStrings> strings) =>
        new(charter.StructureId, charter.StructureName, charter.Text, charter.Text is null, charter.Text ?? strings["Charter.Default"].Value);
}
