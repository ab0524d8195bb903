using Microsoft.EntityFrameworkCore;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;

namespace Preau.Provisioning.Planning;

/// <summary>Who confirmed a change, captured from the request for work done later in the background.</summary>
public sealed record Actor(Guid? Id, string? Name, string? Address, string? Agent)
{
    public static readonly Actor Platform = new(null, null, null, null);

    public AuditEntry Entry(DateTimeOffset at, string action, Guid? targetId, string? targetName, Guid? structureId, string? details) => new()
    {
        Id = Guid.CreateVersion7(at), At = at, ActorId = Id, ActorName = Name, Action = action, TargetUserId = targetId,
        TargetName = targetName is { Length: > 200 } ? targetName[..200] : targetName, StructureId = structureId,
        Details = details is { Length: > 2000 } ? details[..2000] : details, IpAddress = Address, UserAgent = Agent,
    };
}

/// <summary>The counts and the classes an apply touched.</summary>
public sealed record ApplyResult(int Created, int Updated, int Moved, int Detached, int Restored, int Rejected, int ClassesCreated, int LinksAdded,
    IReadOnlyList<(Guid Id, string Name)> TouchedClasses);

/// <summary>
/// Carries out an <see cref="ImportPlan"/> on a tracked snapshot, batched: new rows are added
/// with automatic change detection off and saved in chunks inside the caller's transaction, so
/// that 5,000 people cost a few dozen statements' round trips rather than thousands of queries.
/// Keeps the directory's invariants as <c>DirectoryWriter</c> does: one profile group per
/// profile for each new class; a person in a class is in its structure; a parent is in the
/// class groups of their children's classes, and leaves those their children left.
/// </summary>
internal sealed class PlanExecutor(PreauDbContext db, ActivationCodes codes, TimeProvider clock, ImportPlan plan, Actor actor, Guid? importId, Action<int, int>? progress)
{
    public const int ChunkSize = 500;

    private readonly DirectoryWriter _directory = new(db, clock, codes);
    private readonly DirectorySnapshot _dir = plan.Directory;
    private readonly HashSet<(Guid UserId, Guid GroupId)> _members = [.. plan.Directory.Memberships];
    private readonly Dictionary<(Guid, Guid), GroupMember> _added = [];
    private readonly Dictionary<(Guid? ClassId, Profile Profile), Guid> _profileGroups = [];
    private readonly Dictionary<string, Guid> _teachingGroups = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _touchedClasses = [];
    private int _pending;
    private int _done;
    private int _total;

    private DateTimeOffset Now => clock.GetUtcNow();

    private Structure Structure => _dir.Structure;

    public async Task<ApplyResult> RunAsync(CancellationToken ct)
    {
        var created = plan.Created.Count();
        var updated = plan.Updated.Count();
        var moved = plan.Moved.Count();
        var restored = plan.Restored.Count();
        _total = plan.People.Count + plan.Detach.Count + 1;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var g in _dir.Groups.Values.Where(g => g.Kind == GroupKind.Profile && g.Profile is not null))
            {
                _profileGroups.TryAdd((g.ClassId, g.Profile!.Value), g.Id);
            }

            foreach (var g in _dir.Groups.Values.Where(g => g.Kind == GroupKind.Teaching))
            {
                _teachingGroups.TryAdd(g.Name, g.Id);
            }

            CreateClasses();
            await SaveAsync(ct);

            var allocator = new LoginAllocator(db);
            await allocator.LoadAsync(plan.Created.Select(p => LoginAllocator.BaseOf(p.FirstName, p.LastName)), ct);

            foreach (var person in plan.People)
            {
                var user = person.Existing ?? CreateUser(person, allocator);
                if (person.Existing is not null)
                {
                    Update(person, user);
                }

                PlaceInGroups(person, user);
                Step();
                await SaveIfDueAsync(ct);
            }

            foreach (var (relativeId, studentId) in plan.NewLinks)
            {
                db.ParentLinks.Add(new ParentLink { RelativeId = relativeId, StudentId = studentId });
                _pending++;
            }

            await SaveIfDueAsync(ct);
            var detached = await DetachAsync(ct);
            FollowChildren();
            RecordImport(created, updated, moved, detached, restored);
            await SaveAsync(ct);
            Step();

            return new ApplyResult(created, updated, moved, detached, restored, plan.Rejected.Count, plan.NewClasses.Count, plan.NewLinks.Count,
                [.. _touchedClasses.Select(id => (id, ClassName(id))).OrderBy(c => c.Item2, StringComparer.Ordinal)]);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private string ClassName(Guid id) =>
        _dir.Classes.TryGetValue(id, out var c) ? c.Name : plan.NewClasses.FirstOrDefault(n => n.Id == id)?.Name ?? "";

    private void Step()
    {
        _done++;
        progress?.Invoke(Math.Min(_done, _total), _total);
    }

