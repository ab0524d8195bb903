using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Preau.BrowserTests;

/// <summary>What every screen is held to: no sideways scrolling, a screenshot to look at, no serious axe-core violation.</summary>
public static class PageChecks
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task CheckAsync(this IPage page, string name, int width, ITestOutputHelper? output = null)
    {
        await page.AssertFitsAsync(width, $"{name} scrolls sideways.");
        await Screenshots.SaveAsync(page, name);
        var result = await page.RunAxe();
        foreach (var finding in result.Violations.Where(v => !Blocking.Contains(v.Impact)))
        {
            output?.WriteLine($"{name}: {finding.Impact} {finding.Id}: {finding.Help}");
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{name}: " + string.Join("; ", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }
}
