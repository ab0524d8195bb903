using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Messaging.Domain;
using Preau.Platform.Rights;
using Preau.Platform.Security;

namespace Preau.Messaging.Features.Mailbox;

/// <summary>The mailbox pages: their date helper and the small JSON of counts the open page refetches when the feed says something new.</summary>
public static class MailboxSetup
{
    /// <summary>Counts per folder, keyed by the folder's slug (system folders) or id (one's own).</summary>
    public sealed record CountsResponse(int Unread, IReadOnlyDictionary<string, FolderCount> Folders);

    public static IServiceCollection AddMailboxPages(this IServiceCollection services)
    {
        services.AddScoped<MailboxDates>();
        return services;
    }

    public static IEndpointRouteBuilder MapMailbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/messagerie/compteurs", async (HttpContext http, CurrentUser currentUser, ReadMailbox mailbox, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var counts = await mailbox.CountsAsync(me.Id, ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(Counts(counts, await mailbox.UnreadAsync(me.Id, ct)));
            })
            .RequireAuthorization()
            .RequireAppRight(MessagingModule.AccessRight)
            .ExcludeFromDescription();
        return endpoints;
    }

    internal static CountsResponse Counts(IReadOnlyDictionary<Guid, FolderCount> counts, int unread) =>
        new(unread, counts.ToDictionary(c => SystemFolders.Slug(c.Key), c => c.Value, StringComparer.Ordinal));
}
