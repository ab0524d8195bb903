namespace Preau.Platform.Hosting;

/// <summary>Bound from the "Preau" section: where the instance keeps its files and how it presents itself.</summary>
public sealed class PreauOptions
{
    /// <summary>The data folder (SQLite database, local files, keys). Relative paths start at the working directory.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>The name shown in the header and the browser tab.</summary>
    public string InstanceName { get; set; } = "Préau";

    /// <summary>Seed the demo city on start-up (idempotent).</summary>
    public bool SeedDemo { get; set; }

    public string FullDataPath => Path.GetFullPath(DataPath);
}
