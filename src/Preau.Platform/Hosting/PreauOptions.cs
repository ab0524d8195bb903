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

    /// <summary>
    /// With <see cref="SeedDemo"/>, give the personas something to find (documents, messages…)
    /// when the city is first seeded: each module's <c>IDemoContent</c>. Tests turn it off to
    /// start from an empty space.
    /// </summary>
    public bool DemoContent { get; set; } = true;

    public string FullDataPath => Path.GetFullPath(DataPath);
}
