using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Activation;

/// <summary>Demo-city accounts waiting for activation, their codes, and the activation form as a browser posts it.</summary>
internal static partial class Accounts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The logins of one class's members of a profile, in login order.</summary>
    public static async Task<List<string>> OfClassAsync(PreauApp app, string className, string uai, Profile profile, AccountState? state = AccountState.PendingActivation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var classId = await ClassIdAsync(db, className, uai);
        var pupils = db.Groups.Where(g => g.ClassId == classId && g.Profile == Profile.Student).Join(db.GroupMembers, g => g.Id, m => m.GroupId, (g, m) => m.UserId);
        IQueryable<Guid> ids = profile == Profile.Relative
            ? db.ParentLinks.Where(l => pupils.Contains(l.StudentId)).Select(l => l.RelativeId)
            : db.Groups.Where(g => g.ClassId == classId && g.Profile == profile).Join(db.GroupMembers, g => g.Id, m => m.GroupId, (g, m) => m.UserId);
        return await db.Users.Where(u => ids.Contains(u.Id) && (state == null || u.State == state)).OrderBy(u => u.Login).Select(u => u.Login).ToListAsync(Ct);
    }

    public static async Task<Guid> ClassIdAsync(PreauApp app, string className, string uai)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ClassIdAsync(scope.ServiceProvider.GetRequiredService<PreauDbContext>(), className, uai);
    }

    public static async Task<Guid> StructureIdAsync(PreauApp app, string uai)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PreauDbContext>().Structures.Where(s => s.Uai == uai).Select(s => s.Id).SingleAsync(Ct);
    }

    public static async Task<User> UserAsync(PreauApp app, string login)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PreauDbContext>().Users.AsNoTracking().SingleAsync(u => u.Login == login, Ct);
    }

    /// <summary>Gives the person a fresh code, as printing their sheet would, and returns it.</summary>
    public static async Task<string> IssueCodeAsync(PreauApp app, string login, bool makePending = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var user = await db.Users.SingleAsync(u => u.Login == login, Ct);
        if (makePending)
        {
            user.State = AccountState.PendingActivation;
            user.PasswordHash = null;
        }

        var code = scope.ServiceProvider.GetRequiredService<ActivationCodes>().Issue(user);
        await db.SaveChangesAsync(Ct);
        return code;
    }

    public static async Task<int> AuditCountAsync(PreauApp app, string action, Guid? target = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PreauDbContext>().AuditEntries
            .CountAsync(e => e.Action == action && (target == null || e.TargetUserId == target), Ct);
    }

    /// <summary>Step 1 of /activate: the sheet's login and code.</summary>
    public static Task<HttpResponseMessage> CheckAsync(HttpClient client, string login, string code) =>
        client.PostFormAsync("/activate?handler=Check", [("Login", login), ("Code", code)], "/activate");

    /// <summary>The protected ticket step 2 carries.</summary>
    public static string TicketOf(string html) =>
        TicketPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new Xunit.Sdk.XunitException("No activation ticket on the page.");

    /// <summary>Step 2 of /activate.</summary>
    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string ticket, string password, string? confirmation = null,
        bool acceptCharter = true, string email = "", string phone = "")
    {
        var fields = new List<(string, string)>
        {
            ("Ticket", ticket), ("Password", password), ("Confirmation", confirmation ?? password), ("Email", email), ("Phone", phone),
        };
        if (acceptCharter)
        {
            fields.Add(("AcceptCharter", "true"));
        }

        return client.PostFormAsync("/activate", fields, "/activate");
    }

    /// <summary>Both steps; answers the last response (a redirect home when it worked).</summary>
    public static async Task<HttpResponseMessage> ActivateAsync(HttpClient client, string login, string code, string password)
    {
        var check = await CheckAsync(client, login, code);
        if (check.StatusCode != HttpStatusCode.OK)
        {
            return check;
        }

        return await CompleteAsync(client, TicketOf(await check.Content.ReadAsStringAsync(Ct)), password);
    }

    private static Task<Guid> ClassIdAsync(PreauDbContext db, string className, string uai) =>
        db.Classes.Where(c => c.Name == className).Join(db.Structures.Where(s => s.Uai == uai), c => c.StructureId, s => s.Id, (c, s) => c.Id).SingleAsync(Ct);

    [GeneratedRegex("name=\"Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketPattern();
}
