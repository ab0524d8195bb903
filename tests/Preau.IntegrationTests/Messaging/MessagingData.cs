using Microsoft.Extensions.DependencyInjection;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>Calls the messagerie's use cases as a person of the demo city, each in its own scope as a request would.</summary>
internal static class MessagingData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<T> WithAsync<TService, T>(this PreauApp app, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task<UserContext> MeAsync(this PreauApp app, string who)
    {
        var id = await app.PersonAsync(who);
        return await app.WithAsync<LoadUserContext, UserContext>(async l => (await l.LoadAsync(id, Ct))!);
    }

    public static DraftContent To(params Guid[] people) => new([.. people.Select(p => new RecipientRef(p, false))], [], [], "Bonjour", "Un message.");

    public static DraftContent ToGroups(params Guid[] groups) => new([.. groups.Select(g => new RecipientRef(g, true))], [], [], "Bonjour", "Un message.");

    public static Task<Outcome<SaveDraft.Saved>> DraftAsync(this PreauApp app, UserContext me, DraftContent content, Guid? parentId = null) =>
        app.WithAsync<SaveDraft, Outcome<SaveDraft.Saved>>(s => s.CreateAsync(me, content, parentId, Ct));

    /// <summary>Writes and sends a message; the outcome of the send (the draft's id when it was refused).</summary>
    public static async Task<(Guid Id, Outcome<SendMessage.Sent> Sent)> SendAsync(this PreauApp app, UserContext me, DraftContent content, Guid? parentId = null)
    {
        var draft = await app.DraftAsync(me, content, parentId);
        Assert.True(draft.Succeeded, "The draft is saved");
        var sent = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.NowAsync(me, draft.Value!.Id, Ct));
        return (draft.Value!.Id, sent);
    }
}
