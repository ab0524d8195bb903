using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// A page listening to the feed hub as a signed-in person would: signs in through the login form
/// (the session cookie), opens a hub connection carrying that cookie, and records every event id
/// it hears, in order.
/// </summary>
internal sealed class LiveListener : IAsyncDisposable
{
    private readonly Channel<long> _heard = Channel.CreateUnbounded<long>();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<long>("feed", id => _heard.Writer.TryWrite(id));
        connection.On("ready", () => _ready.TrySetResult());
    }

    public HubConnection Connection { get; }

    /// <summary>Signs <paramref name="login"/> in on <paramref name="app"/> and listens until the hub says the groups are joined.</summary>
    public static async Task<LiveListener> OpenAsync(PreauApp app, string login)
    {
        var cookies = new CookieContainer();
        using (var client = app.CreateDefaultClient(new CookieContainerHandler(cookies)))
        {
            var response = await app.CompleteMfaAsync(client, await PreauApp.PostLoginAsync(client, login, PreauApp.Password), login);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var listener = new LiveListener(Connect(app, cookies));
        await listener.Connection.StartAsync(TestContext.Current.CancellationToken);
        await listener._ready.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        return listener;
    }

    /// <summary>A hub connection to the test server with these cookies (long polling: the in-memory server has no sockets).</summary>
    public static HubConnection Connect(PreauApp app, CookieContainer cookies) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "hubs/fil"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() };
            })
            .Build();

    /// <summary>The next event id heard, waiting up to 15 seconds.</summary>
    public async Task<long> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        return await _heard.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
