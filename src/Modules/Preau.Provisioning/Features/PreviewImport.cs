using Preau.Platform.Kernel;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Planning;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Features;

/// <summary>An uploaded file's columns and mapping, and what applying it would do. Writes nothing.</summary>
public sealed class PreviewImport(ImportSession session)
{
    public sealed record Column(int Index, string Header, ImportField? Field, IReadOnlyList<string> Samples);

    public sealed record FileView(Guid ImportId, Guid StructureId, string StructureName, ImportKind Kind, ImportState State, string FileName,
        string Encoding, string Delimiter, int Lines, IReadOnlyList<Column> Columns, IReadOnlyList<ImportField> Fields,
        IReadOnlyList<ImportField> RequiredFields, IReadOnlyList<ImportField> MissingFields);

    public sealed record Counts(int Created, int Updated, int Moved, int Restored, int Detached, int Rejected, int ClassesCreated, int LinksAdded, int Unchanged);

    public sealed record PersonLine(int Line, string Name, Profile Profile, string? Login, IReadOnlyList<ImportField> Changes,
        IReadOnlyList<string> FromClasses, IReadOnlyList<string> ToClasses, bool Restores);

    public sealed record NewClass(Guid Id, string Name, ClassLevel Level);

    public sealed record PersonRef(Guid Id, string Name, Profile Profile, string Login);

    public sealed record RejectedLine(int Line, string? Name, RejectReason Reason, string? Detail);

    public sealed record Preview(FileView File, Counts Counts, bool NothingToChange, bool DetachesMany,
        IReadOnlyList<PersonLine> Created, IReadOnlyList<PersonLine> Updated, IReadOnlyList<PersonLine> Moved,
        IReadOnlyList<NewClass> NewClasses, IReadOnlyList<PersonRef> Detached, IReadOnlyList<PersonRef> KeptAdmins,
        IReadOnlyList<RejectedLine> Rejected);

    public async Task<FileView?> FileAsync(UserContext user, Guid structureId, Guid importId, CancellationToken ct) =>
        await session.LoadAsync(user, structureId, importId, ct) is { } file ? View(file) : null;

    public async Task<Preview?> HandleAsync(UserContext user, Guid structureId, Guid importId, CancellationToken ct)
    {
        var file = await session.LoadAsync(user, structureId, importId, ct);
        if (file is null)
        {
            return null;
        }

        var view = View(file);
        if (view.MissingFields.Count > 0)
        {
            return new Preview(view, new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0), false, false, [], [], [], [], [], [], []);
        }

        var plan = await session.PlanAsync(file, ct);
        if (plan is null)
        {
            return null;
        }

        var directory = plan.Directory;
        var classNames = directory.Classes.Values.ToDictionary(c => c.Id, c => c.Name);
        IReadOnlyList<string> Names(IEnumerable<Guid> ids) => [.. ids.Select(id => classNames.GetValueOrDefault(id) ?? "")];
        PersonLine Line(PersonPlan p) => new(p.Line, p.DisplayName, p.Profile, p.Existing?.Login, p.Changes,
            Names(p.PreviousClasses), p.Classes is null ? [] : [.. p.Classes.Select(c => c.Name)], p.Restores);
        PersonRef Ref(Platform.Directory.Domain.User u) => new(u.Id, u.DisplayName, u.Profile, u.Login);

        var present = directory.Members(plan.Kind switch
        {
            ImportKind.Pupils => [Profile.Student],
            ImportKind.Relatives => [Profile.Relative],
            _ => [Profile.Teacher, Profile.Personnel],
        }).Count();
        var counts = new Counts(plan.Created.Count(), plan.Updated.Count(), plan.Moved.Count(), plan.Restored.Count(), plan.Detach.Count,
            plan.Rejected.Count, plan.NewClasses.Count, plan.NewLinks.Count, plan.Unchanged);
        return new Preview(view, counts, !plan.HasChanges, plan.DetachesMany(present),
            [.. plan.Created.Select(Line)],
            [.. plan.Updated.Select(Line)],
            [.. plan.Moved.Select(Line)],
            [.. plan.NewClasses.Select(c => new NewClass(c.Id, c.Name, c.Level))],
            [.. plan.Detach.Select(Ref)],
            [.. plan.KeptAdmins.Select(Ref)],
            [.. plan.Rejected.Select(r => new RejectedLine(r.Line, r.Name, r.Reason, r.Detail))]);
    }

    private static FileView View(ImportFile file)
    {
        var samples = file.Table.Rows.Where(r => r.Problem is null).Take(3).ToList();
        var byColumn = file.Mapping.Columns.ToDictionary(c => c.Value, c => c.Key);
        var columns = file.Table.Header.Select((h, i) => new Column(i, h, byColumn.TryGetValue(i, out var f) ? f : null,
            [.. samples.Select(r => i < r.Fields.Count ? r.Fields[i] : "")])).ToList();
        var fields = ImportFields.For(file.Run.Kind);
        var run = file.Run;
        return new FileView(run.Id, run.StructureId, file.StructureName, run.Kind, run.State, run.FileName, run.Encoding,
            run.Delimiter == "\t" ? "tab" : run.Delimiter, run.DataLines, columns, fields,
            [.. fields.Where(f => ImportFields.IsRequired(run.Kind, f))], file.MissingFields);
    }
}
