using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Jobs;
using Preau.Provisioning.Reading;

namespace Preau.Provisioning.Features;

/// <summary>The admin confirms: the import joins the queue of the background worker, one at a time per structure.</summary>
public sealed class StartImport(PreauDbContext db, ImportQueue queue, IHttpContextAccessor http, TimeProvider clock)
{
    public abstract record Result
    {
        public sealed record Started(Guid ImportId) : Result;

        /// <summary>Another import of the structure is queued or running.</summary>
        public sealed record Busy(Guid Other) : Result;

        public sealed record MissingFields(IReadOnlyList<ImportField> Fields) : Result;

        public sealed record AlreadyApplied(ImportState State) : Result;

        public sealed record NotFound : Result;
    }

    public async Task<Result> HandleAsync(UserContext user, Guid structureId, Guid importId, bool detachAbsent, CancellationToken ct)
    {
        if (await ProvisioningScope.StructureAsync(db, user, structureId, ct) is null)
        {
            return new Result.NotFound();
        }

        var run = await db.Set<ImportRun>().FirstOrDefaultAsync(r => r.Id == importId && r.StructureId == structureId, ct);
        if (run is null)
        {
            return new Result.NotFound();
        }

        if (run.State != ImportState.Uploaded)
        {
            return new Result.AlreadyApplied(run.State);
        }

        var missing = ImportFields.Missing(run.Kind, ColumnMapping.Parse(run.Mapping));
        if (missing.Count > 0)
        {
            return new Result.MissingFields(missing);
        }

        var other = await db.Set<ImportRun>()
            .Where(r => r.StructureId == structureId && (r.State == ImportState.Queued || r.State == ImportState.Running))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (other is { } busy)
        {
            return new Result.Busy(busy);
        }

        var context = http.HttpContext;
        run.State = ImportState.Queued;
        run.DetachAbsent = detachAbsent;
        run.QueuedAt = clock.GetUtcNow();
        run.AppliedById = user.Id;
        run.AppliedByName = user.DisplayName;
        run.AppliedFromAddress = context?.Connection.RemoteIpAddress?.ToString();
        var agent = context?.Request.Headers.UserAgent.ToString();
        run.AppliedFromAgent = agent is { Length: > 400 } ? agent[..400] : agent;
        await db.SaveChangesAsync(ct);
        queue.Enqueue(run.Id);
        return new Result.Started(run.Id);
    }
}
