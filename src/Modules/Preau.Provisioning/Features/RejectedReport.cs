using Microsoft.Extensions.Localization;
using Preau.Platform.Kernel;
using Preau.Provisioning.Planning;
using Preau.Provisioning.Reading;
using Preau.Provisioning.Resources;

namespace Preau.Provisioning.Features;

/// <summary>The rejected lines of an import as a CSV for the school's secretary: line, name, reason, detail, and the line itself.</summary>
public sealed class RejectedReport(ImportSession session, IStringLocalizer<ProvisioningStrings> S)
{
    public sealed record Report(string FileName, byte[] Content);

    public async Task<Report?> HandleAsync(UserContext user, Guid structureId, Guid importId, CancellationToken ct)
    {
        var file = await session.LoadAsync(user, structureId, importId, ct);
        if (file is null)
        {
            return null;
        }

        var plan = await session.PlanAsync(file, ct);
        if (plan is null)
        {
            return null;
        }

        var lines = file.Table.Rows.ToDictionary(r => r.Line);
        var rows = new List<IEnumerable<string?>> { new[] { S["Report.Line"].Value, S["Report.Name"].Value, S["Report.Reason"].Value, S["Report.Detail"].Value } .Concat(file.Table.Header) };
        foreach (var r in plan.Rejected)
        {
            var fields = lines.TryGetValue(r.Line, out var row) ? row.Fields : [];
            rows.Add(new[] { r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name, Reasons.Text(S, r.Reason), r.Detail }.Concat(fields));
        }

        var name = Path.GetFileNameWithoutExtension(file.Run.FileName);
        return new Report($"{name}-rejets.csv", CsvExport.Write(rows));
    }
}

/// <summary>The words for each reason a line is rejected.</summary>
public static class Reasons
{
    public static string Text(IStringLocalizer<ProvisioningStrings> S, RejectReason reason) => reason switch
    {
        RejectReason.MissingName => S["Reason.MissingName"],
        RejectReason.NameTooLong => S["Reason.NameTooLong"],
        RejectReason.MissingClass => S["Reason.MissingClass"],
        RejectReason.UnknownClass => S["Reason.UnknownClass"],
        RejectReason.UnsuitableClass => S["Reason.UnsuitableClass"],
        RejectReason.DuplicateInFile => S["Reason.DuplicateInFile"],
        RejectReason.BadDate => S["Reason.BadDate"],
        RejectReason.MissingBirthDate => S["Reason.MissingBirthDate"],
        RejectReason.LineTooLong => S["Reason.LineTooLong"],
        RejectReason.WrongColumnCount => S["Reason.WrongColumnCount"],
        RejectReason.UnknownChild => S["Reason.UnknownChild"],
        RejectReason.AmbiguousChild => S["Reason.AmbiguousChild"],
        RejectReason.IdTooLong => S["Reason.IdTooLong"],
        RejectReason.BadEmail => S["Reason.BadEmail"],
        _ => reason.ToString(),
    };

    /// <summary>The reason with its detail: "duplicate (same as line 4)".</summary>
    public static string WithDetail(IStringLocalizer<ProvisioningStrings> S, Rejection r) => r.Reason switch
    {
        RejectReason.DuplicateInFile when r.Detail is not null => S["Reason.DuplicateOfLine", r.Detail],
        RejectReason.LineTooLong when r.Detail is not null => S["Reason.LineTooLongOf", r.Detail],
        RejectReason.WrongColumnCount when r.Detail is not null => S["Reason.WrongColumnCountOf", r.Detail],
        _ when r.Detail is not null => $"{Text(S, r.Reason)} ({r.Detail})",
        _ => Text(S, r.Reason),
    };
}
