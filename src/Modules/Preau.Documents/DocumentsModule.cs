using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Documents.Api;
using Preau.Documents.Authorization;
using Preau.Documents.Features;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Download;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.Documents.Features.Picker;
using Preau.Documents.Features.Versions;
using Preau.Documents.Resources;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Rights;
using Preau.Platform.Sharing;

namespace Preau.Documents;

/// <summary>
/// The espace documentaire: each person's folders and documents on the platform's storage —
/// upload (streamed, within the limits and the quota), download, rename, move, copy (one more
/// reference, no byte copied), trash and restore, delete for good, versions, a folder as a
/// streamed ZIP — with every check in <see cref="DocumentAccess"/>, ready for sharing.
/// </summary>
public static class DocumentsModule
{
    public const string App = "documents";

    public const string AccessRight = "documents.access";

    /// <summary>Where the space's pages live ("Mes documents", Pages/Documents).</summary>
    public const string Url = "/documents";

    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<DocumentsOptions>(configuration.GetSection(DocumentsOptions.Section));
        services.AddScoped<DocumentAccess>();
        services.AddScoped<UniqueNames>();
        services.AddScoped<DocumentContent>();
        services.AddScoped<UploadDocument>();
        services.AddScoped<OrganizeDocuments>();
        services.AddScoped<DocumentTrash>();
        services.AddScoped<ManageFolders>();
        services.AddScoped<CopyFolder>();
        services.AddScoped<Preau.Platform.Demo.IDemoContent, Demo.DocumentsDemo>();
        services.AddScoped<ListFolder>();
        services.AddScoped<DocumentVersions>();
        services.AddScoped<ServeDocument>();
        services.AddScoped<ZipFolder>();
        services.AddDocumentItem();
        services.AddScoped<IDocumentSource, DocumentSource>();
        services.AddShareableType<DocumentShareResolver>(DocumentAccess.FileType, typeof(DocumentStrings), "Share.File");
        services.AddShareableType<FolderShareResolver>(DocumentAccess.FolderType, typeof(DocumentStrings), "Share.Folder");
        services.AddApp(new AppDefinition(App, typeof(DocumentStrings), "App.Name", "App.Description",
            [new(AccessRight, "Right.Access", DefaultHolders.Profiles(Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel, Profile.Periscolaire))],
            Order: 30),
            new AppEntry(App, typeof(DocumentStrings), "App.Name", "App.Description", Url, "documents", "green", _ => true, Order: 30));
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDocumentsApi();
        endpoints.MapDocumentItem();
        return endpoints;
    }
}
