using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Young;
using Preau.Messaging.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie.Facile;

/// <summary>
/// "Écrire", in two steps that work without script: first the pictures of the people the pupil
/// may write to (a GET form of checkboxes), then a short message posted to the same draft and
/// send as everyone's. A refusal says why in simple words and keeps the text.
/// </summary>
public sealed class EcrireModel(Shell shell, YoungMail mail, OpenMessage open, IStringLocalizer<YoungMailStrings> s) : YoungPage(shell, mail)
{
    [BindProperty(SupportsGet = true, Name = "a")]
    public List<Guid> Chosen { get; set; } = [];

    /// <summary>The message answered, when the pupil pressed "Répondre".</summary>
    [BindProperty(SupportsGet = true, Name = "reponse")]
    public Guid? Reply { get; set; }

    /// <summary>Back to the pictures to change who (the choice kept).</summary>
    [BindProperty(SupportsGet = true, Name = "choisir")]
    public bool Choose { get; set; }

    /// <summary>The pictures' form was sent (so that an empty choice is said).</summary>
    [BindProperty(SupportsGet = true, Name = "etape")]
    public int Step { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The draft kept after a refusal, sent again on the next try.</summary>
    [BindProperty]
    public Guid? Draft { get; set; }

    public IReadOnlyList<YoungPerson> People { get; private set; } = [];

    public IReadOnlyList<YoungPerson> ChosenPeople { get; private set; } = [];

    /// <summary>Why the message did not leave, in simple words, and the pictogram that says it.</summary>
    public (string Text, string Icon)? Refusal { get; private set; }

    public bool PickStep => Choose || ChosenPeople.Count == 0;

    public bool NoneChosen => Step == 1 && Chosen.Count == 0;

    public string DefaultSubject => s["Write.DefaultSubject", Me.FirstName];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        People = await Mail.PeopleAsync(Me, ct);
        if (Reply is { } replyTo && Chosen.Count == 0 && !Choose)
        {
            var answered = await open.OpenAsync(Me, replyTo, ct);
            if (answered is null || !answered.Received)
            {
                return NotFound();
            }

            Chosen = [answered.SenderId];
        }

        ChosenPeople = [.. People.Where(p => Chosen.Contains(p.Id))];
        Subject = DefaultSubject;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await EnterAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var outcome = await Mail.WriteAsync(Me, Chosen, string.IsNullOrWhiteSpace(Subject) ? DefaultSubject : Subject, Text, Draft, Reply, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Value is { Sent: true })
        {
            return LocalRedirect(YoungPage.Home + "?fait=parti");
        }

        People = await Mail.PeopleAsync(Me, ct);
        ChosenPeople = [.. People.Where(p => Chosen.Contains(p.Id))];
        Draft = outcome.Value?.DraftId ?? Draft;
        var key = outcome.Value?.RefusalKey ?? "Error.TooLong";
        Refusal = key switch
        {
            "Error.Empty" => (s["Refusal.Empty"], "homework"),
            "Error.NoRecipient" => (s["Refusal.NoRecipient"], "users"),
            "Error.QuietHours" => (s["Refusal.QuietHours"], "moon"),
            "Error.SendingOff" => (s["Refusal.SendingOff"], "lock"),
            "Error.RateLimited" => (s["Refusal.RateLimited"], "alert"),
            "Error.TooLong" => (s["Refusal.TooLong"], "alert"),
            _ => (s["Refusal.Other"], "alert"),
        };
        return Page();
    }

    /// <summary>The pictures again, with the present choice ticked.</summary>
    public string ChangeUrl()
    {
        var query = new List<KeyValuePair<string, string?>> { new("choisir", "true") };
        query.AddRange(Chosen.Select(id => new KeyValuePair<string, string?>("a", id.ToString())));
        if (Reply is { } reply)
        {
            query.Add(new("reponse", reply.ToString()));
        }

        return QueryHelpers.AddQueryString("/messagerie/facile/ecrire", query);
    }

    public static IEnumerable<(string Key, IReadOnlyList<YoungPerson> People)> Groups(IReadOnlyList<YoungPerson> people) =>
        new[]
        {
            ("Write.Teachers", (IReadOnlyList<YoungPerson>)[.. people.Where(p => p.Profile == Profile.Teacher)]),
            ("Write.Classmates", [.. people.Where(p => p.Profile == Profile.Student)]),
            ("Write.Others", [.. people.Where(p => p.Profile is not Profile.Teacher and not Profile.Student)]),
        }.Where(g => g.Item2.Count > 0);
}
