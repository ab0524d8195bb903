[assembly: System.Resources.NeutralResourcesLanguage("fr")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Preau.UnitTests")]
