using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Homework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hw_books",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_id = table.Column<Guid>(type: "uuid", nullable: true),
                    audience_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    frozen_until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_books", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hw_calendar_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_calendar_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hw_inspectors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: false),
                    granted_by = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_inspectors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hw_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    book_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    visible_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_hw_sessions_hw_books_book_id",
                        column: x => x.book_id,
                        principalTable: "hw_books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hw_visas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    book_id = table.Column<Guid>(type: "uuid", nullable: false),
                    up_to = table.Column<DateOnly>(type: "date", nullable: false),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_visas", x => x.id);
                    table.ForeignKey(
                        name: "fk_hw_visas_hw_books_book_id",
                        column: x => x.book_id,
                        principalTable: "hw_books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hw_homework",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    book_id = table.Column<Guid>(type: "uuid", nullable: false),
                    audience_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    given_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: true),
                    targeted = table.Column<bool>(type: "boolean", nullable: false),
                    visible_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recurrence_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_homework", x => x.id);
                    table.ForeignKey(
                        name: "fk_hw_homework_hw_books_book_id",
                        column: x => x.book_id,
                        principalTable: "hw_books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_hw_homework_hw_session_session_id",
                        column: x => x.session_id,
                        principalTable: "hw_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "hw_done",
                columns: table => new
                {
                    homework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_done", x => new { x.pupil_id, x.homework_id });
                    table.ForeignKey(
                        name: "fk_hw_done_hw_homework_homework_id",
                        column: x => x.homework_id,
                        principalTable: "hw_homework",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hw_targets",
                columns: table => new
                {
                    homework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_targets", x => new { x.homework_id, x.pupil_id });
                    table.ForeignKey(
                        name: "fk_hw_targets_hw_homework_homework_id",
                        column: x => x.homework_id,
                        principalTable: "hw_homework",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hw_books_class",
                table: "hw_books",
                column: "class_id");

            migrationBuilder.CreateIndex(
                name: "ix_hw_books_structure",
                table: "hw_books",
                column: "structure_id");

            migrationBuilder.CreateIndex(
                name: "ux_hw_books_audience_subject",
                table: "hw_books",
                columns: new[] { "audience_group_id", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hw_calendar_keys_subject",
                table: "hw_calendar_keys",
                columns: new[] { "scope", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ux_hw_calendar_keys_secret",
                table: "hw_calendar_keys",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hw_done_homework",
                table: "hw_done",
                column: "homework_id");

            migrationBuilder.CreateIndex(
                name: "ix_hw_homework_audience_due",
                table: "hw_homework",
                columns: new[] { "audience_group_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_hw_homework_book_due",
                table: "hw_homework",
                columns: new[] { "book_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_hw_homework_recurrence",
                table: "hw_homework",
                column: "recurrence_id",
                filter: "recurrence_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hw_homework_session_id",
                table: "hw_homework",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ux_hw_inspectors_user_structure",
                table: "hw_inspectors",
                columns: new[] { "user_id", "structure_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hw_sessions_book_date",
                table: "hw_sessions",
                columns: new[] { "book_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_hw_visas_book",
                table: "hw_visas",
                columns: new[] { "book_id", "signed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hw_calendar_keys");

            migrationBuilder.DropTable(
                name: "hw_done");

            migrationBuilder.DropTable(
                name: "hw_inspectors");

            migrationBuilder.DropTable(
                name: "hw_targets");

            migrationBuilder.DropTable(
                name: "hw_visas");

            migrationBuilder.DropTable(
                name: "hw_homework");

            migrationBuilder.DropTable(
                name: "hw_sessions");

            migrationBuilder.DropTable(
                name: "hw_books");
        }
    }
}
