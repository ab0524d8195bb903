using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Preau.Platform.Kernel;

namespace Preau.Admin.Sheets.Pdf;

internal enum SheetKind
{
    Pupil,
    Parent,
    Staff,
}

/// <summary>A login with its fresh code; no code when the account is already active.</summary>
internal sealed record SheetAccount(string Login, string? Code, DateTimeOffset? Expires);

internal sealed record SheetChild(string DisplayName, string? ClassName, SheetAccount Account);

internal sealed record Sheet(string DisplayName, SheetKind Kind, string Detail, bool FirstDegree, SheetAccount Account, IReadOnlyList<SheetChild> Children);

internal sealed record SheetBatch(string InstanceName, string SchoolName, string SiteAddress, DateTimeOffset PrintedAt, IReadOnlyList<Sheet> Sheets);

/// <summary>
/// Draws connection sheets: one A4 page per person, in large legible type, in French (the sheets
/// go home to families in France; one English line at the bottom helps the others). A parent's
/// sheet carries their children's logins and codes too, since in the 1st degree the parent
/// activates the young child's account.
/// </summary>
internal static class ConnectionSheetPdf
{
    private const double Margin = 48;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly XColor Primary = XColor.FromArgb(0x1f, 0x5f, 0xa8);
    private static readonly XColor Ink = XColor.FromArgb(0x1d, 0x24, 0x33);
    private static readonly XColor Muted = XColor.FromArgb(0x4a, 0x54, 0x66);
    private static readonly XColor Tint = XColor.FromArgb(0xee, 0xf4, 0xfb);
    private static readonly XColor Warm = XColor.FromArgb(0xff, 0xf4, 0xd6);

