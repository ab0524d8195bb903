[assembly: System.Resources.NeutralResourcesLanguage("fr")]
namespace Preau.Directory.Resources;

/// <summary>Marker for the module's strings (DirectoryStrings.resx: French; DirectoryStrings.en.resx: English).</summary>
public sealed class DirectoryStrings;
