using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sender_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipients = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_by = table.Column<Guid>(type: "uuid", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "msg_folders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sender_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sender_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    preview = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    scheduled_for = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recalled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failure_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    recipient_count = table.Column<int>(type: "integer", nullable: false),
                    attachment_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_msg_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "msg_policies",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile = table.Column<int>(type: "integer", nullable: false),
                    sending_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    quiet_from = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    quiet_to = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    field = table.Column<int>(type: "integer", nullable: false),
                    is_group = table.Column<bool>(type: "boolean", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(127)", maxLength: 127, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    blob_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    inline = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    folder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trashed_from = table.Column<Guid>(type: "uuid", nullable: true),
                    unread = table.Column<bool>(type: "boolean", nullable: false),
                    date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received = table.Column<bool>(type: "boolean", nullable: false),
                    hidden = table.Column<bool>(type: "boolean", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
