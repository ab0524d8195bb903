using Microsoft.AspNetCore.Mvc;
using Preau.Feed.Features.FeedReading;
using Preau.Platform.Feed;
using Preau.Platform.Theming;

namespace Preau.Feed.Pages.Fil;

/// <summary>
/// The home page's "Quoi de neuf ?": the five newest items, the unread count and a link to the
/// whole feed. The portal draws it with <c>@await Component.InvokeAsync("FeedHome")</c>.
/// </summary>
public sealed class FeedHomeViewComponent(Shell shell, ReadFeed feed) : ViewComponent
{
    public const int Size = 5;

    public sealed record Model(FeedPage Feed, ReadFeed.Unread Unread, bool Young);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var view = await shell.GetAsync(ct);
        var me = view.User!;
        var page = await feed.LatestAsync(me.Id, Size, ct);
        var unread = ReadFeed.Unread.Of(await shell.UnreadAsync(ct));
        return View("/Pages/Fil/_Home.cshtml", new Model(page, unread, view.IsYoungPupil));
    }
}
