using Preau.Platform.Feed;

namespace Preau.Feed.Pages.Fil;

/// <summary>
/// One item as <c>_FeedItem.cshtml</c> draws it, on the feed page, the home section and the live
/// fragment alike: the item, its application, the interface (young pupils: big picture, few
/// words, read aloud, one "something's wrong" button) and where its forms come back to.
/// </summary>
public sealed record FeedItemView(FeedItem Item, FeedApp App, bool Young, string ReturnUrl);
