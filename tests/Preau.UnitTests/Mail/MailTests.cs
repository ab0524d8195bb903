using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Preau.Platform.Hosting;
using Preau.Platform.Mail;

namespace Preau.UnitTests.Mail;

public sealed class MailTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("preau-mail-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static readonly OutgoingMail Message = new("parent@example.fr", "Sophie Dubois", "Préau — votre identifiant", "Bonjour,\n\nsophie.dubois\n", "<p>Bonjour,</p><p>sophie.dubois</p>");

    private static MailQueue Queue() =>
        new(Options.Create(new MailOptions { From = "ent@ville.example", FromName = "ENT de la ville" }), NullLogger<MailQueue>.Instance);

    [Fact]
    public void A_message_has_its_sender_recipient_and_both_plain_text_and_html()
    {
        var mime = Queue().Compose(Message);

        Assert.Equal("ent@ville.example", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("ENT de la ville", Assert.Single(mime.From.Mailboxes).Name);
        Assert.Equal("parent@example.fr", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("Préau — votre identifiant", mime.Subject);
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);
        Assert.Contains("sophie.dubois", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>sophie.dubois</p>", mime.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pickup_folder_gets_one_complete_eml_file_per_message()
    {
        var transport = new PickupFolderTransport(
            Options.Create(new MailOptions()), Options.Create(new PreauOptions { DataPath = _folder }), new FakeTimeProvider());

        await transport.DeliverAsync(Queue().Compose(Message), _ct);
        await transport.DeliverAsync(Queue().Compose(Message), _ct);

        var files = System.IO.Directory.GetFiles(Path.Combine(_folder, "mail"));
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        var loaded = await MimeMessage.LoadAsync(files[0], _ct);
        Assert.Equal("Préau — votre identifiant", loaded.Subject);
    }

    [Fact]
    public async Task A_failed_delivery_is_logged_and_the_next_message_still_goes()
    {
        var queue = Queue();
        var transport = new FlakyTransport();
        using var delivery = new MailDelivery(queue, transport, NullLogger<MailDelivery>.Instance);
        await delivery.StartAsync(_ct);

        Assert.True(await queue.SendAsync(Message with { To = "first@example.fr" }, _ct));
        Assert.True(await queue.SendAsync(Message with { To = "second@example.fr" }, _ct));
        var delivered = await transport.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        await delivery.StopAsync(_ct);

        Assert.Equal(2, transport.Attempts);
        Assert.Equal("second@example.fr", Assert.Single(delivered.To.Mailboxes).Address);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private sealed class FlakyTransport : IMailTransport
    {
        public int Attempts { get; private set; }

        public TaskCompletionSource<MimeMessage> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task DeliverAsync(MimeMessage message, CancellationToken ct)
        {
            if (++Attempts == 1)
            {
                throw new IOException("The mail server is down.");
            }

            Delivered.TrySetResult(message);
            return Task.CompletedTask;
        }
    }
}
