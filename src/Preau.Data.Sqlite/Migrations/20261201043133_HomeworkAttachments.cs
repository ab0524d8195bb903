using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HomeworkAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hw_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    homework_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    blob_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    added_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hw_attachments", x => x.id);
                    table.CheckConstraint("ck_hw_attachments_one_entry", "(homework_id IS NULL) <> (session_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_hw_attachments_hw_homework_homework_id",
                        column: x => x.homework_id,
                        principalTable: "hw_homework",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hw_attachments_hw_session_session_id",
                        column: x => x.session_id,
                        principalTable: "hw_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hw_attachments_homework",
                table: "hw_attachments",
                column: "homework_id");

            migrationBuilder.CreateIndex(
                name: "ix_hw_attachments_session",
                table: "hw_attachments",
                column: "session_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hw_attachments");
        }
    }
}
