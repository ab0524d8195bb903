using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Feed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fed_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    app = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    resource_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    link = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    values = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    repeats = table.Column<int>(type: "integer", nullable: false),
                    reaches_later_members = table.Column<bool>(type: "boolean", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_mail_sends",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_mail_sends", x => new { x.key, x.user_id });
                    table.ForeignKey(
                        name: "fk_fed_mail_sends_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fed_preferences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    push = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_preferences", x => new { x.user_id, x.type });
                    table.ForeignKey(
                        name: "fk_fed_preferences_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fed_push_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    public_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    private_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_push_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_push_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    p256dh = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    auth = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_push_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_fed_push_subscriptions_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fed_recipients",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    app = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_recipients", x => new { x.user_id, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "fed_type_defaults",
                columns: table => new
                {
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    profile = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    push = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_type_defaults", x => new { x.type, x.profile });
                });

            migrationBuilder.CreateTable(
                name: "flh_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title_fr = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    text_fr = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    title_en = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    text_en = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    profiles = table.Column<int>(type: "integer", nullable: false),
                    all_structures = table.Column<bool>(type: "boolean", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flh_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "job_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    unique_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    max_attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_event_groups",
                columns: table => new
                {
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_event_groups", x => new { x.event_id, x.group_id });
                    table.ForeignKey(
                        name: "fk_fed_event_groups_fed_events_event_id",
                        column: x => x.event_id,
                        principalTable: "fed_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fed_event_users",
                columns: table => new
                {
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_event_users", x => new { x.event_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_fed_event_users_fed_events_event_id",
                        column: x => x.event_id,
                        principalTable: "fed_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fed_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    reporter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_fed_reports_dir_users_reporter_id",
                        column: x => x.reporter_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_fed_reports_fed_events_event_id",
                        column: x => x.event_id,
                        principalTable: "fed_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "flh_dismissals",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flh_dismissals", x => new { x.user_id, x.message_id });
                    table.ForeignKey(
                        name: "fk_flh_dismissals_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_flh_dismissals_flash_message_message_id",
                        column: x => x.message_id,
                        principalTable: "flh_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "flh_message_structures",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flh_message_structures", x => new { x.message_id, x.structure_id });
                    table.ForeignKey(
                        name: "fk_flh_message_structures_dir_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_flh_message_structures_flh_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "flh_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fed_event_groups_group_id_event_id",
                table: "fed_event_groups",
                columns: new[] { "group_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_fed_events_created_at",
                table: "fed_events",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_fed_events_resource_key_actor_id_created_at",
                table: "fed_events",
                columns: new[] { "resource_key", "actor_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_fed_mail_sends_sent_at",
                table: "fed_mail_sends",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_fed_mail_sends_user_id",
                table: "fed_mail_sends",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_fed_push_subscriptions_endpoint",
                table: "fed_push_subscriptions",
                column: "endpoint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fed_push_subscriptions_user_id",
                table: "fed_push_subscriptions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_fed_recipients_event_id",
                table: "fed_recipients",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_fed_recipients_unread",
                table: "fed_recipients",
                column: "user_id",
                filter: "state = 0");

            migrationBuilder.CreateIndex(
                name: "ix_fed_reports_event_id_reporter_id",
                table: "fed_reports",
                columns: new[] { "event_id", "reporter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fed_reports_reporter_id",
                table: "fed_reports",
                column: "reporter_id");

            migrationBuilder.CreateIndex(
                name: "ix_fed_reports_structure_id_decision_created_at",
                table: "fed_reports",
                columns: new[] { "structure_id", "decision", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_flh_dismissals_message_id",
                table: "flh_dismissals",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_flh_message_structures_structure_id_message_id",
                table: "flh_message_structures",
                columns: new[] { "structure_id", "message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_flh_messages_ends_at",
                table: "flh_messages",
                column: "ends_at");

            migrationBuilder.CreateIndex(
                name: "ix_job_jobs_state_completed_at",
                table: "job_jobs",
                columns: new[] { "state", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_job_jobs_state_run_at",
                table: "job_jobs",
                columns: new[] { "state", "run_at" });

            migrationBuilder.CreateIndex(
                name: "ix_job_jobs_unique_key",
                table: "job_jobs",
                column: "unique_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fed_event_groups");

            migrationBuilder.DropTable(
                name: "fed_event_users");

            migrationBuilder.DropTable(
                name: "fed_mail_sends");

            migrationBuilder.DropTable(
                name: "fed_preferences");

            migrationBuilder.DropTable(
                name: "fed_push_keys");

            migrationBuilder.DropTable(
                name: "fed_push_subscriptions");

            migrationBuilder.DropTable(
                name: "fed_recipients");

            migrationBuilder.DropTable(
                name: "fed_reports");

            migrationBuilder.DropTable(
                name: "fed_type_defaults");

            migrationBuilder.DropTable(
                name: "flh_dismissals");

            migrationBuilder.DropTable(
                name: "flh_message_structures");

            migrationBuilder.DropTable(
                name: "job_jobs");

            migrationBuilder.DropTable(
                name: "fed_events");

            migrationBuilder.DropTable(
                name: "flh_messages");
        }
    }
}
