using System.Reflection;
using Preau.Account;
using Preau.Blog;
using Preau.Admin;
using Preau.Directory;
using Preau.Documents;
using Preau.Feed;
using Preau.Homework;
using Preau.Messaging;
using Preau.News;
using Preau.Portal;
using Preau.Provisioning;

namespace Preau.Modules;

/// <summary>
/// Every module of the application. The host composes them; the benchmarks and the tests build
/// their model from the same list, so that a new module's tables are never missing from one of them
/// (the migrations hold every module's tables). A new module is added here and in its own AddX/MapX calls.
/// </summary>
public static class PreauModules
{
    public static IReadOnlyList<Assembly> All { get; } =
    [
        typeof(AccountModule).Assembly,
        typeof(PortalModule).Assembly,
        typeof(AdminModule).Assembly,
        typeof(ProvisioningModule).Assembly,
        typeof(DirectoryModule).Assembly,
        typeof(FeedModule).Assembly,
        typeof(MessagingModule).Assembly,
        typeof(DocumentsModule).Assembly,
        typeof(BlogModule).Assembly,
        typeof(NewsModule).Assembly,
        typeof(HomeworkModule).Assembly,
    ];
}
