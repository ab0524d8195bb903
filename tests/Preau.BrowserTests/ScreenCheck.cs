using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Preau.BrowserTests;

/// <summary>One look at a screen: it does not scroll sideways, its screenshot is kept, and axe-core finds no serious or critical violation (lesser ones are written to the test's output).</summary>
public static class ScreenCheck
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task CheckAsync(IPage page, string name, int width, ITestOutputHelper output)
    {
        Assert.True(await page.ScrollWidthAsync() <= width, $"{name} scrolls sideways.");
        await Screenshots.SaveAsync(page, name);
        var result = await page.RunAxe();
        foreach (var finding in result.Violations.Where(v => !Blocking.Contains(v.Impact)))
        {
            output.WriteLine($"{name}: {finding.Impact} {finding.Id}: {finding.Help}");
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{name}: " + string.Join("; ", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }
}