    /// <summary>The new classes of the file, through the directory's writer: the structure's year, one group per profile.</summary>
    private void CreateClasses()
    {
        foreach (var c in plan.NewClasses)
        {
            foreach (var group in _directory.CreateClass(Structure, c.Name, c.Level, c.Id).Groups)
            {
                _profileGroups[(c.Id, group.Profile!.Value)] = group.Id;
            }

            _touchedClasses.Add(c.Id);
        }
    }

    /// <summary>A new account through the directory's writer, under a login allocated in memory for the whole file.</summary>
    private User CreateUser(PersonPlan person, LoginAllocator allocator)
    {
        var user = _directory.CreateUser(
            new NewUser(person.FirstName, person.LastName, person.Profile, person.Email, person.Phone, person.BirthDate, person.ExternalId),
            allocator.Next(LoginAllocator.BaseOf(person.FirstName, person.LastName)), person.Id);
        _pending++;
        return user;
    }

    private void Update(PersonPlan person, User user)
    {
        if (person.Changes.Count > 0)
        {
            user.LastName = person.LastName;
            user.FirstName = person.FirstName;
            user.DisplayName = $"{person.FirstName} {person.LastName}";
            user.BirthDate = person.BirthDate ?? user.BirthDate;
            user.Email = person.Email ?? user.Email;
            user.Phone = person.Phone ?? user.Phone;
            user.ExternalId = person.ExternalId ?? user.ExternalId;
            db.Entry(user).State = EntityState.Modified;
            _pending++;
        }

        if (person.Restores)
        {
            user.DetachedAt = null;
            db.Entry(user).State = EntityState.Modified;
            db.Remove(_dir.Detachments[user.Id]);
            db.Add(actor.Entry(Now, "user.restore", user.Id, user.DisplayName, Structure.Id, importId is null ? null : $"import {importId}"));
            _pending += 2;
        }
    }

    private void PlaceInGroups(PersonPlan person, User user)
    {
        Join(user.Id, ProfileGroupId(null, person.Profile));
        if (person.Classes is { } classes)
        {
            var wanted = classes.Select(c => c.Id).ToHashSet();
            foreach (var old in person.PreviousClasses.Where(c => !wanted.Contains(c)))
            {
                Leave(user.Id, ProfileGroupId(old, person.Profile));
            }

            foreach (var c in wanted)
            {
                if (Join(user.Id, ProfileGroupId(c, person.Profile)))
                {
                    _touchedClasses.Add(c);
                }
            }
        }

        if (person.Subjects is { } subjects)
        {
            var wanted = subjects.Select(s => TeachingGroupId(s.Class, s.Subject)).ToHashSet();
            foreach (var old in _dir.GroupsOf(user.Id).Where(id => _dir.Groups[id].Kind == GroupKind.Teaching && !wanted.Contains(id)))
            {
                Leave(user.Id, old);
            }

            foreach (var id in wanted)
            {
                Join(user.Id, id);
            }
        }
    }

    private Guid TeachingGroupId(ClassPlan? schoolClass, string subject)
    {
        var name = ImportPlanner.TeachingGroupName(schoolClass, subject);
        if (!_teachingGroups.TryGetValue(name, out var id))
        {
            var group = new Group { Id = Guid.CreateVersion7(Now), Kind = GroupKind.Teaching, StructureId = Structure.Id, ClassId = schoolClass?.Id, Name = name, CreatedAt = Now };
            db.Groups.Add(group);
            _pending++;
            _teachingGroups[name] = id = group.Id;
        }

        return id;
    }

    private Guid ProfileGroupId(Guid? classId, Profile profile) =>
        _profileGroups.TryGetValue((classId, profile), out var id)
            ? id
            : throw new InvalidOperationException($"No {profile} group for class {classId} in structure {Structure.Id}.");

    private bool Join(Guid userId, Guid groupId)
    {
        if (!_members.Add((userId, groupId)))
        {
            return false;
        }

        var member = new GroupMember { UserId = userId, GroupId = groupId, JoinedAt = Now };
        db.GroupMembers.Add(member);
        _added[(userId, groupId)] = member;
        _pending++;
        return true;
    }

    private void Leave(Guid userId, Guid groupId)
    {
        if (!_members.Remove((userId, groupId)))
        {
            return;
        }

        if (_added.Remove((userId, groupId), out var fresh))
        {
            db.Entry(fresh).State = db.Entry(fresh).State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
        }
        else
        {
            db.Entry(new GroupMember { UserId = userId, GroupId = groupId }).State = EntityState.Deleted;
        }

        _pending++;
    }

