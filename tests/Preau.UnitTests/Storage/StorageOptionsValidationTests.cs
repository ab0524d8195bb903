using Preau.Platform.Storage;

namespace Preau.UnitTests.Storage;

/// <summary>The S3 settings are checked at start, every wrong one named; the file system needs none.</summary>
public sealed class StorageOptionsValidationTests
{
    private static StorageOptions S3(Action<S3StorageOptions> change)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions { ServiceUrl = "http://127.0.0.1:9000", Bucket = "preau", AccessKey = "preau", SecretKey = "secret" },
        };
        change(options.S3);
        return options;
    }

    [Fact]
    public void The_file_system_needs_no_s3_setting_and_complete_s3_settings_pass()
    {
        var validation = new StorageOptionsValidation();

        Assert.True(validation.Validate(null, new StorageOptions()).Succeeded);
        Assert.True(validation.Validate(null, S3(_ => { })).Succeeded);
        Assert.True(validation.Validate(null, S3(s => s.ServiceUrl = null)).Succeeded);
    }

    [Fact]
    public void Every_missing_or_wrong_s3_setting_is_named()
    {
        var validation = new StorageOptionsValidation();

        var missing = validation.Validate(null, S3(s => { s.Bucket = " "; s.SecretKey = null; }));
        var oneMissing = validation.Validate(null, S3(s => s.AccessKey = ""));
        var wrong = validation.Validate(null, S3(s => { s.ServiceUrl = "127.0.0.1:9000"; s.PartSize = "1 MB"; }));

        Assert.Equal(["Storage:Provider is S3, but Storage:S3:Bucket, Storage:S3:SecretKey are not set."], missing.Failures);
        Assert.Equal(["Storage:Provider is S3, but Storage:S3:AccessKey is not set."], oneMissing.Failures);
        Assert.Equal(
            ["Storage:S3:ServiceUrl must be an http:// or https:// address (\"127.0.0.1:9000\").", "Storage:S3:PartSize takes a size from 5 MB to 64 MB (\"1 MB\")."],
            wrong.Failures);
    }
}
