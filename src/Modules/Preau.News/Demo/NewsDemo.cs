using Preau.Platform.Demo;

namespace Preau.News.Demo;

internal sealed class NewsDemo : IDemoContent
{
    public int Order => 30;

    public Task SeedAsync(DemoPeople people, CancellationToken ct) => Task.CompletedTask;
}
