namespace Preau.Provisioning;

/// <summary>Bound from "Provisioning".</summary>
public sealed class ProvisioningOptions
{
    /// <summary>How long a person detached by an import can be restored before their account is deleted for good.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the purge of detached people runs.</summary>
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromHours(1);
}