    /// <summary>Out of every group of the structure, remembered for a restore; out of the platform when they belong nowhere else.</summary>
    private async Task<int> DetachAsync(CancellationToken ct)
    {
        if (plan.Detach.Count == 0)
        {
            return 0;
        }

        var ids = plan.Detach.Select(u => u.Id).ToList();
        var elsewhere = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            elsewhere.UnionWith(await db.GroupMembers
                .Where(m => chunk.Contains(m.UserId) && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId != Structure.Id))
                .Select(m => m.UserId).Distinct().ToListAsync(ct));
        }

        var now = Now;
        var detaching = ids.ToHashSet();
        var groupsOf = _members.Where(m => detaching.Contains(m.UserId)).ToLookup(m => m.UserId, m => m.GroupId);
        foreach (var user in plan.Detach)
        {
            var groups = groupsOf[user.Id].ToList();
            foreach (var group in groups)
            {
                Leave(user.Id, group);
            }

            db.Add(new Detachment { UserId = user.Id, StructureId = Structure.Id, DetachedAt = now, ImportId = importId, GroupIds = string.Join(' ', groups) });
            if (!elsewhere.Contains(user.Id))
            {
                user.DetachedAt = now;
                db.Entry(user).State = EntityState.Modified;
            }

            db.Add(actor.Entry(now, "user.detach", user.Id, user.DisplayName, Structure.Id, importId is null ? null : $"import {importId}"));
            _pending += 3;
            Step();
            await SaveIfDueAsync(ct);
        }

        var gone = plan.Detach.Where(u => !elsewhere.Contains(u.Id)).Select(u => u.Id).ToList();
        foreach (var chunk in gone.Chunk(ChunkSize))
        {
            await db.UserSessions.Where(s => chunk.Contains(s.UserId) && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        }

        return plan.Detach.Count;
    }

    /// <summary>Each parent of the structure ends up in the class groups of their children's classes, and in no other.</summary>
    private void FollowChildren()
    {
        var detached = plan.Detach.Select(u => u.Id).ToHashSet();
        var planned = plan.People.ToDictionary(p => p.Id);
        IEnumerable<Guid> ClassesOf(Guid pupilId)
        {
            if (detached.Contains(pupilId))
            {
                return [];
            }

            if (planned.TryGetValue(pupilId, out var p) && p.Profile == Profile.Student && p.Classes is not null)
            {
                return p.Classes.Select(c => c.Id);
            }

            return _dir.People.TryGetValue(pupilId, out var u) ? _dir.CurrentClassesOf(u) : [];
        }

        var links = _dir.Links.Select(l => (l.RelativeId, l.StudentId)).Concat(plan.NewLinks).Distinct().ToList();
        var relatives = links.Select(l => l.RelativeId)
            .Concat(_dir.Members(Profile.Relative).Select(u => u.Id))
            .Concat(plan.People.Where(p => p.Profile == Profile.Relative).Select(p => p.Id))
            .Where(id => !detached.Contains(id))
            .ToHashSet();
        var childrenOf = links.ToLookup(l => l.RelativeId, l => l.StudentId);
        var pupilsHere = _dir.People.Values.Where(u => u.Profile == Profile.Student).Select(u => u.Id)
            .Concat(plan.People.Where(p => p.Profile == Profile.Student).Select(p => p.Id)).ToHashSet();
        var relativeClassGroups = _profileGroups.Where(g => g.Key.Profile == Profile.Relative && g.Key.ClassId is { } c && IsCurrentOrNew(c))
            .ToDictionary(g => g.Value, g => g.Key.ClassId!.Value);

        var classGroupsOf = _members.Where(m => relativeClassGroups.ContainsKey(m.GroupId)).ToLookup(m => m.UserId, m => m.GroupId);
        foreach (var relativeId in relatives)
        {
            var children = childrenOf[relativeId].Where(pupilsHere.Contains).ToList();
            var wanted = children.SelectMany(ClassesOf).Where(IsCurrentOrNew).Select(c => ProfileGroupId(c, Profile.Relative)).ToHashSet();
            var current = classGroupsOf[relativeId].ToList();
            foreach (var group in current.Where(g => !wanted.Contains(g)))
            {
                Leave(relativeId, group);
            }

            foreach (var group in wanted)
            {
                Join(relativeId, group);
            }

            if (children.Count > 0 && (planned.ContainsKey(relativeId) || wanted.Count > 0))
            {
                Join(relativeId, ProfileGroupId(null, Profile.Relative));
            }
        }
    }

    private bool IsCurrentOrNew(Guid classId) => _dir.IsCurrent(classId) || plan.NewClasses.Any(c => c.Id == classId);

    private void RecordImport(int created, int updated, int moved, int detached, int restored)
    {
        var details = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"kind={plan.Kind}; created={created}; updated={updated}; moved={moved}; detached={detached}; restored={restored}; rejected={plan.Rejected.Count}; classes={plan.NewClasses.Count}; links={plan.NewLinks.Count}");
        db.Add(actor.Entry(Now, "import.apply", null, null, Structure.Id, importId is null ? details : $"import {importId}; {details}"));
        _pending++;
    }

    private async Task SaveIfDueAsync(CancellationToken ct)
    {
        if (_pending >= ChunkSize)
        {
            await SaveAsync(ct);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);

        // What is saved needs no tracking: a small tracker keeps each chunk's cost flat. Entities
        // changed later are attached again with their state set explicitly.
        db.ChangeTracker.Clear();
        _pending = 0;
    }
}
