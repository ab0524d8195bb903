using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MailJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fed_mail_sends",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "job_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    unique_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    run_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    max_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_jobs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fed_mail_sends_sent_at",
                table: "fed_mail_sends",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_fed_mail_sends_user_id",
                table: "fed_mail_sends",
                column: "user_id");

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
                name: "fed_mail_sends");

            migrationBuilder.DropTable(
                name: "job_jobs");
        }
    }
}
