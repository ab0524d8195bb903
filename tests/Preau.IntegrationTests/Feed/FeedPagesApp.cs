using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Preau.Platform.Feed;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// An application whose feed has two publishing applications, so that the filter has something
/// to choose: the test notes ("tests", no launcher tile) and the test journal ("journal", with a tile
/// named "Journal (test)"), which publishes "tests.blog-post".
/// </summary>
public class FeedPagesApp(DatabaseKind kind) : PreauApp(kind)
{
    public const string BlogPostType = "tests.blog-post";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestBlog.AddTo(builder);
        builder.ConfigureTestServices(services => services.AddFeedType(
            new FeedType(BlogPostType, "journal", "blog", typeof(TestNoteStrings), "Feed.Label", "Feed.Text", "Feed.Short")));
    }
}

public sealed class SqliteFeedPagesApp() : FeedPagesApp(DatabaseKind.Sqlite);

public sealed class PostgresFeedPagesApp() : FeedPagesApp(DatabaseKind.Postgres);
