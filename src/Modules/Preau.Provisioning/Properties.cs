[assembly: System.Resources.NeutralResourcesLanguage("fr")]
