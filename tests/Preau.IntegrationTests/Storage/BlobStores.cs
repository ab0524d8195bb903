namespace Preau.IntegrationTests.Storage;

/// <summary>
/// The blob store contract's classes run one after the other and without any parallel test:
/// they measure the memory the whole process allocates while 50 MB stream through a store.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BlobStores
{
    public const string Name = "Blob stores, measured alone";
}
