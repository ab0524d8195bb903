namespace Preau.Admin.Audit;

/// <summary>
/// The audit trail's action codes (issue 3's list), shared by every module that records one;
/// the audit page shows each through its label "AuditAction.{code}" in AdminStrings.
/// </summary>
public static class AuditActions
{
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserMoveClass = "user.move-class";
    public const string UserLinkChild = "user.link-child";
    public const string UserUnlinkChild = "user.unlink-child";
    public const string UserBlock = "user.block";
    public const string UserUnblock = "user.unblock";
    public const string UserGrant = "user.grant";
    public const string UserRevoke = "user.revoke";
    public const string UserSessionsRevoke = "user.sessions-revoke";
    public const string ProfileBlock = "profile.block";
    public const string ProfileUnblock = "profile.unblock";
    public const string ClassCreate = "class.create";
    public const string ClassUpdate = "class.update";
    public const string GroupCreate = "group.create";
    public const string GroupUpdate = "group.update";
    public const string GroupDelete = "group.delete";
    public const string GroupAddMember = "group.add-member";
    public const string GroupRemoveMember = "group.remove-member";
    public const string AppRightsUpdate = "app-rights.update";
    public const string AppRightsReset = "app-rights.reset";
    public const string CommunicationLinkAdd = Platform.Communication.RulesEditor.LinkAdd;
    public const string CommunicationLinkRemove = Platform.Communication.RulesEditor.LinkRemove;
    public const string CommunicationMembersUpdate = Platform.Communication.RulesEditor.MembersUpdate;
    public const string CommunicationDirectUpdate = Platform.Communication.RulesEditor.DirectUpdate;
    public const string CommunicationReset = Platform.Communication.RulesEditor.Reset;
    public const string FeedDefaultsUpdate = "feed.defaults-update";
    public const string FeedReportKeep = "feed.report-keep";
    public const string FeedReportRemove = "feed.report-remove";
    public const string FlashCreate = "flash.create";
    public const string FlashUpdate = "flash.update";
    public const string FlashDelete = "flash.delete";
    public const string MessagingPolicyUpdate = "messaging.policy-update";
    public const string MessagingReportKeep = "messaging.report-keep";
    public const string MessagingReportRemove = "messaging.report-remove";
    public const string MessagingMassSendAlert = "messaging.mass-send-alert";

    /// <summary>Every code of the trail, in the order the audit page's filter lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        UserCreate, UserUpdate, UserMoveClass, UserLinkChild, UserUnlinkChild, UserBlock, UserUnblock,
        "user.detach", "user.restore", "user.delete", UserGrant, UserRevoke, UserSessionsRevoke,
        ProfileBlock, ProfileUnblock, ClassCreate, ClassUpdate,
        GroupCreate, GroupUpdate, GroupDelete, GroupAddMember, GroupRemoveMember,
        "import.apply", "rollover.apply", "code.issue", "password.reset-by-admin", "account.activate", "charter.update",
        "password.reset-by-email", "password.change", "mfa.enable", "mfa.disable", "mfa.reset-by-admin", "mfa.recovery-code-used",
        AppRightsUpdate, AppRightsReset,
        "share.update",
        CommunicationLinkAdd, CommunicationLinkRemove, CommunicationMembersUpdate, CommunicationDirectUpdate, CommunicationReset,
        FeedDefaultsUpdate,
        FeedReportKeep, FeedReportRemove, FlashCreate, FlashUpdate, FlashDelete,
        MessagingPolicyUpdate, MessagingReportKeep, MessagingReportRemove, MessagingMassSendAlert,
    ];

    /// <summary>The resource key of a code's label; a code from a newer module without one shows as itself.</summary>
    public static string LabelKey(string code) => "AuditAction." + code;
}
