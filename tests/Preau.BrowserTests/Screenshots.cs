using Microsoft.Playwright;

namespace Preau.BrowserTests;

/// <summary>
/// Full-page pictures of what the tests saw, in artifacts/screenshots/ at the repository's root
/// (ignored by git), for people to look at: a by-product of tests that assert, not a test.
/// </summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    });

    public static string PathOf(string name) => Path.Combine(Folder.Value, name + ".png");

    public static async Task SaveAsync(IPage page, string name)
    {
        await page.FontsReadyAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PathOf(name), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Preau.slnx")))
            {
                return dir.FullName;
            }
        }

        // Run from a copy of the build output: keep the pictures beside it.
        return AppContext.BaseDirectory;
    }
}
