using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Directory.Domain;
using Preau.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Directory.Pages;

/// <summary>My profile in the annuaire: photo, mood, motto, which personal details are shown.</summary>
// Uploads up to 5 MB are checked by the use case with a clear message; the form may carry a little more.
[RequestFormLimits(MultipartBodyLengthLimit = 8 * 1024 * 1024)]
[RequestSizeLimit(8 * 1024 * 1024)]
public sealed class ProfileModel(CurrentUser currentUser, MyProfile profile, ChangePhoto photos) : PageModel
{
    public UserContext Me { get; private set; } = null!;

    public MyProfile.View View { get; private set; } = null!;

    /// <summary>"saved", "photo" or "photo-removed" after a change.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The message key of the error to show.</summary>
    public string? Error { get; private set; }

    public string? Motto { get; private set; }

    public bool MottoError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = Done is "saved" or "photo" or "photo-removed" ? Done : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(Mood? mood, string? motto, bool showEmail, bool showPhone, bool showBirthDate, CancellationToken ct)
    {
        Me = await currentUser.RequireAsync(ct);
        var result = await profile.SaveAsync(Me.Id, new MyProfile.Request(mood, motto, showEmail, showPhone, showBirthDate), ct);
        if (result.Errors is { } errors)
        {
            // What was typed stays in the field, with the reason beside it.
            Error = errors.Values.First()[0];
            Motto = motto;
            MottoError = errors.ContainsKey(nameof(MyProfile.Request.Motto));
            return await ErrorPageAsync(ct);
        }

        return LocalRedirect("/profil?done=saved");
    }

    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        Me = await currentUser.RequireAsync(ct);
        if (photo is null || photo.Length == 0)
        {
            Error = "Photo.Error.Missing";
            return await ErrorPageAsync(ct);
        }

        await using var stream = photo.OpenReadStream();
        var result = await photos.SetAsync(Me.Id, await ChangePhoto.ReadLimitedAsync(stream, ct), ct);
        if (result.Error is { } error)
        {
            Error = error;
            return await ErrorPageAsync(ct);
        }

        return LocalRedirect("/profil?done=photo");
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(CancellationToken ct)
    {
        Me = await currentUser.RequireAsync(ct);
        await photos.RemoveAsync(Me.Id, ct);
        return LocalRedirect("/profil?done=photo-removed");
    }

    private async Task<IActionResult> ErrorPageAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me ??= await currentUser.RequireAsync(ct);
        View = await profile.GetAsync(Me.Id, ct) ?? throw new InvalidOperationException("The signed-in person is gone.");
    }
}
