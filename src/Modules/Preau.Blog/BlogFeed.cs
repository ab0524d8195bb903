using Microsoft.Extensions.DependencyInjection;
using Preau.Blog.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;

namespace Preau.Blog;

/// <summary>What the blog tells the fil d'actualité, at each step of a post.</summary>
public static class BlogFeed
{
    /// <summary>To the blog's publishers: a post waits for them.</summary>
    public const string Submitted = "blog.submitted";

    /// <summary>To the blog's readers: a new post.</summary>
    public const string Published = "blog.published";

    /// <summary>To a post's author: a publisher validated it, it is out.</summary>
    public const string Validated = "blog.validated";

    /// <summary>To a post's author: the publisher gave it back with a remark.</summary>
    public const string Returned = "blog.returned";

    /// <summary>To a post's author: someone commented.</summary>
    public const string Commented = "blog.commented";

    /// <summary>To the blog's publishers: a comment waits for them.</summary>
    public const string CommentSubmitted = "blog.comment-submitted";

    public static string PostKey(Guid postId) => $"blog.post:{postId}";

    /// <summary>A comment waiting for the publishers.</summary>
    public static string CommentKey(Guid commentId) => $"blog.comment:{commentId}";

    /// <summary>The notice to the author when someone comments their post.</summary>
    public static string CommentedKey(Guid postId) => PostKey(postId) + ":comments";

    /// <summary>The notice to the author when a publisher validated their post.</summary>
    public static string ValidatedKey(Guid postId) => PostKey(postId) + ":validated";

    /// <summary>Everything the feed holds about posts and their comments: what goes when they are unpublished or deleted.</summary>
    public static IReadOnlyCollection<string> KeysOf(IEnumerable<Guid> postIds, IEnumerable<Guid> commentIds) =>
        [.. postIds.SelectMany(id => new[] { PostKey(id), CommentedKey(id), ValidatedKey(id) }), .. commentIds.Select(CommentKey)];

    internal static IServiceCollection AddBlogFeed(this IServiceCollection services)
    {
        services.AddFeedType(new FeedType(Submitted, BlogModule.App, "blog", typeof(BlogStrings), "Feed.Submitted.Label", "Feed.Submitted.Text", "Feed.Submitted.Short")
        {
            Defaults = new Dictionary<Profile, FeedChannel> { [Profile.Teacher] = FeedChannel.Feed },
        });
        services.AddFeedType(new FeedType(Published, BlogModule.App, "blog", typeof(BlogStrings), "Feed.Published.Label", "Feed.Published.Text", "Feed.Published.Short"));
        services.AddFeedType(new FeedType(Validated, BlogModule.App, "blog", typeof(BlogStrings), "Feed.Validated.Label", "Feed.Validated.Text", "Feed.Validated.Short") { PushByDefault = true });
        services.AddFeedType(new FeedType(Returned, BlogModule.App, "blog", typeof(BlogStrings), "Feed.Returned.Label", "Feed.Returned.Text", "Feed.Returned.Short") { PushByDefault = true });
        services.AddFeedType(new FeedType(Commented, BlogModule.App, "blog", typeof(BlogStrings), "Feed.Commented.Label", "Feed.Commented.Text", "Feed.Commented.Short"));
        services.AddFeedType(new FeedType(CommentSubmitted, BlogModule.App, "blog", typeof(BlogStrings), "Feed.CommentSubmitted.Label", "Feed.CommentSubmitted.Text", "Feed.CommentSubmitted.Short"));
        return services;
    }
}