    public static byte[] Render(SheetBatch batch)
    {
        SheetFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Fiches de connexion — {batch.SchoolName}";
        document.Info.Creator = batch.InstanceName;
        var logo = Logo();
        foreach (var sheet in batch.Sheets)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            new Painter(g, page.Width.Point, page.Height.Point, batch, logo).Draw(sheet);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static XImage? Logo()
    {
        var stream = typeof(ConnectionSheetPdf).Assembly.GetManifestResourceStream("Preau.Admin.Sheets.preau.png");
        return stream is null ? null : XImage.FromStream(stream);
    }

    private sealed class Painter(XGraphics g, double width, double height, SheetBatch batch, XImage? logo)
    {
        private readonly double _content = width - 2 * Margin;
        private double _y;

        private static XFont Font(double size, bool bold = false) =>
            new(SheetFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        public void Draw(Sheet sheet)
        {
            Header();
            Person(sheet);
            Credentials(sheet.Account, sheet.Kind);
            if (sheet.Children.Count > 0)
            {
                Children(sheet.Children);
            }

            Steps(sheet);
            Footer();
        }

        private void Header()
        {
            _y = 40;
            if (logo is not null)
            {
                g.DrawImage(logo, Margin, _y, 44, 44);
            }

            var textX = Margin + (logo is null ? 0 : 56);
            g.DrawString(batch.InstanceName, Font(22, bold: true), new XSolidBrush(Primary), textX, _y + 2, XStringFormats.TopLeft);
            g.DrawString(Fit(batch.SchoolName, Font(13), _content - 200), Font(13), new XSolidBrush(Muted), textX, _y + 28, XStringFormats.TopLeft);
            g.DrawString("FICHE DE CONNEXION", Font(11, bold: true), new XSolidBrush(Muted), width - Margin, _y + 8, XStringFormats.TopRight);
            _y += 60;
            g.DrawLine(new XPen(Primary, 2), Margin, _y, width - Margin, _y);
            _y += 18;
        }

        private void Person(Sheet sheet)
        {
            g.DrawString(Fit(sheet.DisplayName, Font(28, bold: true), _content), Font(28, bold: true), new XSolidBrush(Ink), Margin, _y, XStringFormats.TopLeft);
            _y += 38;
            _y = Paragraph(sheet.Detail, Font(15), Muted, Margin, _y, _content, 20) + 6;
            if (sheet.Kind == SheetKind.Pupil && sheet.FirstDegree && sheet.Account.Code is not null)
            {
                _y = Box(Warm, "À l’attention des parents : ce compte est celui de votre enfant. Activez-le avec lui en suivant les étapes ci-dessous, puis gardez la fiche en lieu sûr.", 13) + 10;
            }
        }

        private void Credentials(SheetAccount account, SheetKind kind)
        {
            var top = _y;
            var boxHeight = account.Code is null ? 150 : 196;
            g.DrawRoundedRectangle(new XPen(Primary, 1.5), new XSolidBrush(Tint), Margin, top, _content, boxHeight, 14, 14);
            var x = Margin + 20;
            var y = top + 14;
            Label("Adresse du site", x, y);
            g.DrawString(Fit(batch.SiteAddress, Font(18, bold: true), _content - 40), Font(18, bold: true), new XSolidBrush(Primary), x, y + 15, XStringFormats.TopLeft);
            y += 46;
            Label(kind == SheetKind.Parent ? "Votre identifiant" : "Identifiant", x, y);
            g.DrawString(Fit(account.Login, Font(24, bold: true), _content - 40), Font(24, bold: true), new XSolidBrush(Ink), x, y + 15, XStringFormats.TopLeft);
            y += 50;
            if (account.Code is null)
            {
                Label("Mot de passe", x, y);
                g.DrawString("Compte déjà activé : utilisez votre mot de passe.", Font(16, bold: true), new XSolidBrush(Ink), x, y + 15, XStringFormats.TopLeft);
            }
            else
            {
                Label("Code d’activation (à la place du mot de passe, la première fois)", x, y);
                g.DrawString(account.Code, Font(34, bold: true), new XSolidBrush(Ink), x, y + 14, XStringFormats.TopLeft);
                y += 56;
                g.DrawString($"Valable jusqu’au {Date(account.Expires)}, pour une seule activation.", Font(12), new XSolidBrush(Muted), x, y, XStringFormats.TopLeft);
            }

            _y = top + boxHeight + 18;
        }

        private void Children(IReadOnlyList<SheetChild> children)
        {
            g.DrawString(children.Count == 1 ? "Le compte de votre enfant" : "Les comptes de vos enfants", Font(16, bold: true), new XSolidBrush(Ink), Margin, _y, XStringFormats.TopLeft);
            _y += 24;
            var rowHeight = children.Count > 4 ? 40 : 52;
            foreach (var child in children)
            {
                g.DrawRoundedRectangle(new XPen(Primary, 1), new XSolidBrush(XColors.White), Margin, _y, _content, rowHeight - 6, 10, 10);
                var x = Margin + 16;
                var name = child.ClassName is null ? child.DisplayName : $"{child.DisplayName} · {child.ClassName}";
                g.DrawString(Fit(name, Font(14, bold: true), _content / 2 - 20), Font(14, bold: true), new XSolidBrush(Ink), x, _y + 7, XStringFormats.TopLeft);
                g.DrawString("Identifiant : " + child.Account.Login, Font(14), new XSolidBrush(Ink), x, _y + (rowHeight > 40 ? 26 : 21), XStringFormats.TopLeft);
                var right = width - Margin - 16;
                if (child.Account.Code is null)
                {
                    g.DrawString("Compte déjà activé", Font(14, bold: true), new XSolidBrush(Muted), right, _y + 15, XStringFormats.TopRight);
                }
                else
                {
                    g.DrawString("Code d’activation", Font(11), new XSolidBrush(Muted), right, _y + 5, XStringFormats.TopRight);
                    g.DrawString(child.Account.Code, Font(22, bold: true), new XSolidBrush(Ink), right, _y + 17, XStringFormats.TopRight);
                }

                _y += rowHeight;
            }

            _y += 8;
        }

        private void Steps(Sheet sheet)
        {
            g.DrawString("Comment faire ?", Font(16, bold: true), new XSolidBrush(Ink), Margin, _y, XStringFormats.TopLeft);
            _y += 26;
            var steps = new List<string>();
            if (sheet.Account.Code is null)
            {
                steps.Add($"Sur un ordinateur, une tablette ou un téléphone, ouvrez l’adresse {batch.SiteAddress}.");
                steps.Add("Tapez l’identifiant ci-dessus et votre mot de passe.");
                steps.Add("Mot de passe oublié ? Demandez un nouveau code à l’école.");
            }
            else
            {
                steps.Add($"Sur un ordinateur, une tablette ou un téléphone, ouvrez l’adresse {batch.SiteAddress}.");
                steps.Add("Tapez l’identifiant, puis le code d’activation à la place du mot de passe, et validez.");
                steps.Add("Choisissez un mot de passe d’au moins 10 caractères (une petite phrase facile à retenir, par exemple), puis acceptez la charte de l’école.");
                steps.Add("C’est prêt ! Les fois suivantes, connectez-vous avec l’identifiant et ce mot de passe.");
            }

            if (sheet.Children.Any(c => c.Account.Code is not null))
            {
                steps.Add(sheet.Children.Count(c => c.Account.Code is not null) == 1
                    ? "Pour le compte de votre enfant : déconnectez-vous (menu en haut à droite), puis recommencez à l’étape 2 avec son identifiant et son code."
                    : "Pour chaque enfant : déconnectez-vous (menu en haut à droite), puis recommencez à l’étape 2 avec son identifiant et son code.");
            }

            for (var i = 0; i < steps.Count; i++)
            {
                g.DrawEllipse(new XSolidBrush(Primary), Margin, _y, 22, 22);
                g.DrawString((i + 1).ToString(CultureInfo.InvariantCulture), Font(13, bold: true), XBrushes.White, new XRect(Margin, _y, 22, 22), XStringFormats.Center);
                _y = Paragraph(steps[i], Font(13.5), Ink, Margin + 34, _y + 2, _content - 34, 18.5) + 8;
            }
        }

        private void Footer()
        {
            var y = Math.Max(_y + 8, height - 112);
            g.DrawLine(new XPen(Muted, 0.6), Margin, y, width - Margin, y);
            y += 10;
            y = Paragraph("Le code ne sert qu’une fois. Votre mot de passe est personnel : personne, à l’école ou ailleurs, ne doit vous le demander.", Font(11), Muted, Margin, y, _content, 14);
            y = Paragraph($"Une question ? Adressez-vous à l’école : {batch.SchoolName}.", Font(11), Muted, Margin, y, _content, 14);
            y = Paragraph($"In English: open {batch.SiteAddress}, type the login, then the activation code as the password, and choose your own password.", Font(10), Muted, Margin, y + 2, _content, 13);
            g.DrawString($"Imprimée le {Date(batch.PrintedAt)}", Font(9), new XSolidBrush(Muted), width - Margin, y + 2, XStringFormats.TopRight);
        }

        private void Label(string text, double x, double y) =>
            g.DrawString(text, Font(11), new XSolidBrush(Muted), x, y, XStringFormats.TopLeft);

        private double Box(XColor background, string text, double size)
        {
            var lines = Wrap(text, Font(size), _content - 28);
            var boxHeight = lines.Count * (size + 5) + 18;
            g.DrawRoundedRectangle(new XSolidBrush(background), Margin, _y, _content, boxHeight, 10, 10);
            var y = _y + 9;
            foreach (var line in lines)
            {
                g.DrawString(line, Font(size), new XSolidBrush(Ink), Margin + 14, y, XStringFormats.TopLeft);
                y += size + 5;
            }

            return _y + boxHeight;
        }

        private double Paragraph(string text, XFont font, XColor color, double x, double y, double maxWidth, double lineHeight)
        {
            foreach (var line in Wrap(text, font, maxWidth))
            {
                g.DrawString(line, font, new XSolidBrush(color), x, y, XStringFormats.TopLeft);
                y += lineHeight;
            }

            return y;
        }

        private List<string> Wrap(string text, XFont font, double maxWidth)
        {
            var lines = new List<string>();
            var line = string.Empty;
            foreach (var word in Printable(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (g.MeasureString(candidate, font).Width <= maxWidth)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && g.MeasureString(line, font).Width > maxWidth)
                {
                    // A word longer than the line (a long address): cut it where it overflows.
                    var cut = line.Length - 1;
                    while (cut > 1 && g.MeasureString(line[..cut], font).Width > maxWidth)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            return lines;
        }

        /// <summary>Shortens a one-line text with an ellipsis when it is wider than the room it has.</summary>
        private string Fit(string text, XFont font, double maxWidth)
        {
            text = Printable(text);
            if (g.MeasureString(text, font).Width <= maxWidth)
            {
                return text;
            }

            var end = text.Length;
            while (end > 1 && g.MeasureString(text[..end] + "…", font).Width > maxWidth)
            {
                end--;
            }

            return text[..end] + "…";
        }

        // French typography keeps ": ; ! ?" on the line of the word before them. The font has no
        // narrow no-break space: a plain no-break space reads the same on paper.
        private static string Printable(string text) => text
            .Replace('\u202F', '\u00A0')
            .Replace(" :", "\u00A0:", StringComparison.Ordinal)
            .Replace(" ;", "\u00A0;", StringComparison.Ordinal)
            .Replace(" !", "\u00A0!", StringComparison.Ordinal)
            .Replace(" ?", "\u00A0?", StringComparison.Ordinal);

        private static string Date(DateTimeOffset? at) =>
            at is null ? "" : SchoolTime.ToParis(at.Value).ToString("d MMMM yyyy", French);
    }
}
