using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "msg_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sender_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    acknowledged_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "msg_folders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    depth = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_folders", x => x.id);
                    table.ForeignKey(
                        name: "fk_msg_folders_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "msg_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    thread_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    sender_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sender_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    preview = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    search_text = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    scheduled_for = table.Column<long>(type: "INTEGER", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    recalled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    failure_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    recipient_count = table.Column<int>(type: "INTEGER", nullable: false),
                    attachment_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "msg_policies",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    profile = table.Column<int>(type: "INTEGER", nullable: false),
                    sending_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    quiet_from = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    quiet_to = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    updated_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_policies", x => new { x.structure_id, x.profile });
                    table.ForeignKey(
                        name: "fk_msg_policies_dir_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "msg_addresses",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    field = table.Column<int>(type: "INTEGER", nullable: false),
                    is_group = table.Column<bool>(type: "INTEGER", nullable: false),
                    target_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_addresses", x => new { x.message_id, x.position });
                    table.ForeignKey(
                        name: "fk_msg_addresses_message_message_id",
                        column: x => x.message_id,
                        principalTable: "msg_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "msg_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 127, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    blob_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    inline = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_msg_attachments_message_message_id",
                        column: x => x.message_id,
                        principalTable: "msg_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "msg_mailbox",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    folder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    trashed_from = table.Column<Guid>(type: "TEXT", nullable: true),
                    unread = table.Column<bool>(type: "INTEGER", nullable: false),
                    date = table.Column<long>(type: "INTEGER", nullable: false),
                    received = table.Column<bool>(type: "INTEGER", nullable: false),
                    hidden = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_mailbox", x => new { x.user_id, x.message_id });
                    table.ForeignKey(
                        name: "fk_msg_mailbox_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_msg_mailbox_message_message_id",
                        column: x => x.message_id,
                        principalTable: "msg_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "msg_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reporter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decision = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_msg_reports_msg_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "msg_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_msg_alerts_sender_id_created_at",
                table: "msg_alerts",
                columns: new[] { "sender_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_msg_alerts_structure_id_acknowledged_at",
                table: "msg_alerts",
                columns: new[] { "structure_id", "acknowledged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_msg_attachments_message_id",
                table: "msg_attachments",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_msg_folders_user_id_parent_id",
                table: "msg_folders",
                columns: new[] { "user_id", "parent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_msg_mailbox_folder",
                table: "msg_mailbox",
                columns: new[] { "user_id", "folder_id", "date", "message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_msg_mailbox_message_id",
                table: "msg_mailbox",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_msg_mailbox_unread",
                table: "msg_mailbox",
                columns: new[] { "user_id", "folder_id" },
                filter: "unread");

            migrationBuilder.CreateIndex(
                name: "ix_msg_messages_sender_id_sent_at",
                table: "msg_messages",
                columns: new[] { "sender_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_msg_messages_thread_id",
                table: "msg_messages",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_msg_reports_message_id_reporter_id",
                table: "msg_reports",
                columns: new[] { "message_id", "reporter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_msg_reports_structure_id_decision",
                table: "msg_reports",
                columns: new[] { "structure_id", "decision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "msg_addresses");

            migrationBuilder.DropTable(
                name: "msg_alerts");

            migrationBuilder.DropTable(
                name: "msg_attachments");

            migrationBuilder.DropTable(
                name: "msg_folders");

            migrationBuilder.DropTable(
                name: "msg_mailbox");

            migrationBuilder.DropTable(
                name: "msg_policies");

            migrationBuilder.DropTable(
                name: "msg_reports");

            migrationBuilder.DropTable(
                name: "msg_messages");
        }
    }
}
