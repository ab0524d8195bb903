using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Feed.Features.FeedReading;
using Preau.Platform.Feed;
using Preau.Platform.Theming;

namespace Preau.Feed.Pages.Fil;

/// <summary>
/// The live fragment: the <c>&lt;li&gt;</c> items of the person's feed newer than an event
/// (<c>?apres={eventId}&amp;app=</c>), drawn as on the page, for the real-time script to prepend to
/// the list marked <c>data-feed-list</c>. Nothing but the items: no layout.
/// </summary>
public sealed class ElementsModel(Shell shell, ReadFeed feed) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "apres")]
    public long? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "app")]
    public string? App { get; set; }

    public IReadOnlyList<FeedItem> Items { get; private set; } = [];

    public bool Young { get; private set; }

    /// <summary>Where the items' forms come back to: the page that asked (home or feed).</summary>
    public string ReturnUrl { get; private set; } = "/fil";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var request = new ReadFeed.Request(App, After: After ?? 0, Size: FeedReader.MaxPageSize);
        if (feed.Validate(request) is not null)
        {
            return BadRequest();
        }

        var view = await shell.GetAsync(ct);
        Young = view.IsYoungPupil;
        Items = (await feed.PageAsync(view.User!.Id, request, ct)).Items;
        ReturnUrl = Request.GetTypedHeaders().Referer is { } referer && string.Equals(referer.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase) && referer.AbsolutePath == "/" ? "/" : "/fil";
        return Page();
    }
}
